/**
 * Block storage helpers the proxy's sections share: the id-or-resource argument type, find()
 * where cinder refuses list filters, the verb maker that installs it, listings of resources
 * that exist from a microversion on, and actions. The document and
 * microversion helpers it shares with placement are in ../service-documents.ts.
 * @internal
 */
import { BadRequestError } from '../../errors/errors.js';
import type { ResourceDefinition } from '../../resource/definition.js';
import type { Fields } from '../../resource/field.js';
import { requireId } from '../../resource/ids.js';
import type { RequestOptions, Resource, ResourceBase } from '../../resource/instance.js';
import { resourceAction } from '../../resource/mixins.js';
import {
  type FindOptions,
  findResource,
  type ListQuery,
  listResources,
  type VerbOptions,
} from '../../resource/operations.js';
import type { ResourceList } from '../../resource/pagination.js';
import { type FindFn, namedVerbs, type VerbMaker } from '../../resource/verbs.js';
import type { ServiceClient } from '../../session/service-client.js';
import { checkedList, requireMicroversion } from '../service-documents.js';

/** A resource or its id. */
export type IdArg = string | ResourceBase<any>;

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

/** The generated verbs of a cinder resource: the shared ones, with {@link findAnyway} as find. */
export const cinderVerbs: VerbMaker = (client, def, singular, plural, verbs) => {
  const out: Record<string, unknown> = namedVerbs(client, def, singular, plural, verbs);
  if (verbs.includes('find')) out[`find${singular}`] = findAnyway(client, def);
  return out;
};

/**
 * Lazily list a resource that exists from microversion `min` on (`what` names the call in the
 * error): the check runs before the first page.
 */
export function listSince<F extends Fields, Q extends Record<string, string>>(
  client: ServiceClient,
  min: string,
  what: string,
  def: ResourceDefinition<F, Q>,
  query: ListQuery<Q>,
  opts: VerbOptions,
): ResourceList<Resource<F>> {
  return checkedList(
    () => requireMicroversion(client, min, what, opts),
    listResources(client, def, query, opts),
  );
}

/** Actions whose repetition changes nothing (setting a flag, a status or metadata again). */
const IDEMPOTENT_ACTIONS = new Set([
  'os-set_bootable',
  'os-update_readonly_flag',
  'os-reset_status',
  'os-set_image_metadata',
  'os-show_image_metadata',
]);

/**
 * One action (`POST {collection}/{id}/action` with `{ name: body }`) on the resource `x` (`what`
 * names it in errors); resolves with the answer's body, if any. An idempotent action may be
 * retried like a PUT.
 */
export async function cinderAction<T = unknown>(
  client: ServiceClient,
  collection: string,
  what: string,
  x: IdArg,
  name: string,
  body: unknown,
  opts: RequestOptions,
): Promise<T | undefined> {
  const o = { ...opts, idempotent: IDEMPOTENT_ACTIONS.has(name) };
  return (await resourceAction<T>(client, collection, requireId(what, x), name, body, o)).body;
}
