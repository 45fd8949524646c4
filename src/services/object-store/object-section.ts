/**
 * `conn.objectStore`, objects: listing, uploading, reading, metadata, server-side copies and
 * deleting them.
 */
import { NotFoundError, ValidationError } from '../../errors/errors.js';
import { instantiate } from '../../resource/instance.js';
import type { ResourceList } from '../../resource/pagination.js';
import { decodeJson } from '../../session/decode.js';
import type { QueryValue, ServiceClient } from '../../session/service-client.js';
import { concatBytes } from '../../transport/bytes.js';
import { ServiceProxy } from '../service-proxy.js';
import { bulkReport } from './bulk-delete.js';
import { type DownloadOptions, type ObjectDownload, openDownload } from './download.js';
import { BulkDeleteError } from './errors.js';
import { objectFromHeaders, scrubHeaders } from './from-headers.js';
import { unquoteEtag } from './hashing.js';
import { readLayout } from './layout.js';
import { markerListing } from './listing.js';
import { metadataFromHeaders, metadataHeaders } from './metadata.js';
import { type ObjectResource, StorageObject } from './object.js';
import type {
  CallOptions,
  CopyObjectOptions,
  CreateObjectOptions,
  DeleteObjectOptions,
  ListObjectsQuery,
  SetObjectMetadataOptions,
} from './options.js';
import { containerPath, objectPath } from './paths.js';
import { objectHeaders, reflected } from './request-headers.js';
import { verifiedPut } from './segment-upload.js';
import { followUp, headersOf } from './send.js';
import { sourceFromData, sourceFromFile } from './source.js';
import { whole } from './whole.js';

/** The object calls of `conn.objectStore` (a section of ObjectStoreV1: mixed in, never constructed). */

export class ObjectStoreObjects extends ServiceProxy {
  /**
   * Objects of a container, lazily paged by marker; with a delimiter, pseudo-directories are rows with `subdir`.
   *
   * @example
   * ```ts
   * // one "directory" level: objects under logs/2026/ and the pseudo-directories below it
   * for await (const o of conn.objectStore.listObjects('backups', { prefix: 'logs/2026/', delimiter: '/' }))
   *   console.log(o.subdir ?? `${o.name} ${o.bytes}`);
   * ```
   */
  listObjects(
    container: string,
    q: ListObjectsQuery = {},
    o: CallOptions = {},
  ): ResourceList<ObjectResource> {
    const query: Record<string, QueryValue> = {
      prefix: q.prefix,
      delimiter: q.delimiter,
      marker: q.marker,
      end_marker: q.endMarker,
      reverse: q.reverse,
    };
    if (q.versions) query.versions = '';
    return markerListing(
      this.client,
      { path: containerPath(container), query, limit: q.limit, call: o },
      (row) => instantiate(StorageObject, this.client, row, {}, { container }) as ObjectResource,
    );
  }

  /**
   * Upload an object from text, bytes, a file, a Readable or an AsyncIterable, streaming and
   * checking the MD5 against Swift's ETag (bytes in memory send their MD5 first so Swift
   * refuses a corrupted body). With `segmentSize`, bigger sources become large objects.
   *
   * @example
   * ```ts
   * await conn.objectStore.createObject({ container: 'backups', name: 'notes.txt', data: 'hello' });
   * await conn.objectStore.createObject({ container: 'backups', name: 'db.dump', file: '/var/backups/db.dump' });
   * for await (const o of conn.objectStore.listObjects('backups', { prefix: 'db.' })) console.log(o.name, o.bytes);
   * await conn.objectStore.deleteObject('backups', 'notes.txt');
   * ```
   */
  async createObject(o: CreateObjectOptions): Promise<ObjectResource> {
    if ((o.data === undefined) === (o.file === undefined)) {
      throw new ValidationError('pass exactly one of data and file', {
        field: 'data',
        fix: 'data: "..." or file: "<path>"',
      });
    }
    objectPath(o.container, o.name);
    const source = o.file !== undefined ? await sourceFromFile(o.file) : sourceFromData(o.data!);
    const segmented =
      o.segmentSize !== undefined && (source.size === undefined ? true : source.size > o.segmentSize);
    if (segmented) {
      const r = await whole(this).uploadLargeObject({ ...o, source, segmentSize: o.segmentSize! });
      return objectFromUpload(this.client, o, {
        etag: `"${r.etag}"`,
        bytes: r.bytes,
        slo: r.kind === 'slo',
        dlo: r.kind === 'dlo',
      });
    }
    const headers = objectHeaders(o);
    const put = (run: () => Promise<Awaited<ReturnType<typeof verifiedPut>>>) =>
      o.limiter ? o.limiter.run(run) : run();
    const r = await put(() =>
      verifiedPut(
        this.client,
        objectPath(o.container, o.name),
        source.kind === 'bytes'
          ? { bytes: source.bytes! }
          : source.kind === 'file'
            ? { open: () => source.range!(0, source.size!), length: source.size }
            : { stream: source.stream! },
        { headers, onBytes: o.onBytes, etag: o.etag, what: `${o.container}/${o.name}` },
        o,
      ),
    );
    return objectFromUpload(this.client, o, {
      etag: r.etag,
      bytes: r.bytes,
      responseHeaders: r.response.headers,
    });
  }

  /**
   * An object's metadata (`HEAD`).
   *
   * @example
   * ```ts
   * const obj = await conn.objectStore.getObjectMetadata('backups', 'db.dump');
   * console.log(obj.contentType, obj.bytes, obj.etag, obj.metadata);
   * ```
   */
  async getObjectMetadata(
    container: string,
    name: string,
    o: CallOptions & { versionId?: string } = {},
  ): Promise<ObjectResource> {
    const query = o.versionId ? { 'version-id': o.versionId } : undefined;
    const headers = await headersOf(this.client, 'HEAD', objectPath(container, name), { query }, o);
    return objectFromHeaders(this.client, container, name, headers);
  }

  /**
   * Read an object as a stream. The stream fails (ChecksumMismatchError/LengthMismatchError)
   * if the bytes do not match the ETag; large objects are checked segment by segment.
   *
   * @example
   * ```ts
   * import { createWriteStream } from 'node:fs';
   * import { pipeline } from 'node:stream/promises';
   *
   * // the stream fails at the end if the bytes do not match the ETag (per segment for large objects)
   * const { stream, verification } = await conn.objectStore.streamObject('backups', 'db.dump');
   * await pipeline(stream, createWriteStream('db.dump'));
   * console.log('verified by', verification);
   * ```
   */
  streamObject(container: string, name: string, o: DownloadOptions = {}): Promise<ObjectDownload> {
    return openDownload(this.client, container, name, o);
  }

  /**
   * Read a whole object into memory, verified like {@link streamObject}.
   *
   * @example
   * ```ts
   * import { createWriteStream } from 'node:fs';
   * import { pipeline } from 'node:stream/promises';
   *
   * const small = await conn.objectStore.downloadObject('backups', 'notes.txt');
   * console.log(small.data.toString('utf8'), small.verification);
   * // big objects: stream them, still verified part by part
   * const big = await conn.objectStore.streamObject('isos', 'ubuntu.iso');
   * await pipeline(big.stream, createWriteStream('/tmp/ubuntu.iso'));
   * ```
   */
  async downloadObject(
    container: string,
    name: string,
    o: DownloadOptions = {},
  ): Promise<{ data: Buffer; object: ObjectResource; verification: ObjectDownload['verification'] }> {
    const d = await openDownload(this.client, container, name, o);
    const chunks: Uint8Array[] = [];
    let n = 0;
    for await (const c of d.stream as AsyncIterable<Uint8Array>) {
      chunks.push(c);
      n += c.byteLength;
    }
    // a Buffer where Buffer exists (Node, Deno, Bun), else a Uint8Array
    return { data: concatBytes(chunks, n) as Buffer, object: d.object, verification: d.verification };
  }

  /**
   * Set object metadata (`POST`). Swift's POST replaces all user metadata; by default the
   * current metadata is read first and merged (`replace: true` sends only the given keys).
   *
   * @example
   * ```ts
   * await conn.objectStore.setObjectMetadata('backups', 'db.dump', { retention: '30d' }, { deleteAfter: 30 * 86_400 });
   * const meta = await conn.objectStore.getObjectMetadata('backups', 'db.dump');
   * console.log(meta.metadata, meta.bytes);
   * ```
   */
  async setObjectMetadata(
    container: string,
    name: string,
    metadata: Record<string, string>,
    o: SetObjectMetadataOptions = {},
  ): Promise<void> {
    let md = metadata;
    const h: Record<string, string> = {};
    if (!o.replace) {
      const cur = await headersOf(this.client, 'HEAD', objectPath(container, name), {}, o);
      md = { ...metadataFromHeaders('object', cur), ...metadata };
      // POST also resets these unless repeated
      if (cur['content-type'] && !o.contentType) h['content-type'] = cur['content-type'];
      if (cur['x-delete-at'] && !o.removeDeleteAt && o.deleteAt === undefined && o.deleteAfter === undefined)
        h['x-delete-at'] = cur['x-delete-at'];
    }
    Object.assign(
      h,
      objectHeaders({
        metadata: md,
        contentType: o.contentType,
        deleteAfter: o.deleteAfter,
        deleteAt: o.deleteAt,
      }),
    );
    if (o.removeDeleteAt) h['x-remove-delete-at'] = 'x';
    await headersOf(this.client, 'POST', objectPath(container, name), { headers: h }, o);
  }

  /** Remove object metadata keys (read, drop, write back). */
  async deleteObjectMetadata(
    container: string,
    name: string,
    keys: readonly string[],
    o: CallOptions = {},
  ): Promise<void> {
    const cur = await headersOf(this.client, 'HEAD', objectPath(container, name), {}, o);
    const md = metadataFromHeaders('object', cur);
    for (const k of keys) delete md[k.toLowerCase()];
    const h: Record<string, string> = metadataHeaders('object', md);
    if (cur['content-type']) h['content-type'] = cur['content-type'];
    if (cur['x-delete-at']) h['x-delete-at'] = cur['x-delete-at'];
    await headersOf(this.client, 'POST', objectPath(container, name), { headers: h }, o);
  }

  /**
   * Server-side copy (`COPY` with Destination, or `PUT` with X-Copy-From).
   *
   * @example
   * ```ts
   * // a server-side copy: the bytes never leave the cluster
   * await conn.objectStore.copyObject({
   *   from: { container: 'backups', name: 'db.dump' },
   *   to: { container: 'archive', name: 'db-2026-04.dump' },
   *   metadata: { archived: 'yes' },
   * });
   * ```
   */
  async copyObject(o: CopyObjectOptions): Promise<ObjectResource> {
    // Destination and X-Copy-From name the object as its path does (container, then object)
    const src = objectPath(o.from.container, o.from.name);
    const dst = objectPath(o.to.container, o.to.name);
    const h = objectHeaders({ metadata: o.metadata, contentType: o.contentType, ifNoneMatch: o.ifNoneMatch });
    if (o.freshMetadata) h['x-fresh-metadata'] = 'true';
    const query = o.manifestOnly ? { 'multipart-manifest': 'get' } : undefined;
    let headers: Record<string, string>;
    if ((o.method ?? 'COPY') === 'COPY') {
      headers = await headersOf(this.client, 'COPY', src, { query, headers: { ...h, destination: dst } }, o);
    } else {
      const copyFrom = { ...h, 'x-copy-from': src, 'content-length': '0' };
      headers = await headersOf(this.client, 'PUT', dst, { query, headers: copyFrom }, o);
    }
    const out = { ...headers };
    delete out['content-length'];
    delete out['content-type'];
    return instantiate(
      StorageObject,
      this.client,
      { name: o.to.name, hash: unquoteEtag(headers.etag) },
      scrubHeaders(out),
      {
        container: o.to.container,
      },
    ) as ObjectResource;
  }

  /**
   * Delete an object. `withSegments` also deletes a large object's segments: an SLO through
   * `?multipart-manifest=delete`, a DLO by deleting the manifest and then its prefix.
   *
   * @example
   * ```ts
   * await conn.objectStore.deleteObject('scratch', 'tmp.bin', { ignoreMissing: true });
   * ```
   */
  async deleteObject(container: string, name: string, o: DeleteObjectOptions = {}): Promise<void> {
    try {
      const query: Record<string, string> = {};
      if (o.versionId) query['version-id'] = o.versionId;
      if (o.withSegments) {
        const h = await headersOf(this.client, 'HEAD', objectPath(container, name), { query }, o);
        if (h['x-static-large-object']?.toLowerCase() === 'true') {
          const res = await this.client.request(
            'DELETE',
            objectPath(container, name),
            { query: { ...query, 'multipart-manifest': 'delete' }, headers: { accept: 'application/json' } },
            o,
          );
          // with accept: application/json Swift reports as JSON; an empty answer is a plain success
          const report = await decodeJson(res, { required: false });
          if (report.value !== undefined) {
            const doc = bulkReport(report);
            if (doc.Errors.length || !(doc['Response Status'] ?? '200').startsWith('2')) {
              throw new BulkDeleteError(
                `deleting ${container}/${name} with its segments: ${doc['Response Status']}`,
                (doc.Errors ?? []).map(([path, status]) => ({ path, status })),
              );
            }
          }
          return;
        }
        if (h['x-object-manifest'] !== undefined) {
          const layout = await readLayout(this.client, container, name, h, followUp(o));
          await headersOf(this.client, 'DELETE', objectPath(container, name), { query }, o);
          const r = await whole(this).bulkDelete(
            layout.parts.map((p) => ({ container: p.container!, name: p.name! })),
            o,
          );
          if (r.errors.length)
            throw new BulkDeleteError(`deleting the segments of ${container}/${name}`, r.errors);
          return;
        }
      }
      await headersOf(this.client, 'DELETE', objectPath(container, name), { query }, o);
    } catch (e) {
      if (o.ignoreMissing && e instanceof NotFoundError) return;
      throw e;
    }
  }
}

/** The object a finished upload made, from what was sent and what Swift answered. */
function objectFromUpload(
  client: ServiceClient,
  o: CreateObjectOptions,
  r: {
    etag: string;
    bytes: number;
    slo?: boolean;
    dlo?: boolean;
    responseHeaders?: Record<string, string>;
  },
): ObjectResource {
  const h = { ...scrubHeaders(r.responseHeaders ?? {}) };
  delete h['content-type'];
  delete h['content-length'];
  h.etag = r.slo || r.dlo ? r.etag : (r.responseHeaders?.etag ?? r.etag);
  if (r.slo) h['x-static-large-object'] = 'True';
  // a static large object's `hash` (as listed) is its manifest's MD5, unknown here: see sloEtag
  const body: Record<string, unknown> = { name: o.name, bytes: r.bytes };
  if (!r.slo) body.hash = unquoteEtag(r.etag);
  if (o.contentType) body.content_type = o.contentType;
  if (r.slo) body.slo_etag = r.etag;
  return instantiate(
    StorageObject,
    client,
    body,
    { ...h, ...reflected(metadataHeaders('object', o.metadata)) },
    {
      container: o.container,
    },
  ) as ObjectResource;
}
