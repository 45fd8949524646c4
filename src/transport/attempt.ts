/**
 * One attempt of a request as the client hands it to a wire: the {@link WireRequest} with its
 * callbacks as prototype methods. Closures made per attempt for them (and the context they
 * share) were a measurable part of the garbage each request leaves.
 */
import type { AttemptSignal } from './attempt-signal.js';
import type { RequestBody, WireRequest } from './wire.js';

/** Turns a failure of an attempt into the SDK's error (the client's, shared by every attempt). */
export type AttemptTranslator = (err: unknown, attempt: Attempt) => Error;

/** One attempt: what is sent, under which signal and idle timeout, and how failures read. */
export class Attempt implements WireRequest {
  /** True once the body was read to its end, failed or was closed. */
  bodyDone = false;

  /**
   * @param method - upper-case method
   * @param url - absolute URL
   * @param headers - every header to send, `user-agent` included
   * @param body - the body, as the caller gave it
   * @param signal - what the wire listens to (the attempt signal, or its real AbortSignal for fetch)
   * @param timeoutMs - idle timeout and total deadline (ms); 0 = none
   * @param att - the attempt's signal: the caller's plus the deadline
   * @param callerSignal - the caller's own signal, if any
   * @param translator - the client's error mapping
   */
  constructor(
    readonly method: string,
    readonly url: string,
    readonly headers: Record<string, string>,
    readonly body: RequestBody | undefined,
    readonly signal: AbortSignal,
    readonly timeoutMs: number,
    readonly att: AttemptSignal,
    readonly callerSignal: AbortSignal | undefined,
    private readonly translator: AttemptTranslator,
  ) {}

  /** The SDK's error for what the wire or the body stream failed with. */
  translate(err: unknown): Error {
    return this.translator(err, this);
  }

  /** Abort the attempt (the fetch wire's idle timer). */
  abort(reason: Error): void {
    this.att.abort(reason);
  }

  /** The body has been read to its end, failed or was closed: the deadline and the caller's signal let go. */
  onBodyDone(): void {
    this.bodyDone = true;
    this.att.done();
  }
}
