import { defineResource, f } from '../../resource/index.js';

/** The `absolute` limits: maxima and current usage. */
export interface AbsoluteLimits {
  /** Volumes in the project. */
  maxTotalVolumes?: number;
  /** Snapshots in the project. */
  maxTotalSnapshots?: number;
  /** GiB of volumes and snapshots in the project. */
  maxTotalVolumeGigabytes?: number;
  /** Backups in the project. */
  maxTotalBackups?: number;
  /** GiB of backups in the project. */
  maxTotalBackupGigabytes?: number;
  /** Volumes in use. */
  totalVolumesUsed?: number;
  /** Snapshots in use. */
  totalSnapshotsUsed?: number;
  /** GiB of volumes and snapshots in use. */
  totalGigabytesUsed?: number;
  /** Backups in use. */
  totalBackupsUsed?: number;
  /** GiB of backups in use. */
  totalBackupGigabytesUsed?: number;
  [key: string]: number | undefined;
}

/** Block storage limits of the current (or, for admins from 3.39, another) project (`/limits`). */
export const Limits = defineResource({
  name: 'limits',
  basePath: '/limits',
  resourceKey: 'limits',
  resourcesKey: null,
  fields: {
    absolute: f.object<AbsoluteLimits>().readOnly().always(),
    rate: f.array<Record<string, unknown>>().readOnly().always(),
  },
  pagination: 'none',
  allow: { create: false, commit: false, delete: false, list: false },
});
