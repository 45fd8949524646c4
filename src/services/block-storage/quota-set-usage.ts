import { defineResource, f } from '../../resource/index.js';

/** Limit and usage of one quota. */
export interface QuotaUsage {
  /** The limit (`-1`: unlimited). */
  limit: number;
  /** Used now. */
  in_use: number;
  /** Held by operations in progress. */
  reserved: number;
  /** Only with nested quotas. */
  allocated?: number;
}

/** Block storage quotas of a project with usage (`/os-quota-sets/{project_id}?usage=True`). */
export const QuotaSetUsage = defineResource({
  name: 'quota set usage',
  basePath: '/os-quota-sets',
  resourceKey: 'quota_set',
  resourcesKey: null,
  fields: {
    /** The project id. */
    id: f.string({ readOnly: true }).always(),
    volumes: f.object<QuotaUsage>().readOnly().always(),
    snapshots: f.object<QuotaUsage>().readOnly().always(),
    gigabytes: f.object<QuotaUsage>().readOnly().always(),
    backups: f.object<QuotaUsage>().readOnly().always(),
    backupGigabytes: f.object<QuotaUsage>({ api: 'backup_gigabytes' }).readOnly().always(),
    groups: f.object<QuotaUsage>().readOnly().always(),
    perVolumeGigabytes: f.object<QuotaUsage>({ api: 'per_volume_gigabytes' }).readOnly().always(),
  },
  pagination: 'none',
  allow: { create: false, commit: false, delete: false, list: false },
});
