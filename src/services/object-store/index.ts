export { Account, type AccountResource } from './account.js';
// the sections ObjectStoreV1 is assembled from (its type extends them; never constructed)
export { ObjectStoreAccount } from './account-section.js';
export type { BulkDeleteItem, BulkDeleteResult } from './bulk-delete.js';
export { ObjectStoreBulk } from './bulk-section.js';
export { Container, type ContainerResource } from './container.js';
export { ObjectStoreContainers } from './container-section.js';
export type { DownloadOptions, ObjectDownload } from './download.js';
export {
  BulkDeleteError,
  ChecksumMismatchError,
  LargeObjectUploadError,
  type StreamFacts,
} from './errors.js';
export { Capabilities, type CapabilitiesResource } from './info.js';
export { ObjectStoreLargeObjects } from './large-object-section.js';
export type { SegmentedUploadResult, UploadedSegment } from './large-object-upload.js';
export type { LayoutPart, ObjectLayout } from './layout.js';
export { Limiter } from './limiter.js';
export { type ObjectResource, StorageObject } from './object.js';
export { ObjectStoreObjects } from './object-section.js';
export * from './proxy.js';
export type { LargeObjectKind } from './segment-names.js';
export type { ObjectData } from './source.js';
export { type TempUrlDigest, type TempUrlMethod, tempUrlSignature } from './temp-url.js';
export { ObjectStoreTempUrls } from './temp-url-section.js';
export { LengthMismatchError } from './verify.js';
export type { LargeObjectUploadArgs } from './whole.js';
