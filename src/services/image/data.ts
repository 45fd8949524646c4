/**
 * Image data: sources for uploads (a file path, bytes, a Node stream or any async iterable of
 * bytes), digests computed while the data streams (never buffered whole), and the checks of
 * those digests against glance's `checksum` (MD5) and `os_hash_value` (`os_hash_algo`).
 */
import type { Readable } from 'node:stream';
import { InvalidResponseError, OpenStackError } from '../../errors/errors.js';
import { createDigest, type Digest, digestName } from '../../platform/crypto.js';
import { nodeModule, requireNodeModule } from '../../platform/node.js';
import { asReadable } from '../../platform/streams.js';
import { chunkBytes } from '../../transport/bytes.js';

/** What can be uploaded: a file path, bytes, a Node Readable, or an async iterable of byte chunks. */
export type ImageData = string | Uint8Array | Readable | AsyncIterable<Uint8Array>;

/** Digests of data as it was sent or received. */
export interface ImageDigest {
  /** Bytes seen. */
  size: number;
  /** MD5 hex (undefined where MD5 is unavailable, e.g. FIPS mode). */
  checksum?: string;
  /** The multihash algorithm computed (glance `os_hash_algo` naming, e.g. `sha512`). */
  hashAlgo?: string;
  /** The multihash value, hex. */
  hashValue?: string;
}

/**
 * The data glance stored does not match the data sent, or the data received does not match
 * the image. An {@link InvalidResponseError}: reason 'length-mismatch' for the size,
 * 'checksum-mismatch' for a digest; the message is unchanged.
 */
export class ChecksumMismatchError extends InvalidResponseError {
  override name = 'ChecksumMismatchError';
  constructor(
    message: string,
    /** Which value differs: `size`, `checksum` (MD5) or the hash algorithm's name. */
    readonly what: string,
    /** The value the image (or the upload) should have. */
    readonly expected: string,
    /** The value computed from the data. */
    readonly actual: string,
    facts: { method: string; url: string; status: number; requestId?: string } = {
      method: 'GET',
      url: '',
      status: 200,
    },
  ) {
    super({ ...facts, reason: what === 'size' ? 'length-mismatch' : 'checksum-mismatch', detail: message });
    this.message = message;
  }
}

/** The image has no data (glance answered 204 to a download). */
export class NoImageDataError extends OpenStackError {
  override name = 'NoImageDataError';
}

/**
 * The runtime's name for a hashlib algorithm name (`sha3_256` → `sha3-256` on Node), if it can
 * compute it: any of Node's hashes on Node, the SHA-1/SHA-2 family and MD5 elsewhere.
 */
export function nodeHashName(algo: string): string | undefined {
  const crypto = nodeModule('node:crypto');
  if (!crypto) return digestName(algo);
  const n = algo.toLowerCase().replace(/_/g, '-');
  return crypto.getHashes().includes(n) ? n : undefined;
}

/** MD5 plus one multihash, updated chunk by chunk. */
export class DigestAccumulator {
  // undefined where MD5 is refused (FIPS mode)
  private readonly md5 = createDigest('md5');
  private readonly hash?: Digest;
  private bytes = 0;
  private result?: ImageDigest;

  constructor(readonly hashAlgo: string | undefined) {
    const node = hashAlgo ? nodeHashName(hashAlgo) : undefined;
    this.hash = node ? createDigest(node) : undefined;
  }

  update(chunk: Uint8Array): void {
    this.bytes += chunk.byteLength;
    this.md5?.update(chunk);
    this.hash?.update(chunk);
  }

  /** The digests (computed once, at the end). */
  digest(): ImageDigest {
    this.result ??= {
      size: this.bytes,
      checksum: this.md5?.hex(),
      hashAlgo: this.hash ? this.hashAlgo : undefined,
      hashValue: this.hash?.hex(),
    };
    return this.result;
  }
}

/** Turn any {@link ImageData} into chunks, plus the length when it is known up front. */
export async function openData(
  data: ImageData,
): Promise<{ chunks: AsyncIterable<Uint8Array>; length?: number }> {
  if (typeof data === 'string') {
    const fs = requireNodeModule(
      'node:fs',
      `uploading the file ${data}`,
      'pass the image data as bytes or an async iterable',
    );
    const st = await fs.promises.stat(data);
    if (!st.isFile()) throw new OpenStackError(`${data} is not a regular file`);
    return { chunks: fs.createReadStream(data, { highWaterMark: 1024 * 1024 }), length: st.size };
  }
  if (data instanceof Uint8Array) {
    return {
      chunks: (async function* () {
        yield data;
      })(),
      length: data.byteLength,
    };
  }
  if (data && typeof (data as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === 'function') {
    return { chunks: data as AsyncIterable<Uint8Array> };
  }
  throw new OpenStackError(
    'image data must be a file path, a Uint8Array/Buffer, a Readable or an async iterable',
  );
}

/** Pass chunks through while feeding them to the digests (and a progress callback). */
export function hashing(
  chunks: AsyncIterable<Uint8Array>,
  acc: DigestAccumulator,
  onProgress?: (bytes: number) => void,
): Readable {
  let sent = 0;
  return asReadable(
    (async function* () {
      for await (const c of chunks) {
        const chunk = chunkBytes(c);
        acc.update(chunk);
        sent += chunk.byteLength;
        onProgress?.(sent);
        yield chunk;
      }
    })(),
  );
}

/** What an image says its data is. */
export interface ExpectedDigest {
  /** The size glance recorded. */
  size?: number | null;
  /** The MD5 glance recorded (`checksum`). */
  checksum?: string | null;
  /** The multihash algorithm glance used (`os_hash_algo`). */
  hashAlgo?: string | null;
  /** The multihash glance recorded (`os_hash_value`). */
  hashValue?: string | null;
}

/**
 * Compare computed digests with the image's; throws {@link ChecksumMismatchError} on the first
 * difference. Returns which values were actually compared (MD5 and the multihash can each be
 * missing on one side).
 */
export function verifyDigest(
  got: ImageDigest,
  want: ExpectedDigest,
  what: string,
): { size: boolean; checksum: boolean; hash: boolean } {
  const checked = { size: false, checksum: false, hash: false };
  if (typeof want.size === 'number') {
    checked.size = true;
    if (want.size !== got.size) {
      throw new ChecksumMismatchError(
        `${what}: size is ${got.size} bytes, the image says ${want.size}`,
        'size',
        String(want.size),
        String(got.size),
      );
    }
  }
  if (want.checksum && got.checksum) {
    checked.checksum = true;
    if (want.checksum.toLowerCase() !== got.checksum) {
      throw new ChecksumMismatchError(
        `${what}: MD5 is ${got.checksum}, the image says ${want.checksum}`,
        'checksum',
        want.checksum,
        got.checksum,
      );
    }
  }
  if (want.hashValue && got.hashValue && want.hashAlgo?.toLowerCase() === got.hashAlgo?.toLowerCase()) {
    checked.hash = true;
    if (want.hashValue.toLowerCase() !== got.hashValue) {
      throw new ChecksumMismatchError(
        `${what}: ${got.hashAlgo} is ${got.hashValue}, the image says ${want.hashValue}`,
        got.hashAlgo!,
        want.hashValue,
        got.hashValue,
      );
    }
  }
  return checked;
}

/**
 * The chunks of `src` passed on while hashed; at the end the digests are checked against
 * `want`, and the iteration fails with {@link ChecksumMismatchError} instead of ending when the
 * data differs. `digest()` gives the digests once the data has ended.
 */
export function verifyingDownload(
  src: AsyncIterable<Uint8Array>,
  want: ExpectedDigest | undefined,
  what: string,
): { chunks: AsyncGenerator<Uint8Array, void, undefined>; digest(): ImageDigest | undefined } {
  const acc = new DigestAccumulator(want?.hashAlgo ?? undefined);
  let digest: ImageDigest | undefined;
  async function* chunks() {
    for await (const c of src) {
      acc.update(c);
      yield c;
    }
    digest = acc.digest();
    if (want) verifyDigest(digest, want, what);
  }
  return { chunks: chunks(), digest: () => digest };
}
