/**
 * Patterns many resources share: tags (`/{id}/tags`), metadata (`/{id}/metadata`) and
 * actions (`POST /{id}/action` with a one-key body).
 */
import { NotFoundError, ValidationError } from '../errors/errors.js';
import { decodeJson, type JsonDocument } from '../session/decode.js';
import type { ServiceClient } from '../session/service-client.js';
import { describeValue, requireId } from './ids.js';
import type { RequestOptions } from './instance.js';

/** The resource a collection path holds, for errors: `/servers` → `server`. */
function itemName(collection: string): string {
  const last = collection.split('/').filter(Boolean).at(-1) ?? 'resource';
  return last.replace(/^os-/, '').replace(/ies$/, 'y').replace(/s$/, '').replace(/[-_]/g, ' ');
}

/** `/{collection}/{id}` with the id checked (a missing id never reaches the URL as "undefined"). */
function itemPath(collection: string, id: unknown): string {
  return `${collection}/${encodeURIComponent(requireId(itemName(collection), id))}`;
}

/** A tag or metadata key: a non-empty string, else an error naming the parameter. */
function requireKey(what: string, field: string, v: unknown): string {
  if (typeof v === 'string' && v !== '') return v;
  throw new ValidationError(`a ${what} is required (got ${describeValue(v)})`, {
    field,
    fix: `pass the ${what} as a string`,
  });
}

/** Tag operations for a resource collection path (e.g. '/servers'). */
export class TagsMixin {
  constructor(
    private readonly client: ServiceClient,
    private readonly collection: string,
  ) {}
  private p(id: string, ...tag: [string?]): string {
    const base = `${itemPath(this.collection, id)}/tags`;
    return tag.length ? `${base}/${encodeURIComponent(requireKey('tag', 'tag', tag[0]))}` : base;
  }
  /** All tags of the resource. */
  async list(id: string, o: RequestOptions = {}): Promise<string[]> {
    const doc = await this.client.decode('GET', this.p(id), {}, o);
    return doc.key('tags', 'array') as string[];
  }
  /** Replace all tags. */
  async set(id: string, tags: string[], o: RequestOptions = {}): Promise<string[]> {
    const doc = await this.client.decode('PUT', this.p(id), { json: { tags } }, o);
    return doc.keyOr('tags', 'array', tags) as string[];
  }
  /** Add one tag (no error when it is already there). */
  async add(id: string, tag: string, o: RequestOptions = {}): Promise<void> {
    const path = this.p(id, tag);
    await (await this.client.request('PUT', path, {}, o)).body.dump();
  }
  /** Remove one tag (a missing one is a `NotFoundError`). */
  async remove(id: string, tag: string, o: RequestOptions = {}): Promise<void> {
    const path = this.p(id, tag);
    await (await this.client.request('DELETE', path, {}, o)).body.dump();
  }
  /** Whether the resource has the tag. */
  async has(id: string, tag: string, o: RequestOptions = {}): Promise<boolean> {
    const path = this.p(id, tag);
    try {
      await (await this.client.request('GET', path, {}, o)).body.dump();
      return true;
    } catch (e) {
      if (e instanceof NotFoundError) return false;
      throw e;
    }
  }
  /** Remove every tag. */
  async clear(id: string, o: RequestOptions = {}): Promise<void> {
    await (await this.client.request('DELETE', this.p(id), {}, o)).body.dump();
  }
}

/** The value of `key` in a `{"meta": {key: value}}` document, which must be a string. */
function metaValue(doc: JsonDocument, key: string): string {
  const v = (doc.key('meta', 'object') as Record<string, unknown>)[key];
  if (typeof v !== 'string') throw doc.fail('missing-key', `no string "meta.${key}"`);
  return v;
}

/** Metadata operations (`{"metadata": {...}}` documents, nova/cinder style). */
export class MetadataMixin {
  constructor(
    private readonly client: ServiceClient,
    private readonly collection: string,
    private readonly key = 'metadata',
  ) {}
  private p(id: string, ...item: [string?]): string {
    const base = `${itemPath(this.collection, id)}/${this.key}`;
    return item.length ? `${base}/${encodeURIComponent(requireKey('metadata key', 'key', item[0]))}` : base;
  }
  /** All metadata of the resource. */
  async get(id: string, o: RequestOptions = {}): Promise<Record<string, string>> {
    const doc = await this.client.decode('GET', this.p(id), {}, o);
    return doc.key(this.key, 'object') as Record<string, string>;
  }
  /** Replace all metadata. */
  async replace(
    id: string,
    md: Record<string, string>,
    o: RequestOptions = {},
  ): Promise<Record<string, string>> {
    const doc = await this.client.decode('PUT', this.p(id), { json: { [this.key]: md } }, o);
    return doc.keyOr(this.key, 'object', md) as Record<string, string>;
  }
  /** Merge keys into the metadata. */
  async update(
    id: string,
    md: Record<string, string>,
    o: RequestOptions = {},
  ): Promise<Record<string, string>> {
    // merging the same keys again changes nothing: safe to retry like a PUT
    const doc = await this.client.decode(
      'POST',
      this.p(id),
      { json: { [this.key]: md }, idempotent: true },
      o,
    );
    return doc.keyOr(this.key, 'object', md) as Record<string, string>;
  }
  /** One value (`{"meta": {key: value}}`; a missing key is a `NotFoundError`). */
  async getItem(id: string, item: string, o: RequestOptions = {}): Promise<string> {
    const doc = await this.client.decode('GET', this.p(id, item), {}, o);
    return metaValue(doc, item);
  }
  /** Set one value; resolves with the value the service stored (the one sent when it answers nothing). */
  async setItem(id: string, item: string, value: string, o: RequestOptions = {}): Promise<string> {
    const doc = await this.client.decode('PUT', this.p(id, item), { json: { meta: { [item]: value } } }, o);
    return doc.value === undefined ? value : metaValue(doc, item);
  }
  /** Remove one key (a missing one is a `NotFoundError`). */
  async deleteItem(id: string, item: string, o: RequestOptions = {}): Promise<void> {
    await (await this.client.request('DELETE', this.p(id, item), {}, o)).body.dump();
  }
}

/**
 * `POST {collection}/{id}/action` with `{ name: body }`; resolves with the parsed response (if any).
 * `idempotent` marks an action whose repetition changes nothing (setting a flag or a status),
 * which the HTTP layer may then retry like a PUT.
 */
export async function resourceAction<T = unknown>(
  client: ServiceClient,
  collection: string,
  id: string,
  name: string,
  body: unknown = null,
  o: RequestOptions & { okStatuses?: number[]; idempotent?: boolean } = {},
): Promise<{ body: T | undefined; headers: Record<string, string>; doc: JsonDocument }> {
  const res = await client.request(
    'POST',
    `${itemPath(collection, id)}/action`,
    {
      json: { [name]: body },
      okStatuses: o.okStatuses,
      idempotent: o.idempotent,
      buffer: true,
    },
    o,
  );
  // an action may answer with nothing (202/204); what it does answer must be a JSON document
  const doc = await decodeJson(res, { required: false, statuses: o.okStatuses });
  return { body: doc.value as T | undefined, headers: res.headers, doc };
}
