import { defineResource, f } from '../../resource/index.js';

/** Block storage default quotas of a quota class (`/os-quota-class-sets/{class}`; `default` is the only class used). */
export const QuotaClassSet = defineResource({
  name: 'quota class set',
  basePath: '/os-quota-class-sets',
  resourceKey: 'quota_class_set',
  resourcesKey: null,
  fields: {
    /** The class name. */
    id: f.string({ readOnly: true }),
    volumes: f.integer(),
    snapshots: f.integer(),
    gigabytes: f.integer(),
    backups: f.integer(),
    backupGigabytes: f.integer({ api: 'backup_gigabytes' }),
    groups: f.integer(),
    perVolumeGigabytes: f.integer({ api: 'per_volume_gigabytes' }),
  },
  pagination: 'none',
  allow: { create: false, delete: false, list: false },
});
