import { defineResource, f } from '../../resource/index.js';

/** The `absolute` limits: maxima and current usage. */
export interface AbsoluteLimits {
  maxTotalVolumes?: number;
  maxTotalSnapshots?: number;
  maxTotalVolumeGigabytes?: number;
  maxTotalBackups?: number;
  maxTotalBackupGigabytes?: number;
  totalVolumesUsed?: number;
  totalSnapshotsUsed?: number;
  totalGigabytesUsed?: number;
  totalBackupsUsed?: number;
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
    absolute: f.object<AbsoluteLimits>().readOnly(),
    rate: f.array<Record<string, unknown>>().readOnly(),
  },
  pagination: 'none',
  allow: { create: false, commit: false, delete: false, list: false },
});
