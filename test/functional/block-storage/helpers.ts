/** Helpers of the block storage functional tests. */
import { BadRequestError, type BlockStorageV3, type Connection, ServerError } from '../../../src/index.js';
import type { VolumeResource } from '../../../src/services/block-storage/index.js';
import type { Cleanup } from '../../support/cloud.js';

/**
 * Connection options for these tests: the dev cloud's cinder runs on SQLite and answers 500 when
 * concurrent writers lock the database; idempotent requests (GET, PUT, DELETE) are retried then.
 */
export const SQLITE_RETRY = { retry: { retryStatuses: [500, 502, 503, 504] } } as const;

/**
 * The dev cloud runs cinder on SQLite: concurrent writers sometimes get "database is locked",
 * which cinder answers with a 500. Retry an operation that failed that way (it did not happen).
 */
export async function retryOnServerError<T>(fn: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      if (!(e instanceof ServerError) || i >= attempts) throw e;
      await new Promise((r) => setTimeout(r, 1000 * i));
    }
  }
}

/**
 * Make sure a project can create `want` more volumes/GiB/snapshots: the shared dev cloud's
 * projects can be near their quota (other test runs, or reservations leaked by SQLite lock
 * errors that only expire after a day). Raises the limits as admin when needed and registers
 * the restore of the original limits with `cleanup` (register this before anything else).
 */
export async function ensureHeadroom(
  admin: Connection,
  projectId: string,
  cleanup: Cleanup,
  want: { volumes: number; gigabytes: number; snapshots: number },
): Promise<void> {
  const abs = admin.blockStorage;
  const usage = await abs.getQuotaSetUsage(projectId);
  const raise: Record<string, number> = {};
  for (const key of ['volumes', 'gigabytes', 'snapshots'] as const) {
    const q = usage[key];
    if (!q || q.limit < 0) continue;
    if (q.limit - q.in_use - q.reserved < want[key]) raise[key] = q.in_use + q.reserved + want[key];
  }
  if (!Object.keys(raise).length) return;
  const original = await abs.getQuotaSet(projectId);
  type Key = 'volumes' | 'gigabytes' | 'snapshots';
  const keys = Object.keys(raise) as Key[];
  const headroom = Object.fromEntries(
    keys.map((k) => [k, usage[k]!.limit - usage[k]!.in_use - usage[k]!.reserved]),
  ) as Record<Key, number>;
  cleanup.add(`quotas of ${projectId}`, async () => {
    const back: Record<string, number> = {};
    for (const key of keys) back[key] = original[key]!;
    try {
      await abs.updateQuotaSet(projectId, back);
    } catch (e) {
      if (!(e instanceof BadRequestError)) throw e;
      // cinder refuses a limit below in_use + reserved. On this cloud reservations leak (cinder
      // logs "Failed to commit reservations ... database is locked" yet answers 202) and only
      // expire after a day: keep the free room the project had before instead, and say so.
      const now = await abs.getQuotaSetUsage(projectId);
      for (const key of keys) {
        const q = now[key]!;
        back[key] = Math.max(original[key]!, q.in_use + q.reserved + Math.max(0, headroom[key]));
      }
      await abs.updateQuotaSet(projectId, back);
      console.warn(
        `quotas of ${projectId} left at ${JSON.stringify(back)} instead of the original ` +
          `(leaked reservations; cinder: ${e.serviceMessage})`,
      );
    }
  });
  await abs.updateQuotaSet(projectId, raise);
}

/**
 * Create a volume, retrying after a 500 (see {@link retryOnServerError}); a volume the failed
 * call may have left behind (found by its unique name) is deleted first.
 */
export async function createVolumeRetrying(
  bs: BlockStorageV3,
  adminBs: BlockStorageV3,
  attrs: Parameters<BlockStorageV3['createVolume']>[0],
  opts?: Parameters<BlockStorageV3['createVolume']>[1],
): Promise<VolumeResource> {
  return retryOnServerError(async () => {
    try {
      return await bs.createVolume(attrs, opts);
    } catch (e) {
      if (e instanceof ServerError && attrs.name) {
        for (const left of await adminBs.listVolumes({ name: attrs.name, allTenants: true }).toArray()) {
          await adminBs.deleteVolume(left, { force: true, ignoreMissing: true });
          await adminBs.waitForVolumeDelete(left, { intervalMs: 500, timeoutMs: 60_000 });
        }
      }
      throw e;
    }
  });
}

/**
 * Create something, retrying after a 500 (see {@link retryOnServerError}); when the failed call
 * did create it after all, `existing` finds it (by its unique name) and that is returned.
 */
export async function createRetrying<T>(
  create: () => Promise<T>,
  existing: () => Promise<T | undefined>,
  attempts = 3,
): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await create();
    } catch (e) {
      if (!(e instanceof ServerError) || i >= attempts) throw e;
      await new Promise((r) => setTimeout(r, 1000 * i));
      const found = await existing().catch(() => undefined);
      if (found) return found;
    }
  }
}
