/** The snapshot methods of `conn.blockStorage` that are not generated verbs. */
import {
  type ListQuery,
  listResources,
  type RequestOptions,
  type ResourceList,
  type VerbOptions,
  type WaitForStatusOptions,
  type WaitOptions,
} from '../../resource/index.js';
import { checkedList, checkQueryVersions } from '../service-documents.js';
import { ServiceProxy } from '../service-proxy.js';
import { cinderAction, type IdArg } from './internal.js';
import type { SnapshotResource } from './resource-types.js';
import { SNAPSHOT_FAILURE_STATUSES, SNAPSHOT_QUERY_VERSIONS, Snapshot } from './snapshot.js';
import { waitDeleteExplained, waitExplained } from './waits.js';

/** Snapshots: list, wait, admin actions (a section of `conn.blockStorage`, never constructed). */
export abstract class SnapshotSection extends ServiceProxy {
  /** Lazily list snapshots with details (`/snapshots/detail`). */
  listSnapshots(
    query: ListQuery<(typeof Snapshot)['query']> = {},
    opts: VerbOptions = {},
  ): ResourceList<SnapshotResource> {
    return checkedList(
      () => checkQueryVersions(this.client, 'snapshot list', query, SNAPSHOT_QUERY_VERSIONS, opts),
      listResources(this.client, Snapshot, query, opts),
    );
  }

  /** Wait until a snapshot reaches `status` (e.g. `available`); fails fast on `error`. */
  waitForSnapshot(
    snapshot: IdArg,
    status: string | string[],
    opts: WaitForStatusOptions & VerbOptions = {},
  ): Promise<SnapshotResource> {
    return waitExplained(this.client, Snapshot, SNAPSHOT_FAILURE_STATUSES, snapshot, status, opts);
  }

  /** Wait until a snapshot is gone; fails fast on `error_deleting`. */
  waitForSnapshotDelete(snapshot: IdArg, opts: WaitOptions & VerbOptions = {}): Promise<void> {
    return waitDeleteExplained(this.client, Snapshot, snapshot, opts);
  }

  /**
   * Admin: delete a snapshot whatever its state (`os-force_delete`).
   *
   * @example
   * ```ts
   * // admin: a snapshot stuck in error_deleting
   * const snap = await conn.blockStorage.findSnapshot('nightly-0412');
   * await conn.blockStorage.resetSnapshotStatus(snap, 'error');
   * await conn.blockStorage.forceDeleteSnapshot(snap);
   * await conn.blockStorage.waitForSnapshotDelete(snap);
   * ```
   */
  async forceDeleteSnapshot(snapshot: IdArg, opts: RequestOptions = {}): Promise<void> {
    await cinderAction(this.client, '/snapshots', 'snapshot', snapshot, 'os-force_delete', {}, opts);
  }

  /** Admin: overwrite a snapshot's status in the database (`os-reset_status`). */
  async resetSnapshotStatus(snapshot: IdArg, status: string, opts: RequestOptions = {}): Promise<void> {
    await cinderAction(this.client, '/snapshots', 'snapshot', snapshot, 'os-reset_status', { status }, opts);
  }
}
