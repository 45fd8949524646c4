import { defineResource, f } from '../../resource/index.js';

/** The `absolute` limits of a project: maxima (`maxTotal*`) and current usage (`total*Used`). */
export interface ShareAbsoluteLimits {
  /** Shares in the project. */
  maxTotalShares?: number;
  /** Snapshots in the project. */
  maxTotalShareSnapshots?: number;
  /** GiB of shares. */
  maxTotalShareGigabytes?: number;
  /** GiB of snapshots. */
  maxTotalSnapshotGigabytes?: number;
  /** Share networks. */
  maxTotalShareNetworks?: number;
  /** Shares in use. */
  totalSharesUsed?: number;
  /** Snapshots in use. */
  totalShareSnapshotsUsed?: number;
  /** GiB of shares in use. */
  totalShareGigabytesUsed?: number;
  /** Share networks in use. */
  totalShareNetworksUsed?: number;
  [key: string]: number | undefined;
}

/**
 * Shared file system limits of the current project (`/limits`).
 *
 * @example
 * ```ts
 * const limits = await conn.sharedFileSystem.getLimits();
 * console.log(limits.absolute.totalSharesUsed, '/', limits.absolute.maxTotalShares);
 * ```
 */
export const ShareLimits = defineResource({
  name: 'share limits',
  basePath: '/limits',
  resourceKey: 'limits',
  resourcesKey: null,
  fields: {
    absolute: f.object<ShareAbsoluteLimits>().readOnly().always(),
    rate: f.array<Record<string, unknown>>().readOnly().always(),
  },
  pagination: 'none',
  allow: { create: false, commit: false, delete: false, list: false },
});
