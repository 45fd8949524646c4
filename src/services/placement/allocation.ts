import { defineResource, f } from '../../resource/index.js';

/** One provider's share of a consumer's allocations (dict form, 1.12+). */
export interface ProviderAllocation {
  /** Amounts per resource class, e.g. `{ VCPU: 2, MEMORY_MB: 4096 }`. */
  resources: Record<string, number>;
  /** The provider generation (in responses). */
  generation?: number;
}

/** The list form of allocations, before 1.12. */
export interface AllocationListItem {
  /** The provider allocated from. */
  resource_provider: { uuid: string };
  /** Amounts per resource class. */
  resources: Record<string, number>;
}

/**
 * The allocations of one consumer (`/allocations/{consumer_uuid}`): the resources it holds on
 * each provider, its project and user (1.8), its generation (1.28) and type (1.38).
 */
export const Allocation = defineResource({
  name: 'allocation',
  basePath: '/allocations',
  resourceKey: null,
  resourcesKey: null,
  fields: {
    /** The consumer (path parameter): a server, a migration, ... */
    consumerUuid: f.string({ api: 'consumer_uuid', location: 'uri' }),
    /** By provider uuid (1.12+), or the list form before 1.12; `{}` removes all. */
    allocations: f.any<Record<string, ProviderAllocation> | AllocationListItem[]>().required().always(),
    /** From microversion 1.8. */
    projectId: f.string({ api: 'project_id', minVersion: '1.8' }),
    /** From microversion 1.8. */
    userId: f.string({ api: 'user_id', minVersion: '1.8' }),
    /**
     * The consumer generation this write is based on (1.28): `null` for a new consumer, else the
     * value read with the allocations. Placement answers 409 when it moved on.
     */
    consumerGeneration: f.integer({ api: 'consumer_generation', nullable: true, minVersion: '1.28' }),
    /** `INSTANCE`, `MIGRATION`, ... (1.38). */
    consumerType: f.string({ api: 'consumer_type', minVersion: '1.38' }),
    /** Request group mappings sent back from allocation candidates (1.34; ignored by placement). */
    mappings: f.object<Record<string, string[]>>({ minVersion: '1.34' }),
  },
  idField: 'consumerUuid',
  createMethod: 'PUT',
  pagination: 'none',
  allow: { list: false, commit: false },
});
