/**
 * The verbs over a resource definition: create, fetch, head, commit, delete, list, find.
 * Proxies call these; they are the only place that builds resource URLs and envelopes.
 */
import {
  MultipleMatchesError,
  NotFoundError,
  ResourceNotFoundError,
  ValidationError,
} from '../errors/errors.js';
import { decodeJson, type JsonDocument } from '../session/decode.js';
import type { QueryValue, ServiceClient } from '../session/service-client.js';
import { expandPath, type ResourceDefinition } from './definition.js';
import { apiName, type CreateAttributes, type Fields, type UpdateAttributes } from './field.js';
import { idOf } from './id-of.js';
import { describeValue, requireId } from './ids.js';
import { instantiate, type RequestOptions, type Resource, type ResourceBase } from './instance.js';
import { nextLink, PageCycleGuard, ResourceList, setQueryParam } from './pagination.js';
import { toRequest } from './serialize.js';

/** List parameters: the declared query names, page size, marker, and raw passthrough. */
export type ListQuery<Q extends Record<string, string>> = { [K in keyof Q]?: QueryValue } & {
  /** Page size (the listing still yields every page). */
  limit?: number;
  marker?: string;
  /** Query parameters sent verbatim (API names), for filters the SDK does not declare. */
  $raw?: Record<string, QueryValue>;
};

/** Path parameters of nested resources, by TypeScript field name (e.g. `{ serverId }`). */
export type ParentRef = Record<string, string | undefined>;

export interface VerbOptions extends RequestOptions {
  /** The parent's ids, for a resource under another one (`/servers/{server_id}/os-interface`). */
  parent?: ParentRef;
}

type Def<F extends Fields, Q extends Record<string, string>> = ResourceDefinition<F, Q>;

function uriFromParent(def: ResourceDefinition, parent: ParentRef | undefined): Record<string, unknown> {
  const uri: Record<string, unknown> = {};
  if (!parent) return uri;
  for (const [k, v] of Object.entries(parent)) {
    const spec = def.fields[k];
    const api = spec ? apiName(k, spec) : k;
    // a parent id given but empty is a mistake, even where a resource argument carries the value
    if (v === undefined || v === null || v === '') {
      if (`${def.basePath}${def.listPath ?? ''}`.includes(`{${api}}`)) throw missingParent(k, v);
      continue;
    }
    uri[api] = v;
  }
  return uri;
}

/** `{ parent: { serverId } }` missing or empty: name the parent and the key to pass. */
function missingParent(field: string, v?: unknown): ValidationError {
  const what = field
    .replace(/Id$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return new ValidationError(`${what} id is required (got ${describeValue(v)})`, {
    field,
    fix: `pass { parent: { ${field}: '...' } } with the ${what}'s id`,
  });
}

/** The human name of a definition's id field (`id`, `name`, `port id`). */
function idLabel(def: ResourceDefinition): string {
  return def.idField.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** The id of an id-or-resource argument, or a ValidationError naming the resource and parameter. */
function idArg(def: ResourceDefinition, x: unknown): string {
  // the valid case first: the error's wording (a regex and two templates) only for a bad id
  return idOf(x) ?? requireId(def.name, x, `${def.name}.${def.idField}`, idLabel(def));
}

/** URI values of an id-or-resource argument: the resource's own, overridden by `parent`. */
function uriOf(def: ResourceDefinition, x: string | ResourceBase<any>, parent: ParentRef | undefined) {
  const own = typeof x === 'object' && x !== null ? (x as Partial<ResourceBase<any>>)._uri : undefined;
  if (!parent) return { ...own };
  return { ...own, ...uriFromParent(def, parent) };
}

function collectionPath(def: ResourceDefinition, uri: Record<string, unknown>, path = def.basePath): string {
  try {
    return expandPath(path, uri, def.name);
  } catch (e) {
    const missing = /parameter (\S+)/.exec((e as Error).message)?.[1] ?? '?';
    const field = Object.entries(def.fields).find(([n, s]) => apiName(n, s) === missing)?.[0] ?? missing;
    throw new ValidationError(`needs the parent's id to build ${path}`, {
      field,
      fix: `pass { parent: { ${field}: '...' } }`,
    });
  }
}

function itemPath(def: ResourceDefinition, id: unknown, uri: Record<string, unknown>): string {
  return `${collectionPath(def, uri)}/${encodeURIComponent(idArg(def, id))}`;
}

/**
 * The resource of a write's answer, when it has one: an empty body (or a 204) is no answer;
 * anything else must be the resource (under its key).
 */
function writeAnswer(def: ResourceDefinition, doc: JsonDocument): Record<string, unknown> | undefined {
  if (doc.value === undefined) return undefined;
  return doc.resource(def.resourceKey);
}

/** Create a resource; the answer (when there is one) must be the resource, merged over the input. */
export async function createResource<F extends Fields, Q extends Record<string, string>>(
  client: ServiceClient,
  def: Def<F, Q>,
  attrs: CreateAttributes<F>,
  opts: VerbOptions = {},
): Promise<Resource<F>> {
  if (attrs === undefined || attrs === null || typeof attrs !== 'object') {
    throw new ValidationError(
      `the attributes to create are required (got ${attrs === null ? 'null' : typeof attrs})`,
      {
        field: `${def.name} attributes`,
        fix: `pass an object of the new ${def.name}'s fields`,
      },
    );
  }
  // the parent's id before anything is sent (resolve may send version discovery)
  const early = uriFromParent(def, opts.parent);
  for (const [k, v] of Object.entries(attrs)) {
    const spec = def.fields[k];
    if (spec?.location === 'uri' && v !== undefined && v !== null && v !== '') early[apiName(k, spec)] = v;
  }
  collectionPath(def, early);
  await client.resolve(opts.signal);
  const parts = toRequest(def, attrs as Record<string, unknown>, 'create', client);
  const uri = { ...uriFromParent(def, opts.parent), ...parts.uri };
  const idName = apiName(def.idField, def.fields[def.idField] ?? ({} as any));
  let path = collectionPath(def, uri);
  if (def.createMethod === 'PUT') path = itemPath(def, String(parts.body[idName] ?? uri[idName] ?? ''), uri);
  // the caller's options merge in ServiceClient; buffering applies the caller's size cap
  const res = await client.request(
    def.createMethod,
    path,
    {
      json: def.resourceKey ? { [def.resourceKey]: parts.body } : parts.body,
      headers: parts.headers,
      buffer: true,
    },
    opts,
  );
  const answer = writeAnswer(def, await decodeJson(res, { required: false }));
  // some creates answer with a partial body (nova returns id/links/adminPass only): keep the input too
  const body = { ...parts.body, ...(answer ?? {}) };
  return instantiate(def, client, body, res.headers, uri);
}

/** GET one resource; an answer that is not the resource under its key is an InvalidResponseError. */
export async function fetchResource<F extends Fields, Q extends Record<string, string>>(
  client: ServiceClient,
  def: Def<F, Q>,
  id: string | ResourceBase<any>,
  opts: VerbOptions = {},
): Promise<Resource<F>> {
  const key = idArg(def, id);
  const uri = uriOf(def, id, opts.parent);
  const res = await client.request('GET', itemPath(def, key, uri), { buffer: true }, opts);
  const doc = await decodeJson(res);
  return instantiate(def, client, doc.resource(def.resourceKey), res.headers, uri);
}

/** HEAD a resource (metadata in headers, e.g. Swift). */
export async function headResource<F extends Fields, Q extends Record<string, string>>(
  client: ServiceClient,
  def: Def<F, Q>,
  id: string,
  opts: VerbOptions = {},
): Promise<Resource<F>> {
  const key = idArg(def, id);
  const uri = uriFromParent(def, opts.parent);
  const res = await client.request('HEAD', itemPath(def, key, uri), {}, opts);
  await res.body.dump();
  return instantiate(
    def,
    client,
    { [apiName(def.idField, def.fields[def.idField] ?? ({} as any))]: key },
    res.headers,
    uri,
  );
}

/** Send the dirty fields of an instance (PUT, PATCH, POST or JSON Patch, as the resource declares). */
export async function commitResource<F extends Fields>(
  r: Resource<F>,
  opts: RequestOptions = {},
): Promise<Resource<F>> {
  if (typeof r !== 'object' || r === null || !r._def) {
    throw new ValidationError(`a resource to commit is required (got ${r === null ? 'null' : typeof r})`, {
      field: 'resource',
      fix: 'pass a resource returned by get, list or create (or call update with an id)',
    });
  }
  if (!r.isDirty) return r;
  const def = r._def as ResourceDefinition;
  // before building the body: a resource without its id would be sent to the collection URL
  const path = itemPath(def, r.id, r._uri);
  const client = r._client;
  const body: Record<string, unknown> = {};
  const headers: Record<string, string> = {};
  for (const name of r._dirty) {
    const spec = def.fields[name]!;
    const api = apiName(name, spec);
    if (spec.location === 'header') headers[api] = r._headers[api.toLowerCase()] ?? '';
    else if (spec.location === 'body') body[api] = r._body[api];
  }
  for (const api of r._dirtyRaw) body[api] = r._body[api];
  let payload: unknown;
  const reqHeaders = { ...headers };
  if (def.commitMethod === 'JSON_PATCH') {
    const nullable = new Set(
      Object.entries(def.fields)
        .filter(([, s]) => s.location === 'body' && s.nullable)
        .map(([n, s]) => apiName(n, s)),
    );
    payload = Object.entries(body).map(([k, v]) => {
      const path = `/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`; // JSON Pointer escaping
      // null clears a declared nullable field (glance refuses to remove its base attributes);
      // anywhere else null removes the key
      if (v === undefined || (v === null && !nullable.has(k))) return { op: 'remove', path };
      return { op: r._synced.has(k) ? 'replace' : 'add', path, value: v };
    });
    reqHeaders['content-type'] = def.jsonPatchContentType;
  } else {
    payload = def.resourceKey ? { [def.resourceKey]: body } : body;
  }
  const method = def.commitMethod === 'JSON_PATCH' ? 'PATCH' : def.commitMethod;
  const hasBody = Object.keys(body).length > 0 || def.commitMethod !== 'POST';
  const res = await client.request(
    method,
    path,
    { ...(hasBody ? { json: payload } : {}), headers: reqHeaders, buffer: true },
    opts,
  );
  const doc = writeAnswer(def, await decodeJson(res, { required: false }));
  if (doc) {
    // a JSON Patch answer is the whole resource: merging would resurrect removed keys
    const merged = def.commitMethod === 'JSON_PATCH' ? doc : { ...r._body, ...doc };
    r._sync(merged as Record<string, unknown>, { ...r._headers, ...res.headers });
  } else r._sync(r._body);
  return r;
}

/** Update by id: the given fields are sent as a commit. */
export async function updateResource<F extends Fields, Q extends Record<string, string>>(
  client: ServiceClient,
  def: Def<F, Q>,
  id: string | ResourceBase<any>,
  attrs: UpdateAttributes<F>,
  opts: VerbOptions = {},
): Promise<Resource<F>> {
  // the id and the parent before anything is sent (resolve may send version discovery)
  const key = idArg(def, id);
  const uri = uriOf(def, id, opts.parent);
  collectionPath(def, uri);
  if (attrs === undefined || attrs === null || typeof attrs !== 'object') {
    throw new ValidationError(
      `the attributes to update are required (got ${attrs === null ? 'null' : typeof attrs})`,
      {
        field: `${def.name} attributes`,
        fix: `pass an object of the ${def.name}'s fields to change, e.g. { name: '...' }`,
      },
    );
  }
  // negotiate first: set() validates microversion-gated fields against the negotiated version
  await client.resolve(opts.signal);
  const isResource = typeof id === 'object' && id !== null;
  const base: Record<string, unknown> = isResource
    ? ((id as ResourceBase<any>)._body ?? {
        [apiName(def.idField, def.fields[def.idField] ?? ({} as any))]: key,
      })
    : { [apiName(def.idField, def.fields[def.idField] ?? ({} as any))]: key };
  const r = instantiate(def, client, { ...base }, isResource ? (id as ResourceBase<any>)._headers : {}, uri);
  const { $extra, ...rest } = attrs as Record<string, unknown>;
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) r.set(k, v);
  if ($extra && typeof $extra === 'object') for (const [k, v] of Object.entries($extra)) r.setRaw(k, v);
  return commitResource(r, opts);
}

export interface DeleteOptions extends VerbOptions {
  /** Succeed quietly when the resource is already gone (default false). */
  ignoreMissing?: boolean;
}

/** DELETE one resource (404 is success with `ignoreMissing`). */
export async function deleteResource<F extends Fields, Q extends Record<string, string>>(
  client: ServiceClient,
  def: Def<F, Q>,
  id: string | ResourceBase<any>,
  opts: DeleteOptions = {},
): Promise<void> {
  const key = idArg(def, id);
  const uri = uriOf(def, id, opts.parent);
  // built before sending: an invalid path is never "already gone"
  await deletePath(client, itemPath(def, key, uri), opts);
}

/**
 * DELETE a service path with the verb options (signal, timeout, microversion, headers) and an
 * optional query; with `ignoreMissing` a 404 is success, and so is a 404 to a retry after an
 * attempt whose answer was lost (the transport's `uncertainAttempts`). The one delete every proxy method
 * without a resource definition of its own goes through.
 */
export async function deletePath(
  client: ServiceClient,
  path: string,
  opts: DeleteOptions = {},
  query?: Record<string, QueryValue>,
): Promise<void> {
  try {
    const res = await client.request('DELETE', path, { query }, opts);
    await res.body.dump();
  } catch (e) {
    // a 404 after a retry whose earlier attempt may have reached the service (its answer lost):
    // that attempt deleted it, so the DELETE succeeded
    if (e instanceof NotFoundError && (opts.ignoreMissing || e.uncertainAttempts > 0)) return;
    throw e;
  }
}

/** Map a list query's TypeScript names to API names; unknown names are rejected before sending. */
export function listQueryToApi(
  def: ResourceDefinition,
  q: Record<string, unknown>,
): Record<string, QueryValue> {
  const out: Record<string, QueryValue> = {};
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined) continue;
    if (k === '$raw') Object.assign(out, v);
    else if (k === 'limit' || k === 'marker') out[k] = v as QueryValue;
    else if (k in def.query) out[def.query[k]!] = v as QueryValue;
    else {
      throw new ValidationError(`unknown list filter for ${def.name}s`, {
        field: k,
        fix: `use one of: ${[...Object.keys(def.query), 'limit', 'marker'].join(', ')}; or pass it verbatim in $raw`,
      });
    }
  }
  return out;
}

/**
 * A lazy listing, one page in memory at a time: every page must be a document with the
 * resources key holding objects; a page cycle or a page over `maxBodyBytes` is an
 * InvalidResponseError.
 */
export function listResources<F extends Fields, Q extends Record<string, string>>(
  client: ServiceClient,
  def: Def<F, Q>,
  query: ListQuery<Q> = {} as ListQuery<Q>,
  opts: VerbOptions & { path?: string } = {},
): ResourceList<Resource<F>> {
  const apiQuery = listQueryToApi(def, query as Record<string, unknown>);
  const uri = uriFromParent(def, opts.parent);
  const path = collectionPath(def, uri, opts.path ?? def.listPath ?? def.basePath);
  const idApi = apiName(def.idField, def.fields[def.idField] ?? ({} as any));
  const limit = typeof apiQuery.limit === 'number' ? apiQuery.limit : Number(apiQuery.limit ?? 0);
  /**
   * One page: its instances and where the listing goes next. The response, its text and the
   * parsed document stay inside this call, so none of them is alive while the caller works
   * through the rows or while the next page is fetched; a page-cycle error is handed back to
   * be thrown after the rows, as before.
   */
  const readPage = async (url: string, cycle: PageCycleGuard) => {
    const doc = await decodeJson(await client.request('GET', url, { buffer: true }, opts));
    const rows = doc.rows(def.resourcesKey);
    cycle.page(doc, rows, idApi);
    let next: string | undefined;
    if (def.pagination === 'links') next = nextLink(doc.value, def.resourcesKey, await client.baseUrl());
    // keystone always sends `links: { next: null }` on its last (only) page and ignores
    // limit/marker: a marker fallback would re-read the same page forever
    const lastByLinks =
      !next &&
      def.pagination === 'links' &&
      hasNullNextLink(doc.value as Record<string, unknown> | undefined);
    if (!next && !lastByLinks && def.pagination !== 'none' && limit > 0 && rows.length >= limit) {
      const last = rows[rows.length - 1] as Record<string, unknown>;
      const marker = last?.[idApi] ?? last?.name;
      if (marker !== undefined) next = setQueryParam(url, 'marker', String(marker));
    }
    let error: unknown;
    try {
      if (next) cycle.follow(next, doc);
    } catch (e) {
      error = e;
    }
    return { items: rows.map((b) => instantiate(def, client, b, undefined, uri)), next, error };
  };
  return new ResourceList(async function* () {
    let url: string | undefined = await client.url(path, apiQuery, opts.signal);
    const cycle = new PageCycleGuard();
    if (url) cycle.start(url);
    // lets cleared by hand: a suspended generator keeps what its locals last held, and a page
    // held that way stays alive through the next page's fetch
    let page: Awaited<ReturnType<typeof readPage>> | undefined;
    let items: Resource<F>[] | undefined;
    while (url) {
      page = await readPage(url, cycle);
      const { next, error } = page;
      items = page.items;
      page = undefined;
      url = next;
      yield items;
      items = undefined;
      if (error) throw error;
    }
  });
}

/** True when a listing body has a `links` object whose `next` is present but empty. */
function hasNullNextLink(doc: Record<string, unknown> | undefined): boolean {
  const links = doc && typeof doc === 'object' && !Array.isArray(doc) ? doc.links : undefined;
  return (
    !!links &&
    typeof links === 'object' &&
    !Array.isArray(links) &&
    'next' in links &&
    !(links as { next?: unknown }).next
  );
}

export interface FindOptions<Q extends Record<string, string>> extends VerbOptions {
  /** Extra list filters that narrow the search (e.g. `{ projectId }`). */
  query?: ListQuery<Q>;
  /** Return undefined instead of throwing when nothing matches. */
  ignoreMissing?: boolean;
}

/** Find by id, else by exact name; error on none (unless ignoreMissing) and on several. */
export async function findResource<F extends Fields, Q extends Record<string, string>>(
  client: ServiceClient,
  def: Def<F, Q>,
  nameOrId: string,
  opts: FindOptions<Q> = {},
): Promise<Resource<F> | undefined> {
  if (typeof nameOrId !== 'string' || nameOrId === '') {
    throw new ValidationError(`${def.name} name or id is required (got ${describeValue(nameOrId)})`, {
      field: `${def.name}.nameOrId`,
      fix: `pass the ${def.name}'s name or id`,
    });
  }
  if (def.allow.fetch) {
    try {
      return await fetchResource(client, def, nameOrId, opts);
    } catch (e) {
      if (!(e instanceof NotFoundError) && !((e as { status?: number }).status === 400)) throw e;
    }
  }
  const nameField = def.nameField;
  const matches: Resource<F>[] = [];
  if (nameField) {
    const nameApi = apiName(nameField, def.fields[nameField]!);
    const byQuery = Object.entries(def.query).find(([, api]) => api === nameApi)?.[0];
    const q = { ...(opts.query ?? {}), ...(byQuery ? { [byQuery]: nameOrId } : {}) } as ListQuery<Q>;
    for await (const r of listResources(client, def, q, opts)) {
      if (r.get(nameField) === nameOrId || (!def.allow.fetch && r.id === nameOrId)) matches.push(r);
    }
  }
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) {
    throw new MultipleMatchesError(
      `${matches.length} ${def.name}s are named "${nameOrId}" (ids: ${matches.map((m) => m.id).join(', ')}); use an id`,
      matches.map((m) => m.id),
    );
  }
  if (opts.ignoreMissing) return undefined;
  throw new ResourceNotFoundError(`no ${def.name} with id or name "${nameOrId}"`);
}
