/**
 * What an upload reads from: text, bytes, a file, or a one-shot stream. Sources with a known
 * size can be cut into independent ranges (segments uploaded concurrently, retried by
 * re-reading); one-shot streams are read once, front to back, never buffered whole.
 */
import type { Readable } from 'node:stream';
import { ValidationError } from '../../errors/errors.js';
import { requireNodeModule } from '../../platform/node.js';
import { chunkBytes } from '../../transport/bytes.js';
import type { RequestBody } from '../../transport/http-client.js';

/** Data for an object: text (UTF-8), bytes, a Readable or any AsyncIterable of bytes. */
export type ObjectData = string | Uint8Array | Readable | AsyncIterable<Uint8Array | string>;

export interface UploadSource {
  kind: 'bytes' | 'file' | 'stream';
  /** Total size when known (bytes and files). */
  size?: number;
  /** The whole content, for bytes. */
  bytes?: Uint8Array;
  /** The file path, for files. */
  path?: string;
  /** Modification time in ms, for files. */
  mtimeMs?: number;
  /** A body for bytes [start, end) (bytes and files; files return a fresh stream each time). */
  range?(start: number, end: number): RequestBody;
  /** The one-shot stream, for streams. */
  stream?: AsyncIterable<Uint8Array | string>;
}

/** A source from data given in memory or as a stream. */
export function sourceFromData(data: ObjectData): UploadSource {
  if (typeof data === 'string') return sourceFromData(chunkBytes(data));
  if (data instanceof Uint8Array) {
    return { kind: 'bytes', size: data.byteLength, bytes: data, range: (s, e) => data.subarray(s, e) };
  }
  if (data && typeof (data as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
    return { kind: 'stream', stream: data };
  }
  throw new ValidationError('data must be a string, bytes, a Readable or an AsyncIterable of bytes', {
    field: 'data',
    fix: 'pass file: "<path>" to upload a file',
  });
}

/** A source reading a local file by ranges. */
export async function sourceFromFile(path: string): Promise<UploadSource> {
  const fs = requireNodeModule(
    'node:fs',
    `uploading the file ${path}`,
    "pass data: (bytes, a Blob's stream or an async iterable) instead of file:",
  );
  const st = await fs.promises.stat(path);
  if (!st.isFile()) throw new ValidationError(`${path} is not a regular file`, { field: 'file' });
  return {
    kind: 'file',
    path,
    size: st.size,
    mtimeMs: st.mtimeMs,
    range: (start, end) =>
      end > start
        ? fs.createReadStream(path, { start, end: end - 1, highWaterMark: 1 << 20 })
        : new Uint8Array(0),
  };
}

const toBytes = chunkBytes;

/**
 * Cuts a one-shot stream into consecutive segments of at most `size` bytes without copying
 * more than one chunk. Each segment must be consumed fully before asking for the next.
 */
export class StreamSegmenter {
  private readonly it: AsyncIterator<Uint8Array | string>;
  private pending?: Uint8Array;
  private ended = false;
  /** The error the source threw, if any (reported instead of the request error it causes). */
  sourceError?: unknown;

  constructor(stream: AsyncIterable<Uint8Array | string>) {
    this.it = stream[Symbol.asyncIterator]();
  }

  private async pull(): Promise<Uint8Array | undefined> {
    while (!this.ended) {
      let r: IteratorResult<Uint8Array | string>;
      try {
        r = await this.it.next();
      } catch (e) {
        this.sourceError = e;
        this.ended = true;
        throw e;
      }
      if (r.done) {
        this.ended = true;
        return undefined;
      }
      const b = toBytes(r.value);
      if (b.byteLength > 0) return b;
    }
    return undefined;
  }

  /** Whether the stream has more bytes (reads ahead one chunk). */
  async hasMore(): Promise<boolean> {
    if (this.pending?.byteLength) return true;
    this.pending = await this.pull();
    return this.pending !== undefined;
  }

  /** The next segment, as a one-shot iterable of up to `size` bytes. */
  async *segment(size: number): AsyncGenerator<Uint8Array> {
    let left = size;
    while (left > 0) {
      const chunk = this.pending ?? (await this.pull());
      this.pending = undefined;
      if (!chunk) return;
      if (chunk.byteLength <= left) {
        left -= chunk.byteLength;
        yield chunk;
      } else {
        this.pending = chunk.subarray(left);
        yield chunk.subarray(0, left);
        left = 0;
      }
    }
  }

  /** Stop reading the source (on abort or error). */
  async close(): Promise<void> {
    await this.it.return?.().catch(() => {});
  }
}
