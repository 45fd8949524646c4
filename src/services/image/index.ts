export {
  ChecksumMismatchError,
  type ExpectedDigest,
  type ImageData,
  type ImageDigest,
  NoImageDataError,
  verifyDigest,
} from './data.js';
export {
  IMAGE_STATUSES,
  Image,
  type ImageLocation,
  type ImageRef,
  type ImageStatus,
} from './image.js';
export { ImageImport, type ImportMethod } from './image-import.js';
export { ImageImportSection, type ImportOptions } from './image-importing-section.js';
export { ImageInfoSection } from './image-info-section.js';
export { ImageMemberSection } from './image-members-section.js';
export { ImageStateSection } from './image-state-section.js';
export {
  type DownloadOptions,
  type ImageDownload,
  ImageTransferSection,
  type UploadOptions,
  type UploadResult,
} from './image-transfer-section.js';
export { MEMBER_STATUSES, Member, type MemberStatus } from './member.js';
export { ImageV2 } from './proxy.js';
export { Schema } from './schema.js';
export { Store } from './store.js';
export { Task } from './task.js';
