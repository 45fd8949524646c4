/**
 * One consistent set of verbs for every resource of every service, generated from the
 * resource definition so naming cannot drift: `listServers`, `getServer`, `findServer`,
 * `createServer`, `updateServer`, `deleteServer`, `waitForServer`, `waitForServerDelete`.
 */
import type { QueryValue, ServiceClient } from '../session/service-client.js';
import type { ResourceDefinition } from './definition.js';
import type { CreateAttributes, Fields, UpdateAttributes } from './field.js';
import { requireId } from './ids.js';
import type { PartialResource, Resource, ResourceBase } from './instance.js';
import {
  createResource,
  type DeleteOptions,
  deleteResource,
  type FindOptions,
  fetchResource,
  findResource,
  type ListQuery,
  listResources,
  updateResource,
  type VerbOptions,
} from './operations.js';
import type { ResourceList } from './pagination.js';
import { type WaitForStatusOptions, type WaitOptions, waitForDelete, waitForStatus } from './waiters.js';

/** A generated verb: each resource declares which of these its service supports. */
export type Verb = 'list' | 'get' | 'find' | 'create' | 'update' | 'delete' | 'wait';
/** Every verb: for a resource the service lets you list, read, create, update, delete and wait on. */
export const ALL_VERBS = ['list', 'get', 'find', 'create', 'update', 'delete', 'wait'] as const;
/** The read-only verbs: for catalogue-like resources (extensions, rule types) a user cannot change. */
export const READ_VERBS = ['list', 'get', 'find'] as const;

type IdArg = string | ResourceBase<any>;

/** Overloads of find: throws when nothing matches, unless ignoreMissing. */
export interface FindFn<F extends Fields, Q extends Record<string, string>> {
  (nameOrId: string, opts: FindOptions<Q> & { ignoreMissing: true }): Promise<Resource<F> | undefined>;
  (nameOrId: string, opts?: FindOptions<Q>): Promise<Resource<F>>;
}

/**
 * A generated list verb. Where the collection takes `fields` (neutron), a query naming the
 * fields to return gets rows with only those: their type promises no field.
 */
export type ListFn<F extends Fields, Q extends Record<string, string>> = ('fields' extends keyof Q
  ? (query: ListQuery<Q> & { fields: QueryValue }, opts?: VerbOptions) => ResourceList<PartialResource<F>>
  : unknown) &
  ((query?: ListQuery<Q>, opts?: VerbOptions) => ResourceList<Resource<F>>);

type VerbMap<S extends string, P extends string, F extends Fields, Q extends Record<string, string>> = {
  list: { [K in `list${P}`]: ListFn<F, Q> };
  get: { [K in `get${S}`]: (id: IdArg, opts?: VerbOptions) => Promise<Resource<F>> };
  find: { [K in `find${S}`]: FindFn<F, Q> };
  create: { [K in `create${S}`]: (attrs: CreateAttributes<F>, opts?: VerbOptions) => Promise<Resource<F>> };
  update: {
    [K in `update${S}`]: (id: IdArg, attrs: UpdateAttributes<F>, opts?: VerbOptions) => Promise<Resource<F>>;
  };
  delete: { [K in `delete${S}`]: (id: IdArg, opts?: DeleteOptions) => Promise<void> };
  wait: {
    [K in `waitFor${S}`]: (
      id: IdArg,
      status: string | string[],
      opts?: WaitForStatusOptions & VerbOptions,
    ) => Promise<Resource<F>>;
  } & {
    [K in `waitFor${S}Delete`]: (id: IdArg, opts?: WaitOptions & VerbOptions) => Promise<void>;
  };
};

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;

/** The methods generated for one resource, restricted to the verbs `V`. */
export type NamedVerbs<
  S extends string,
  P extends string,
  F extends Fields,
  Q extends Record<string, string>,
  V extends Verb = Verb,
> = UnionToIntersection<VerbMap<S, P, F, Q>[V]>;

/** A wait's `timeoutMs` bounds the whole wait, not each poll's request. */
function pollOptions(o: WaitOptions & VerbOptions): VerbOptions {
  const {
    timeoutMs: _overall,
    intervalMs: _i,
    onPoll: _p,
    ...rest
  } = o as WaitForStatusOptions & VerbOptions;
  return rest;
}

/** Build the verb functions for a resource definition. */
export function namedVerbs<
  S extends string,
  P extends string,
  F extends Fields,
  Q extends Record<string, string>,
  const V extends readonly Verb[],
>(
  client: ServiceClient,
  def: ResourceDefinition<F, Q>,
  singular: S,
  plural: P,
  verbs: V,
): NamedVerbs<S, P, F, Q, V[number]> {
  const out: Record<string, unknown> = {};
  const get = (id: IdArg, o?: VerbOptions) => fetchResource(client, def, id, o);
  /** The id of a waiter's argument, checked once before the first poll. */
  const idLabel = def.idField.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  const checkId = (id: IdArg) => requireId(def.name, id, `${def.name}.${def.idField}`, idLabel);
  for (const v of verbs) {
    switch (v) {
      case 'list':
        out[`list${plural}`] = (q?: ListQuery<Q>, o?: VerbOptions) => listResources(client, def, q, o);
        break;
      case 'get':
        out[`get${singular}`] = get;
        break;
      case 'find':
        out[`find${singular}`] = (n: string, o?: FindOptions<Q>) => findResource(client, def, n, o);
        break;
      case 'create':
        out[`create${singular}`] = (a: CreateAttributes<F>, o?: VerbOptions) =>
          createResource(client, def, a, o);
        break;
      case 'update':
        out[`update${singular}`] = (id: IdArg, a: UpdateAttributes<F>, o?: VerbOptions) =>
          updateResource(client, def, id, a, o);
        break;
      case 'delete':
        out[`delete${singular}`] = (id: IdArg, o?: DeleteOptions) => deleteResource(client, def, id, o);
        break;
      case 'wait':
        out[`waitFor${singular}`] = async (
          id: IdArg,
          status: string | string[],
          o: WaitForStatusOptions & VerbOptions = {},
        ) => {
          checkId(id);
          return waitForStatus((signal) => get(id, { ...pollOptions(o), signal }), status, o);
        };
        out[`waitFor${singular}Delete`] = async (id: IdArg, o: WaitOptions & VerbOptions = {}) =>
          waitForDelete((signal) => get(id, { ...pollOptions(o), signal }), `${def.name} ${checkId(id)}`, o);
        break;
    }
  }
  return out as NamedVerbs<S, P, F, Q, V[number]>;
}

/** The generated verbs of a definition value: `VerbsOf<'Server', 'Servers', typeof Server>`. */
export type VerbsOf<S extends string, P extends string, T, V extends Verb = Verb> =
  T extends ResourceDefinition<infer F, infer Q> ? NamedVerbs<S, P, F, Q, V> : never;

/**
 * One row of a proxy's verb table: a resource definition, its plural and the verbs its service
 * supports. The row's key in the table is the singular (`Server` → `getServer`, `listServers`).
 */
export interface VerbRow<D, P extends string, V extends readonly Verb[]> {
  /** The resource definition the verbs act on. */
  readonly def: D;
  /** The plural used in `list<Plural>`. */
  readonly plural: P;
  /** The verbs the service supports for this resource. */
  readonly verbs: V;
}

/**
 * A row of a verb table (see {@link installVerbs}); without `verbs`, every verb.
 *
 * @example
 * ```ts
 * import { compute, verbRow } from 'openstack-sdk';
 * const row = verbRow(compute.Flavor, 'Flavors', ['list', 'get', 'find']);
 * console.log(row.plural); // Flavors
 * ```
 */
export function verbRow<
  D extends ResourceDefinition<any, any>,
  const P extends string,
  const V extends readonly Verb[] = typeof ALL_VERBS,
>(def: D, plural: P, verbs?: V): VerbRow<D, P, V> {
  return { def, plural, verbs: (verbs ?? ALL_VERBS) as V };
}

/** Any verb table: singular → row. */
export type VerbTable = Record<string, VerbRow<ResourceDefinition<any, any>, string, readonly Verb[]>>;

/**
 * The methods a verb table generates, for a proxy's interface:
 * `export interface NetworkV2 extends VerbsOfTable<typeof networkVerbTable> {}`.
 */
export type VerbsOfTable<T> = UnionToIntersection<
  {
    [S in keyof T & string]: T[S] extends VerbRow<infer D, infer P, infer V>
      ? VerbsOf<S, P, D, V[number]>
      : never;
  }[keyof T & string]
>;

/** Builds one row's functions; a service with its own list rules (neutron's sort keys) passes its own. */
export type VerbMaker = (
  client: ServiceClient,
  def: ResourceDefinition<any, any>,
  singular: string,
  plural: string,
  verbs: readonly Verb[],
) => object;

/**
 * Put the verbs of every row of `table` on a proxy (its constructor calls this once); the
 * proxy's interface gets their types from {@link VerbsOfTable} over the same table, so the verb
 * list is written once. A hand-written method of the same name on the class wins.
 */
export function installVerbs(
  target: object,
  client: ServiceClient,
  table: VerbTable,
  make: VerbMaker = namedVerbs as VerbMaker,
): void {
  for (const [singular, row] of Object.entries(table)) {
    for (const [name, fn] of Object.entries(make(client, row.def, singular, row.plural, row.verbs))) {
      if (!(name in target))
        Object.defineProperty(target, name, {
          value: fn,
          writable: true,
          configurable: true,
          enumerable: true,
        });
    }
  }
}
