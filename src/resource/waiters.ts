/**
 * Waiting for a resource to reach a status or to disappear: polling with an interval,
 * an overall deadline, an AbortSignal, and an error naming the failure status and the
 * service's fault message. The deadline is the whole wait's: each poll gets a signal that
 * fires when it passes, so a poll that hangs cannot stretch the wait past it.
 */
import { NotFoundError, ResourceFailureError, TimeoutError } from '../errors/errors.js';
import { callerAbortError } from '../transport/abort.js';
import { sleep } from '../transport/retry.js';
import type { ResourceBase } from './instance.js';

/** Options of {@link waitForStatus} and {@link waitForDelete}. */
export interface WaitOptions {
  /** Poll interval in ms (default 2000). */
  intervalMs?: number;
  /** Give up after this many ms, polls included (default 600 000): a {@link TimeoutError}. */
  timeoutMs?: number;
  /** Aborts the wait: an `AbortedError`, or a `TimeoutError` for `AbortSignal.timeout(ms)`. */
  signal?: AbortSignal;
  /** Called after every poll (e.g. for a progress display). */
  onPoll?: (status: string | undefined, elapsedMs: number) => void;
}

/** Options of {@link waitForStatus}. */
export interface WaitForStatusOptions extends WaitOptions {
  /** Statuses that end the wait with an error (default ['ERROR']). Case-insensitive. */
  failures?: string[];
  /** Field holding the status (default: the resource's status field). */
  attribute?: string;
}

/** The service's explanation of a failure, from the fields services use for it. */
export function faultMessage(r: ResourceBase<any>): string | undefined {
  const b = r._body as Record<string, any>;
  const fault = b.fault;
  if (fault && typeof fault === 'object' && fault.message) return String(fault.message);
  for (const k of ['status_reason', 'fail_reason', 'last_error', 'error', 'message', 'migration_status']) {
    if (typeof b[k] === 'string' && b[k]) return b[k];
  }
  return undefined;
}

async function pause(ms: number, signal?: AbortSignal): Promise<void> {
  try {
    await sleep(ms, signal);
  } catch {
    throw callerAbortError('wait', signal);
  }
}

/** The signal polls of one wait get: the caller's, and the wait's own deadline. */
function waitSignal(timeoutMs: number, caller?: AbortSignal): { signal: AbortSignal; expired(): boolean } {
  const deadline = AbortSignal.timeout(Math.max(0, timeoutMs));
  return {
    signal: caller ? AbortSignal.any([caller, deadline]) : deadline,
    expired: () => deadline.aborted && !caller?.aborted,
  };
}

/**
 * Poll `refresh` until the status is one of `status`; throws on a failure status or timeout.
 * `refresh` receives the signal of the wait (the caller's and the deadline): pass it on.
 */
export async function waitForStatus<R extends ResourceBase<any>>(
  refresh: (signal?: AbortSignal) => Promise<R>,
  status: string | string[],
  o: WaitForStatusOptions = {},
): Promise<R> {
  const want = (Array.isArray(status) ? status : [status]).map((s) => s.toUpperCase());
  const failures = (o.failures ?? ['ERROR']).map((s) => s.toUpperCase());
  const interval = o.intervalMs ?? 2000;
  const timeout = o.timeoutMs ?? 600_000;
  const start = Date.now();
  const ws = waitSignal(timeout, o.signal);
  let last: string | undefined;
  let what = 'the resource';
  const timedOut = () =>
    new TimeoutError(
      `${what} still ${last ?? 'without status'} after ${Math.round((Date.now() - start) / 1000)} s waiting for ${want.join('/')} (timeoutMs ${timeout})`,
    );
  for (;;) {
    if (o.signal?.aborted) throw callerAbortError('wait', o.signal);
    let r: R;
    try {
      r = await refresh(ws.signal);
    } catch (e) {
      if (ws.expired()) throw timedOut();
      throw e;
    }
    what = `${r._def.name} ${r.id}`;
    const attr = o.attribute ?? r._def.statusField;
    last = r.get(attr) === undefined ? undefined : String(r.get(attr));
    o.onPoll?.(last, Date.now() - start);
    const up = last?.toUpperCase();
    if (up && want.includes(up)) return r;
    if (up && failures.includes(up)) {
      const fault = faultMessage(r);
      throw new ResourceFailureError(
        `${r._def.name} ${r.id} went to ${last} while waiting for ${want.join('/')}${fault ? `: ${fault}` : ''}`,
        last!,
        fault,
      );
    }
    if (Date.now() - start + interval > timeout) throw timedOut();
    await pause(interval, o.signal);
  }
}

/**
 * How long a record that reports status DELETED may still be fetched before the wait counts it
 * gone. Nova sets DELETED a moment before it removes the record, and a caller told "deleted"
 * expects a lookup right after to find nothing; a record that stays DELETED (a service that keeps
 * deleted rows visible) must not hold the wait until its deadline.
 */
const DELETED_GRACE_MS = 15_000;
/** Poll interval while a record reports DELETED: the record usually goes within a second. */
const DELETED_POLL_MS = 500;

/**
 * Poll `fetch` until it throws NotFound. A record reporting status DELETED is polled on for up
 * to 15 s (within the deadline) and then counted gone. `fetch` receives the
 * signal of the wait (the caller's and the deadline): pass it on.
 */
export async function waitForDelete(
  fetch: (signal?: AbortSignal) => Promise<ResourceBase<any>>,
  what: string,
  o: WaitOptions = {},
): Promise<void> {
  const interval = o.intervalMs ?? 2000;
  const timeout = o.timeoutMs ?? 600_000;
  const start = Date.now();
  const ws = waitSignal(timeout, o.signal);
  const timedOut = () =>
    new TimeoutError(
      `${what} still exists after ${Math.round((Date.now() - start) / 1000)} s (timeoutMs ${timeout})`,
    );
  let deletedSince: number | undefined;
  for (;;) {
    if (o.signal?.aborted) throw callerAbortError('wait', o.signal);
    let status: string | undefined;
    let pollMs = interval;
    try {
      const r = await fetch(ws.signal);
      status = r.get(r._def.statusField) as string | undefined;
      if (status && status.toUpperCase() === 'DELETED') {
        deletedSince ??= Date.now();
        const graceLeft = DELETED_GRACE_MS - (Date.now() - deletedSince);
        const waitLeft = timeout - (Date.now() - start);
        pollMs = Math.min(interval, DELETED_POLL_MS);
        if (Math.min(graceLeft, waitLeft) < pollMs) return;
      } else if (status?.toUpperCase().startsWith('ERROR')) {
        throw new ResourceFailureError(
          `${what} went to ${status} while being deleted${faultMessage(r) ? `: ${faultMessage(r)}` : ''}`,
          status,
          faultMessage(r),
        );
      }
    } catch (e) {
      if (e instanceof NotFoundError) return;
      if (ws.expired() && !(e instanceof ResourceFailureError)) throw timedOut();
      throw e;
    }
    o.onPoll?.(status, Date.now() - start);
    if (Date.now() - start + pollMs > timeout) throw timedOut();
    await pause(pollMs, o.signal);
  }
}
