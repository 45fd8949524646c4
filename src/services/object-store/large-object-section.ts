/**
 * `conn.objectStore`, large objects: segmented uploads, layouts and manifests, and the
 * segments failed or replaced uploads left behind.
 */
import { NotFoundError, PreconditionFailedError, ValidationError } from '../../errors/errors.js';
import { decodeJson } from '../../session/decode.js';
import { ServiceProxy } from '../service-proxy.js';
import { readCapabilities } from './capabilities.js';
import { BulkDeleteError } from './errors.js';
import { type SegmentedUploadResult, uploadSegmented } from './large-object-upload.js';
import { type ObjectLayout, readLayout } from './layout.js';
import type { CallOptions, CleanupOrphansOptions } from './options.js';
import { objectPath } from './paths.js';
import { objectHeaders } from './request-headers.js';
import { defaultSegmentContainer, isSegmentOf } from './segment-names.js';
import { followUp, headersOf } from './send.js';
import { sourceFromData, sourceFromFile } from './source.js';
import { type LargeObjectUploadArgs, whole } from './whole.js';

/** The large-object calls of `conn.objectStore` (a section of ObjectStoreV1: mixed in, never constructed). */

export class ObjectStoreLargeObjects extends ServiceProxy {
  /**
   * Upload a large object: segments first (concurrently for files and bytes), each checked by
   * ETag, to `<container>_segments` (or `segmentContainer`), then the manifest. An upload
   * that fails or is aborted leaves the previous object untouched; its segments are deleted
   * (or kept with `keepSegmentsOnError`) and named in the LargeObjectUploadError.
   *
   * @example
   * ```ts
   * const result = await conn.objectStore.uploadLargeObject({
   *   container: 'isos',
   *   name: 'ubuntu.iso',
   *   file: '/srv/isos/ubuntu-24.04.iso',
   *   segmentSize: 256 * 1024 * 1024,
   * });
   * console.log(result);
   * ```
   */
  async uploadLargeObject(o: LargeObjectUploadArgs): Promise<SegmentedUploadResult> {
    if (!Number.isInteger(o.segmentSize) || o.segmentSize < 1) {
      throw new ValidationError('segmentSize must be a positive integer', { field: 'segmentSize' });
    }
    const source =
      o.source ??
      (o.file !== undefined
        ? await sourceFromFile(o.file)
        : o.data !== undefined
          ? sourceFromData(o.data)
          : undefined);
    if (!source) throw new ValidationError('pass data or file', { field: 'data' });
    if (o.ifNoneMatch === '*') {
      // fail before uploading any segment
      const exists = await whole(this)
        .getObjectMetadata(o.container, o.name, followUp(o))
        .catch((e) => {
          if (e instanceof NotFoundError) return undefined;
          throw e;
        });
      if (exists) {
        throw new PreconditionFailedError({
          status: 412,
          method: 'PUT',
          url: `${o.container}/${o.name}`,
          serviceMessage: 'the object exists (ifNoneMatch: *)',
        });
      }
    }
    const info = await readCapabilities(this.client, followUp(o)).catch(() => undefined);
    return uploadSegmented(
      this.client,
      {
        maxSegments: info?.slo?.max_manifest_segments,
        container: o.container,
        name: o.name,
        source,
        segmentSize: o.segmentSize,
        kind: o.largeObject ?? 'slo',
        segmentContainer: o.segmentContainer,
        concurrency: o.concurrency,
        limiter: o.limiter,
        manifestHeaders: objectHeaders(o),
        onBytes: o.onBytes,
        keepSegmentsOnError: o.keepSegmentsOnError,
        leaveOldSegments: o.leaveOldSegments,
      },
      o,
    );
  }

  /**
   * The layout of an object: plain, or an SLO/DLO with its segments.
   *
   * @example
   * ```ts
   * const layout = await conn.objectStore.getObjectLayout('isos', 'big.iso');
   * if (layout.kind !== 'plain') console.log(`${layout.kind}: ${layout.parts.length} segments, consistent: ${layout.consistent}`);
   * ```
   */
  async getObjectLayout(container: string, name: string, o: CallOptions = {}): Promise<ObjectLayout> {
    const h = await headersOf(this.client, 'HEAD', objectPath(container, name), {}, o);
    return readLayout(this.client, container, name, h, followUp(o));
  }

  /**
   * A static large object's manifest as stored (`?multipart-manifest=get`).
   *
   * @example
   * ```ts
   * for (const seg of await conn.objectStore.getManifest('isos', 'big.iso')) console.log(seg.name, seg.bytes, seg.hash);
   * ```
   */
  async getManifest(
    container: string,
    name: string,
    o: CallOptions = {},
  ): Promise<{ name: string; hash: string; bytes: number; range?: string; content_type?: string }[]> {
    const res = await this.client.request(
      'GET',
      objectPath(container, name),
      { query: { 'multipart-manifest': 'get' } },
      o,
    );
    if (res.headers['x-static-large-object']?.toLowerCase() !== 'true') {
      await res.body.dump();
      throw new ValidationError(`${container}/${name} is not a static large object`, { field: 'name' });
    }
    return (await decodeJson(res)).rows(null) as { name: string; hash: string; bytes: number }[];
  }

  /**
   * Segments of `name` in its segment container that no current manifest references: what
   * failed or replaced uploads left behind. Deletes them unless `dryRun`; returns their names.
   *
   * @example
   * ```ts
   * // what interrupted uploads of isos/big.iso left in isos_segments (sparing uploads of the last day)
   * const orphans = await conn.objectStore.cleanupOrphanSegments('isos', 'big.iso', { olderThanMs: 86_400_000, dryRun: true });
   * console.log(orphans);
   * ```
   */
  async cleanupOrphanSegments(
    container: string,
    name: string,
    o: CleanupOrphansOptions = {},
  ): Promise<string[]> {
    const segContainer = o.segmentContainer ?? defaultSegmentContainer(container);
    const inUse = new Set<string>();
    try {
      const layout = await this.getObjectLayout(container, name, o);
      for (const p of layout.parts) if (p.container === segContainer && p.name) inUse.add(p.name);
    } catch (e) {
      if (!(e instanceof NotFoundError)) throw e;
    }
    const cutoff = Date.now() - (o.olderThanMs ?? 0);
    const orphans: string[] = [];
    try {
      for await (const s of whole(this).listObjects(segContainer, { prefix: `${name}/` }, o)) {
        if (!s.name || inUse.has(s.name) || !isSegmentOf(name, s.name)) continue;
        if (o.olderThanMs && s.lastModified && Date.parse(`${s.lastModified}Z`) > cutoff) continue;
        orphans.push(s.name);
      }
    } catch (e) {
      if (e instanceof NotFoundError) return [];
      throw e;
    }
    if (!o.dryRun && orphans.length) {
      const r = await whole(this).bulkDelete(
        orphans.map((n) => ({ container: segContainer, name: n })),
        o,
      );
      if (r.errors.length)
        throw new BulkDeleteError(`removing orphan segments of ${container}/${name}`, r.errors);
    }
    return orphans;
  }
}
