/** The image v2 (glance) proxy. */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ResourceFailureError, TimeoutError } from '../../errors/errors.js';
import {
  type CreateAttributes,
  createResource,
  type DeleteOptions,
  deleteResource,
  fetchResource,
  instantiate,
  type ListQuery,
  listResources,
  namedVerbs,
  type RequestOptions,
  type Resource,
  type ResourceBase,
  type ResourceList,
  requireId,
  TagsMixin,
  toRequest,
  updateResource,
  type VerbOptions,
  type VerbsOf,
  type WaitOptions,
} from '../../resource/index.js';
import type { Session } from '../../session/session.js';
import { sleep } from '../../transport/retry.js';
import { type ProxyOptions, ServiceProxy } from '../service-proxy.js';
import { imageV2Spec } from '../specs.js';
import {
  DigestAccumulator,
  type ExpectedDigest,
  hashing,
  type ImageData,
  type ImageDigest,
  NoImageDataError,
  openData,
  VerifyingStream,
  verifyDigest,
} from './data.js';
import { Image } from './image.js';
import { ImageImport, type ImportMethod } from './image-import.js';
import { Member, type MemberStatus } from './member.js';
import { Schema } from './schema.js';
import { Store } from './store.js';
import { Task } from './task.js';

/** An image id, or an image resource. */
export type ImageRef = string | ResourceBase<any>;
type ImageResource = Resource<(typeof Image)['fields']>;
type MemberResource = Resource<(typeof Member)['fields']>;
type TaskResource = Resource<(typeof Task)['fields']>;
type SchemaResource = Resource<(typeof Schema)['fields']>;

function imageId(x: ImageRef): string {
  return requireId('image', x);
}

function imagePath(x: ImageRef, suffix = ''): string {
  return `/images/${encodeURIComponent(imageId(x))}${suffix}`;
}

/** Options of {@link ImageV2.uploadImage} and {@link ImageV2.stageImage}. */
export interface UploadOptions extends RequestOptions {
  /**
   * Multihash to compute while streaming, compared with the image's `os_hash_value` when the
   * cloud uses the same `os_hash_algo` (default `sha512`, glance's default). MD5 is always computed.
   */
  hashAlgo?: string;
  /** Check size, `checksum` and `os_hash_value` after the upload (default true). */
  verify?: boolean;
  /** Target store of a multi-store cloud (`X-Image-Meta-Store`). */
  store?: string;
  /** Called with the number of bytes sent so far. */
  onProgress?: (bytes: number) => void;
}

/** What an upload sent, and the image after it. */
export interface UploadResult extends ImageDigest {
  /** The image after the upload, as glance now reports it. */
  image: ImageResource;
  /** Which of the image's values matched what was sent. */
  verified: { size: boolean; checksum: boolean; hash: boolean };
}

/** Options of {@link ImageV2.downloadImage}. */
export interface DownloadOptions extends RequestOptions {
  /** Verify size, MD5 and the multihash at the end of the stream (default true). */
  verify?: boolean;
}

/** A download in progress. */
export interface ImageDownload {
  /**
   * The image data. When verification is on, the stream errors with a ChecksumMismatchError
   * instead of ending if the data does not match the image's checksum/hash.
   */
  stream: Readable;
  /** The image as fetched before the download (when verifying). */
  image?: ImageResource;
  /** Content-Length announced by glance. */
  contentLength?: number;
  /** Digests of what was received, once the stream has ended. */
  digest(): ImageDigest | undefined;
}

/** Options of {@link ImageV2.importImage}. */
export interface ImportOptions extends RequestOptions {
  /** Target store ids (multi-store clouds). */
  stores?: string[];
  /** Import to every store (multi-store clouds). */
  allStores?: boolean;
  /** Fail the import when one store fails (with `stores` or `allStores`). */
  allStoresMustSucceed?: boolean;
}

export interface ImageV2
  extends VerbsOf<'Image', 'Images', typeof Image>,
    VerbsOf<'Task', 'Tasks', typeof Task, 'list' | 'get' | 'create' | 'wait'> {}

/**
 * Glance v2: images and their data, tags, sharing (members), deactivation, interoperable
 * import, stores, tasks and schemas.
 *
 * Generated verbs: `listImages`/`getImage`/`findImage`/`createImage`/`updateImage` (JSON Patch)/
 * `deleteImage`/`waitForImage`/`waitForImageDelete`, and `listTasks`/`getTask`/`createTask`/`waitForTask`.
 */
export class ImageV2 extends ServiceProxy {
  private readonly tags: TagsMixin;

  constructor(session: Session, opts: ProxyOptions = {}) {
    super(session, imageV2Spec, opts);
    this.tags = new TagsMixin(this.client, '/images');
    Object.assign(
      this,
      namedVerbs(this.client, Image, 'Image', 'Images', [
        'list',
        'get',
        'find',
        'create',
        'update',
        'delete',
        'wait',
      ]),
      namedVerbs(this.client, Task, 'Task', 'Tasks', ['list', 'get', 'create', 'wait']),
    );
  }

  // ---- data -----------------------------------------------------------------------------

  private async sendData(
    method: 'file' | 'stage',
    image: ImageRef,
    data: ImageData,
    opts: UploadOptions,
  ): Promise<ImageDigest> {
    const acc = new DigestAccumulator(opts.hashAlgo ?? 'sha512');
    const { chunks, length } = await openData(data);
    const headers: Record<string, string> = {
      ...opts.headers,
      'content-type': 'application/octet-stream',
    };
    if (length !== undefined) headers['content-length'] = String(length);
    if (opts.store) headers['x-image-meta-store'] = opts.store;
    const res = await this.client.request('PUT', imagePath(image, `/${method}`), {
      body: hashing(chunks, acc, opts.onProgress),
      headers,
      signal: opts.signal,
      timeoutMs: opts.timeoutMs,
      logBody: false,
    });
    await res.body.dump();
    return acc.digest();
  }

  /**
   * Upload the image data (`PUT /v2/images/{id}/file`), streamed from a file path, bytes, a
   * Readable or an async iterable; MD5 and `hashAlgo` are computed on the way and, unless
   * `verify: false`, compared with the size, `checksum` and `os_hash_value` glance recorded
   * (ChecksumMismatchError when they differ). The image must be `queued`.
   */
  async uploadImage(image: ImageRef, data: ImageData, opts: UploadOptions = {}): Promise<UploadResult> {
    const sent = await this.sendData('file', image, data, opts);
    const fresh = await fetchResource(this.client, Image, imageId(image), { signal: opts.signal });
    const verified =
      opts.verify === false
        ? { size: false, checksum: false, hash: false }
        : verifyDigest(sent, expectedOf(fresh), `upload of image ${fresh.id}`);
    return { ...sent, image: fresh, verified };
  }

  /**
   * Stage data for the `glance-direct` import method (`PUT /v2/images/{id}/stage`); follow
   * with {@link importImage}. Returns the digests of what was sent, to compare with the
   * image once imported ({@link verifyImage}).
   *
   * @example
   * ```ts
   * import { createReadStream } from 'node:fs';
   *
   * // glance-direct: stage the data, import it, then check that what arrived is what was sent
   * const image = await conn.image.createImage({ name: 'base', diskFormat: 'raw', containerFormat: 'bare' });
   * const sent = await conn.image.stageImage(image, createReadStream('base.raw'));
   * await conn.image.importImage(image, { name: 'glance-direct' });
   * await conn.image.waitForImageImport(image);
   * console.log(await conn.image.verifyImage(image, sent)); // { size: true, checksum: true, hash: true }
   * ```
   */
  stageImage(image: ImageRef, data: ImageData, opts: UploadOptions = {}): Promise<ImageDigest> {
    return this.sendData('stage', image, data, opts);
  }

  /**
   * Download the image data (`GET /v2/images/{id}/file`) as a stream. With verification (the
   * default) the image is fetched first and the stream errors with ChecksumMismatchError at
   * the end when size, MD5 or `os_hash_value` differ. Throws NoImageDataError for an image
   * without data.
   *
   * @example
   * ```ts
   * import { createHash } from 'node:crypto';
   *
   * // stream the data without storing it; the stream errors if it does not match glance's checksum
   * const { stream } = await conn.image.downloadImage(await conn.image.findImage('cirros'));
   * const sha = createHash('sha256');
   * for await (const chunk of stream) sha.update(chunk as Buffer);
   * console.log(sha.digest('hex'));
   * ```
   */
  async downloadImage(image: ImageRef, opts: DownloadOptions = {}): Promise<ImageDownload> {
    const verify = opts.verify !== false;
    const meta = verify
      ? await fetchResource(this.client, Image, imageId(image), { signal: opts.signal })
      : undefined;
    const res = await this.client.request('GET', imagePath(image, '/file'), {
      headers: { ...opts.headers, accept: 'application/octet-stream' },
      signal: opts.signal,
      timeoutMs: opts.timeoutMs,
    });
    if (res.status === 204) {
      await res.body.dump();
      throw new NoImageDataError(`image ${imageId(image)} has no data`);
    }
    const want: ExpectedDigest | undefined = meta ? expectedOf(meta) : undefined;
    if (want && !want.checksum && res.headers['content-md5']) want.checksum = res.headers['content-md5'];
    const verifier = new VerifyingStream(want, `download of image ${imageId(image)}`);
    const stream = res.body.pipe(verifier);
    res.body.on('error', (e) => verifier.destroy(e));
    const len = res.headers['content-length'];
    return {
      stream,
      image: meta,
      contentLength: len === undefined ? undefined : Number(len),
      digest: () => verifier.digest,
    };
  }

  /**
   * Download the image data to a file (written to a temporary name, renamed when complete and
   * verified; removed on any failure). Resolves with the digests of what was written.
   *
   * @example
   * ```ts
   * const image = await conn.image.findImage('cirros');
   * const digest = await conn.image.downloadImageToFile(image, '/tmp/cirros.img');
   * console.log(digest);
   * ```
   */
  async downloadImageToFile(image: ImageRef, path: string, opts: DownloadOptions = {}): Promise<ImageDigest> {
    const dl = await this.downloadImage(image, opts);
    const tmp = `${path}.${randomBytes(4).toString('hex')}.part`;
    try {
      await pipeline(dl.stream, createWriteStream(tmp, { flags: 'wx' }), { signal: opts.signal });
      await rename(tmp, path);
    } catch (e) {
      await unlink(tmp).catch(() => {});
      throw e;
    }
    return dl.digest()!;
  }

  /**
   * Compare digests (from {@link stageImage}, or computed elsewhere) with an image's size,
   * `checksum` and `os_hash_value`; throws ChecksumMismatchError on a difference.
   */
  async verifyImage(
    image: ImageRef,
    digest: ImageDigest,
    opts: RequestOptions = {},
  ): Promise<{ size: boolean; checksum: boolean; hash: boolean }> {
    const fresh = await fetchResource(this.client, Image, imageId(image), { signal: opts.signal });
    return verifyDigest(digest, expectedOf(fresh), `image ${fresh.id}`);
  }

  // ---- tags and state -------------------------------------------------------------------

  /**
   * Add a tag to an image (idempotent).
   *
   * @example
   * ```ts
   * const image = await conn.image.findImage('ubuntu-24.04');
   * await conn.image.addImageTag(image, 'golden');
   * // admin: withdraw an image's data while investigating it, then bring it back
   * await conn.image.deactivateImage(image);
   * await conn.image.reactivateImage(image);
   * ```
   */
  addImageTag(image: ImageRef, tag: string, opts: RequestOptions = {}): Promise<void> {
    return this.tags.add(imageId(image), tag, opts);
  }

  /** Remove a tag from an image (NotFoundError when it is not there). */
  removeImageTag(image: ImageRef, tag: string, opts: RequestOptions = {}): Promise<void> {
    return this.tags.remove(imageId(image), tag, opts);
  }

  /** Deactivate an image: its data can no longer be downloaded, except by admins (admin only). */
  async deactivateImage(image: ImageRef, opts: RequestOptions = {}): Promise<void> {
    await this.send('POST', imagePath(image, '/actions/deactivate'), opts);
  }

  /** Reactivate a deactivated image (admin only). */
  async reactivateImage(image: ImageRef, opts: RequestOptions = {}): Promise<void> {
    await this.send('POST', imagePath(image, '/actions/reactivate'), opts);
  }

  // ---- members --------------------------------------------------------------------------

  /**
   * Share an image with a project (the image's visibility must be `shared`).
   *
   * @example
   * ```ts
   * // share a private image with another project; that project accepts it
   * const image = await conn.image.findImage('golden');
   * await conn.image.updateImage(image, { visibility: 'shared' });
   * await conn.image.addImageMember(image, 'OTHER_PROJECT_ID');
   * // in the other project: await other.image.updateImageMember(image.id, 'OTHER_PROJECT_ID', 'accepted');
   * ```
   */
  addImageMember(image: ImageRef, projectId: string, opts: VerbOptions = {}): Promise<MemberResource> {
    return createResource(
      this.client,
      Member,
      { member: projectId, imageId: imageId(image) } as CreateAttributes<(typeof Member)['fields']>,
      opts,
    );
  }

  /** Projects an image is shared with (as the owner), or the caller's own membership (as a member). */
  listImageMembers(image: ImageRef, opts: VerbOptions = {}): ResourceList<MemberResource> {
    return listResources(this.client, Member, {}, { ...opts, parent: { imageId: imageId(image) } });
  }

  /** One membership of an image. */
  getImageMember(image: ImageRef, projectId: string, opts: VerbOptions = {}): Promise<MemberResource> {
    return fetchResource(this.client, Member, projectId, { ...opts, parent: { imageId: imageId(image) } });
  }

  /** Accept or reject a shared image (as the member project), or reset it to pending. */
  updateImageMember(
    image: ImageRef,
    projectId: string,
    status: MemberStatus,
    opts: VerbOptions = {},
  ): Promise<MemberResource> {
    return updateResource(
      this.client,
      Member,
      projectId,
      { status },
      { ...opts, parent: { imageId: imageId(image) } },
    );
  }

  /** Stop sharing an image with a project. */
  removeImageMember(image: ImageRef, projectId: string, opts: DeleteOptions = {}): Promise<void> {
    return deleteResource(this.client, Member, projectId, { ...opts, parent: { imageId: imageId(image) } });
  }

  // ---- import ---------------------------------------------------------------------------

  /**
   * The import methods this cloud offers (`GET /v2/info/import`), e.g. `['glance-direct', 'web-download']`.
   *
   * @example
   * ```ts
   * const methods = await conn.image.getImportMethods();
   * if (!methods.includes('web-download')) console.log('upload the data instead of importing it from a URL');
   * ```
   */
  async getImportMethods(opts: RequestOptions = {}): Promise<string[]> {
    const doc = await this.client.decode('GET', '/info/import', {
      signal: opts.signal,
      timeoutMs: opts.timeoutMs,
    });
    const v = (doc.key('import-methods', 'object') as { value?: unknown }).value;
    if (!Array.isArray(v)) throw doc.fail('wrong-type', '"import-methods.value" is not a list');
    return v.map(String);
  }

  /**
   * Start an interoperable import (`POST /v2/images/{id}/import`): `glance-direct` after
   * {@link stageImage}, `web-download` from a URI, `copy-image` to more stores. Glance works
   * asynchronously; follow with {@link waitForImageImport}.
   *
   * @example
   * ```ts
   * const image = await conn.image.createImage({ name: 'fedora', diskFormat: 'qcow2', containerFormat: 'bare' });
   * await conn.image.importImage(image, { name: 'web-download', uri: 'https://example.com/fedora.qcow2' });
   * await conn.image.waitForImageImport(image, { timeoutMs: 900_000 });
   * ```
   */
  async importImage(image: ImageRef, method: ImportMethod, opts: ImportOptions = {}): Promise<void> {
    const parts = toRequest(
      ImageImport,
      {
        method,
        stores: opts.stores,
        allStores: opts.allStores,
        allStoresMustSucceed: opts.allStoresMustSucceed,
      },
      'create',
      this.client,
    );
    const res = await this.client.request('POST', imagePath(image, '/import'), {
      json: parts.body,
      headers: opts.headers,
      signal: opts.signal,
      timeoutMs: opts.timeoutMs,
    });
    await res.body.dump();
  }

  /**
   * Wait until an import has finished: the image is `active` and no store is still importing.
   * Fails with ResourceFailureError when glance records a failed store
   * (`os_glance_failed_import`) or the image is killed, or when it falls back to `queued`.
   */
  async waitForImageImport(image: ImageRef, opts: WaitOptions = {}): Promise<ImageResource> {
    const interval = opts.intervalMs ?? 2000;
    const timeout = opts.timeoutMs ?? 600_000;
    const start = Date.now();
    let sawImporting = false;
    for (;;) {
      const img = await fetchResource(this.client, Image, imageId(image), { signal: opts.signal });
      const status = img.status;
      const importing = String(img.extra.os_glance_importing_to_stores ?? '');
      const failed = String(img.extra.os_glance_failed_import ?? '');
      opts.onPoll?.(status, Date.now() - start);
      if (failed) {
        throw new ResourceFailureError(
          `import of image ${img.id} failed for store(s) ${failed}`,
          status ?? '',
          failed,
        );
      }
      if (status === 'killed')
        throw new ResourceFailureError(`image ${img.id} was killed during import`, status);
      if (status === 'importing') sawImporting = true;
      if (status === 'active' && !importing) return img;
      if (status === 'queued' && sawImporting) {
        throw new ResourceFailureError(
          `import of image ${img.id} failed: the image went back to queued`,
          status,
        );
      }
      if (Date.now() - start + interval > timeout) {
        throw new TimeoutError(
          `image ${img.id} still ${status} after ${Math.round((Date.now() - start) / 1000)} s of import`,
        );
      }
      await sleep(interval, opts.signal);
    }
  }

  /**
   * Tasks of an image's imports (`GET /v2/images/{id}/tasks`), newest first.
   *
   * @example
   * ```ts
   * // why did an import fail?
   * const image = await conn.image.findImage('fedora');
   * for (const t of await conn.image.listImageTasks(image)) console.log(t.status, t.message);
   * ```
   */
  async listImageTasks(image: ImageRef, opts: RequestOptions = {}): Promise<TaskResource[]> {
    const doc = await this.client.decode('GET', imagePath(image, '/tasks'), { signal: opts.signal });
    const rows = doc.rows('tasks');
    return rows.map((t) => instantiate(Task, this.client, t));
  }

  // ---- stores and schemas ---------------------------------------------------------------

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

  private async send(method: string, path: string, opts: RequestOptions): Promise<void> {
    const res = await this.client.request(method, path, {
      signal: opts.signal,
      timeoutMs: opts.timeoutMs,
      headers: opts.headers,
    });
    await res.body.dump();
  }
}

function expectedOf(img: ImageResource): ExpectedDigest {
  return { size: img.size, checksum: img.checksum, hashAlgo: img.hashAlgo, hashValue: img.hashValue };
}
