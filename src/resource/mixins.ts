/**
 * Patterns many resources share: tags (`/{id}/tags`), metadata (`/{id}/metadata`) and
 * actions (`POST /{id}/action` with a one-key body).
 */
import { NotFoundError } from '../errors/errors.js';
import type { ServiceClient } from '../session/service-client.js';
import type { RequestOptions } from './instance.js';

/** Tag operations for a resource collection path (e.g. '/servers'). */
export class TagsMixin {
  constructor(
    private readonly client: ServiceClient,
    private readonly collection: string,
  ) {}
  private p(id: string, tag?: string): string {
    return `${this.collection}/${encodeURIComponent(id)}/tags${tag === undefined ? '' : `/${encodeURIComponent(tag)}`}`;
  }
  async list(id: string, o: RequestOptions = {}): Promise<string[]> {
    const doc = await this.client.json('GET', this.p(id), { signal: o.signal });
    return (doc?.tags ?? []) as string[];
  }
  /** Replace all tags. */
  async set(id: string, tags: string[], o: RequestOptions = {}): Promise<string[]> {
    const doc = await this.client.json('PUT', this.p(id), { json: { tags }, signal: o.signal });
    return (doc?.tags ?? tags) as string[];
  }
  async add(id: string, tag: string, o: RequestOptions = {}): Promise<void> {
    await (await this.client.request('PUT', this.p(id, tag), { signal: o.signal })).body.dump();
  }
  async remove(id: string, tag: string, o: RequestOptions = {}): Promise<void> {
    await (await this.client.request('DELETE', this.p(id, tag), { signal: o.signal })).body.dump();
  }
  async has(id: string, tag: string, o: RequestOptions = {}): Promise<boolean> {
    try {
      await (await this.client.request('GET', this.p(id, tag), { signal: o.signal })).body.dump();
      return true;
    } catch (e) {
      if (e instanceof NotFoundError) return false;
      throw e;
    }
  }
  async clear(id: string, o: RequestOptions = {}): Promise<void> {
    await (await this.client.request('DELETE', this.p(id), { signal: o.signal })).body.dump();
  }
}

/** Metadata operations (`{"metadata": {...}}` documents, nova/cinder style). */
export class MetadataMixin {
  constructor(
    private readonly client: ServiceClient,
    private readonly collection: string,
    private readonly key = 'metadata',
  ) {}
  private p(id: string, item?: string): string {
    return `${this.collection}/${encodeURIComponent(id)}/${this.key}${item === undefined ? '' : `/${encodeURIComponent(item)}`}`;
  }
  async get(id: string, o: RequestOptions = {}): Promise<Record<string, string>> {
    return ((await this.client.json('GET', this.p(id), { signal: o.signal }))?.[this.key] ?? {}) as Record<
      string,
      string
    >;
  }
  /** Replace all metadata. */
  async replace(
    id: string,
    md: Record<string, string>,
    o: RequestOptions = {},
  ): Promise<Record<string, string>> {
    return ((await this.client.json('PUT', this.p(id), { json: { [this.key]: md }, signal: o.signal }))?.[
      this.key
    ] ?? md) as Record<string, string>;
  }
  /** Merge keys into the metadata. */
  async update(
    id: string,
    md: Record<string, string>,
    o: RequestOptions = {},
  ): Promise<Record<string, string>> {
    return ((await this.client.json('POST', this.p(id), { json: { [this.key]: md }, signal: o.signal }))?.[
      this.key
    ] ?? md) as Record<string, string>;
  }
  async deleteItem(id: string, item: string, o: RequestOptions = {}): Promise<void> {
    await (await this.client.request('DELETE', this.p(id, item), { signal: o.signal })).body.dump();
  }
}

/** `POST {collection}/{id}/action` with `{ name: body }`; resolves with the parsed response (if any). */
export async function resourceAction<T = unknown>(
  client: ServiceClient,
  collection: string,
  id: string,
  name: string,
  body: unknown = null,
  o: RequestOptions & { okStatuses?: number[] } = {},
): Promise<{ body: T | undefined; headers: Record<string, string> }> {
  const res = await client.request('POST', `${collection}/${encodeURIComponent(id)}/action`, {
    json: { [name]: body },
    signal: o.signal,
    timeoutMs: o.timeoutMs,
    microversion: o.microversion,
    headers: o.headers,
    okStatuses: o.okStatuses,
  });
  const text = await res.text();
  let parsed: T | undefined;
  if (text) {
    try {
      parsed = JSON.parse(text) as T;
    } catch {
      parsed = text as T;
    }
  }
  return { body: parsed, headers: res.headers };
}
