/** Deleting a volume that may still be attached, detaching or being deleted by nova. */

import { NotFoundError, TimeoutError } from '../errors/errors.js';
import { sleep } from '../transport/retry.js';
import type { CloudConnection } from './cloud-connection.js';

/**
 * Delete a volume once nothing uses it: waits while it is `in-use`, `attaching`, `detaching`,
 * `creating` or `downloading`; done when it is gone (nova may delete it with its server).
 */
export async function deleteVolumeWhenFree(
  conn: CloudConnection,
  volumeId: string,
  opts: { timeoutMs?: number; intervalMs?: number; signal?: AbortSignal } = {},
): Promise<void> {
  const deadline = Date.now() + (opts.timeoutMs ?? 300_000);
  const interval = opts.intervalMs ?? 2000;
  // only the signal goes on to each request: opts.timeoutMs bounds the whole wait, not one request
  const { signal } = opts;
  let requested = false;
  for (;;) {
    let status: string | undefined;
    try {
      status = (await conn.blockStorage.getVolume(volumeId, { signal })).status ?? undefined;
    } catch (e) {
      if (e instanceof NotFoundError) return;
      throw e;
    }
    if (!requested && (status === 'available' || status === 'error' || status?.startsWith('error'))) {
      await conn.blockStorage.deleteVolume(volumeId, { ignoreMissing: true, signal });
      requested = true;
    }
    if (Date.now() + interval > deadline) {
      throw new TimeoutError(`volume ${volumeId} still ${status} after waiting to delete it`);
    }
    await sleep(interval, signal);
  }
}
