/**
 * Waiting for a server to be idle in a status: nova reports the target status (ACTIVE) while a
 * task is still running (`OS-EXT-STS:task_state`, e.g. `unpausing`), and a new action is
 * refused with 409 until the task ends. This waits for both.
 */
import { ResourceFailureError, TimeoutError } from '../../errors/errors.js';
import { faultMessage, type WaitForStatusOptions } from '../../resource/index.js';
import { callerAbortError } from '../../transport/abort.js';
import { sleep } from '../../transport/retry.js';
import type { ServerResource } from './server.js';

/** Poll `refresh` until the server's status is one of `status` and no task runs. */
export async function waitForServerIdle(
  refresh: () => Promise<ServerResource>,
  status: string | string[],
  o: WaitForStatusOptions = {},
): Promise<ServerResource> {
  const want = (Array.isArray(status) ? status : [status]).map((s) => s.toUpperCase());
  const failures = (o.failures ?? ['ERROR']).map((s) => s.toUpperCase());
  const interval = o.intervalMs ?? 2000;
  const timeout = o.timeoutMs ?? 600_000;
  const start = Date.now();
  for (;;) {
    if (o.signal?.aborted) throw callerAbortError('wait', o.signal);
    const s = await refresh();
    const current = s.status === undefined ? undefined : String(s.status);
    const task = s.taskState ?? null;
    o.onPoll?.(task ? `${current}/${task}` : current, Date.now() - start);
    const up = current?.toUpperCase();
    if (up && want.includes(up) && task === null) return s;
    if (up && failures.includes(up)) {
      const fault = faultMessage(s);
      throw new ResourceFailureError(
        `server ${s.id} went to ${current} while waiting for ${want.join('/')}${fault ? `: ${fault}` : ''}`,
        current as string,
        fault,
      );
    }
    if (Date.now() - start + interval > timeout) {
      throw new TimeoutError(
        `server ${s.id} still ${current ?? 'without status'}${task ? ` (task ${task})` : ''} after ${Math.round((Date.now() - start) / 1000)} s waiting for ${want.join('/')}`,
      );
    }
    try {
      await sleep(interval, o.signal);
    } catch {
      throw callerAbortError('wait', o.signal);
    }
  }
}
