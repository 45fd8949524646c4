/** Errors specific to object storage. */
import { OpenStackError } from '../../errors/errors.js';

/** The MD5 of the bytes sent or received does not match the ETag Swift reported. */
export class ChecksumMismatchError extends OpenStackError {
  override name = 'ChecksumMismatchError';
  constructor(
    /** What was checked: `c/o`, `c/o segment 3`. */
    readonly what: string,
    /** The MD5 Swift reported (its ETag). */
    readonly expected: string,
    /** The MD5 of the bytes actually sent or received. */
    readonly actual: string,
  ) {
    super(`${what}: MD5 ${actual} does not match the ETag ${expected}`);
  }
}

/** A segmented upload failed before its manifest was written; the previous object (if any) is unchanged. */
export class LargeObjectUploadError extends OpenStackError {
  override name = 'LargeObjectUploadError';
  constructor(
    message: string,
    /** Container holding the segments. */
    readonly segmentContainer: string,
    /** Segment names uploaded by this attempt that are still stored (orphans, if not cleaned up). */
    readonly orphanSegments: string[],
    cause: unknown,
  ) {
    super(message, { cause });
  }
}

/** Some items of a bulk delete failed. */
export class BulkDeleteError extends OpenStackError {
  override name = 'BulkDeleteError';
  constructor(
    message: string,
    /** The items that failed, with Swift's status text (`409 Conflict`, ...). */
    readonly errors: { path: string; status: string }[],
  ) {
    super(message);
  }
}
