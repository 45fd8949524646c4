/**
 * Waiting for a resource to reach a status or to disappear: polling with an interval,
 * an overall timeout, an AbortSignal, and an error naming the failure status and the
 * service's fault message.
 */
import { AbortedError, NotFoundError, ResourceFailureError, TimeoutError } from '../errors/errors.js';
import { sleep } from '../transport/retry.js';
import type { ResourceBase } from './instance.js';

/** How long and how often a waiter polls. */
export interface WaitOptions {
  /** Poll interval in ms (default 2000). */
  intervalMs?: number;
  /** Give up after this many ms (default 600 000). */
  timeoutMs?: number;
  /** Aborts the wait (an `AbortedError`). */
  signal?: AbortSignal;
  /** Called after every poll (e.g. for a progress display). */
  onPoll?: (status: string | undefined, elapsedMs: number) => void;
}

/** Options of a wait for a status: those of every wait, plus the statuses that fail it. */
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
    throw new AbortedError('wait aborted by the caller');
  }
}

/** Poll `refresh` until the status is one of `status`; throws on a failure status or timeout. */
export async function waitForStatus<R extends ResourceBase<any>>(
  refresh: () => Promise<R>,
  status: string | string[],
  o: WaitForStatusOptions = {},
): Promise<R> {
  const want = (Array.isArray(status) ? status : [status]).map((s) => s.toUpperCase());
  const failures = (o.failures ?? ['ERROR']).map((s) => s.toUpperCase());
  const interval = o.intervalMs ?? 2000;
  const timeout = o.timeoutMs ?? 600_000;
  const start = Date.now();
  let last: string | undefined;
  for (;;) {
    if (o.signal?.aborted) throw new AbortedError('wait aborted by the caller');
    const r = await refresh();
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
    if (Date.now() - start + interval > timeout) {
      throw new TimeoutError(
        `${r._def.name} ${r.id} still ${last ?? 'without status'} after ${Math.round((Date.now() - start) / 1000)} s waiting for ${want.join('/')}`,
      );
    }
    await pause(interval, o.signal);
  }
}

/** Poll `fetch` until it throws NotFound (or reports status DELETED). */
export async function waitForDelete(
  fetch: () => Promise<ResourceBase<any>>,
  what: string,
  o: WaitOptions = {},
): Promise<void> {
  const interval = o.intervalMs ?? 2000;
  const timeout = o.timeoutMs ?? 600_000;
  const start = Date.now();
  for (;;) {
    if (o.signal?.aborted) throw new AbortedError('wait aborted by the caller');
    let status: string | undefined;
    try {
      const r = await fetch();
      status = r.get(r._def.statusField) as string | undefined;
      if (status && status.toUpperCase() === 'DELETED') return;
      if (status?.toUpperCase().startsWith('ERROR')) {
        throw new ResourceFailureError(
          `${what} went to ${status} while being deleted${faultMessage(r) ? `: ${faultMessage(r)}` : ''}`,
          status,
          faultMessage(r),
        );
      }
    } catch (e) {
      if (e instanceof NotFoundError) return;
      throw e;
    }
    o.onPoll?.(status, Date.now() - start);
    if (Date.now() - start + interval > timeout) {
      throw new TimeoutError(`${what} still exists after ${Math.round((Date.now() - start) / 1000)} s`);
    }
    await pause(interval, o.signal);
  }
}
