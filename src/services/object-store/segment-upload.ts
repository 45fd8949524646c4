/**
 * One segment (or any object) PUT whose bytes are hashed on the way out and checked against
 * the ETag Swift returns. Bytes in memory send their MD5 up front so Swift rejects a
 * corrupted body itself (422). Ranged sources (files) are retried by re-reading the range on
 * connection errors, timeouts and 5xx; one-shot streams cannot be retried.
 */
import { ConnectionError, ServerError, TimeoutError } from '../../errors/errors.js';
import type { RequestOptions } from '../../session/request-options.js';
import type { ServiceClient } from '../../session/service-client.js';
import type { HttpResponse, RequestBody } from '../../transport/http-client.js';
import { ChecksumMismatchError } from './errors.js';
import { hashed, Md5Tracker, md5Hex, unquoteEtag } from './hashing.js';

export interface PutBody {
  /** Bytes in memory (replayable). */
  bytes?: Uint8Array;
  /** A fresh body for each attempt (ranged source). */
  open?: () => RequestBody;
  /** A one-shot stream. */
  stream?: AsyncIterable<Uint8Array | string>;
  /** Exact length when known (sent as Content-Length). */
  length?: number;
}

/** The put's own options (the caller's come whole, as `call`). */
export interface PutOptions {
  headers?: Record<string, string>;
  query?: Record<string, string>;
  /** A signal of the put's own (e.g. an upload's combined one); it wins over the caller's. */
  signal?: AbortSignal;
  onBytes?: (n: number) => void;
  /** Extra attempts for ranged sources (default 2). */
  retries?: number;
  /** Caller-known MD5 of the body, sent as ETag so Swift verifies it. */
  etag?: string;
  /** Name for messages. */
  what: string;
}

export interface PutResult {
  etag: string;
  bytes: number;
  response: HttpResponse;
}

function retryable(e: unknown): boolean {
  return e instanceof ConnectionError || e instanceof TimeoutError || e instanceof ServerError;
}

/**
 * PUT `path` with `body`, verifying the MD5 of what was sent against the returned ETag.
 * `call` is the caller's options, merged under the put's own.
 */
export async function verifiedPut(
  client: ServiceClient,
  path: string,
  body: PutBody,
  o: PutOptions,
  call?: RequestOptions,
): Promise<PutResult> {
  const signal = o.signal ?? call?.signal;
  const attempts = body.open ? (o.retries ?? 2) + 1 : 1;
  for (let attempt = 1; ; attempt++) {
    const tracker = new Md5Tracker();
    const headers: Record<string, string> = { ...o.headers };
    let reqBody: RequestBody;
    let sent = 0;
    const count = (n: number) => {
      sent += n;
      o.onBytes?.(n);
    };
    let known = o.etag;
    if (body.bytes) {
      known ??= md5Hex(body.bytes);
      reqBody = body.bytes;
    } else {
      const src = body.open ? body.open() : body.stream!;
      const iterable =
        typeof src === 'string' || src instanceof Uint8Array ? [src] : (src as AsyncIterable<Uint8Array>);
      reqBody = hashed(iterable as AsyncIterable<Uint8Array>, tracker, count);
    }
    if (known) headers.etag = known;
    if (body.length !== undefined) headers['content-length'] = String(body.length);
    try {
      const response = await client.request(
        'PUT',
        path,
        { body: reqBody, headers, query: o.query, signal: o.signal, logBody: false },
        call,
      );
      await response.body.dump();
      if (body.bytes) count(body.bytes.byteLength);
      const got = unquoteEtag(response.headers.etag) ?? '';
      const mine = body.bytes ? known! : tracker.md5();
      if (got && got !== mine) throw new ChecksumMismatchError(o.what, got, mine);
      return { etag: got || mine, bytes: body.bytes ? body.bytes.byteLength : tracker.bytes, response };
    } catch (e) {
      if (sent) o.onBytes?.(-sent);
      if (tracker.sourceError) throw tracker.sourceError;
      if (attempt >= attempts || !retryable(e) || signal?.aborted) throw e;
      await new Promise((r) => setTimeout(r, 250 * attempt));
    }
  }
}
