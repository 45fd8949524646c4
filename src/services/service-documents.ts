/**
 * Helpers shared by microversioned service proxies: documents that are not CRUD collections
 * (limits, quota defaults, inventories, usages), microversion checks for operations and query parameters.
 * @internal
 */
import { ValidationError } from '../errors/errors.js';
import type { ResourceDefinition } from '../resource/definition.js';
import type { Fields } from '../resource/field.js';
import { instantiate, type RequestOptions, type Resource } from '../resource/instance.js';
import { ResourceList } from '../resource/pagination.js';
import { type DecodableResponse, decodeJson, isRead, type JsonDocument } from '../session/decode.js';
import { microversionInRange } from '../session/microversion.js';
import type { QueryValue, ServiceClient } from '../session/service-client.js';

/**
 * Read a write's (or an action's) answer as JSON: undefined when there is none (204, an empty
 * 202); a body that is there but not a JSON document is an InvalidResponseError.
 */
export async function readBody(res: DecodableResponse): Promise<unknown> {
  return (await decodeJson(res, { required: false })).value;
}

/** Decode an answer with the structural checks of {@link JsonDocument}; a read (GET) requires a document. */
export function readDocument(
  res: DecodableResponse,
  opts: { maxBodyBytes?: number } = {},
): Promise<JsonDocument> {
  // only the cap: a caller's whole options object may carry other fields, and none of them may
  // relax whether a read needs a document
  return decodeJson(res, { required: isRead(res.method), maxBodyBytes: opts.maxBodyBytes });
}

/**
 * Send a request whose response is one resource document (singletons, non-CRUD paths). `own`
 * is the call's own query, body and the uri a bodiless answer is known by; `call` is the
 * caller's options, passed on whole.
 */
export async function requestDocument<F extends Fields>(
  client: ServiceClient,
  def: ResourceDefinition<F, any>,
  method: string,
  path: string,
  own: { query?: Record<string, QueryValue>; json?: unknown; uri?: Record<string, unknown> } = {},
  call?: RequestOptions,
): Promise<Resource<F>> {
  const { uri, ...request } = own;
  const res = await client.request(method, path, { ...request, buffer: true }, call);
  const doc = await readDocument(res, call);
  // a write may answer with nothing: the resource is then what was asked for, known by its uri
  const body = doc.value === undefined ? {} : doc.resource(def.resourceKey);
  return instantiate(def, client, body, res.headers, uri ?? {});
}

/** The microversion a call will use: the per-call override, else the negotiated one. */
function effective(client: ServiceClient, opts: RequestOptions): string | undefined {
  return opts.microversion ?? client.microversion;
}

/**
 * Throw a {@link ValidationError} before sending when the call's microversion is below `min`
 * (what: the operation or parameter, named in the error).
 */
export async function requireMicroversion(
  client: ServiceClient,
  min: string,
  what: string,
  opts: RequestOptions = {},
): Promise<void> {
  await client.resolve(opts.signal, opts.timeoutMs);
  const v = effective(client, opts);
  if (v && !microversionInRange(v, min)) {
    throw new ValidationError(
      `needs ${client.spec.serviceType} microversion ${min} or later; this call uses ${v}`,
      {
        field: what,
        fix: `pin ${client.spec.serviceType.replace(/-/g, '_')}_api_version to ${min} or later in clouds.yaml or the connection options`,
      },
    );
  }
}

/** Check list filters that exist only from some microversion on (TypeScript name → min version). */
export async function checkQueryVersions(
  client: ServiceClient,
  what: string,
  query: Record<string, unknown> | undefined,
  gates: Record<string, string>,
  opts: RequestOptions = {},
): Promise<void> {
  for (const [name, min] of Object.entries(gates)) {
    if (query?.[name] !== undefined) await requireMicroversion(client, min, `${what}.${name}`, opts);
  }
}

/** A lazy listing that runs `check` before its first page. */
export function checkedList<T>(check: () => Promise<void>, inner: ResourceList<T>): ResourceList<T> {
  return new ResourceList(async function* () {
    await check();
    yield* inner.pages();
  });
}
