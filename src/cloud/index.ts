/**
 * The cloud layer: compound tasks over several calls. Object storage: upload a directory
 * tree, download a container.
 */
export type {
  FileTransferResult,
  TransferProgress,
  TransferSummary,
} from './directory-transfer.js';
export { type DownloadContainerOptions, downloadContainer } from './download-container.js';
export { fileMatchesLayout, md5OfFileRange } from './object-compare.js';
export { DEFAULT_SEGMENT_SIZE, type UploadDirectoryOptions, uploadDirectory } from './upload-directory.js';
