/** Errors specific to object storage. */
import { InvalidResponseError, OpenStackError } from '../../errors/errors.js';

/** The request a stream check belongs to, when the caller knows it (method, redacted URL, status). */
export interface StreamFacts {
  /** The request's method. */
  method: string;
  /** The URL, redacted. */
  url: string;
  /** The HTTP status of the response the stream came from. */
  status: number;
  /** The request id the service returned, if any. */
  requestId?: string;
}

/**
 * The MD5 of the bytes sent or received does not match the ETag Swift reported. An
 * {@link InvalidResponseError} with reason 'checksum-mismatch'; the message is unchanged.
 */
export class ChecksumMismatchError extends InvalidResponseError {
  override name = 'ChecksumMismatchError';
  constructor(
    /** What was checked: `c/o`, `c/o segment 3`. */
    readonly what: string,
    /** The MD5 Swift reported (its ETag). */
    readonly expected: string,
    /** The MD5 of the bytes actually sent or received. */
    readonly actual: string,
    facts: StreamFacts = { method: 'GET', url: what, status: 200 },
  ) {
    const detail = `${what}: MD5 ${actual} does not match the ETag ${expected}`;
    super({ ...facts, reason: 'checksum-mismatch', detail });
    this.message = detail;
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
