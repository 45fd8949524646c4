/**
 * A resource declaration: base path, envelope keys, fields, verbs, list query parameters.
 * `defineResource` checks the declaration once and returns it with its types attached.
 */
import { apiName, type FieldSpec, type Fields } from './field.js';

/** How an update is sent: a whole-resource `PUT`, a merge `PATCH`, a JSON Patch (glance), or a `POST`. */
export type CommitMethod = 'PUT' | 'PATCH' | 'JSON_PATCH' | 'POST';
/** How a listing pages: by `next` links, by `marker` (the last id seen), or not at all. */
export type Pagination = 'links' | 'marker' | 'none';

/** Which operations a service allows on a resource. */
export interface Verbs {
  /** Create (`POST`, or `PUT` to a chosen path). */
  create?: boolean;
  /** Get one by id. */
  fetch?: boolean;
  /** Update. */
  commit?: boolean;
  /** Delete. */
  delete?: boolean;
  /** List. */
  list?: boolean;
  /** `HEAD` (read headers only, as Swift does). */
  head?: boolean;
}

/**
 * A resource declaration as `defineResource` returns it: paths, envelope keys, fields, verbs and list filters.
 */
export interface ResourceDefinition<
  F extends Fields = Fields,
  Q extends Record<string, string> = Record<string, string>,
> {
  /** Human name, used in errors ("server", "security group rule"). */
  name: string;
  /** Path under the service base URL; `{api_name}` placeholders are filled from URI fields. */
  basePath: string;
  /** JSON envelope key for one resource (`server`); null when bodies are bare (glance). */
  resourceKey: string | null;
  /** JSON key of the list in listings (`servers`); null when the body is a bare array. */
  resourcesKey: string | null;
  /** The declared fields, by TypeScript name. */
  fields: F;
  /** List query parameters: TypeScript name → API name. */
  query: Q;
  /** Which operations the service allows. */
  allow: Required<Verbs>;
  /** `POST` to the collection, or `PUT` to the resource's own path. */
  createMethod: 'POST' | 'PUT';
  /** How updates are sent. */
  commitMethod: CommitMethod;
  /** Path used for listing when it differs (`/servers/detail`). */
  listPath?: string;
  /** How listings page. */
  pagination: Pagination;
  /** TypeScript name of the id field. */
  idField: string;
  /** TypeScript name of the name field, used by find(). */
  nameField?: string;
  /** Content type for JSON-Patch commits (glance: application/openstack-images-v2.1-json-patch). */
  jsonPatchContentType: string;
  /** TypeScript name of the status field, for waiters. */
  statusField: string;
  /** Minimum microversion for the resource itself. */
  minVersion?: string;
  /** Lookup tables built once. */
  readonly byApi: ReadonlyMap<string, { name: string; spec: FieldSpec }>;
}

/** What `defineResource` takes: name, path and fields are required, the rest has defaults. */
export type DefinitionInput<F extends Fields, Q extends Record<string, string>> = Pick<
  ResourceDefinition<F, Q>,
  'name' | 'basePath' | 'fields'
> &
  Partial<Omit<ResourceDefinition<F, Q>, 'name' | 'basePath' | 'fields' | 'allow' | 'byApi'>> & {
    allow?: Verbs;
  };

/** Declare a resource. Defaults: envelope keys from the name, all verbs allowed, POST create, PUT commit. */
export function defineResource<const F extends Fields, const Q extends Record<string, string> = {}>(
  d: DefinitionInput<F, Q>,
): ResourceDefinition<F, Q> {
  const byApi = new Map<string, { name: string; spec: FieldSpec }>();
  for (const [name, spec] of Object.entries(d.fields)) {
    const key = `${spec.location}:${apiName(name, spec).toLowerCase()}`;
    if (byApi.has(key)) throw new Error(`resource ${d.name}: two fields map to API name ${key}`);
    byApi.set(spec.location === 'header' ? key : `${spec.location}:${apiName(name, spec)}`, { name, spec });
  }
  const snake = d.name.replace(/ /g, '_');
  return {
    resourceKey: snake,
    resourcesKey: `${snake}s`,
    query: {} as Q,
    createMethod: 'POST',
    commitMethod: 'PUT',
    pagination: 'links',
    idField: 'id',
    nameField: 'name' in d.fields ? 'name' : undefined,
    jsonPatchContentType: 'application/openstack-images-v2.1-json-patch',
    statusField: 'status',
    ...d,
    allow: { create: true, fetch: true, commit: true, delete: true, list: true, head: false, ...d.allow },
    byApi,
  };
}

/** Fill `{name}` placeholders of a path from URI values (already API-named). */
export function expandPath(path: string, uri: Record<string, unknown>, what: string): string {
  if (!path.includes('{')) return path;
  return path.replace(/\{([^}]+)\}/g, (_, k: string) => {
    const v = uri[k];
    if (v === undefined || v === null || v === '') {
      throw new Error(`${what}: missing path parameter ${k}`);
    }
    return encodeURIComponent(String(v));
  });
}
