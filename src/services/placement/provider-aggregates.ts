import { defineResource, f } from '../../resource/index.js';

/**
 * The aggregates a resource provider belongs to (`/resource_providers/{uuid}/aggregates`, 1.1);
 * from 1.19 the document carries the provider generation, which replacing must send.
 */
export const ProviderAggregates = defineResource({
  name: 'resource provider aggregates',
  basePath: '/resource_providers/{uuid}/aggregates',
  resourceKey: null,
  resourcesKey: null,
  fields: {
    /** The provider (path parameter). */
    resourceProviderUuid: f.string({ api: 'uuid', location: 'uri' }),
    /** Aggregate uuids (created on first use). */
    aggregates: f.array<string>().always(),
    /** From microversion 1.19. */
    resourceProviderGeneration: f.integer({ api: 'resource_provider_generation', minVersion: '1.19' }),
  },
  idField: 'resourceProviderUuid',
  pagination: 'none',
  allow: { create: false, list: false },
});
