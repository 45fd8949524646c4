/**
 * The {@link HttpResponse} the client hands back: one object per response whose methods live on
 * the prototype. It replaced an object literal with six closures, two getters and a facts
 * object built for every answer, which were a few KiB of garbage per request on the SDK's
 * hottest path.
 */
import type { AttemptSignal } from './attempt-signal.js';
import { invalidResponse, LazyFacts } from './invalid-response.js';
import { parseResponseJson } from './json-text.js';
import { type ReadBody, readBody, readWholeBody } from './read-body.js';
import type { ResponseBody, WireResponse } from './wire.js';

/** A response accepted by the client, its body read at most once (as text or as bytes). */
export class ClientResponse {
  /** The HTTP status. */
  readonly status: number;
  /** Lower-cased header names; repeated headers joined with ", ". */
  readonly headers: Record<string, string>;
  private read: Promise<ReadBody> | undefined;
  private factsMemo: LazyFacts | undefined;

  /**
   * @param raw - what the wire answered
   * @param att - the attempt's signal: its deadline stops when the body is read or streamed
   * @param method - the request's method (upper case)
   * @param url - the request's URL
   * @param requestId - the service's request id, if any
   * @param cap - the largest body buffered for `text()` and `json()`
   * @param maxBodyBytes - the request's own cap, which alone bounds `bytes()`
   */
  constructor(
    private readonly raw: WireResponse,
    private readonly att: AttemptSignal,
    readonly method: string,
    readonly url: string,
    readonly requestId: string | undefined,
    private readonly cap: number,
    private readonly maxBodyBytes: number | undefined,
  ) {
    this.status = raw.status;
    this.headers = raw.headers;
  }

  /**
   * The body stream. Read after the body was buffered, a stream over the data read; otherwise
   * the live stream, and the caller streams it: only the idle timeout applies from here.
   */
  get body(): ResponseBody {
    if (this.read) {
      const bytes = this.read.then((b) => b.bytes());
      // a failed read is already the reader's error: unread, this copy must not crash the process
      bytes.catch(() => {});
      return this.raw.buffered(bytes, this.headers['content-type']);
    }
    this.att.stopTimer();
    return this.raw.body;
  }

  /** The body as UTF-8 text (read once, then kept). */
  async text(): Promise<string> {
    return (await this.readAll(this.cap, 'text')).text();
  }

  /** The body parsed as JSON; `InvalidResponseError` (`empty-body`, `invalid-json`) when it is not. */
  async json<T = unknown>(): Promise<T> {
    return parseResponseJson(this.facts, await this.text()) as T;
  }

  /** The body as bytes (read once, then kept): a Buffer where `Buffer` exists, else a Uint8Array. */
  async bytes(): Promise<Buffer> {
    return (await this.readAll(this.maxBodyBytes ?? Number.POSITIVE_INFINITY, 'bytes')).bytes() as Buffer;
  }

  /** The decoding step's reader: the same limit as `bytes()`, kept as text. */
  [readWholeBody](): Promise<ReadBody> {
    return this.readAll(this.maxBodyBytes ?? Number.POSITIVE_INFINITY, 'text');
  }

  /** Read the whole body (inside the attempt when the request asked for `buffer`). */
  buffer(): Promise<ReadBody> {
    return this.readAll(this.cap, 'text');
  }

  /** The first reader decides how the body is kept: text (JSON, decoded as it arrives) or bytes. */
  private readAll(limit: number, as: 'text' | 'bytes'): Promise<ReadBody> {
    if (!this.read) {
      const att = this.att;
      this.read = readBody(this.raw.body, {
        limit,
        contentLength: this.headers['content-length'],
        as,
        tooLarge: (detail) => this.tooLarge(detail),
        discard: this.raw.discard,
      }).finally(() => att.done());
    }
    return this.read;
  }

  private tooLarge(detail: string): Error {
    return invalidResponse(this.facts, 'too-large', `${detail}; the cap is ${this.cap} bytes (maxBodyBytes)`);
  }

  /** The facts an error about this response carries (the URL redacted when read). */
  private get facts(): LazyFacts {
    this.factsMemo ??= new LazyFacts(
      this.url,
      this.method,
      this.status,
      this.requestId,
      this.headers['content-type'],
    );
    return this.factsMemo;
  }
}
