import { Allocation } from '../../../../src/services/placement/allocation.js';
import { AllocationCandidates } from '../../../../src/services/placement/allocation-candidates.js';
import { Inventory } from '../../../../src/services/placement/inventory.js';
import { ProviderAggregates } from '../../../../src/services/placement/provider-aggregates.js';
import { ProviderAllocations } from '../../../../src/services/placement/provider-allocations.js';
import { ProviderInventories } from '../../../../src/services/placement/provider-inventories.js';
import { ProviderTraits } from '../../../../src/services/placement/provider-traits.js';
import { ProviderUsages } from '../../../../src/services/placement/provider-usages.js';
import { ResourceClass } from '../../../../src/services/placement/resource-class.js';
import { ResourceProvider } from '../../../../src/services/placement/resource-provider.js';
import { Usages } from '../../../../src/services/placement/usages.js';
import type { SampleBinding } from '../harness.js';

const service = 'placement';

export const bindings: SampleBinding[] = [
  {
    def: ResourceProvider,
    service,
    hints: ['resource_providers'],
    // the unversioned samples show parent_provider_uuid (1.14+): they document the current
    // API, not 1.0, so fields are not gated here (unit tests check the gates)
    microversioned: false,
    requestMode: (e) => (/update-resource_provider-request/.test(e.path) ? 'update' : 'create'),
  },
  {
    def: Inventory,
    service,
    hints: ['inventories'],
    include: /get-inventory\.json|update-inventory(-request)?\.json/,
    microversioned: true,
    requestMode: () => 'update',
  },
  {
    def: ProviderInventories,
    service,
    hints: ['inventories'],
    include: /get-inventories\.json|update-inventories(-request)?\.json/,
    microversioned: true,
    requestMode: () => 'update',
  },
  {
    def: ProviderTraits,
    service,
    hints: ['resource_provider_traits'],
    microversioned: true,
    requestMode: () => 'update',
  },
  {
    def: ProviderAggregates,
    service,
    hints: ['aggregates'],
    microversioned: true,
    requestMode: () => 'update',
  },
  { def: ProviderUsages, service, hints: ['resource_provider_usages'], microversioned: true },
  { def: ProviderAllocations, service, hints: ['resource_provider_allocations'], microversioned: true },
  {
    def: ResourceClass,
    service,
    hints: ['resource_classes'],
    microversioned: true,
    requestMode: () => 'create',
  },
  {
    def: Allocation,
    service,
    hints: ['allocations'],
    // manage-allocations (POST /allocations) bodies are keyed by consumer, not one consumer's
    // document; the unversioned PUT sample has its own binding below
    exclude: /manage-allocations|update-allocations-request\.json/,
    microversioned: true,
    requestMode: () => 'create',
  },
  {
    def: Allocation,
    service,
    hints: ['allocations'],
    // the unversioned PUT sample is the 1.8–1.11 list form with project/user ids: it carries no
    // version to gate fields by
    include: /update-allocations-request\.json/,
    microversioned: false,
    requestMode: () => 'create',
  },
  { def: Usages, service, hints: ['usages'], microversioned: true },
  { def: AllocationCandidates, service, hints: ['allocation_candidates'], microversioned: true },
];
