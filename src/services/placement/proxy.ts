/**
 * The placement v1 proxy: `conn.placement`. Requests carry `OpenStack-API-Version: placement 1.x`
 * (the pinned microversion, else the SDK default). Placement bodies are bare JSON documents.
 *
 * Concurrency: a provider's `generation` changes with every write to its inventories, traits,
 * aggregates or allocations; those writes must send the generation they are based on, and
 * placement answers 409 (`ConflictError`, code `placement.concurrent_update`) when it has
 * moved on. Read again, re-apply, retry. Consumers have their own `consumer_generation` (1.28).
 *
 * The class holds the generated verbs (one table) and is assembled from one section per
 * resource family (`*-ops.ts`) by {@link mixSections}.
 */
import type { HttpError } from '../../errors/errors.js';
import { installVerbs, type VerbsOfTable, verbRow } from '../../resource/index.js';
import type { Session } from '../../session/session.js';
import { mixSections } from '../proxy-sections.js';
import { type ProxyOptions, ServiceProxy } from '../service-proxy.js';
import { placementV1Spec } from '../specs.js';
import { AggregateSection } from './aggregate-section.js';
import { AllocationSection } from './allocation-section.js';
import { AllocationCandidateSection } from './candidate-section.js';
import { InventorySection } from './inventory-section.js';
import { ProviderSection } from './provider-section.js';
import { ResourceClass } from './resource-class.js';
import { ResourceClassSection } from './resource-class-section.js';
import { ResourceProvider } from './resource-provider.js';
import { TraitSection } from './trait-section.js';

export type {
  AllocationCandidatesResource,
  AllocationResource,
  InventoryResource,
  ProviderAggregatesResource,
  ProviderAllocationsResource,
  ProviderInventoriesResource,
  ProviderTraitsResource,
  ProviderUsagesResource,
  ResourceClassResource,
  ResourceProviderResource,
  UsagesResource,
} from './resource-types.js';

/** The `code` of a placement error (e.g. `placement.concurrent_update`), when it sent one. */
export function placementErrorCode(e: HttpError): string | undefined {
  try {
    const doc = JSON.parse(e.body ?? '') as { errors?: { code?: string }[] };
    return doc.errors?.[0]?.code;
  } catch {
    return undefined;
  }
}

/** The generated verbs of `conn.placement`, one row per resource (singular → definition, plural, verbs). */
const placementVerbTable = {
  ResourceProvider: verbRow(ResourceProvider, 'ResourceProviders', ['get', 'find', 'delete']),
  ResourceClass: verbRow(ResourceClass, 'ResourceClasses', ['list', 'get', 'delete']),
} as const;

/** The verbs generated from {@link placementVerbTable} and the methods of every section. */
export interface PlacementV1
  extends VerbsOfTable<typeof placementVerbTable>,
    ProviderSection,
    InventorySection,
    TraitSection,
    AggregateSection,
    AllocationSection,
    AllocationCandidateSection,
    ResourceClassSection {}

/**
 * Placement: resource providers with their inventories, traits and aggregates, usages,
 * allocations and allocation candidates, resource classes.
 */
export class PlacementV1 extends ServiceProxy {
  constructor(session: Session, opts: ProxyOptions = {}) {
    super(session, placementV1Spec, opts);
    installVerbs(this, this.client, placementVerbTable);
  }
}

mixSections(PlacementV1, [
  ProviderSection,
  InventorySection,
  TraitSection,
  AggregateSection,
  AllocationSection,
  AllocationCandidateSection,
  ResourceClassSection,
]);
