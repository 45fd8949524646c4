import { defineResource, f, type Resource } from '../../resource/index.js';
import { addMetadataAccessor } from './metadata-accessor.js';

/**
 * A Swift container. Listing rows (`GET /v1/AUTH_x?format=json`) carry `name`, `count`,
 * `bytes` and `last_modified`; `HEAD /v1/AUTH_x/<container>` carries the rest in headers and
 * no body, so the SDK fills `name`, `count` and `bytes` of such an instance from the headers:
 * the same names work whichever way the container was read.
 */
export const Container = defineResource({
  name: 'container',
  basePath: '',
  resourceKey: null,
  resourcesKey: null,
  idField: 'name',
  nameField: 'name',
  pagination: 'marker',
  allow: { create: false, fetch: false, commit: false, delete: false, list: true, head: true },
  fields: {
    name: f.string({ readOnly: true }).always(),
    /** Objects in the container. */
    count: f.integer({ readOnly: true }),
    /** Bytes stored in the container. */
    bytes: f.integer({ readOnly: true }),
    lastModified: f.date({ api: 'last_modified', readOnly: true }),
    objectCount: f.integer({ api: 'x-container-object-count', location: 'header', readOnly: true }),
    bytesUsed: f.integer({ api: 'x-container-bytes-used', location: 'header', readOnly: true }),
    /** Read ACL (`.r:*,.rlistings`, `<project>:<user>`, ...). */
    readAcl: f.string({ api: 'x-container-read', location: 'header', readOnly: true }),
    /** Write ACL. */
    writeAcl: f.string({ api: 'x-container-write', location: 'header', readOnly: true }),
    /** Legacy versioning: container receiving old versions (versioned_writes "stack" mode). */
    versionsLocation: f.string({ api: 'x-versions-location', location: 'header', readOnly: true }),
    /** Legacy versioning: container receiving old versions (versioned_writes "history" mode). */
    historyLocation: f.string({ api: 'x-history-location', location: 'header', readOnly: true }),
    /** Object versioning (Swift 2.24+, `allow_object_versioning`). */
    versionsEnabled: f.boolean({ api: 'x-versions-enabled', location: 'header', readOnly: true }),
    storagePolicy: f.string({ api: 'x-storage-policy', location: 'header', readOnly: true }),
    quotaBytes: f.integer({ api: 'x-container-meta-quota-bytes', location: 'header', readOnly: true }),
    quotaCount: f.integer({ api: 'x-container-meta-quota-count', location: 'header', readOnly: true }),
    syncTo: f.string({ api: 'x-container-sync-to', location: 'header', readOnly: true }),
    timestamp: f.string({ api: 'x-timestamp', location: 'header', readOnly: true }),
    /** Whether the container temp URL keys are set (values are never stored on the instance). */
    hasTempUrlKey: f.boolean({ api: 'x-container-meta-temp-url-key', location: 'header', readOnly: true }),
    hasTempUrlKey2: f.boolean({
      api: 'x-container-meta-temp-url-key-2',
      location: 'header',
      readOnly: true,
    }),
  },
  query: { prefix: 'prefix', delimiter: 'delimiter', endMarker: 'end_marker', reverse: 'reverse' },
});
addMetadataAccessor(Container, 'container');

/** A container as returned by listings and `getContainerMetadata()`. */
export type ContainerResource = Resource<(typeof Container)['fields']> & {
  /** `X-Container-Meta-*` user metadata, keys lower-cased (temp URL keys left out). */
  readonly metadata: Record<string, string>;
};
