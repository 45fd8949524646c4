import { defineResource, f } from '../../resource/index.js';
import type { AllocationListItem, ProviderAllocation } from './allocation.js';

/** One candidate: allocations by provider (1.12+; a list before), with group mappings (1.34). */
export interface AllocationRequest {
  /** What would be allocated from each provider. */
  allocations: Record<string, ProviderAllocation> | AllocationListItem[];
  /** Request group suffix → providers that satisfied it (1.34). */
  mappings?: Record<string, string[]>;
}

/** Capacity and usage of one provider in a candidate set. */
export interface ProviderSummary {
  /** Capacity and usage per resource class. */
  resources: Record<string, { capacity: number; used: number }>;
  /** 1.17. */
  traits?: string[];
  /** 1.29. */
  parent_provider_uuid?: string | null;
  /** 1.29. */
  root_provider_uuid?: string;
}

/**
 * Allocation candidates (`/allocation_candidates`, 1.10): sets of providers that could satisfy
 * a request for resources and traits, each as a body ready for `PUT /allocations/{consumer}`,
 * with a summary of the providers involved. The shape depends on the microversion: see the types.
 */
export const AllocationCandidates = defineResource({
  name: 'allocation candidates',
  basePath: '/allocation_candidates',
  resourceKey: null,
  resourcesKey: null,
  fields: {
    allocationRequests: f.array<AllocationRequest>({ api: 'allocation_requests' }).readOnly().always(),
    /** By provider uuid (before 1.12 a list; from 1.29 every provider of the trees involved). */
    providerSummaries: f
      .any<Record<string, ProviderSummary> | (ProviderSummary & { resource_provider: { uuid: string } })[]>({
        api: 'provider_summaries',
      })
      .readOnly()
      .always(),
  },
  query: {
    /** What each candidate must provide, e.g. `VCPU:1,MEMORY_MB:64`. */
    resources: 'resources',
    /** Comma-separated traits; `!TRAIT` forbids one (1.17, `!` 1.22). */
    required: 'required',
    /** An aggregate uuid, `in:` a list, `!` forbidden (1.21). */
    memberOf: 'member_of',
    /** How suffixed request groups may share providers: `none` or `isolate` (1.25). */
    groupPolicy: 'group_policy',
    /** Only providers in the tree of this uuid (1.31). */
    inTree: 'in_tree',
    /** Traits the tree's root must (not) have (1.35). */
    rootRequired: 'root_required',
    /** Suffixes of groups that must be in one subtree (1.36). */
    sameSubtree: 'same_subtree',
  },
  pagination: 'none',
  allow: { create: false, fetch: false, commit: false, delete: false, list: false },
});

/** Query parameters of allocation candidates that exist only from a microversion on. */
export const ALLOCATION_CANDIDATES_QUERY_VERSIONS = {
  required: '1.17',
  memberOf: '1.21',
  groupPolicy: '1.25',
  inTree: '1.31',
  rootRequired: '1.35',
  sameSubtree: '1.36',
} as const;
