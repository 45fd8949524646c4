import { defineResource, f } from '../../resource/index.js';
import { quotaLimitFields } from './quota-set.js';

/** Block storage default quotas of a quota class (`/os-quota-class-sets/{class}`; `default` is the only class used). */
export const QuotaClassSet = defineResource({
  name: 'quota class set',
  basePath: '/os-quota-class-sets',
  resourceKey: 'quota_class_set',
  resourcesKey: null,
  fields: {
    /** The class name. */
    id: f.string({ readOnly: true }),
    ...quotaLimitFields,
  },
  pagination: 'none',
  allow: { create: false, delete: false, list: false },
});
