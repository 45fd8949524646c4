/**
 * The instance types of placement resources, as the proxy's methods return them (re-exported
 * by ./proxy.ts, where callers import them from).
 */
import type { Resource } from '../../resource/instance.js';
import type { Allocation } from './allocation.js';
import type { AllocationCandidates } from './allocation-candidates.js';
import type { Inventory } from './inventory.js';
import type { ProviderAggregates } from './provider-aggregates.js';
import type { ProviderAllocations } from './provider-allocations.js';
import type { ProviderInventories } from './provider-inventories.js';
import type { ProviderTraits } from './provider-traits.js';
import type { ProviderUsages } from './provider-usages.js';
import type { ResourceClass } from './resource-class.js';
import type { ResourceProvider } from './resource-provider.js';
import type { Usages } from './usages.js';

/** The fields of a resource provider. */
export type ProviderFields = (typeof ResourceProvider)['fields'];

/** A resource provider. */
export type ResourceProviderResource = Resource<ProviderFields>;
/** One inventory record of a provider. */
export type InventoryResource = Resource<(typeof Inventory)['fields']>;
/** All inventory records of a provider, with its generation. */
export type ProviderInventoriesResource = Resource<(typeof ProviderInventories)['fields']>;
/** The traits of a provider, with its generation. */
export type ProviderTraitsResource = Resource<(typeof ProviderTraits)['fields']>;
/** The aggregates of a provider. */
export type ProviderAggregatesResource = Resource<(typeof ProviderAggregates)['fields']>;
/** Usage of a provider. */
export type ProviderUsagesResource = Resource<(typeof ProviderUsages)['fields']>;
/** Allocations against a provider. */
export type ProviderAllocationsResource = Resource<(typeof ProviderAllocations)['fields']>;
/** A resource class. */
export type ResourceClassResource = Resource<(typeof ResourceClass)['fields']>;
/** The allocations of a consumer. */
export type AllocationResource = Resource<(typeof Allocation)['fields']>;
/** Usage of a project (and user). */
export type UsagesResource = Resource<(typeof Usages)['fields']>;
/** Allocation candidates. */
export type AllocationCandidatesResource = Resource<(typeof AllocationCandidates)['fields']>;
