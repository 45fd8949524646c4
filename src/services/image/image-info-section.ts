/** The image proxy's section for what glance tells about itself: stores and schemas. */
import {
  fetchResource,
  type ListQuery,
  listResources,
  type Resource,
  type ResourceList,
  type VerbOptions,
} from '../../resource/index.js';
import { ServiceProxy } from '../service-proxy.js';
import { Schema } from './schema.js';
import { Store } from './store.js';

type SchemaResource = Resource<(typeof Schema)['fields']>;

/** Stores and schemas (a section of `ImageV2`, `conn.image`). */
export abstract class ImageInfoSection extends ServiceProxy {
  /**
   * Stores of a multi-store cloud (`GET /v2/info/stores`; `detail` is admin only).
   *
   * @example
   * ```ts
   * // multi-store clouds: where can image data live?
   * for await (const s of conn.image.listStores()) console.log(s.id, s.isDefault ? '(default)' : '', s.description);
   * ```
   */
  listStores(
    opts: VerbOptions & { detail?: boolean } = {},
  ): ResourceList<Resource<(typeof Store)['fields']>> {
    return listResources(this.client, Store, {} as ListQuery<(typeof Store)['query']>, {
      ...opts,
      path: opts.detail ? '/info/stores/detail' : '/info/stores',
    });
  }

  /**
   * A schema glance publishes, by name: `image`, `images`, `member`, `members`, `task`, `tasks`, `metadefs/...`.
   *
   * @example
   * ```ts
   * // which image properties does this cloud know, and which disk formats does it accept?
   * const schema = await conn.image.getImageSchema();
   * console.log(Object.keys(schema.properties ?? {}));
   * console.log(schema.properties?.disk_format?.enum);
   * const tasks = await conn.image.getSchema('tasks');
   * console.log(tasks.name);
   * ```
   */
  getSchema(name: string, opts: VerbOptions = {}): Promise<SchemaResource> {
    return fetchResource(this.client, Schema, name, opts);
  }

  /** The JSON Schema of an image (`GET /v2/schemas/image`): the cloud's properties, formats and enums. */
  getImageSchema(opts: VerbOptions = {}): Promise<SchemaResource> {
    return this.getSchema('image', opts);
  }

  /** The JSON Schema of an image listing (`GET /v2/schemas/images`). */
  getImagesSchema(opts: VerbOptions = {}): Promise<SchemaResource> {
    return this.getSchema('images', opts);
  }

  /** The JSON Schema of an image member (`GET /v2/schemas/member`). */
  getMemberSchema(opts: VerbOptions = {}): Promise<SchemaResource> {
    return this.getSchema('member', opts);
  }

  /** The JSON Schema of an image member listing (`GET /v2/schemas/members`). */
  getMembersSchema(opts: VerbOptions = {}): Promise<SchemaResource> {
    return this.getSchema('members', opts);
  }
}
