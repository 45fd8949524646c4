/**
 * Waiting on designate's asynchronous objects. Zones and record sets carry no failure reason of
 * their own, only the `action` that failed; the error names it, which says whether the backend
 * refused a create, an update or a delete. Tasks (imports, exports) put theirs in `message`.
 * @internal
 */
import { ResourceFailureError } from '../../errors/errors.js';
import type { ResourceBase } from '../../resource/instance.js';
import { type WaitForStatusOptions, waitForStatus } from '../../resource/waiters.js';

/** What a designate object in ERROR was doing, as the failure's explanation. */
function failedAction(r: ResourceBase<any>): string | undefined {
  const b = r._body as Record<string, unknown>;
  if (typeof b.message === 'string' && b.message) return b.message;
  if (typeof b.action === 'string' && b.action && b.action !== 'NONE')
    return `the pool's nameservers did not confirm its ${b.action} (see designate-worker's log)`;
  return undefined;
}

/**
 * Poll until `status`; an ERROR status is a {@link ResourceFailureError} whose `fault` is the
 * action that failed (zones, record sets) or the task's message (imports, exports).
 */
export async function waitForDnsStatus<R extends ResourceBase<any>>(
  refresh: (signal?: AbortSignal) => Promise<R>,
  status: string | string[],
  o: WaitForStatusOptions = {},
): Promise<R> {
  let last: R | undefined;
  const remember = async (signal?: AbortSignal) => {
    last = await refresh(signal);
    return last;
  };
  try {
    return await waitForStatus(remember, status, o);
  } catch (e) {
    if (!(e instanceof ResourceFailureError) || e.fault || !last) throw e;
    const reason = failedAction(last);
    if (!reason) throw e;
    throw new ResourceFailureError(`${e.message}: ${reason}`, e.status, reason);
  }
}
