/**
 * The requests every section of `conn.objectStore` sends: Swift answers most calls in
 * headers only, and a call's follow-up requests (a manifest read, a listing, segment uploads)
 * carry the caller's options but not the headers meant for the call's own request.
 */
import type { RequestOptions } from '../../session/request-options.js';
import type { ServiceClient, ServiceRequestOptions } from '../../session/service-client.js';

/**
 * Send a request whose answer is all in its headers (`HEAD`, `POST`, `PUT`, `DELETE`), drain
 * the body and return the headers. `call` is the caller's options object, passed on whole.
 */
export async function headersOf(
  client: ServiceClient,
  method: string,
  path: string,
  own: ServiceRequestOptions = {},
  call?: RequestOptions,
): Promise<Record<string, string>> {
  const res = await client.request(method, path, own, call);
  await res.body.dump();
  return res.headers;
}

/**
 * The caller's options for a call's follow-up requests: the signal, timeout and size cap
 * apply to every request of the call; the headers (If-Match, metadata, ...) only to its own.
 */
export function followUp(call: RequestOptions | undefined): RequestOptions | undefined {
  return call?.headers ? { ...call, headers: undefined } : call;
}
