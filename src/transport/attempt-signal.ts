/**
 * The abort signal of one attempt: the caller's signal plus the attempt's own total deadline.
 * Every transport (undici, node, fetch) sends under it, so a deadline ends an attempt the same
 * way whichever carries the bytes.
 */
import { TimeoutError } from '../errors/errors.js';

type AbortListener = () => void;

/**
 * The caller's signal joined with a deadline. {@link stopTimer} leaves the caller's signal in
 * force (a streamed body); {@link done} lets go of the caller's signal as well (the body is read
 * or closed).
 *
 * It keeps its own state and listeners instead of an AbortController: a controller and its
 * EventTarget cost several µs and two objects per request, on a path where the signal almost
 * never fires. undici and the node wire read only `aborted`, `reason` and an `abort` listener
 * ({@link light});
 * fetch insists on a real AbortSignal, built on first ask ({@link signal}).
 */
export class AttemptSignal {
  private controller?: AbortController;
  private timer?: ReturnType<typeof setTimeout>;
  private unlink?: () => void;
  private listeners: AbortListener[] = [];
  /** True once the attempt's own deadline fired. */
  timedOut = false;
  /** True once aborted (the caller's signal, the deadline or {@link abort}). */
  aborted = false;
  /** Why it was aborted. */
  reason: unknown = undefined;

  constructor(caller: AbortSignal | undefined) {
    if (caller) {
      if (caller.aborted) this.fire(caller.reason);
      else {
        const onAbort = () => this.fire(caller.reason);
        caller.addEventListener('abort', onAbort, { once: true });
        this.unlink = () => caller.removeEventListener('abort', onAbort);
      }
    }
  }

  private fire(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.controller?.abort(reason);
    const ls = this.listeners;
    this.listeners = [];
    for (const l of ls) l();
  }

  /** Listen for `abort` (undici's side of {@link light}); a listener runs at most once. */
  addEventListener(type: string, listener: AbortListener): void {
    if (type === 'abort') this.listeners.push(listener);
  }

  /** Stop listening for `abort`. */
  removeEventListener(type: string, listener: AbortListener): void {
    if (type !== 'abort') return;
    const i = this.listeners.indexOf(listener);
    if (i !== -1) this.listeners.splice(i, 1);
  }

  /** Start the total deadline (0: none). */
  arm(timeoutMs: number): void {
    if (timeoutMs <= 0 || this.timer) return;
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.fire(new TimeoutError('deadline'));
    }, timeoutMs);
    // a response nobody reads must not keep the process alive
    (this.timer as { unref?: () => void }).unref?.();
  }

  /** Whether the total deadline is running. */
  get armed(): boolean {
    return this.timer !== undefined;
  }

  /**
   * This object in the shape undici accepts for a signal (`aborted`, `reason`, an `abort`
   * listener), typed as the AbortSignal its options ask for. Not a real AbortSignal: only for
   * undici and the node wire.
   */
  get light(): AbortSignal {
    return this as unknown as AbortSignal;
  }

  /** A standard AbortSignal that follows this one (what fetch needs); built on first use. */
  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.aborted) this.controller.abort(this.reason);
    }
    return this.controller.signal;
  }

  /** Abort the attempt with `reason` (an idle timeout of the fetch transport). */
  abort(reason: Error): void {
    this.fire(reason);
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
