import { defineResource, f } from '../../resource/index.js';
import type { InventoryRecord } from './inventory.js';

/** All inventory records of a resource provider (`/resource_providers/{uuid}/inventories`). */
export const ProviderInventories = defineResource({
  name: 'resource provider inventories',
  basePath: '/resource_providers/{uuid}/inventories',
  resourceKey: null,
  resourcesKey: null,
  fields: {
    /** The provider (path parameter). */
    resourceProviderUuid: f.string({ api: 'uuid', location: 'uri' }),
    /** Inventory records by resource class. */
    inventories: f.object<Record<string, InventoryRecord>>().always(),
    /** The provider generation: read it here, send it back when replacing. */
    resourceProviderGeneration: f.integer({ api: 'resource_provider_generation' }).always(),
  },
  idField: 'resourceProviderUuid',
  pagination: 'none',
  allow: { create: false, list: false },
});
