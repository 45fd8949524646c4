/**
 * An idle timer: fires when nothing happened for a while, and is pushed back by every sign of
 * progress. The node transport bounds the wait for the headers and for each chunk of the body
 * with one, as undici's `headersTimeout` / `bodyTimeout` do.
 */

/** A timer that fires after `ms` without a {@link IdleTimer.refresh}; `ms` 0 never fires. */
export class IdleTimer {
  private timer: ReturnType<typeof setTimeout> | undefined;

  /**
   * @param ms - the idle time allowed (0 = none)
   * @param onIdle - called once when it elapses
   */
  constructor(
    readonly ms: number,
    private readonly onIdle: () => void,
  ) {}

  /** Start counting (again from now, when already running). */
  start(): void {
    if (this.ms <= 0) return;
    if (this.timer) {
      this.timer.refresh();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.onIdle();
    }, this.ms);
    // a request nobody waits for must not keep the process alive
    this.timer.unref?.();
  }

  /** Progress: count from now. A stopped timer stays stopped. */
  refresh(): void {
    // refresh() re-arms the same timer object: no allocation per chunk
    this.timer?.refresh();
  }

  /** Stop for good (until the next {@link start}). */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
