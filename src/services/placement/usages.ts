import { defineResource, f } from '../../resource/index.js';

/**
 * What a project (and optionally a user) consumes (`/usages`, 1.9); from 1.38 grouped by
 * consumer type with a `consumer_count` each.
 */
export const Usages = defineResource({
  name: 'usages',
  basePath: '/usages',
  resourceKey: null,
  resourcesKey: null,
  fields: {
    /**
     * Before 1.38 amounts by resource class (`{ VCPU: 2 }`); from 1.38 by consumer type
     * (`{ INSTANCE: { consumer_count: 1, VCPU: 2 } }`).
     */
    usages: f.object<Record<string, number> | Record<string, Record<string, number>>>().readOnly().always(),
  },
  pagination: 'none',
  allow: { create: false, commit: false, delete: false, list: false },
});
