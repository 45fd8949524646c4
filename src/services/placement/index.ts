export type { AggregateSection } from './aggregate-ops.js';
export { Allocation, type AllocationListItem, type ProviderAllocation } from './allocation.js';
export {
  ALLOCATION_CANDIDATES_QUERY_VERSIONS,
  AllocationCandidates,
  type AllocationRequest,
  type ProviderSummary,
} from './allocation-candidates.js';
export type { AllocationSection } from './allocation-ops.js';
export type { AllocationCandidateSection } from './candidate-ops.js';
export { Inventory, type InventoryRecord } from './inventory.js';
export type { InventorySection } from './inventory-ops.js';
export { ProviderAggregates } from './provider-aggregates.js';
export { ProviderAllocations } from './provider-allocations.js';
export { ProviderInventories } from './provider-inventories.js';
export type { ProviderSection } from './provider-ops.js';
export { ProviderTraits } from './provider-traits.js';
export { ProviderUsages } from './provider-usages.js';
export {
  type AllocationCandidatesResource,
  type AllocationResource,
  type InventoryResource,
  PlacementV1,
  type ProviderAggregatesResource,
  type ProviderAllocationsResource,
  type ProviderInventoriesResource,
  type ProviderTraitsResource,
  type ProviderUsagesResource,
  placementErrorCode,
  type ResourceClassResource,
  type ResourceProviderResource,
  type UsagesResource,
} from './proxy.js';
export { ResourceClass } from './resource-class.js';
export type { ResourceClassSection } from './resource-class-ops.js';
export { RESOURCE_PROVIDER_QUERY_VERSIONS, ResourceProvider } from './resource-provider.js';
export type { TraitSection } from './trait-ops.js';
export { Usages } from './usages.js';
