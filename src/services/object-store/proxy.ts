/**
 * The object storage v1 (swift) proxy: `conn.objectStore`. The catalog URL
 * (`/v1/AUTH_<project>`) is the base of every path; there is no version discovery.
 *
 * Names are plain strings (`createContainer('my_container')`); object names may hold `/` and
 * any character, and are encoded per path segment. Uploads stream (files, Readables,
 * AsyncIterables are never buffered whole) and are checked against Swift's ETag; downloads
 * are verified the same way, segment by segment for large objects.
 */
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  ConflictError,
  NotFoundError,
  PreconditionFailedError,
  ValidationError,
} from '../../errors/errors.js';
import { instantiate } from '../../resource/instance.js';
import type { ResourceList } from '../../resource/pagination.js';
import { decodeJson } from '../../session/decode.js';
import { splitVersionedUrl } from '../../session/discovery.js';
import type { QueryValue } from '../../session/service-client.js';
import type { Session } from '../../session/session.js';
import { type ProxyOptions, ServiceProxy } from '../service-proxy.js';
import { objectStoreV1Spec } from '../specs.js';
import type { AccountResource } from './account.js';
import { type BulkDeleteItem, type BulkDeleteResult, bulkDelete, bulkReport } from './bulk-delete.js';
import { Container, type ContainerResource } from './container.js';
import { type DownloadOptions, type ObjectDownload, openDownload } from './download.js';
import { BulkDeleteError } from './errors.js';
import { accountFromHeaders, containerFromHeaders, objectFromHeaders, scrubHeaders } from './from-headers.js';
import { unquoteEtag } from './hashing.js';
import { Capabilities, type CapabilitiesResource } from './info.js';
import { type SegmentedUploadResult, uploadSegmented } from './large-object-upload.js';
import { type ObjectLayout, readLayout } from './layout.js';
import type { Limiter } from './limiter.js';
import { markerListing } from './listing.js';
import { metadataFromHeaders, metadataHeaders, removeMetadataHeaders } from './metadata.js';
import { type ObjectResource, StorageObject } from './object.js';
import { containerPath, encodeObjectName, objectPath } from './paths.js';
import { defaultSegmentContainer, isSegmentOf, type LargeObjectKind } from './segment-names.js';
import { verifiedPut } from './segment-upload.js';
import { type ObjectData, sourceFromData, sourceFromFile, type UploadSource } from './source.js';
import { signedAccountPath, type TempUrlDigest, type TempUrlMethod, tempUrlSignature } from './temp-url.js';

/** Options every call accepts. */
export interface CallOptions {
  /** Aborts the call (an `AbortedError`). */
  signal?: AbortSignal;
  /** Gives up on the call after this many ms (a `TimeoutError`). */
  timeoutMs?: number;
  /** Extra request headers. */
  headers?: Record<string, string>;
}

/** Container settings at creation. */
export interface CreateContainerOptions extends CallOptions {
  /** The container's name (no `/`). */
  name: string;
  /** `X-Container-Meta-*` metadata. */
  metadata?: Record<string, string>;
  /** `X-Container-Read`, e.g. `.r:*,.rlistings` (public) or `<project>:<user>`. */
  readAcl?: string;
  /** `X-Container-Write`. */
  writeAcl?: string;
  /** Legacy versioning, "stack" mode: old versions go to this container. */
  versionsLocation?: string;
  /** Legacy versioning, "history" mode: old versions (and delete markers) go to this container. */
  historyLocation?: string;
  /** Object versioning (`X-Versions-Enabled`). */
  versionsEnabled?: boolean;
  /** The storage policy (`X-Storage-Policy`), fixed at creation; default: the cluster's. */
  storagePolicy?: string;
  /** Container quotas (container_quotas middleware). */
  quotaBytes?: number;
  /** At most this many objects (container_quotas middleware). */
  quotaCount?: number;
}

/** Container changes; `null` removes a setting. */
export interface UpdateContainerOptions extends CallOptions {
  /** Keys to set (others are kept). */
  metadata?: Record<string, string>;
  /** `X-Container-Read`; `null` makes the container private again. */
  readAcl?: string | null;
  /** `X-Container-Write`; `null` removes it. */
  writeAcl?: string | null;
  /** Legacy "stack" versioning target; `null` turns it off. */
  versionsLocation?: string | null;
  /** Legacy "history" versioning target; `null` turns it off. */
  historyLocation?: string | null;
  /** Object versioning (`X-Versions-Enabled`) on or off. */
  versionsEnabled?: boolean;
  /** At most this many bytes; `null` removes the quota. */
  quotaBytes?: number | null;
  /** At most this many objects; `null` removes the quota. */
  quotaCount?: number | null;
}

/** Filters and paging of a container (or object) listing, sent as Swift's query parameters. */
export interface ListContainersQuery {
  /** Only names starting with this. */
  prefix?: string;
  /** Roll names up to this character (`/`: one directory level); rolled-up rows carry `subdir`. */
  delimiter?: string;
  /** Only names after this one (paging resumes here). */
  marker?: string;
  /** Only names before this one. */
  endMarker?: string;
  /** Page size (every page is still yielded). */
  limit?: number;
  /** Newest-name first (reverse lexical order). */
  reverse?: boolean;
}

/** Filters of an object listing: those of containers, and versions. */
export interface ListObjectsQuery extends ListContainersQuery {
  /** List every version (object versioning); rows carry `versionId` and `isLatest`. */
  versions?: boolean;
}

/** What to upload and how. Exactly one of `data` and `file`. */
export interface CreateObjectOptions extends CallOptions {
  /** The container to upload into (it must exist). */
  container: string;
  /** The object's name; `/` in it makes pseudo-directories. */
  name: string;
  /** Text (UTF-8), bytes, a Readable or an AsyncIterable of bytes (streamed, never buffered). */
  data?: ObjectData;
  /** A local file path (streamed). */
  file?: string;
  /** Default: Swift guesses from the name, else application/octet-stream. */
  contentType?: string;
  /** `Content-Encoding` stored with the object (e.g. `gzip`) and sent back on download. */
  contentEncoding?: string;
  /** `Content-Disposition` stored with the object, e.g. `attachment; filename="report.pdf"`. */
  contentDisposition?: string;
  /** `X-Object-Meta-*` metadata. */
  metadata?: Record<string, string>;
  /** Expire the object this many seconds from now. */
  deleteAfter?: number;
  /** Expire the object at this time (Unix seconds or a Date). */
  deleteAt?: number | Date;
  /** `'*'`: fail with PreconditionFailedError (412) when the object exists. */
  ifNoneMatch?: '*';
  /** The MD5 of the data when already known: sent as ETag so Swift verifies it before storing. */
  etag?: string;
  /**
   * Segment files and bytes bigger than this, and any stream when set, into a large object.
   * Default: no segmentation (Swift's single-object limit is 5 GiB).
   */
  segmentSize?: number;
  /** Large object kind (default `slo`). */
  largeObject?: LargeObjectKind;
  /** Segment container (default `<container>_segments`). */
  segmentContainer?: string;
  /** Segments in flight (default 4). */
  concurrency?: number;
  /** Share a concurrency limiter across uploads (the cloud layer does). */
  limiter?: Limiter;
  /** Keep an interrupted upload's segments (default: delete them). */
  keepSegmentsOnError?: boolean;
  /** Keep the segments of the large object being replaced (default: delete them after). */
  leaveOldSegments?: boolean;
  /** Called with the number of bytes sent since the last call (negative when a retry rewinds). */
  onBytes?: (n: number) => void;
}

/** What to change in an object's metadata (`POST`, the data is untouched). */
export interface SetObjectMetadataOptions extends CallOptions {
  /** Replace all user metadata instead of merging (Swift's own POST semantics). */
  replace?: boolean;
  /** A new content type. */
  contentType?: string;
  /** Expire the object this many seconds from now. */
  deleteAfter?: number;
  /** Expire the object at this time (Unix seconds or a Date). */
  deleteAt?: number | Date;
  /** Remove an expiry. */
  removeDeleteAt?: boolean;
}

/** A server-side copy: the bytes never pass through the client. */
export interface CopyObjectOptions extends CallOptions {
  /** The source object. */
  from: { container: string; name: string };
  /** The destination (its container must exist). */
  to: { container: string; name: string };
  /** `COPY` with Destination (default) or `PUT` with X-Copy-From. */
  method?: 'COPY' | 'PUT';
  /** Metadata to set on the copy (merged with the source's unless freshMetadata). */
  metadata?: Record<string, string>;
  /** Drop the source's metadata. */
  freshMetadata?: boolean;
  /** A content type for the copy (default: the source's). */
  contentType?: string;
  /** Copy a static large object's manifest (sharing its segments) instead of its bytes. */
  manifestOnly?: boolean;
  /** `'*'`: fail with PreconditionFailedError (412) when the destination exists. */
  ifNoneMatch?: '*';
}

/** How to delete an object. */
export interface DeleteObjectOptions extends CallOptions {
  /** A missing object is success instead of a `NotFoundError`. */
  ignoreMissing?: boolean;
  /** Also delete the segments of a large object (SLO: `?multipart-manifest=delete`; DLO: its prefix). */
  withSegments?: boolean;
  /** Delete this version only (object versioning). */
  versionId?: string;
}

/** How to delete a container. */
export interface DeleteContainerOptions extends CallOptions {
  /** A missing container is success instead of a `NotFoundError`. */
  ignoreMissing?: boolean;
  /** Delete every object (and every version) first, with bulk deletes. */
  empty?: boolean;
}

/**
 * What a temporary URL grants, and until when. Exactly one of `name` and `prefix`; one of `expiresIn` and `expiresAt`.
 */
export interface TempUrlOptions {
  /** The container of the object(s). */
  container: string;
  /** The object; or `prefix` for a URL valid for every object starting with it. */
  name?: string;
  /** Sign for every object whose name starts with this (a prefix-based temp URL). */
  prefix?: string;
  /** Default GET (a GET, PUT or POST URL also allows HEAD). */
  method?: TempUrlMethod;
  /** Seconds from now. */
  expiresIn?: number;
  /** Absolute expiry (Unix seconds or a Date). */
  expiresAt?: number | Date;
  /** Default sha256; sha512 also works; sha1 only when asked for (deprecated upstream). */
  digest?: TempUrlDigest;
  /** The key to sign with; default: the container's key, else the account's. */
  key?: string;
  /** Restrict to a client IP or CIDR range. */
  ipRange?: string;
  /** Download file name (Content-Disposition). */
  filename?: string;
  /** Content-Disposition: inline. */
  inline?: boolean;
  /** Aborts reading the key from Swift. */
  signal?: AbortSignal;
}

/** The temp URL keys in use (slots 1 and 2), for rotation; `undefined` marks an empty slot. */
export interface TempUrlKeys {
  /** The account's keys. */
  account: (string | undefined)[];
  /** The container's keys, when a container was asked about. */
  container?: (string | undefined)[];
}

/** Which orphaned large-object segments to look for. */
export interface CleanupOrphansOptions extends CallOptions {
  /** The segment container to scan (default `<container>_segments`). */
  segmentContainer?: string;
  /** Only segments last modified this long ago (ms); protects uploads in progress. Default 0. */
  olderThanMs?: number;
  /** List only, delete nothing. */
  dryRun?: boolean;
}

function unixTime(v: number | Date): number {
  return Math.floor(v instanceof Date ? v.getTime() / 1000 : v);
}

function objectHeaders(o: {
  contentType?: string;
  contentEncoding?: string;
  contentDisposition?: string;
  metadata?: Record<string, string>;
  deleteAfter?: number;
  deleteAt?: number | Date;
  ifNoneMatch?: '*';
  headers?: Record<string, string>;
}): Record<string, string> {
  const h: Record<string, string> = { ...metadataHeaders('object', o.metadata) };
  if (o.contentType) h['content-type'] = o.contentType;
  if (o.contentEncoding) h['content-encoding'] = o.contentEncoding;
  if (o.contentDisposition) h['content-disposition'] = o.contentDisposition;
  if (o.deleteAfter !== undefined) h['x-delete-after'] = String(Math.floor(o.deleteAfter));
  if (o.deleteAt !== undefined) h['x-delete-at'] = String(unixTime(o.deleteAt));
  if (o.ifNoneMatch) h['if-none-match'] = o.ifNoneMatch;
  return { ...h, ...o.headers };
}

function containerHeaders(o: CreateContainerOptions | UpdateContainerOptions): Record<string, string> {
  const h: Record<string, string> = { ...metadataHeaders('container', o.metadata) };
  const set = (name: string, remove: string, v: string | number | null | undefined) => {
    if (v === undefined) return;
    if (v === null) h[remove] = 'x';
    else h[name] = String(v);
  };
  set('x-container-read', 'x-remove-container-read', o.readAcl);
  set('x-container-write', 'x-remove-container-write', o.writeAcl);
  set('x-versions-location', 'x-remove-versions-location', o.versionsLocation);
  set('x-history-location', 'x-remove-history-location', o.historyLocation);
  if (o.versionsEnabled !== undefined) h['x-versions-enabled'] = String(o.versionsEnabled);
  set('x-container-meta-quota-bytes', 'x-remove-container-meta-quota-bytes', o.quotaBytes);
  set('x-container-meta-quota-count', 'x-remove-container-meta-quota-count', o.quotaCount);
  if ('storagePolicy' in o && o.storagePolicy) h['x-storage-policy'] = o.storagePolicy;
  return { ...h, ...o.headers };
}

export class ObjectStoreV1 extends ServiceProxy {
  private info?: Promise<CapabilitiesResource>;

  constructor(session: Session, opts: ProxyOptions = {}) {
    super(session, objectStoreV1Spec, opts);
  }

  private async dump(
    method: string,
    path: string,
    o: CallOptions & { query?: Record<string, QueryValue> } = {},
    headers: Record<string, string> = {},
  ): Promise<Record<string, string>> {
    const res = await this.client.request(method, path, {
      headers: { ...headers, ...o.headers },
      query: o.query,
      signal: o.signal,
      timeoutMs: o.timeoutMs,
    });
    await res.body.dump();
    return res.headers;
  }

  // ---------------------------------------------------------------- account

  /**
   * The account name (`AUTH_<project>`), from the storage URL.
   *
   * @example
   * ```ts
   * console.log(await conn.objectStore.accountName()); // e.g. AUTH_8a1c...
   * const account = await conn.objectStore.getAccountMetadata();
   * console.log(`${account.containerCount} containers, ${account.bytesUsed} bytes`);
   * await conn.objectStore.setAccountMetadata({ owner: 'team-a' });
   * await conn.objectStore.deleteAccountMetadata(['owner']);
   * ```
   */
  async accountName(signal?: AbortSignal): Promise<string> {
    const path = new URL(await this.baseUrl(signal)).pathname.replace(/\/+$/, '');
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
  }

  /** Account counts, quotas and metadata (`HEAD` on the account). */
  async getAccountMetadata(o: CallOptions = {}): Promise<AccountResource> {
    const headers = await this.dump('HEAD', '', o);
    return accountFromHeaders(this.client, await this.accountName(o.signal), headers);
  }

  /** Set account metadata keys (others are kept). */
  async setAccountMetadata(metadata: Record<string, string>, o: CallOptions = {}): Promise<void> {
    await this.dump('POST', '', o, metadataHeaders('account', metadata));
  }

  /** Remove account metadata keys. */
  async deleteAccountMetadata(keys: readonly string[], o: CallOptions = {}): Promise<void> {
    await this.dump('POST', '', o, removeMetadataHeaders('account', keys));
  }

  /**
   * Cluster capabilities (`GET /info` at the proxy root), cached per proxy; `refresh` re-reads.
   *
   * @example
   * ```ts
   * const info = await conn.objectStore.getInfo();
   * console.log(info.swift?.max_file_size, info.slo !== undefined ? 'static large objects' : 'no SLO');
   * ```
   */
  async getInfo(o: { signal?: AbortSignal; refresh?: boolean } = {}): Promise<CapabilitiesResource> {
    if (!this.info || o.refresh) {
      this.info = (async () => {
        const root = splitVersionedUrl(await this.baseUrl(o.signal)).root;
        const doc = await this.client.decode('GET', `${root}/info`, { signal: o.signal });
        return instantiate(Capabilities, this.client, doc.object()) as CapabilitiesResource;
      })();
      this.info.catch(() => {
        this.info = undefined;
      });
    }
    return this.info;
  }

  // ---------------------------------------------------------------- containers

  /** Containers of the account, lazily paged by marker. */
  listContainers(q: ListContainersQuery = {}, o: CallOptions = {}): ResourceList<ContainerResource> {
    return markerListing(
      this.client,
      {
        path: '',
        query: {
          prefix: q.prefix,
          delimiter: q.delimiter,
          marker: q.marker,
          end_marker: q.endMarker,
          reverse: q.reverse,
        },
        limit: q.limit,
        signal: o.signal,
        headers: o.headers,
      },
      (row) => instantiate(Container, this.client, row) as ContainerResource,
    );
  }

  /**
   * Create a container (`PUT`; an existing one is kept and updated with the given settings).
   * `createContainer('my_container')` or `createContainer({ name, metadata, readAcl, ... })`.
   *
   * @example
   * ```ts
   * await conn.objectStore.createContainer({ name: 'backups', metadata: { owner: 'ops' } });
   * for await (const c of conn.objectStore.listContainers({ prefix: 'back' })) console.log(c.name, c.count, c.bytes);
   * await conn.objectStore.deleteContainer('backups'); // must be empty: see emptyContainer
   * ```
   */
  async createContainer(c: string | CreateContainerOptions): Promise<ContainerResource> {
    const o = typeof c === 'string' ? { name: c } : c;
    const headers = await this.dump(
      'PUT',
      containerPath(o.name),
      { ...o, headers: undefined },
      containerHeaders(o),
    );
    return containerFromHeaders(this.client, o.name, { ...headers, ...this.requested(containerHeaders(o)) });
  }

  /** Lower-cased request headers worth reflecting on a created resource (not removals). */
  private requested(h: Record<string, string>): Record<string, string> {
    return Object.fromEntries(
      Object.entries(h)
        .filter(([k]) => !k.toLowerCase().startsWith('x-remove-'))
        .map(([k, v]) => [k.toLowerCase(), v]),
    );
  }

  /** A container's counts, ACLs, versioning, quotas and metadata (`HEAD`). */
  async getContainerMetadata(name: string, o: CallOptions = {}): Promise<ContainerResource> {
    return containerFromHeaders(this.client, name, await this.dump('HEAD', containerPath(name), o));
  }

  /**
   * Change container metadata and settings (`POST`; keys not given are kept, `null` removes).
   *
   * @example
   * ```ts
   * // make a container publicly readable and listable, then private again
   * await conn.objectStore.setContainerMetadata('www', { readAcl: '.r:*,.rlistings' });
   * await conn.objectStore.setContainerMetadata('www', { readAcl: null });
   * ```
   */
  async setContainerMetadata(name: string, u: UpdateContainerOptions): Promise<void> {
    await this.dump('POST', containerPath(name), { ...u, headers: undefined }, containerHeaders(u));
  }

  /** Remove container metadata keys. */
  async deleteContainerMetadata(name: string, keys: readonly string[], o: CallOptions = {}): Promise<void> {
    await this.dump('POST', containerPath(name), o, removeMetadataHeaders('container', keys));
  }

  /**
   * Delete a container. With `empty: true` every object (and every version) is bulk-deleted
   * first; segments in other containers (`<name>_segments`) are not touched.
   */
  async deleteContainer(name: string, o: DeleteContainerOptions = {}): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        if (o.empty) await this.emptyContainer(name, o);
        await this.dump('DELETE', containerPath(name), o);
        return;
      } catch (e) {
        if (e instanceof NotFoundError && o.ignoreMissing) return;
        // listings catch up with deletes asynchronously: retry a conflict a few times
        if (e instanceof ConflictError && o.empty && attempt < 5) {
          await new Promise((r) => setTimeout(r, 300 * attempt));
          continue;
        }
        throw e;
      }
    }
  }

  /**
   * Delete every object of a container (every version too when it is versioned).
   *
   * @example
   * ```ts
   * const r = await conn.objectStore.emptyContainer('scratch');
   * console.log(`${r.deleted} deleted, ${r.errors.length} failed`);
   * // or both in one call
   * await conn.objectStore.deleteContainer('scratch', { empty: true });
   * ```
   */
  async emptyContainer(name: string, o: CallOptions = {}): Promise<BulkDeleteResult> {
    const total: BulkDeleteResult = { deleted: 0, notFound: 0, errors: [] };
    const add = (r: BulkDeleteResult) => {
      total.deleted += r.deleted;
      total.notFound += r.notFound;
      total.errors.push(...r.errors);
    };
    const versioned = (await this.getContainerMetadata(name, o)).versionsEnabled === true;
    let batch: BulkDeleteItem[] = [];
    const versions: { name: string; versionId: string }[] = [];
    for await (const page of this.listObjects(name, versioned ? { versions: true } : {}, o).pages()) {
      for (const r of page) {
        if (r.name === undefined) continue;
        // in a versioned container a plain delete only adds a delete marker: name every version
        if (versioned && r.versionId) versions.push({ name: r.name, versionId: r.versionId });
        else batch.push({ container: name, name: r.name });
      }
      if (batch.length >= 10_000) {
        add(await this.bulkDelete(batch, o));
        batch = [];
      }
    }
    if (batch.length) add(await this.bulkDelete(batch, o));
    // bulk delete cannot name versions: delete them one by one
    for (const v of versions) {
      try {
        await this.dump('DELETE', objectPath(name, v.name), { ...o, query: { 'version-id': v.versionId } });
        total.deleted++;
      } catch (e) {
        if (e instanceof NotFoundError) total.notFound++;
        else
          total.errors.push({
            path: `/${name}/${v.name}?version-id=${v.versionId}`,
            status: (e as Error).message,
          });
      }
    }
    if (total.errors.length) {
      throw new BulkDeleteError(
        `emptying ${name}: ${total.errors.length} object(s) not deleted (first: ${total.errors[0]!.path} ${total.errors[0]!.status})`,
        total.errors,
      );
    }
    return total;
  }

  // ---------------------------------------------------------------- objects

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
      { path: containerPath(container), query, limit: q.limit, signal: o.signal, headers: o.headers },
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
      const r = await this.uploadLargeObject({ ...o, source, segmentSize: o.segmentSize! });
      return this.objectFromUpload(o, {
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
        { headers, signal: o.signal, onBytes: o.onBytes, etag: o.etag, what: `${o.container}/${o.name}` },
      ),
    );
    return this.objectFromUpload(o, { etag: r.etag, bytes: r.bytes, responseHeaders: r.response.headers });
  }

  private objectFromUpload(
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
      this.client,
      body,
      { ...h, ...this.requested(metadataHeaders('object', o.metadata)) },
      {
        container: o.container,
      },
    ) as ObjectResource;
  }

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
  async uploadLargeObject(
    o: Omit<CreateObjectOptions, 'data' | 'file'> & {
      source?: UploadSource;
      data?: ObjectData;
      file?: string;
      segmentSize: number;
    },
  ): Promise<SegmentedUploadResult> {
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
      const exists = await this.getObjectMetadata(o.container, o.name, { signal: o.signal }).catch((e) => {
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
    const info = await this.getInfo({ signal: o.signal }).catch(() => undefined);
    return uploadSegmented(this.client, {
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
      signal: o.signal,
      onBytes: o.onBytes,
      keepSegmentsOnError: o.keepSegmentsOnError,
      leaveOldSegments: o.leaveOldSegments,
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
    const headers = await this.dump('HEAD', objectPath(container, name), {
      ...o,
      query: o.versionId ? { 'version-id': o.versionId } : undefined,
    });
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
    const chunks: Buffer[] = [];
    for await (const c of d.stream as Readable) chunks.push(c as Buffer);
    return { data: Buffer.concat(chunks), object: d.object, verification: d.verification };
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
      const cur = await this.dump('HEAD', objectPath(container, name), o);
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
    await this.dump('POST', objectPath(container, name), o, h);
  }

  /** Remove object metadata keys (read, drop, write back). */
  async deleteObjectMetadata(
    container: string,
    name: string,
    keys: readonly string[],
    o: CallOptions = {},
  ): Promise<void> {
    const cur = await this.dump('HEAD', objectPath(container, name), o);
    const md = metadataFromHeaders('object', cur);
    for (const k of keys) delete md[k.toLowerCase()];
    const h: Record<string, string> = metadataHeaders('object', md);
    if (cur['content-type']) h['content-type'] = cur['content-type'];
    if (cur['x-delete-at']) h['x-delete-at'] = cur['x-delete-at'];
    await this.dump('POST', objectPath(container, name), o, h);
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
    const src = `/${encodeURIComponent(o.from.container)}/${encodeObjectName(o.from.name)}`;
    const dst = `/${encodeURIComponent(o.to.container)}/${encodeObjectName(o.to.name)}`;
    const h = objectHeaders({ metadata: o.metadata, contentType: o.contentType, ifNoneMatch: o.ifNoneMatch });
    if (o.freshMetadata) h['x-fresh-metadata'] = 'true';
    const query = o.manifestOnly ? { 'multipart-manifest': 'get' } : undefined;
    let headers: Record<string, string>;
    if ((o.method ?? 'COPY') === 'COPY') {
      headers = await this.dump(
        'COPY',
        objectPath(o.from.container, o.from.name),
        { ...o, query },
        { ...h, destination: dst },
      );
    } else {
      headers = await this.dump(
        'PUT',
        objectPath(o.to.container, o.to.name),
        { ...o, query },
        {
          ...h,
          'x-copy-from': src,
          'content-length': '0',
        },
      );
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
        const h = await this.dump('HEAD', objectPath(container, name), { ...o, query });
        if (h['x-static-large-object']?.toLowerCase() === 'true') {
          const res = await this.client.request('DELETE', objectPath(container, name), {
            query: { ...query, 'multipart-manifest': 'delete' },
            headers: { accept: 'application/json', ...o.headers },
            signal: o.signal,
            timeoutMs: o.timeoutMs,
          });
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
          const layout = await readLayout(this.client, container, name, h, o.signal);
          await this.dump('DELETE', objectPath(container, name), { ...o, query });
          const r = await this.bulkDelete(
            layout.parts.map((p) => ({ container: p.container!, name: p.name! })),
            o,
          );
          if (r.errors.length)
            throw new BulkDeleteError(`deleting the segments of ${container}/${name}`, r.errors);
          return;
        }
      }
      await this.dump('DELETE', objectPath(container, name), { ...o, query });
    } catch (e) {
      if (o.ignoreMissing && e instanceof NotFoundError) return;
      throw e;
    }
  }

  /**
   * Delete many objects (and empty containers) with `?bulk-delete`, 10 000 per request (or
   * the cluster's limit). Per-item failures are reported in `errors`, not thrown. Clusters
   * without bulk delete get one DELETE per item.
   *
   * @example
   * ```ts
   * const r = await conn.objectStore.bulkDelete([
   *   { container: 'logs', name: '2024/01.log' },
   *   { container: 'logs', name: '2024/02.log' },
   * ]);
   * console.log(r.deleted, r.notFound, r.errors);
   * ```
   */
  async bulkDelete(items: readonly BulkDeleteItem[], o: CallOptions = {}): Promise<BulkDeleteResult> {
    if (!items.length) return { deleted: 0, notFound: 0, errors: [] };
    const info = await this.getInfo({ signal: o.signal }).catch(() => undefined);
    const limits = info?.bulkDelete;
    if (info && !limits) {
      const r: BulkDeleteResult = { deleted: 0, notFound: 0, errors: [] };
      for (const i of items) {
        try {
          await this.dump(
            'DELETE',
            i.name === undefined ? containerPath(i.container) : objectPath(i.container, i.name),
            o,
          );
          r.deleted++;
        } catch (e) {
          if (e instanceof NotFoundError) r.notFound++;
          else
            r.errors.push({
              path: `/${i.container}${i.name === undefined ? '' : `/${i.name}`}`,
              status: String((e as { status?: number }).status ?? (e as Error).message),
            });
        }
      }
      return r;
    }
    return bulkDelete(this.client, items, { perRequest: limits?.max_deletes_per_request, signal: o.signal });
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
    const h = await this.dump('HEAD', objectPath(container, name), o);
    return readLayout(this.client, container, name, h, o.signal);
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
    const res = await this.client.request('GET', objectPath(container, name), {
      query: { 'multipart-manifest': 'get' },
      signal: o.signal,
      headers: o.headers,
    });
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
      for await (const s of this.listObjects(segContainer, { prefix: `${name}/` }, o)) {
        if (!s.name || inUse.has(s.name) || !isSegmentOf(name, s.name)) continue;
        if (o.olderThanMs && s.lastModified && Date.parse(`${s.lastModified}Z`) > cutoff) continue;
        orphans.push(s.name);
      }
    } catch (e) {
      if (e instanceof NotFoundError) return [];
      throw e;
    }
    if (!o.dryRun && orphans.length) {
      const r = await this.bulkDelete(
        orphans.map((n) => ({ container: segContainer, name: n })),
        o,
      );
      if (r.errors.length)
        throw new BulkDeleteError(`removing orphan segments of ${container}/${name}`, r.errors);
    }
    return orphans;
  }

  // ---------------------------------------------------------------- temp URLs

  /**
   * Set the account's temp URL key (slot 1, or 2 for rotation). The key never reaches logs.
   *
   * @example
   * ```ts
   * import { randomBytes } from 'node:crypto';
   *
   * // a second key lets links signed with the first keep working during a rotation
   * await conn.objectStore.setAccountTempUrlKey(randomBytes(32).toString('hex'), { slot: 2 });
   * const keys = await conn.objectStore.getTempUrlKeys();
   * console.log(keys.account.filter(Boolean).length, 'account keys set');
   * await conn.objectStore.deleteTempUrlKey({ slot: 2 });
   * ```
   */
  async setAccountTempUrlKey(key: string, o: CallOptions & { slot?: 1 | 2 } = {}): Promise<void> {
    if (!key) throw new ValidationError('a key is required', { field: 'key' });
    await this.dump('POST', '', o, { [`x-account-meta-temp-url-key${o.slot === 2 ? '-2' : ''}`]: key });
  }

  /** Set a container's temp URL key (slot 1 or 2). */
  async setContainerTempUrlKey(
    container: string,
    key: string,
    o: CallOptions & { slot?: 1 | 2 } = {},
  ): Promise<void> {
    if (!key) throw new ValidationError('a key is required', { field: 'key' });
    await this.dump('POST', containerPath(container), o, {
      [`x-container-meta-temp-url-key${o.slot === 2 ? '-2' : ''}`]: key,
    });
  }

  /** Remove the account's (or a container's) temp URL key in a slot. */
  async deleteTempUrlKey(o: CallOptions & { container?: string; slot?: 1 | 2 } = {}): Promise<void> {
    const suffix = o.slot === 2 ? '-2' : '';
    if (o.container)
      await this.dump('POST', containerPath(o.container), o, {
        [`x-remove-container-meta-temp-url-key${suffix}`]: 'x',
      });
    else await this.dump('POST', '', o, { [`x-remove-account-meta-temp-url-key${suffix}`]: 'x' });
  }

  /**
   * Rotate the account key (or a container's): the current key moves to slot 2, so URLs
   * signed with it keep working, and a new key (given, or 32 random bytes) takes slot 1.
   * Returns the new key.
   *
   * @example
   * ```ts
   * // URLs signed with the old key keep working (it moves to slot 2) until the next rotation
   * const newKey = await conn.objectStore.rotateTempUrlKey({ container: 'reports' });
   * const url = await conn.objectStore.generateTempUrl({ container: 'reports', name: 'q3.pdf', expiresIn: 600, key: newKey });
   * console.log(url);
   * ```
   */
  async rotateTempUrlKey(o: CallOptions & { container?: string; newKey?: string } = {}): Promise<string> {
    const keys = await this.getTempUrlKeys({ ...o });
    const current = o.container ? keys.container?.[0] : keys.account[0];
    const next = o.newKey ?? randomBytes(32).toString('hex');
    const kind = o.container ? 'container' : 'account';
    const h: Record<string, string> = { [`x-${kind}-meta-temp-url-key`]: next };
    if (current) h[`x-${kind}-meta-temp-url-key-2`] = current;
    await this.dump('POST', o.container ? containerPath(o.container) : '', o, h);
    return next;
  }

  /** The temp URL keys in force (account, and a container's when asked). Secrets: handle with care. */
  async getTempUrlKeys(o: CallOptions & { container?: string } = {}): Promise<TempUrlKeys> {
    const a = await this.dump('HEAD', '', o);
    const out: TempUrlKeys = {
      account: [a['x-account-meta-temp-url-key'], a['x-account-meta-temp-url-key-2']],
    };
    if (o.container) {
      const c = await this.dump('HEAD', containerPath(o.container), o).catch((e) => {
        if (e instanceof NotFoundError) return {} as Record<string, string>;
        throw e;
      });
      out.container = [c['x-container-meta-temp-url-key'], c['x-container-meta-temp-url-key-2']];
    }
    return out;
  }

  /**
   * A temporary URL: anyone holding it may use `method` on the object (or every object
   * starting with `prefix`) until it expires, without a token. Signed with HMAC-SHA256 by
   * default. Without `key`, the container's key (else the account's) is read from Swift.
   *
   * @example
   * ```ts
   * await conn.objectStore.setContainerTempUrlKey('reports', 'a-long-random-secret');
   * const url = await conn.objectStore.generateTempUrl({ container: 'reports', name: 'q3.pdf', expiresIn: 3600 });
   * console.log(url); // anyone with the URL can GET reports/q3.pdf for an hour
   * // let a client upload one object without credentials
   * const put = await conn.objectStore.generateTempUrl({ container: 'reports', name: 'q4.pdf', method: 'PUT', expiresIn: 600 });
   * console.log(put);
   * ```
   */
  async generateTempUrl(o: TempUrlOptions): Promise<string> {
    if ((o.name === undefined) === (o.prefix === undefined)) {
      throw new ValidationError('pass exactly one of name and prefix', { field: 'name' });
    }
    const method = o.method ?? 'GET';
    let expires: number;
    if (o.expiresAt !== undefined) expires = unixTime(o.expiresAt);
    else if (o.expiresIn !== undefined) expires = Math.floor(Date.now() / 1000 + o.expiresIn);
    else throw new ValidationError('pass expiresIn (seconds) or expiresAt', { field: 'expiresIn' });
    let key = o.key;
    if (!key) {
      const keys = await this.getTempUrlKeys({ container: o.container, signal: o.signal });
      key = keys.container?.[0] ?? keys.container?.[1] ?? keys.account[0] ?? keys.account[1];
      if (!key) {
        throw new ValidationError('no temp URL key is set on the account or the container', {
          field: 'key',
          fix: 'call setAccountTempUrlKey() or setContainerTempUrlKey() first, or pass key',
        });
      }
    }
    const base = (await this.baseUrl(o.signal)).replace(/\/+$/, '');
    const objectName = o.name ?? o.prefix ?? '';
    const path = `${signedAccountPath(base)}/${o.container}/${objectName}`;
    const sig = tempUrlSignature({
      method,
      path,
      expires,
      key,
      digest: o.digest ?? 'sha256',
      prefix: o.prefix !== undefined,
      ipRange: o.ipRange,
    });
    const url = new URL(
      `${base}${containerPath(o.container)}/${o.name !== undefined ? encodeObjectName(o.name) : encodeObjectName(o.prefix!)}`,
    );
    const q = [`temp_url_sig=${encodeURIComponent(sig)}`, `temp_url_expires=${expires}`];
    if (o.prefix !== undefined) q.push(`temp_url_prefix=${encodeURIComponent(o.prefix)}`);
    if (o.ipRange) q.push(`temp_url_ip_range=${encodeURIComponent(o.ipRange)}`);
    if (o.filename) q.push(`filename=${encodeURIComponent(o.filename)}`);
    if (o.inline) q.push('inline');
    return `${url.origin}${url.pathname}?${q.join('&')}`;
  }
}
