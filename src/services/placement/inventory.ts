import { defineResource, f } from '../../resource/index.js';

/** The limits of one resource class on a provider, as in inventory documents. */
export interface InventoryRecord {
  /** The amount the provider has. */
  total: number;
  /** The amount kept back from allocation. */
  reserved?: number;
  /** The smallest allocation. */
  min_unit?: number;
  /** The largest allocation. */
  max_unit?: number;
  /** Allocations are multiples of this. */
  step_size?: number;
  /** Overcommit: capacity is `(total - reserved) * allocation_ratio`. */
  allocation_ratio?: number;
}

/** One inventory record of a resource provider (`/resource_providers/{uuid}/inventories/{resource_class}`). */
export const Inventory = defineResource({
  name: 'inventory',
  basePath: '/resource_providers/{uuid}/inventories',
  resourceKey: null,
  resourcesKey: null,
  fields: {
    /** The provider (path parameter). */
    resourceProviderUuid: f.string({ api: 'uuid', location: 'uri' }),
    /** The resource class, e.g. `VCPU` or `CUSTOM_FPGA` (path parameter). */
    resourceClass: f.string({ api: 'resource_class', location: 'uri' }),
    /** The provider generation this change is based on (required on update). */
    resourceProviderGeneration: f.integer({ api: 'resource_provider_generation' }).always(),
    total: f.integer({ required: true }).always(),
    reserved: f.integer().always(),
    minUnit: f.integer({ api: 'min_unit' }).always(),
    maxUnit: f.integer({ api: 'max_unit' }).always(),
    stepSize: f.integer({ api: 'step_size' }).always(),
    allocationRatio: f.number({ api: 'allocation_ratio' }).always(),
  },
  idField: 'resourceClass',
  pagination: 'none',
  allow: { list: false },
});
