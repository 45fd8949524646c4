export type { AggregateSection } from './aggregate-section.js';
export { Allocation, type AllocationListItem, type ProviderAllocation } from './allocation.js';
export {
  ALLOCATION_CANDIDATES_QUERY_VERSIONS,
  AllocationCandidates,
  type AllocationRequest,
  type ProviderSummary,
} from './allocation-candidates.js';
export type { AllocationSection } from './allocation-section.js';
export type { AllocationCandidateSection } from './candidate-section.js';
export { Inventory, type InventoryRecord } from './inventory.js';
export type { InventorySection } from './inventory-section.js';
export { ProviderAggregates } from './provider-aggregates.js';
export { ProviderAllocations } from './provider-allocations.js';
export { ProviderInventories } from './provider-inventories.js';
export type { ProviderSection } from './provider-section.js';
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
export type { ResourceClassSection } from './resource-class-section.js';
export { RESOURCE_PROVIDER_QUERY_VERSIONS, ResourceProvider } from './resource-provider.js';
export type { TraitSection } from './trait-section.js';
export { Usages } from './usages.js';
