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
import type { QueryValue, ServiceClient } from '../session/service-client.js';
import { expandPath, type ResourceDefinition } from './definition.js';
import { apiName, type CreateAttributes, type Fields, type UpdateAttributes } from './field.js';
import { instantiate, type RequestOptions, type Resource, type ResourceBase } from './instance.js';
import { nextLink, ResourceList, setQueryParam } from './pagination.js';
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
  parent?: ParentRef;
}

type Def<F extends Fields, Q extends Record<string, string>> = ResourceDefinition<F, Q>;

function uriFromParent(def: ResourceDefinition, parent: ParentRef | undefined): Record<string, unknown> {
  const uri: Record<string, unknown> = {};
  if (!parent) return uri;
  for (const [k, v] of Object.entries(parent)) {
    const spec = def.fields[k];
    uri[spec ? apiName(k, spec) : k] = v;
  }
  return uri;
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

function itemPath(def: ResourceDefinition, id: string, uri: Record<string, unknown>): string {
  if (!id)
    throw new ValidationError(`an id is required`, {
      field: `${def.name}.${def.idField}`,
      fix: 'pass the id or the resource',
    });
  return `${collectionPath(def, uri)}/${encodeURIComponent(id)}`;
}

function unwrap(def: ResourceDefinition, doc: unknown): unknown {
  if (def.resourceKey && doc && typeof doc === 'object' && def.resourceKey in (doc as object)) {
    return (doc as Record<string, unknown>)[def.resourceKey];
  }
  return doc;
}

function idOf(x: string | ResourceBase<any>): string {
  return typeof x === 'string' ? x : x.id;
}

async function readJson(res: { text(): Promise<string> }): Promise<unknown> {
  const t = await res.text();
  if (!t) return undefined;
  try {
    return JSON.parse(t);
  } catch {
    return t;
  }
}

export async function createResource<F extends Fields, Q extends Record<string, string>>(
  client: ServiceClient,
  def: Def<F, Q>,
  attrs: CreateAttributes<F>,
  opts: VerbOptions = {},
): Promise<Resource<F>> {
  await client.resolve(opts.signal);
  const parts = toRequest(def, attrs as Record<string, unknown>, 'create', client);
  const uri = { ...uriFromParent(def, opts.parent), ...parts.uri };
  const idName = apiName(def.idField, def.fields[def.idField] ?? ({} as any));
  let path = collectionPath(def, uri);
  if (def.createMethod === 'PUT') path = itemPath(def, String(parts.body[idName] ?? uri[idName] ?? ''), uri);
  const res = await client.request(def.createMethod, path, {
    json: def.resourceKey ? { [def.resourceKey]: parts.body } : parts.body,
    headers: { ...parts.headers, ...opts.headers },
    signal: opts.signal,
    timeoutMs: opts.timeoutMs,
    microversion: opts.microversion,
  });
  const doc = await readJson(res);
  // some creates answer with a partial body (nova returns id/links/adminPass only): keep the input too
  const body = { ...parts.body, ...((unwrap(def, doc) as Record<string, unknown>) ?? {}) };
  return instantiate(def, client, body, res.headers, uri);
}

export async function fetchResource<F extends Fields, Q extends Record<string, string>>(
  client: ServiceClient,
  def: Def<F, Q>,
  id: string | ResourceBase<any>,
  opts: VerbOptions = {},
): Promise<Resource<F>> {
  const uri =
    typeof id === 'string'
      ? uriFromParent(def, opts.parent)
      : { ...id._uri, ...uriFromParent(def, opts.parent) };
  const res = await client.request('GET', itemPath(def, idOf(id), uri), {
    signal: opts.signal,
    timeoutMs: opts.timeoutMs,
    microversion: opts.microversion,
    headers: opts.headers,
  });
  return instantiate(def, client, unwrap(def, await readJson(res)) ?? {}, res.headers, uri);
}

/** HEAD a resource (metadata in headers, e.g. Swift). */
export async function headResource<F extends Fields, Q extends Record<string, string>>(
  client: ServiceClient,
  def: Def<F, Q>,
  id: string,
  opts: VerbOptions = {},
): Promise<Resource<F>> {
  const uri = uriFromParent(def, opts.parent);
  const res = await client.request('HEAD', itemPath(def, id, uri), {
    signal: opts.signal,
    timeoutMs: opts.timeoutMs,
  });
  await res.body.dump();
  return instantiate(
    def,
    client,
    { [apiName(def.idField, def.fields[def.idField] ?? ({} as any))]: id },
    res.headers,
    uri,
  );
}

/** Send the dirty fields of an instance (PUT, PATCH, POST or JSON Patch, as the resource declares). */
export async function commitResource<F extends Fields>(
  r: Resource<F>,
  opts: RequestOptions = {},
): Promise<Resource<F>> {
  if (!r.isDirty) return r;
  const def = r._def as ResourceDefinition;
  const client = r._client;
  const body: Record<string, unknown> = {};
  const headers: Record<string, string> = { ...opts.headers };
  for (const name of r._dirty) {
    const spec = def.fields[name]!;
    const api = apiName(name, spec);
    if (spec.location === 'header') headers[api] = r._headers[api.toLowerCase()] ?? '';
    else if (spec.location === 'body') body[api] = r._body[api];
  }
  for (const api of r._dirtyRaw) body[api] = r._body[api];
  const path = itemPath(def, r.id, r._uri);
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
  const res = await client.request(method, path, {
    ...(hasBody ? { json: payload } : {}),
    headers: reqHeaders,
    signal: opts.signal,
    timeoutMs: opts.timeoutMs,
    microversion: opts.microversion,
  });
  const doc = unwrap(def, await readJson(res));
  if (doc && typeof doc === 'object' && !Array.isArray(doc)) {
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
  // negotiate first: set() validates microversion-gated fields against the negotiated version
  await client.resolve(opts.signal);
  const uri =
    typeof id === 'string'
      ? uriFromParent(def, opts.parent)
      : { ...id._uri, ...uriFromParent(def, opts.parent) };
  const base: Record<string, unknown> =
    typeof id === 'string'
      ? { [apiName(def.idField, def.fields[def.idField] ?? ({} as any))]: id }
      : id._body;
  const r = instantiate(def, client, { ...base }, typeof id === 'string' ? {} : id._headers, uri);
  const { $extra, ...rest } = attrs as Record<string, unknown>;
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) r.set(k, v);
  if ($extra && typeof $extra === 'object') for (const [k, v] of Object.entries($extra)) r.setRaw(k, v);
  return commitResource(r, opts);
}

export interface DeleteOptions extends VerbOptions {
  /** Succeed quietly when the resource is already gone (default false). */
  ignoreMissing?: boolean;
}

export async function deleteResource<F extends Fields, Q extends Record<string, string>>(
  client: ServiceClient,
  def: Def<F, Q>,
  id: string | ResourceBase<any>,
  opts: DeleteOptions = {},
): Promise<void> {
  const uri =
    typeof id === 'string'
      ? uriFromParent(def, opts.parent)
      : { ...id._uri, ...uriFromParent(def, opts.parent) };
  try {
    const res = await client.request('DELETE', itemPath(def, idOf(id), uri), {
      signal: opts.signal,
      timeoutMs: opts.timeoutMs,
      microversion: opts.microversion,
      headers: opts.headers,
    });
    await res.body.dump();
  } catch (e) {
    if (opts.ignoreMissing && e instanceof NotFoundError) return;
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
  return new ResourceList(async function* () {
    let url: string | undefined = await client.url(path, apiQuery, opts.signal);
    const limit = typeof apiQuery.limit === 'number' ? apiQuery.limit : Number(apiQuery.limit ?? 0);
    while (url) {
      const res = await client.request('GET', url, {
        signal: opts.signal,
        timeoutMs: opts.timeoutMs,
        microversion: opts.microversion,
        headers: opts.headers,
      });
      const doc = await readJson(res);
      const rows =
        def.resourcesKey && doc && typeof doc === 'object' && !Array.isArray(doc)
          ? (doc as Record<string, unknown>)[def.resourcesKey]
          : doc;
      const items = Array.isArray(rows) ? rows : [];
      yield items.map((b) => instantiate(def, client, b, {}, uri));
      let next: string | undefined;
      if (def.pagination === 'links') next = nextLink(doc, def.resourcesKey, await client.baseUrl());
      // keystone always sends `links: { next: null }` on its last (only) page and ignores
      // limit/marker: a marker fallback would re-read the same page forever
      const lastByLinks =
        !next && def.pagination === 'links' && hasNullNextLink(doc as Record<string, unknown> | undefined);
      if (!next && !lastByLinks && def.pagination !== 'none' && limit > 0 && items.length >= limit) {
        const last = items[items.length - 1] as Record<string, unknown>;
        const marker = last?.[idApi] ?? last?.name;
        if (marker !== undefined) next = setQueryParam(url, 'marker', String(marker));
      }
      url = next;
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
