/**
 * Reading a whole response body under a byte cap. JSON answers, by far the most common, are
 * decoded to text as their chunks arrive: holding the chunks, their concatenation and then the
 * text at once is what made listing thousands of resources peak high. The bytes are kept only
 * when they are asked for first, or when the body turns out not to be UTF-8.
 */
import { asNodeBytes, concatBytes, utf8Bytes, utf8Text } from './bytes.js';

/** A body read to its end: its text when it is valid UTF-8, else its bytes. */
export class ReadBody {
  private data: Uint8Array | undefined;

  /**
   * @param byteLength - how many bytes arrived
   * @param raw - the text, a leading BOM kept, when the bytes were valid UTF-8
   * @param data - the bytes, when they were kept
   */
  constructor(
    readonly byteLength: number,
    private readonly raw: string | undefined,
    data: Uint8Array | undefined,
  ) {
    this.data = data;
  }

  /** The text when the body is valid UTF-8 (a leading BOM dropped, as TextDecoder does), else undefined. */
  get utf8(): string | undefined {
    if (this.raw !== undefined) return this.raw.charCodeAt(0) === 0xfeff ? this.raw.slice(1) : this.raw;
    // read as bytes first: decode now, strictly
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(this.data);
    } catch {
      return undefined;
    }
  }

  /** The text, invalid sequences replaced (TextDecoder's default). */
  text(): string {
    return this.utf8 ?? utf8Text(this.data!);
  }

  /** The bytes (a Buffer where Buffer exists); re-encoded from the text, which gives them back exactly. */
  bytes(): Uint8Array {
    this.data ??= asNodeBytes(utf8Bytes(this.raw!));
    return this.data;
  }
}

/** fatal: a body that is not UTF-8 must keep its bytes; ignoreBOM: re-encoding gives them back exactly. */
const STRICT_UTF8 = { fatal: true, ignoreBOM: true } as const;

/** One strict decoder for whole bodies, shared: a call without `stream` leaves no state behind. */
const wholeDecoder = new TextDecoder('utf-8', STRICT_UTF8);

/**
 * Collects chunks as text while they are valid UTF-8, as bytes from the first one that is not.
 * The first chunk is held as it came until a second arrives: most JSON answers are one chunk,
 * and those are decoded in one call of the shared decoder, where building a streaming decoder
 * per body was a measurable part of a small request's cost.
 */
class TextSink {
  private decoder: InstanceType<typeof TextDecoder> | undefined;
  /** The first chunk, not decoded yet (only while it is the only one). */
  private first: Uint8Array | undefined;
  private text = '';
  /** Bytes handed to the decoder. */
  private fed = 0;
  /** The last ≤ 3 bytes handed to the decoder: where an incomplete sequence it holds back lives. */
  private tail: Uint8Array = new Uint8Array(0);
  private chunks: Uint8Array[] | undefined;

  push(c: Uint8Array): void {
    if (this.chunks) {
      this.chunks.push(c);
      return;
    }
    if (!this.decoder) {
      if (this.first === undefined) {
        this.first = c;
        return;
      }
      // a second chunk: from here decode as the chunks arrive, the first one included
      this.decoder = new TextDecoder('utf-8', STRICT_UTF8);
      const first = this.first;
      this.first = undefined;
      if (!this.feed(first)) {
        this.toBytes().push(first);
        this.chunks!.push(c);
        return;
      }
    }
    if (!this.feed(c)) this.toBytes().push(c);
  }

  /** Decode one more chunk; false (nothing consumed) when it is not valid UTF-8. */
  private feed(c: Uint8Array): boolean {
    try {
      this.text += this.decoder!.decode(c, { stream: true });
    } catch {
      return false;
    }
    this.fed += c.byteLength;
    this.tail = lastThree(this.tail, c);
    return true;
  }

  end(total: number): ReadBody {
    if (this.chunks) return new ReadBody(total, undefined, concatBytes(this.chunks, total));
    if (!this.decoder) {
      const only = this.first ?? new Uint8Array(0);
      try {
        return new ReadBody(total, wholeDecoder.decode(only), undefined);
      } catch {
        return new ReadBody(total, undefined, concatBytes([only], total));
      }
    }
    try {
      this.text += this.decoder.decode();
      return new ReadBody(total, this.text, undefined);
    } catch {
      this.toBytes();
    }
    return new ReadBody(total, undefined, concatBytes(this.chunks!, total));
  }

  /** Switch to bytes: the text so far re-encoded, plus what the decoder held back. */
  private toBytes(): Uint8Array[] {
    const head = utf8Bytes(this.text);
    const pending = this.fed - head.byteLength;
    this.chunks = [head, this.tail.subarray(this.tail.byteLength - pending)];
    this.text = '';
    return this.chunks;
  }
}

function lastThree(prev: Uint8Array, c: Uint8Array): Uint8Array {
  // a copy, not a view: a view would keep the whole chunk alive
  if (c.byteLength >= 3) return c.slice(c.byteLength - 3);
  const both = new Uint8Array(prev.byteLength + c.byteLength);
  both.set(prev);
  both.set(c, prev.byteLength);
  return both.subarray(Math.max(0, both.byteLength - 3));
}

class BytesSink {
  private readonly chunks: Uint8Array[] = [];
  push(c: Uint8Array): void {
    this.chunks.push(c);
  }
  end(total: number): ReadBody {
    return new ReadBody(total, undefined, concatBytes(this.chunks, total));
  }
}

/** The part of a Node Readable read here. */
interface NodeReadable {
  on(event: string, fn: (arg?: never) => void): unknown;
  off(event: string, fn: (arg?: never) => void): unknown;
  destroy(): void;
  destroyed: boolean;
  errored?: Error | null;
}

function isNodeReadable(body: unknown): body is NodeReadable {
  const b = body as Partial<NodeReadable>;
  return typeof b.on === 'function' && typeof b.off === 'function' && typeof b.destroyed === 'boolean';
}

function prematureClose(): Error {
  return Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });
}

/**
 * Read a whole body, failing as soon as it is known to be over `limit` bytes (the count is of
 * bytes, whatever the body is kept as). `as: 'text'` decodes while reading; `'bytes'` keeps them.
 */
export async function readBody(
  body: AsyncIterable<unknown>,
  opts: {
    limit: number;
    contentLength: string | undefined;
    as: 'text' | 'bytes';
    tooLarge: (detail: string) => Error;
    discard: () => void;
  },
): Promise<ReadBody> {
  const { limit, tooLarge } = opts;
  const declared = opts.contentLength === undefined ? Number.NaN : Number(opts.contentLength);
  if (declared > limit) {
    opts.discard();
    throw tooLarge(`Content-Length is ${declared} bytes`);
  }
  const sink = opts.as === 'text' ? new TextSink() : new BytesSink();
  if (!isNodeReadable(body)) {
    let n = 0;
    for await (const c of body) {
      n += (c as Uint8Array).byteLength;
      if (n > limit) throw tooLarge(`the body exceeded ${limit} bytes`);
      sink.push(c as Uint8Array);
    }
    return sink.end(n);
  }
  // 'data' events, not `for await`: an async iterator per body is a measurable share of a
  // small request's cost, and every JSON answer is read here
  if (body.destroyed) throw body.errored ?? prematureClose();
  return new Promise<ReadBody>((resolve, reject) => {
    let n = 0;
    const onData = (c: Uint8Array) => {
      n += c.byteLength;
      if (n > limit) {
        cleanup();
        body.destroy();
        reject(tooLarge(`the body exceeded ${limit} bytes`));
        return;
      }
      sink.push(c);
    };
    const onEnd = () => {
      cleanup();
      resolve(sink.end(n));
    };
    const onError = (e: Error) => {
      cleanup();
      reject(e);
    };
    // closed before its end without an error: what `for await` reports as a premature close
    const onClose = () => {
      cleanup();
      reject(prematureClose());
    };
    const cleanup = () => {
      body.off('data', onData as never);
      body.off('end', onEnd);
      body.off('error', onError as never);
      body.off('close', onClose);
    };
    body.on('data', onData as never);
    body.on('end', onEnd);
    body.on('error', onError as never);
    body.on('close', onClose);
  });
}

/**
 * Where an {@link HttpResponse} made by the client keeps its whole-body reader, for the
 * session's decoding step: it needs the strict UTF-8 text and the byte count, which the public
 * `text()` and `bytes()` give only at the cost of a second decoding or a re-encoding.
 */
export const readWholeBody: unique symbol = Symbol('openstack-sdk.readWholeBody');

/** Read the whole body of a response made by the client; undefined for any other response. */
export function readWhole(res: object): Promise<ReadBody> | undefined {
  const r = res as { [readWholeBody]?: () => Promise<ReadBody> };
  // called on the response: the client's reader is a method of it
  return r[readWholeBody]?.();
}
