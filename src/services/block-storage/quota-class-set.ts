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
    volumes: f.integer().always(),
    snapshots: f.integer().always(),
    gigabytes: f.integer().always(),
    backups: f.integer().always(),
    backupGigabytes: f.integer({ api: 'backup_gigabytes' }).always(),
    groups: f.integer().always(),
    perVolumeGigabytes: f.integer({ api: 'per_volume_gigabytes' }).always(),
  },
  pagination: 'none',
  allow: { create: false, delete: false, list: false },
});
