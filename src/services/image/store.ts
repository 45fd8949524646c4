import { defineResource, f } from '../../resource/index.js';

/** Image stores of a multi-store cloud (`GET /v2/info/stores`, details at `/v2/info/stores/detail`). */
export const Store = defineResource({
  name: 'store',
  basePath: '/info/stores',
  resourceKey: null,
  resourcesKey: 'stores',
  fields: {
    id: f.string({ readOnly: true }).always(),
    description: f.string({ readOnly: true }),
    /** `"true"` on the default store (glance sends a string). */
    isDefault: f.any<string | boolean>({ api: 'default' }).readOnly(),
    isReadOnly: f.any<string | boolean>({ api: 'read-only' }).readOnly(),
    /** Detail listing (admin): the backend type, weight and its properties. */
    type: f.string({ readOnly: true }),
    weight: f.integer({ readOnly: true }),
    properties: f.object<Record<string, unknown>>().readOnly(),
  },
  allow: { create: false, fetch: false, commit: false, delete: false, list: true },
  pagination: 'none',
});
