import { defineResource, f, type Resource } from '../../resource/index.js';
import { addMetadataAccessor } from './metadata-accessor.js';

/**
 * A Swift object. Listing rows (`GET /v1/AUTH_x/<container>?format=json`) carry `name`,
 * `hash`, `bytes`, `content_type`, `last_modified` (and `subdir` for pseudo-directories with a
 * delimiter, `slo_etag` for static large objects, `version_id`/`is_latest` when listing
 * versions). `HEAD`/`GET` carry headers and no JSON body, so the SDK fills the listing names
 * from the headers for such instances; `hash` is always the unquoted MD5 of the stored bytes
 * for a plain object (for a large object see `etag`, `isStaticLargeObject`, `objectManifest`).
 */
export const StorageObject = defineResource({
  name: 'object',
  basePath: '',
  resourceKey: null,
  resourcesKey: null,
  idField: 'name',
  nameField: 'name',
  pagination: 'marker',
  allow: { create: false, fetch: false, commit: false, delete: false, list: true, head: true },
  fields: {
    name: f.string({ readOnly: true }).always(),
    /** MD5 of the object's bytes (of the manifest for a static large object). */
    hash: f.string({ readOnly: true }),
    bytes: f.integer({ readOnly: true }),
    contentType: f.string({ api: 'content_type', readOnly: true }),
    lastModified: f.date({ api: 'last_modified', readOnly: true }),
    /** Pseudo-directory (listings with a delimiter); such rows have no name. */
    subdir: f.string({ readOnly: true }),
    symlinkPath: f.string({ api: 'symlink_path', readOnly: true }),
    /** Quoted ETag of a static large object (MD5 of its segments' ETags). */
    sloEtag: f.string({ api: 'slo_etag', readOnly: true }),
    versionId: f.string({ api: 'version_id', readOnly: true }),
    isLatest: f.boolean({ api: 'is_latest', readOnly: true }),
    /** The ETag header (quoted for large objects). */
    etag: f.string({ api: 'etag', location: 'header', readOnly: true }),
    contentEncoding: f.string({ api: 'content-encoding', location: 'header', readOnly: true }),
    contentDisposition: f.string({ api: 'content-disposition', location: 'header', readOnly: true }),
    /** Expiry as a Unix time, when set. */
    deleteAt: f.integer({ api: 'x-delete-at', location: 'header', readOnly: true }),
    /** `<container>/<prefix>` of a dynamic large object's segments. */
    objectManifest: f.string({ api: 'x-object-manifest', location: 'header', readOnly: true }),
    isStaticLargeObject: f.boolean({ api: 'x-static-large-object', location: 'header', readOnly: true }),
    /** MD5 of a static large object's manifest. */
    manifestEtag: f.string({ api: 'x-manifest-etag', location: 'header', readOnly: true }),
    symlinkTarget: f.string({ api: 'x-symlink-target', location: 'header', readOnly: true }),
    timestamp: f.string({ api: 'x-timestamp', location: 'header', readOnly: true }),
    /** Range responses: `bytes a-b/total`. */
    contentRange: f.string({ api: 'content-range', location: 'header', readOnly: true }),
    headerVersionId: f.string({ api: 'x-object-version-id', location: 'header', readOnly: true }),
  },
  query: {
    prefix: 'prefix',
    delimiter: 'delimiter',
    endMarker: 'end_marker',
    reverse: 'reverse',
    path: 'path',
  },
});
addMetadataAccessor(StorageObject, 'object');

/** An object as returned by listings, `getObjectMetadata()` and downloads. */
export type ObjectResource = Resource<(typeof StorageObject)['fields']> & {
  /** `X-Object-Meta-*` user metadata, keys lower-cased. */
  readonly metadata: Record<string, string>;
};
