export {
  ChecksumMismatchError,
  type ExpectedDigest,
  type ImageData,
  type ImageDigest,
  NoImageDataError,
  verifyDigest,
} from './data.js';
export { IMAGE_STATUSES, Image, type ImageLocation, type ImageStatus } from './image.js';
export { ImageImport, type ImportMethod } from './image-import.js';
export { MEMBER_STATUSES, Member, type MemberStatus } from './member.js';
export {
  type DownloadOptions,
  type ImageDownload,
  type ImageRef,
  ImageV2,
  type ImportOptions,
  type UploadOptions,
  type UploadResult,
} from './proxy.js';
export { Schema } from './schema.js';
export { Store } from './store.js';
export { Task } from './task.js';
