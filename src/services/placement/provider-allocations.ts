import { defineResource, f } from '../../resource/index.js';

/** The allocations made against a provider, by consumer (`/resource_providers/{uuid}/allocations`, 1.11). */
export const ProviderAllocations = defineResource({
  name: 'resource provider allocations',
  basePath: '/resource_providers/{uuid}/allocations',
  resourceKey: null,
  resourcesKey: null,
  fields: {
    /** The provider (path parameter). */
    resourceProviderUuid: f.string({ api: 'uuid', location: 'uri' }),
    /** By consumer uuid: the resources it holds on this provider (and its generation, 1.28). */
    allocations: f
      .object<Record<string, { resources: Record<string, number>; consumer_generation?: number }>>()
      .readOnly()
      .always(),
    resourceProviderGeneration: f.integer({ api: 'resource_provider_generation', readOnly: true }).always(),
  },
  idField: 'resourceProviderUuid',
  pagination: 'none',
  allow: { create: false, commit: false, delete: false, list: false },
});
