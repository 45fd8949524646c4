import { defineResource, f } from '../../resource/index.js';

/** The limits cinder reports for a project and for a quota class alike (`-1`: unlimited). */
export const quotaLimitFields = {
  volumes: f.integer().always(),
  snapshots: f.integer().always(),
  gigabytes: f.integer().always(),
  backups: f.integer().always(),
  backupGigabytes: f.integer({ api: 'backup_gigabytes' }).always(),
  groups: f.integer().always(),
  perVolumeGigabytes: f.integer({ api: 'per_volume_gigabytes' }).always(),
};

/**
 * Block storage quotas of a project (`/os-quota-sets/{project_id}`). Per-volume-type limits
 * (`volumes_<type>`, `gigabytes_<type>`, `snapshots_<type>`) are kept in `extra` and can be
 * changed through `$extra`.
 */
export const QuotaSet = defineResource({
  name: 'quota set',
  basePath: '/os-quota-sets',
  resourceKey: 'quota_set',
  resourcesKey: null,
  fields: {
    /** The project id. */
    id: f.string({ readOnly: true }),
    ...quotaLimitFields,
  },
  pagination: 'none',
  allow: { create: false, list: false },
});
