/**
 * The options of `conn.objectStore`'s calls. Every call's options extend {@link CallOptions},
 * which a section passes on whole as the request's caller options (never field by field).
 */
import type { Limiter } from './limiter.js';
import type { LargeObjectKind } from './segment-names.js';
import type { ObjectData } from './source.js';
import type { TempUrlDigest, TempUrlMethod } from './temp-url.js';

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
  /**
   * Seconds the URL stays valid from when `generateTempUrl` returns it (at least; the expiry is
   * rounded up to a whole second). Positive.
   */
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
