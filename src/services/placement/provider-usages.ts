import { defineResource, f } from '../../resource/index.js';

/** What is consumed of each resource class of a provider (`/resource_providers/{uuid}/usages`). */
export const ProviderUsages = defineResource({
  name: 'resource provider usages',
  basePath: '/resource_providers/{uuid}/usages',
  resourceKey: null,
  resourcesKey: null,
  fields: {
    /** The provider (path parameter). */
    resourceProviderUuid: f.string({ api: 'uuid', location: 'uri' }),
    /** Amount used by resource class, e.g. `{ VCPU: 2 }`. */
    usages: f.object<Record<string, number>>().readOnly().always(),
    resourceProviderGeneration: f.integer({ api: 'resource_provider_generation', readOnly: true }).always(),
  },
  idField: 'resourceProviderUuid',
  pagination: 'none',
  allow: { create: false, commit: false, delete: false, list: false },
});
