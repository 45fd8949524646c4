/**
 * Download verification. A plain object's ETag is the MD5 of its bytes. A large object's
 * ETag is the MD5 of its segments' ETags (quoted), so its bytes are checked segment by
 * segment against the layout read from its manifest (SLO) or its segment listing (DLO).
 * Segments that cannot be checked (byte ranges of a segment, nested SLOs) are only counted.
 */
import { InvalidResponseError } from '../../errors/errors.js';
import { type Digest, mustDigest } from '../../platform/crypto.js';
import { ChecksumMismatchError, type StreamFacts } from './errors.js';

/** One part of a large object: its length and, when checkable, the MD5 of its bytes. */
export interface LayoutSegment {
  bytes: number;
  hash?: string;
  /** Where the part comes from, for messages. */
  name?: string;
}

export interface Expectation {
  /** `container/object`, for messages. */
  what: string;
  /** Expected total length. */
  length?: number;
  /** Expected MD5 of the whole body (plain objects). */
  md5?: string;
  /** Expected parts (large objects). */
  segments?: LayoutSegment[];
  /** The download request, for the errors (method, redacted URL, status, request id). */
  facts?: StreamFacts;
}

/**
 * The body length did not match Content-Length or the large object's layout. An
 * {@link InvalidResponseError} with reason 'length-mismatch'; the message is unchanged.
 */
export class LengthMismatchError extends InvalidResponseError {
  override name = 'LengthMismatchError';
  constructor(message: string, facts: StreamFacts = { method: 'GET', url: '', status: 200 }) {
    super({ ...facts, reason: 'length-mismatch', detail: message });
    this.message = message;
  }
}

/** Checks chunk by chunk what Swift promised; each step returns the first error found, if any. */
export class DownloadVerifier {
  private hash: Digest = mustDigest('md5');
  private total = 0;
  private seg = 0;
  private segFill = 0;

  constructor(private readonly exp: Expectation) {}

  /** Account for the next chunk of the body. */
  update(chunk: Uint8Array): Error | undefined {
    this.total += chunk.byteLength;
    const segs = this.exp.segments;
    if (!segs) {
      if (this.exp.md5) this.hash.update(chunk);
      return undefined;
    }
    let off = 0;
    while (off < chunk.byteLength) {
      const cur = segs[this.seg];
      if (!cur)
        return new LengthMismatchError(`${this.exp.what}: more bytes than its segments hold`, this.exp.facts);
      const take = Math.min(cur.bytes - this.segFill, chunk.byteLength - off);
      if (cur.hash) this.hash.update(chunk.subarray(off, off + take));
      off += take;
      this.segFill += take;
      if (this.segFill === cur.bytes) {
        const err = this.closeSegment();
        if (err) return err;
      }
    }
    return undefined;
  }

  private closeSegment(): Error | undefined {
    const cur = this.exp.segments![this.seg]!;
    const got = this.hash.hex();
    this.hash = mustDigest('md5');
    this.seg++;
    this.segFill = 0;
    if (cur.hash && got !== cur.hash.toLowerCase()) {
      return new ChecksumMismatchError(
        `${this.exp.what} segment ${this.seg - 1}${cur.name ? ` (${cur.name})` : ''}`,
        cur.hash,
        got,
        this.exp.facts,
      );
    }
    return undefined;
  }

  /** The body ended: check the length, the last segments and the whole-body MD5. */
  finish(): Error | undefined {
    if (this.exp.length !== undefined && this.total !== this.exp.length) {
      return new LengthMismatchError(
        `${this.exp.what}: got ${this.total} bytes, expected ${this.exp.length}`,
        this.exp.facts,
      );
    }
    const segs = this.exp.segments;
    if (segs) {
      // zero-length trailing segments close without data
      while (this.seg < segs.length && segs[this.seg]!.bytes === 0) {
        const err = this.closeSegment();
        if (err) return err;
      }
      if (this.seg !== segs.length) {
        return new LengthMismatchError(
          `${this.exp.what}: ended in segment ${this.seg} of ${segs.length}`,
          this.exp.facts,
        );
      }
    } else if (this.exp.md5) {
      const got = this.hash.hex();
      if (got !== this.exp.md5.toLowerCase())
        return new ChecksumMismatchError(this.exp.what, this.exp.md5, got, this.exp.facts);
    }
    return undefined;
  }
}

/** The chunks of `src`, passed on until the first byte range whose MD5 differs from what Swift promised. */
export async function* verified(
  src: AsyncIterable<Uint8Array>,
  exp: Expectation,
): AsyncGenerator<Uint8Array, void, undefined> {
  const v = new DownloadVerifier(exp);
  for await (const c of src) {
    const err = v.update(c);
    if (err) throw err;
    yield c;
  }
  const err = v.finish();
  if (err) throw err;
}

/** The ETag Swift computes for a large object from its parts (`etag` or `etag:range;`). */
export function largeObjectEtag(parts: { hash: string; range?: string }[]): string {
  const h = mustDigest('md5');
  for (const p of parts) h.update(p.range ? `${p.hash}:${p.range};` : p.hash);
  return h.hex();
}
