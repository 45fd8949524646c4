/** The share snapshot methods of `conn.sharedFileSystem` that are not generated verbs. */
import {
  requireId,
  updateResource,
  type VerbOptions,
  type WaitForStatusOptions,
} from '../../resource/index.js';
import { ServiceProxy } from '../service-proxy.js';
import { type IdArg, waitExplained } from './internal.js';
import type { ShareSnapshotResource } from './resource-types.js';
import { ShareSnapshot, SNAPSHOT_FAILURE_STATUSES } from './share-snapshot.js';

/** Share snapshots: update, wait (a section of `conn.sharedFileSystem`, never constructed). */
export abstract class ShareSnapshotSection extends ServiceProxy {
  /**
   * Rename or describe a snapshot (manila stores them as `display_name` / `display_description`).
   *
   * @example
   * ```ts
   * const snap = await conn.sharedFileSystem.findShareSnapshot('nightly');
   * await conn.sharedFileSystem.updateShareSnapshot(snap, { name: 'nightly-kept', description: 'before upgrade' });
   * ```
   */
  async updateShareSnapshot(
    snapshot: IdArg,
    changes: { name?: string | null; description?: string | null },
    opts: VerbOptions = {},
  ): Promise<ShareSnapshotResource> {
    const extra: Record<string, unknown> = {};
    if (changes.name !== undefined) extra.display_name = changes.name;
    if (changes.description !== undefined) extra.display_description = changes.description;
    const id = requireId('share snapshot', snapshot);
    return updateResource(this.client, ShareSnapshot, id, { $extra: extra } as never, opts);
  }

  /** Wait until a snapshot reaches `status` (e.g. `available`); fails fast on `error`. */
  waitForShareSnapshot(
    snapshot: IdArg,
    status: string | string[],
    opts: WaitForStatusOptions & VerbOptions = {},
  ): Promise<ShareSnapshotResource> {
    return waitExplained(this.client, ShareSnapshot, SNAPSHOT_FAILURE_STATUSES, snapshot, status, opts);
  }
}
