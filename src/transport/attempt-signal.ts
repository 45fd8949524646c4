/**
 * The abort signal of one attempt: the caller's signal plus the attempt's own total deadline.
 * Both transports (undici, fetch) send under it, so a deadline ends an attempt the same way
 * whichever carries the bytes.
 */
import { TimeoutError } from '../errors/errors.js';

/**
 * The caller's signal joined with a deadline. {@link stopTimer} leaves the caller's signal in
 * force (a streamed body); {@link done} lets go of the caller's signal as well (the body is read
 * or closed).
 */
export class AttemptSignal {
  private readonly controller = new AbortController();
  private timer?: ReturnType<typeof setTimeout>;
  private unlink?: () => void;
  /** True once the attempt's own deadline fired. */
  timedOut = false;

  constructor(caller: AbortSignal | undefined) {
    if (caller) {
      if (caller.aborted) this.controller.abort(caller.reason);
      else {
        const onAbort = () => this.controller.abort(caller.reason);
        caller.addEventListener('abort', onAbort, { once: true });
        this.unlink = () => caller.removeEventListener('abort', onAbort);
      }
    }
  }

  /** Start the total deadline (0: none). */
  arm(timeoutMs: number): void {
    if (timeoutMs <= 0 || this.timer) return;
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort(new TimeoutError('deadline'));
    }, timeoutMs);
    // a response nobody reads must not keep the process alive
    (this.timer as { unref?: () => void }).unref?.();
  }

  /** Whether the total deadline is running. */
  get armed(): boolean {
    return this.timer !== undefined;
  }

  /** The signal the transport sends under. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Abort the attempt with `reason` (an idle timeout of the fetch transport). */
  abort(reason: Error): void {
    this.controller.abort(reason);
  }

  /** Stop the total deadline; the caller's signal stays in force. */
  stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Stop the deadline and let go of the caller's signal. */
  done(): void {
    this.stopTimer();
    this.unlink?.();
    this.unlink = undefined;
  }
}
