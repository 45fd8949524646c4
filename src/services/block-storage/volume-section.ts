/** The volume methods of `conn.blockStorage`: create, list, delete, wait, totals. */
import { ValidationError } from '../../errors/errors.js';
import {
  type CreateAttributes,
  type DeleteOptions,
  deletePath,
  idSegment,
  instantiate,
  type ListQuery,
  listResources,
  type RequestOptions,
  type ResourceList,
  toRequest,
  type VerbOptions,
  type WaitForStatusOptions,
  type WaitOptions,
} from '../../resource/index.js';
import {
  checkedList,
  checkQueryVersions,
  readDocument,
  requestDocument,
  requireMicroversion,
} from '../service-documents.js';
import { ServiceProxy } from '../service-proxy.js';
import type { IdArg } from './internal.js';
import type { VolumeFields, VolumeResource, VolumeSummaryResource } from './resource-types.js';
import { VOLUME_FAILURE_STATUSES, VOLUME_QUERY_VERSIONS, Volume } from './volume.js';
import { VolumeSummary } from './volume-summary.js';
import { waitDeleteExplained, waitExplained } from './waits.js';

/** Options of {@link BlockStorageV3.createVolume}. */
export interface CreateVolumeOptions extends VerbOptions {
  /** Scheduler hints (`OS-SCH-HNT:scheduler_hints`), e.g. `{ same_host: [volumeId] }`. */
  schedulerHints?: Record<string, unknown>;
}

/** Options of {@link BlockStorageV3.deleteVolume}. */
export interface DeleteVolumeOptions extends DeleteOptions {
  /** Delete the volume's snapshots too. */
  cascade?: boolean;
  /** Delete even in error/deleting states (admin, 3.23). */
  force?: boolean;
}

/** Volumes: create, list, delete, wait and totals (a section of `conn.blockStorage`, never constructed). */
export abstract class VolumeSection extends ServiceProxy {
  /**
   * Create a volume: blank (`size`), from an image (`imageRef` + `size`), from a snapshot
   * (`snapshotId`), from another volume (`sourceVolid`) or from a backup (`backupId`, 3.47).
   * Returns at once (status `creating`); use {@link waitForVolume} for `available`.
   */
  async createVolume(
    attrs: CreateAttributes<VolumeFields>,
    opts: CreateVolumeOptions = {},
  ): Promise<VolumeResource> {
    await this.client.resolve(opts.signal, opts.timeoutMs);
    const parts = toRequest(Volume, attrs as Record<string, unknown>, 'create', this.client);
    const b = parts.body;
    if (b.size == null && b.snapshot_id == null && b.source_volid == null && b.backup_id == null) {
      throw new ValidationError('needs a size, or a snapshot, source volume or backup to copy it from', {
        field: 'volume.size',
        fix: 'pass size (GiB), snapshotId, sourceVolid or backupId',
      });
    }
    if (b.imageRef != null && b.size == null) {
      throw new ValidationError('a volume created from an image needs a size', {
        field: 'volume.size',
        fix: 'pass size (GiB), at least the image size',
      });
    }
    const json: Record<string, unknown> = { volume: b };
    if (opts.schedulerHints) json['OS-SCH-HNT:scheduler_hints'] = opts.schedulerHints;
    const res = await this.client.request('POST', '/volumes', { json, headers: parts.headers }, opts);
    const doc = await readDocument(res, opts);
    return instantiate(Volume, this.client, { ...b, ...doc.keyOr('volume', 'object', {}) }, res.headers);
  }

  /** Lazily list volumes with details (`/volumes/detail`); filters gated by microversion are checked first. */
  listVolumes(
    query: ListQuery<(typeof Volume)['query']> = {},
    opts: VerbOptions = {},
  ): ResourceList<VolumeResource> {
    return checkedList(
      () => checkQueryVersions(this.client, 'volume list', query, VOLUME_QUERY_VERSIONS, opts),
      listResources(this.client, Volume, query, opts),
    );
  }

  /**
   * Delete a volume. `cascade` deletes its snapshots too; `force` (admin, 3.23) deletes it in
   * any state. With `ignoreMissing`, an already deleted volume is not an error.
   */
  async deleteVolume(volume: IdArg, opts: DeleteVolumeOptions = {}): Promise<void> {
    if (opts.force) await requireMicroversion(this.client, '3.23', 'deleteVolume.force', opts);
    await deletePath(this.client, `/volumes/${idSegment('volume', volume)}`, opts, {
      cascade: opts.cascade || undefined,
      force: opts.force || undefined,
    });
  }

  /**
   * Wait until a volume reaches `status` (e.g. `available`, `in-use`); fails fast on
   * `error`, `error_extending`, `error_deleting`, `error_restoring`, ... (override with `failures`).
   */
  waitForVolume(
    volume: IdArg,
    status: string | string[],
    opts: WaitForStatusOptions & VerbOptions = {},
  ): Promise<VolumeResource> {
    return waitExplained(this.client, Volume, VOLUME_FAILURE_STATUSES, volume, status, opts);
  }

  /** Wait until a volume is gone; fails fast on `error_deleting`. */
  waitForVolumeDelete(volume: IdArg, opts: WaitOptions & VerbOptions = {}): Promise<void> {
    return waitDeleteExplained(this.client, Volume, volume, opts);
  }

  /**
   * Totals over the visible volumes (3.12); `allTenants` for admins.
   *
   * @example
   * ```ts
   * const { totalCount, totalSize } = await conn.blockStorage.getVolumeSummary();
   * console.log(`${totalCount} volumes, ${totalSize} GiB`);
   * ```
   */
  async getVolumeSummary(
    opts: RequestOptions & { allTenants?: boolean } = {},
  ): Promise<VolumeSummaryResource> {
    await requireMicroversion(this.client, '3.12', 'getVolumeSummary', opts);
    const query = { all_tenants: opts.allTenants || undefined };
    return requestDocument(this.client, VolumeSummary, 'GET', '/volumes/summary', { query }, opts);
  }
}
