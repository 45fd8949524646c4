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
export { ImageImportSection, type ImportOptions } from './image-importing.js';
export { ImageInfoSection } from './image-info.js';
export { ImageMemberSection } from './image-members.js';
export { ImageStateSection } from './image-state.js';
export {
  type DownloadOptions,
  type ImageDownload,
  ImageTransferSection,
  type UploadOptions,
  type UploadResult,
} from './image-transfer.js';
export { MEMBER_STATUSES, Member, type MemberStatus } from './member.js';
export { ImageV2 } from './proxy.js';
export { Schema } from './schema.js';
export { Store } from './store.js';
export { Task } from './task.js';
