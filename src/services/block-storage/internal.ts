/**
 * Helpers shared by the block storage proxy: documents that are not CRUD collections
 * (limits, quota defaults, summaries), microversion checks for operations and list filters.
 * @internal
 */
import { BadRequestError, ValidationError } from '../../errors/errors.js';
import type { ResourceDefinition } from '../../resource/definition.js';
import type { Fields } from '../../resource/field.js';
import { instantiate, type RequestOptions, type Resource } from '../../resource/instance.js';
import { type FindOptions, findResource } from '../../resource/operations.js';
import { ResourceList } from '../../resource/pagination.js';
import type { FindFn } from '../../resource/verbs.js';
import { microversionInRange } from '../../session/microversion.js';
import type { QueryValue, ServiceClient } from '../../session/service-client.js';

/** Read a response body as JSON (undefined when empty). */
export async function readBody(res: { text(): Promise<string> }): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Remove the resource's envelope when present. */
export function unwrapDoc(def: ResourceDefinition<any, any>, doc: unknown): Record<string, unknown> {
  if (doc && typeof doc === 'object' && !Array.isArray(doc)) {
    const o = doc as Record<string, unknown>;
    if (def.resourceKey && def.resourceKey in o) return (o[def.resourceKey] ?? {}) as Record<string, unknown>;
    return o;
  }
  return {};
}

/** Send a request whose response is one resource document (singletons, non-CRUD paths). */
export async function requestDocument<F extends Fields>(
  client: ServiceClient,
  def: ResourceDefinition<F, any>,
  method: string,
  path: string,
  opts: RequestOptions & {
    query?: Record<string, QueryValue>;
    json?: unknown;
    uri?: Record<string, unknown>;
  } = {},
): Promise<Resource<F>> {
  const res = await client.request(method, path, {
    query: opts.query,
    json: opts.json,
    signal: opts.signal,
    timeoutMs: opts.timeoutMs,
    microversion: opts.microversion,
    headers: opts.headers,
  });
  return instantiate(def, client, unwrapDoc(def, await readBody(res)), res.headers, opts.uri ?? {});
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
  await client.resolve(opts.signal);
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

const withoutQuery = new WeakMap<ResourceDefinition<any, any>, ResourceDefinition<any, any>>();

/**
 * find() that still works where the cloud refuses list filters for non-admin users (cinder's
 * `resource_query_filters_file` can allow none: "Invalid filters name are found"): on that 400
 * it lists without the name filter and matches names itself.
 */
export function findAnyway<F extends Fields, Q extends Record<string, string>>(
  client: ServiceClient,
  def: ResourceDefinition<F, Q>,
): FindFn<F, Q> {
  return (async (nameOrId: string, opts: FindOptions<Q> = {}) => {
    try {
      return await findResource(client, def, nameOrId, opts);
    } catch (e) {
      if (!(e instanceof BadRequestError) || !/invalid filters/i.test(e.serviceMessage ?? '')) throw e;
      let plain = withoutQuery.get(def);
      if (!plain) {
        plain = { ...def, query: {} };
        withoutQuery.set(def, plain);
      }
      return findResource(client, plain, nameOrId, { ...opts, query: undefined } as FindOptions<any>);
    }
  }) as FindFn<F, Q>;
}

/**
 * `POST {collection}/{id}/action` with `{ name: body }`. `idempotent` marks actions whose repetition
 * changes nothing (setting a flag or a status), which the HTTP layer may then retry like a PUT.
 */
export async function action<T = unknown>(
  client: ServiceClient,
  collection: string,
  id: string,
  name: string,
  body: unknown,
  opts: RequestOptions & { idempotent?: boolean } = {},
): Promise<T | undefined> {
  const res = await client.request('POST', `${collection}/${encodeURIComponent(id)}/action`, {
    json: { [name]: body },
    idempotent: opts.idempotent,
    signal: opts.signal,
    timeoutMs: opts.timeoutMs,
    microversion: opts.microversion,
    headers: opts.headers,
  });
  return (await readBody(res)) as T | undefined;
}
