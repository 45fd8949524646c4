/**
 * Neutron list-query rules the SDK applies before sending: `sort_key` and `sort_dir` are
 * repeatable and neutron wants as many directions as keys, so missing directions become `asc`.
 */
import { ValidationError } from '../../errors/errors.js';
import {
  type FindOptions,
  findResource,
  type ListQuery,
  listResources,
  namedVerbs,
  type ResourceDefinition,
  type Verb,
  type VerbOptions,
} from '../../resource/index.js';
import type { QueryValue, ServiceClient } from '../../session/service-client.js';

function asList(v: QueryValue): (string | number | boolean)[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? [...v] : [v as string | number | boolean];
}

/** Pair every sort key with a direction (default `asc`); reject unknown directions and extra ones. */
export function normalizeListQuery<Q extends Record<string, string>>(
  q: ListQuery<Q> | undefined,
): ListQuery<Q> {
  if (!q) return {} as ListQuery<Q>;
  const query = q as Record<string, QueryValue>;
  if (query.sortKey === undefined && query.sortDir === undefined) return q;
  const keys = asList(query.sortKey);
  const dirs = asList(query.sortDir).map((d) => String(d).toLowerCase());
  for (const d of dirs) {
    if (d !== 'asc' && d !== 'desc') {
      throw new ValidationError(`must be asc or desc, got "${d}"`, {
        field: 'sortDir',
        fix: "use 'asc' or 'desc'",
      });
    }
  }
  if (dirs.length > keys.length) {
    throw new ValidationError(`${dirs.length} sort directions for ${keys.length} sort keys`, {
      field: 'sortDir',
      fix: 'give one sortKey per sortDir',
    });
  }
  while (dirs.length < keys.length) dirs.push('asc');
  return { ...q, sortKey: keys, sortDir: dirs } as ListQuery<Q>;
}

/** {@link namedVerbs} whose list and find send neutron-normalized queries. */
export function neutronVerbs<
  S extends string,
  P extends string,
  F extends Record<string, any>,
  Q extends Record<string, string>,
  const V extends readonly Verb[],
>(client: ServiceClient, def: ResourceDefinition<F, Q>, singular: S, plural: P, verbs: V) {
  const out = namedVerbs(client, def, singular, plural, verbs) as Record<string, unknown>;
  if (verbs.includes('list')) {
    out[`list${plural}`] = (q?: ListQuery<Q>, o?: VerbOptions) =>
      listResources(client, def, normalizeListQuery(q), o);
  }
  if (verbs.includes('find')) {
    out[`find${singular}`] = (n: string, o: FindOptions<Q> = {}) =>
      findResource(client, def, n, { ...o, query: o.query && normalizeListQuery(o.query) });
  }
  return out as ReturnType<typeof namedVerbs<S, P, F, Q, V>>;
}
