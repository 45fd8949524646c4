/**
 * Block storage helpers the proxy's sections share: the id-or-resource argument type, find()
 * where cinder refuses list filters, and the verb maker that installs it. The document and
 * microversion helpers it shares with placement are in ../service-documents.ts.
 * @internal
 */
import { BadRequestError } from '../../errors/errors.js';
import type { ResourceDefinition } from '../../resource/definition.js';
import type { Fields } from '../../resource/field.js';
import type { ResourceBase } from '../../resource/instance.js';
import { type FindOptions, findResource } from '../../resource/operations.js';
import { type FindFn, namedVerbs, type VerbMaker } from '../../resource/verbs.js';
import type { ServiceClient } from '../../session/service-client.js';

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
