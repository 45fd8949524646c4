/**
 * Block storage helpers: find() where cinder refuses list filters, and volume actions.
 * The document and microversion helpers it shares with placement are in ../service-documents.ts.
 * @internal
 */
import { BadRequestError } from '../../errors/errors.js';
import type { ResourceDefinition } from '../../resource/definition.js';
import type { Fields } from '../../resource/field.js';
import type { RequestOptions } from '../../resource/instance.js';
import { type FindOptions, findResource } from '../../resource/operations.js';
import type { FindFn } from '../../resource/verbs.js';
import type { ServiceClient } from '../../session/service-client.js';
import { readBody } from '../service-documents.js';

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
