import { defineResource, f } from '../../resource/index.js';

/** The traits of a resource provider (`/resource_providers/{uuid}/traits`, 1.6). */
export const ProviderTraits = defineResource({
  name: 'resource provider traits',
  basePath: '/resource_providers/{uuid}/traits',
  resourceKey: null,
  resourcesKey: null,
  fields: {
    /** The provider (path parameter). */
    resourceProviderUuid: f.string({ api: 'uuid', location: 'uri' }),
    /** Trait names, standard (`HW_CPU_X86_AVX2`) or custom (`CUSTOM_*`). */
    traits: f.array<string>().always(),
    /** The provider generation: read it here, send it back when replacing. */
    resourceProviderGeneration: f.integer({ api: 'resource_provider_generation' }).always(),
  },
  idField: 'resourceProviderUuid',
  pagination: 'none',
  allow: { create: false, list: false },
});
