/**
 * MD5 while streaming: uploads pass their bytes through {@link hashed}, which hashes and
 * counts what flows to Swift, so ETags are checked without buffering or reading twice.
 */
import { type Digest, hexDigest, mustDigest } from '../../platform/crypto.js';
import { chunkBytes } from '../../transport/bytes.js';

/** Running MD5 and byte count of a stream, plus the error its source threw (if any). */
export class Md5Tracker {
  private readonly hash: Digest = mustDigest('md5');
  private digest?: string;
  bytes = 0;
  /** Set when the source (not the network) failed. */
  sourceError?: unknown;

  update(b: Uint8Array): void {
    this.hash.update(b);
    this.bytes += b.byteLength;
  }

  /** Hex MD5 of everything seen (call once the stream ended). */
  md5(): string {
    this.digest ??= this.hash.hex();
    return this.digest;
  }
}

/** Pass the chunks of `src` through, hashing them into `t` and reporting their sizes. */
export async function* hashed(
  src: AsyncIterable<Uint8Array | string>,
  t: Md5Tracker,
  onBytes?: (n: number) => void,
): AsyncGenerator<Uint8Array> {
  try {
    for await (const c of src) {
      const b = chunkBytes(c);
      if (b.byteLength === 0) continue;
      t.update(b);
      onBytes?.(b.byteLength);
      yield b;
    }
  } catch (e) {
    t.sourceError ??= e;
    throw e;
  }
}

/** Hex MD5 of a string or bytes. */
export function md5Hex(data: string | Uint8Array): string {
  return hexDigest('md5', data);
}

/** An ETag header value without quotes or weak marker. */
export function unquoteEtag(etag: string | undefined): string | undefined {
  if (etag === undefined) return undefined;
  return etag.replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
}

/** Whether a value looks like a hex MD5 (ETags of encrypted or unusual objects may not). */
export function isMd5(v: string | undefined): v is string {
  return !!v && /^[0-9a-f]{32}$/i.test(v);
}
