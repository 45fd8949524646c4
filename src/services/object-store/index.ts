export { Account, type AccountResource } from './account.js';
export type { BulkDeleteItem, BulkDeleteResult } from './bulk-delete.js';
export { Container, type ContainerResource } from './container.js';
export type { DownloadOptions, ObjectDownload } from './download.js';
export {
  BulkDeleteError,
  ChecksumMismatchError,
  LargeObjectUploadError,
  type StreamFacts,
} from './errors.js';
export { Capabilities, type CapabilitiesResource } from './info.js';
export type { SegmentedUploadResult, UploadedSegment } from './large-object-upload.js';
export type { LayoutPart, ObjectLayout } from './layout.js';
export { Limiter } from './limiter.js';
export { type ObjectResource, StorageObject } from './object.js';
export * from './proxy.js';
export type { LargeObjectKind } from './segment-names.js';
export type { ObjectData } from './source.js';
export { type TempUrlDigest, type TempUrlMethod, tempUrlSignature } from './temp-url.js';
export { LengthMismatchError } from './verify.js';
