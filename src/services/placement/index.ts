export { Allocation, type AllocationListItem, type ProviderAllocation } from './allocation.js';
export {
  ALLOCATION_CANDIDATES_QUERY_VERSIONS,
  AllocationCandidates,
  type AllocationRequest,
  type ProviderSummary,
} from './allocation-candidates.js';
export { Inventory, type InventoryRecord } from './inventory.js';
export { ProviderAggregates } from './provider-aggregates.js';
export { ProviderAllocations } from './provider-allocations.js';
export { ProviderInventories } from './provider-inventories.js';
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
export { RESOURCE_PROVIDER_QUERY_VERSIONS, ResourceProvider } from './resource-provider.js';
export { Usages } from './usages.js';
