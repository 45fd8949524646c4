/**
 * The placement v1 proxy: `conn.placement`. Requests carry `OpenStack-API-Version: placement 1.x`
 * (the pinned microversion, else the SDK default). Placement bodies are bare JSON documents.
 *
 * Concurrency: a provider's `generation` changes with every write to its inventories, traits,
 * aggregates or allocations; those writes must send the generation they are based on, and
 * placement answers 409 (`ConflictError`, code `placement.concurrent_update`) when it has
 * moved on. Read again, re-apply, retry. Consumers have their own `consumer_generation` (1.28).
 */
import { type HttpError, ValidationError } from '../../errors/errors.js';
import {
  type CreateAttributes,
  createResource,
  type DeleteOptions,
  deletePath,
  deleteResource,
  describeValue,
  fetchResource,
  type ListQuery,
  listQueryToApi,
  listResources,
  namedVerbs,
  type RequestOptions,
  type Resource,
  type ResourceBase,
  type ResourceList,
  toRequest,
  type UpdateAttributes,
  updateResource,
  type VerbOptions,
  type VerbsOf,
} from '../../resource/index.js';
import type { Session } from '../../session/session.js';
import {
  checkedList,
  checkQueryVersions,
  requestDocument,
  requireMicroversion,
} from '../service-documents.js';
import { type ProxyOptions, ServiceProxy } from '../service-proxy.js';
import { placementV1Spec } from '../specs.js';
import { Allocation } from './allocation.js';
import { ALLOCATION_CANDIDATES_QUERY_VERSIONS, AllocationCandidates } from './allocation-candidates.js';
import { Inventory, type InventoryRecord } from './inventory.js';
import { ProviderAggregates } from './provider-aggregates.js';
import { ProviderAllocations } from './provider-allocations.js';
import { ProviderInventories } from './provider-inventories.js';
import { ProviderTraits } from './provider-traits.js';
import { ProviderUsages } from './provider-usages.js';
import { ResourceClass } from './resource-class.js';
import { RESOURCE_PROVIDER_QUERY_VERSIONS, ResourceProvider } from './resource-provider.js';
import { Usages } from './usages.js';

type IdArg = string | ResourceBase<any>;
type ProviderFields = (typeof ResourceProvider)['fields'];

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

/** Custom traits and resource classes: `CUSTOM_` then upper-case letters, digits and `_`. */
const CUSTOM_NAME = /^CUSTOM_[A-Z0-9_]+$/;

function idOf(x: IdArg): string {
  const id = typeof x === 'object' && x !== null ? x.id : x;
  if (typeof id !== 'string' || !id)
    throw new ValidationError(`an id is required (got ${describeValue(x)})`, {
      fix: 'pass the uuid or the resource',
    });
  return id;
}

function enc(x: IdArg): string {
  return encodeURIComponent(idOf(x));
}

function requireCustom(kind: string, name: string): void {
  if (!CUSTOM_NAME.test(name)) {
    throw new ValidationError(
      `custom ${kind}s are named CUSTOM_ and upper-case letters, digits or _, got "${name}"`,
      {
        field: `${kind}.name`,
        fix: `use e.g. CUSTOM_${name
          .toUpperCase()
          .replace(/[^A-Z0-9_]/g, '_')
          .replace(/^CUSTOM_/, '')}`,
      },
    );
  }
}

function requireGeneration(what: string, generation: unknown): void {
  if (typeof generation !== 'number' || !Number.isInteger(generation)) {
    throw new ValidationError('needs the resource provider generation it is based on', {
      field: `${what}.resourceProviderGeneration`,
      fix: 'read it (getResourceProvider, or the document you are changing) and pass it; on a 409 read again and retry',
    });
  }
}

/** The `code` of a placement error (e.g. `placement.concurrent_update`), when it sent one. */
export function placementErrorCode(e: HttpError): string | undefined {
  try {
    const doc = JSON.parse(e.body ?? '') as { errors?: { code?: string }[] };
    return doc.errors?.[0]?.code;
  } catch {
    return undefined;
  }
}

export interface PlacementV1
  extends VerbsOf<
      'ResourceProvider',
      'ResourceProviders',
      typeof ResourceProvider,
      'get' | 'find' | 'delete'
    >,
    VerbsOf<'ResourceClass', 'ResourceClasses', typeof ResourceClass, 'list' | 'get' | 'delete'> {}

export class PlacementV1 extends ServiceProxy {
  constructor(session: Session, opts: ProxyOptions = {}) {
    super(session, placementV1Spec, opts);
    Object.assign(
      this,
      namedVerbs(this.client, ResourceProvider, 'ResourceProvider', 'ResourceProviders', [
        'get',
        'find',
        'delete',
      ]),
      namedVerbs(this.client, ResourceClass, 'ResourceClass', 'ResourceClasses', ['list', 'get', 'delete']),
    );
  }

  // ----------------------------------------------------- resource providers

  /** Lazily list resource providers; filters gated by microversion are checked first. */
  listResourceProviders(
    query: ListQuery<(typeof ResourceProvider)['query']> = {},
    opts: VerbOptions = {},
  ): ResourceList<ResourceProviderResource> {
    return checkedList(
      () =>
        checkQueryVersions(
          this.client,
          'resource provider list',
          query,
          RESOURCE_PROVIDER_QUERY_VERSIONS,
          opts,
        ),
      listResources(this.client, ResourceProvider, query, opts),
    );
  }

  /**
   * Create a resource provider (`uuid` optional). From 1.20 placement returns the provider;
   * before, only its location, from which the uuid is taken.
   */
  async createResourceProvider(
    attrs: CreateAttributes<ProviderFields>,
    opts: VerbOptions = {},
  ): Promise<ResourceProviderResource> {
    const rp = await createResource(this.client, ResourceProvider, attrs, opts);
    if (!rp.id && rp.headers.location) {
      const uuid = rp.headers.location.replace(/\/+$/, '').split('/').pop();
      if (uuid) rp._body.uuid = decodeURIComponent(uuid);
    }
    return rp;
  }

  /**
   * Rename or re-parent a provider. Placement needs the name in every update: when `name` is
   * not given, the current one is sent (read from the instance passed, else fetched).
   *
   * @example
   * ```ts
   * // nest a provider under the compute node it belongs to (1.14)
   * const node = await conn.placement.findResourceProvider('compute-1');
   * const gpu = await conn.placement.findResourceProvider('gpu-pool-1');
   * await conn.placement.updateResourceProvider(gpu, { parentProviderUuid: node.id });
   * ```
   */
  async updateResourceProvider(
    provider: IdArg,
    attrs: UpdateAttributes<ProviderFields>,
    opts: VerbOptions = {},
  ): Promise<ResourceProviderResource> {
    let input = attrs;
    if (attrs.name === undefined) {
      const current =
        typeof provider !== 'string' && provider.get('name') !== undefined
          ? provider
          : await fetchResource(this.client, ResourceProvider, idOf(provider), opts);
      input = { ...attrs, name: current.get('name') as string };
    }
    return updateResource(this.client, ResourceProvider, provider, input, opts);
  }

  // ----------------------------------------------------------- inventories

  /** All inventory records of a provider, with the provider generation. */
  async getInventories(provider: IdArg, opts: RequestOptions = {}): Promise<ProviderInventoriesResource> {
    return requestDocument(
      this.client,
      ProviderInventories,
      'GET',
      `/resource_providers/${enc(provider)}/inventories`,
      {
        ...opts,
        uri: { uuid: idOf(provider) },
      },
    );
  }

  /**
   * Replace all inventory records of a provider; `resourceProviderGeneration` is the generation
   * the change is based on (409 `ConflictError` when it is stale). Returns the new records
   * and generation.
   */
  async setInventories(
    provider: IdArg,
    attrs: { inventories: Record<string, InventoryRecord>; resourceProviderGeneration: number },
    opts: RequestOptions = {},
  ): Promise<ProviderInventoriesResource> {
    requireGeneration('setInventories', attrs.resourceProviderGeneration);
    await this.client.resolve(opts.signal);
    const parts = toRequest(ProviderInventories, attrs, 'update', this.client);
    return requestDocument(
      this.client,
      ProviderInventories,
      'PUT',
      `/resource_providers/${enc(provider)}/inventories`,
      {
        ...opts,
        json: parts.body,
        uri: { uuid: idOf(provider) },
      },
    );
  }

  /** Delete all inventory records of a provider (1.5; not generation-safe: prefer setInventories with `{}`). */
  async deleteInventories(provider: IdArg, opts: RequestOptions = {}): Promise<void> {
    await requireMicroversion(this.client, '1.5', 'deleteInventories', opts);
    const res = await this.client.request('DELETE', `/resource_providers/${enc(provider)}/inventories`, {
      signal: opts.signal,
      timeoutMs: opts.timeoutMs,
      microversion: opts.microversion,
      headers: opts.headers,
    });
    await res.body.dump();
  }

  /**
   * One inventory record of a provider.
   *
   * @example
   * ```ts
   * // keep 2 VCPUs of a compute node for the host itself
   * const node = await conn.placement.findResourceProvider('compute-1');
   * const vcpu = await conn.placement.getInventory(node, 'VCPU');
   * await conn.placement.updateInventory(node, 'VCPU', {
   *   resourceProviderGeneration: vcpu.resourceProviderGeneration ?? 0,
   *   total: vcpu.total ?? 0,
   *   reserved: 2,
   * });
   * ```
   */
  async getInventory(
    provider: IdArg,
    resourceClass: string,
    opts: RequestOptions = {},
  ): Promise<InventoryResource> {
    return fetchResource(this.client, Inventory, resourceClass, {
      ...opts,
      parent: { resourceProviderUuid: idOf(provider) },
    }).then((inv) => {
      inv._uri.resource_class = resourceClass;
      return inv;
    });
  }

  /**
   * Add an inventory record for a resource class the provider does not have yet (409 if it has).
   *
   * @example
   * ```ts
   * // a provider starts offering a custom resource class, then stops
   * const rp = await conn.placement.findResourceProvider('gpu-pool-1');
   * await conn.placement.createInventory(rp, 'CUSTOM_FPGA', { total: 4, maxUnit: 1 });
   * await conn.placement.deleteInventory(rp, 'CUSTOM_FPGA'); // 409 while allocations use it
   * ```
   */
  async createInventory(
    provider: IdArg,
    resourceClass: string,
    attrs: CreateAttributes<(typeof Inventory)['fields']>,
    opts: RequestOptions = {},
  ): Promise<InventoryResource> {
    const inv = await createResource(
      this.client,
      Inventory,
      { ...attrs, $extra: { ...attrs.$extra, resource_class: resourceClass } },
      { ...opts, parent: { resourceProviderUuid: idOf(provider) } },
    );
    inv._uri.resource_class = resourceClass;
    return inv;
  }

  /**
   * Change one inventory record (it must exist); `resourceProviderGeneration` and `total` are
   * required by placement.
   */
  async updateInventory(
    provider: IdArg,
    resourceClass: string,
    attrs: UpdateAttributes<(typeof Inventory)['fields']> & {
      resourceProviderGeneration: number;
      total: number;
    },
    opts: RequestOptions = {},
  ): Promise<InventoryResource> {
    requireGeneration('updateInventory', attrs.resourceProviderGeneration);
    return updateResource(this.client, Inventory, resourceClass, attrs, {
      ...opts,
      parent: { resourceProviderUuid: idOf(provider), resourceClass },
    });
  }

  /** Remove one inventory record (409 while allocations use it). */
  async deleteInventory(provider: IdArg, resourceClass: string, opts: DeleteOptions = {}): Promise<void> {
    await deleteResource(this.client, Inventory, resourceClass, {
      ...opts,
      parent: { resourceProviderUuid: idOf(provider) },
    });
  }

  // ----------------------------------------------------------------- traits

  /**
   * Trait names (1.6). `name` filters: `startswith:CUSTOM_` or `in:A,B`; `associated` keeps only
   * traits some provider has.
   *
   * @example
   * ```ts
   * if (!(await conn.placement.traitExists('CUSTOM_RACK_A'))) await conn.placement.createTrait('CUSTOM_RACK_A');
   * console.log(await conn.placement.listTraits({ name: 'startswith:CUSTOM_', associated: true }));
   * ```
   */
  async listTraits(
    query: { name?: string; associated?: boolean } = {},
    opts: RequestOptions = {},
  ): Promise<string[]> {
    await requireMicroversion(this.client, '1.6', 'listTraits', opts);
    const doc = await this.client.decode('GET', '/traits', {
      query: { name: query.name, associated: query.associated },
      signal: opts.signal,
      timeoutMs: opts.timeoutMs,
      microversion: opts.microversion,
      headers: opts.headers,
    });
    const traits = doc.key('traits', 'array') as unknown[];
    if (!traits.every((t) => typeof t === 'string'))
      throw doc.fail('wrong-type', '"traits" has a member that is not a string');
    return traits as string[];
  }

  /** Create a custom trait (`CUSTOM_*`, 1.6); resolves true when created, false when it existed. */
  async createTrait(name: string, opts: RequestOptions = {}): Promise<boolean> {
    requireCustom('trait', name);
    await requireMicroversion(this.client, '1.6', 'createTrait', opts);
    const res = await this.client.request('PUT', `/traits/${encodeURIComponent(name)}`, {
      signal: opts.signal,
      timeoutMs: opts.timeoutMs,
      microversion: opts.microversion,
      headers: opts.headers,
    });
    await res.body.dump();
    return res.status === 201;
  }

  /** Whether a trait exists (1.6). */
  async traitExists(name: string, opts: RequestOptions = {}): Promise<boolean> {
    await requireMicroversion(this.client, '1.6', 'traitExists', opts);
    const res = await this.client.request('GET', `/traits/${encodeURIComponent(name)}`, {
      okStatuses: [200, 204, 404],
      signal: opts.signal,
      timeoutMs: opts.timeoutMs,
      microversion: opts.microversion,
      headers: opts.headers,
    });
    await res.body.dump();
    return res.status !== 404;
  }

  /** Delete a custom trait (1.6; 409 while a provider has it). */
  async deleteTrait(name: string, opts: DeleteOptions = {}): Promise<void> {
    requireCustom('trait', name);
    await requireMicroversion(this.client, '1.6', 'deleteTrait', opts);
    await deletePath(this.client, `/traits/${encodeURIComponent(name)}`, opts);
  }

  /** The traits of a provider, with the provider generation (1.6). */
  async getProviderTraits(provider: IdArg, opts: RequestOptions = {}): Promise<ProviderTraitsResource> {
    await requireMicroversion(this.client, '1.6', 'getProviderTraits', opts);
    return requestDocument(
      this.client,
      ProviderTraits,
      'GET',
      `/resource_providers/${enc(provider)}/traits`,
      {
        ...opts,
        uri: { uuid: idOf(provider) },
      },
    );
  }

  /**
   * Replace the traits of a provider (1.6); the traits must exist. 409 when the generation is stale.
   *
   * @example
   * ```ts
   * const rp = await conn.placement.findResourceProvider('gpu-pool-1');
   * await conn.placement.createTrait('CUSTOM_FAST_GPU');
   * const current = await conn.placement.getProviderTraits(rp);
   * await conn.placement.setProviderTraits(rp, {
   *   traits: [...(current.traits ?? []), 'CUSTOM_FAST_GPU'],
   *   resourceProviderGeneration: current.resourceProviderGeneration ?? 0,
   * });
   * ```
   */
  async setProviderTraits(
    provider: IdArg,
    attrs: { traits: string[]; resourceProviderGeneration: number },
    opts: RequestOptions = {},
  ): Promise<ProviderTraitsResource> {
    requireGeneration('setProviderTraits', attrs.resourceProviderGeneration);
    await requireMicroversion(this.client, '1.6', 'setProviderTraits', opts);
    const parts = toRequest(ProviderTraits, attrs, 'update', this.client);
    return requestDocument(
      this.client,
      ProviderTraits,
      'PUT',
      `/resource_providers/${enc(provider)}/traits`,
      {
        ...opts,
        json: parts.body,
        uri: { uuid: idOf(provider) },
      },
    );
  }

  /** Remove all traits of a provider (1.6; not generation-safe: prefer setProviderTraits with `[]`). */
  async deleteProviderTraits(provider: IdArg, opts: RequestOptions = {}): Promise<void> {
    await requireMicroversion(this.client, '1.6', 'deleteProviderTraits', opts);
    await deletePath(this.client, `/resource_providers/${enc(provider)}/traits`, opts);
  }

  // ------------------------------------------------------------- aggregates

  /**
   * The aggregates of a provider (1.1; with the generation from 1.19).
   *
   * @example
   * ```ts
   * import { randomUUID } from 'node:crypto';
   *
   * // add a provider to one more aggregate; the generation guards against concurrent writers (1.19)
   * const node = await conn.placement.findResourceProvider('compute-1');
   * const current = await conn.placement.getProviderAggregates(node);
   * await conn.placement.setProviderAggregates(node, {
   *   aggregates: [...(current.aggregates ?? []), randomUUID()],
   *   resourceProviderGeneration: current.resourceProviderGeneration,
   * });
   * ```
   */
  async getProviderAggregates(
    provider: IdArg,
    opts: RequestOptions = {},
  ): Promise<ProviderAggregatesResource> {
    await requireMicroversion(this.client, '1.1', 'getProviderAggregates', opts);
    return requestDocument(
      this.client,
      ProviderAggregates,
      'GET',
      `/resource_providers/${enc(provider)}/aggregates`,
      {
        ...opts,
        uri: { uuid: idOf(provider) },
      },
    );
  }

  /**
   * Replace the aggregates of a provider. From 1.19 the provider generation is required
   * (409 when stale); before, placement takes a bare list and no generation.
   */
  async setProviderAggregates(
    provider: IdArg,
    attrs: { aggregates: string[]; resourceProviderGeneration?: number },
    opts: RequestOptions = {},
  ): Promise<ProviderAggregatesResource> {
    await requireMicroversion(this.client, '1.1', 'setProviderAggregates', opts);
    const v = opts.microversion ?? this.client.microversion ?? '1.1';
    const withGeneration = v.split('.').map(Number)[1]! >= 19;
    if (withGeneration) requireGeneration('setProviderAggregates', attrs.resourceProviderGeneration);
    const json = withGeneration
      ? toRequest(ProviderAggregates, attrs, 'update', this.client).body
      : attrs.aggregates;
    return requestDocument(
      this.client,
      ProviderAggregates,
      'PUT',
      `/resource_providers/${enc(provider)}/aggregates`,
      {
        ...opts,
        json,
        uri: { uuid: idOf(provider) },
      },
    );
  }

  // ------------------------------------------------------ usages and allocations

  /**
   * What is consumed of each resource class of a provider.
   *
   * @example
   * ```ts
   * const node = await conn.placement.findResourceProvider('compute-1');
   * const { usages } = await conn.placement.getProviderUsages(node);
   * console.log(usages); // e.g. { VCPU: 6, MEMORY_MB: 12288, DISK_GB: 80 }
   * const { allocations } = await conn.placement.getProviderAllocations(node);
   * for (const [consumer, a] of Object.entries(allocations ?? {})) console.log(consumer, a.resources);
   * ```
   */
  async getProviderUsages(provider: IdArg, opts: RequestOptions = {}): Promise<ProviderUsagesResource> {
    return requestDocument(
      this.client,
      ProviderUsages,
      'GET',
      `/resource_providers/${enc(provider)}/usages`,
      {
        ...opts,
        uri: { uuid: idOf(provider) },
      },
    );
  }

  /** The allocations against a provider, by consumer (1.11). */
  async getProviderAllocations(
    provider: IdArg,
    opts: RequestOptions = {},
  ): Promise<ProviderAllocationsResource> {
    await requireMicroversion(this.client, '1.11', 'getProviderAllocations', opts);
    return requestDocument(
      this.client,
      ProviderAllocations,
      'GET',
      `/resource_providers/${enc(provider)}/allocations`,
      {
        ...opts,
        uri: { uuid: idOf(provider) },
      },
    );
  }

  /**
   * What a project, optionally one user or consumer type (1.38), consumes (1.9).
   *
   * @example
   * ```ts
   * const usages = await conn.placement.getUsages({ projectId: 'PROJECT_ID' });
   * console.log(usages.usages);
   * ```
   */
  async getUsages(
    query: { projectId: string; userId?: string; consumerType?: string },
    opts: RequestOptions = {},
  ): Promise<UsagesResource> {
    await requireMicroversion(this.client, '1.9', 'getUsages', opts);
    if (query.consumerType !== undefined)
      await requireMicroversion(this.client, '1.38', 'getUsages.consumerType', opts);
    if (!query.projectId)
      throw new ValidationError('is required', { field: 'getUsages.projectId', fix: 'pass a project id' });
    return requestDocument(this.client, Usages, 'GET', '/usages', {
      ...opts,
      query: { project_id: query.projectId, user_id: query.userId, consumer_type: query.consumerType },
    });
  }

  /** The allocations of a consumer (empty `allocations` when it has none). */
  async getAllocations(consumer: string, opts: RequestOptions = {}): Promise<AllocationResource> {
    return fetchResource(this.client, Allocation, consumer, { ...opts, parent: { consumerUuid: consumer } });
  }

  /**
   * Replace the allocations of a consumer (PUT). From 1.8 `projectId` and `userId` are required;
   * from 1.28 `consumerGeneration` too: `null` for a new consumer, else the value last read
   * (409 `ConflictError` when it is stale, as when a provider generation is).
   *
   * @example
   * ```ts
   * const rp = await conn.placement.findResourceProvider('gpu-pool-1');
   * await conn.placement.setAllocations('CONSUMER_UUID', {
   *   allocations: { [rp.id]: { resources: { VGPU: 1 } } },
   *   projectId: 'PROJECT_ID',
   *   userId: 'USER_ID',
   *   consumerGeneration: null,
   * });
   * ```
   */
  async setAllocations(
    consumer: string,
    attrs: Omit<CreateAttributes<(typeof Allocation)['fields']>, 'consumerUuid'>,
    opts: RequestOptions = {},
  ): Promise<AllocationResource> {
    await this.client.resolve(opts.signal);
    const v = opts.microversion ?? this.client.microversion ?? '1.0';
    const minor = Number(v.split('.')[1]);
    if (minor >= 8 && (!attrs.projectId || !attrs.userId)) {
      throw new ValidationError('projectId and userId are required from microversion 1.8', {
        field: 'allocation.projectId',
        fix: 'pass the consumer’s project and user ids',
      });
    }
    if (minor < 28 && attrs.consumerGeneration !== undefined) {
      // the generic check skips null values; a null consumer_generation is still a key 1.27 rejects
      throw new ValidationError(`exists only at placement microversion 1.28+; this call uses ${v}`, {
        field: 'allocation.consumerGeneration',
        fix: 'pin placement_api_version to 1.28 or later, or leave consumerGeneration out',
      });
    }
    if (minor >= 28 && attrs.consumerGeneration === undefined) {
      throw new ValidationError('is required from microversion 1.28', {
        field: 'allocation.consumerGeneration',
        fix: 'pass null for a new consumer, else the consumer_generation last read (getAllocations)',
      });
    }
    return createResource(
      this.client,
      Allocation,
      { ...attrs, consumerUuid: consumer } as CreateAttributes<(typeof Allocation)['fields']>,
      opts,
    );
  }

  /**
   * Remove all allocations of a consumer.
   *
   * @example
   * ```ts
   * // a consumer (e.g. a deleted server) whose allocations were left behind
   * await conn.placement.deleteAllocations('6f1f3b0e-2d7a-4f6e-9c1a-0d2b3c4e5f60', { ignoreMissing: true });
   * ```
   */
  async deleteAllocations(consumer: string, opts: DeleteOptions = {}): Promise<void> {
    await deleteResource(this.client, Allocation, consumer, { ...opts, parent: { consumerUuid: consumer } });
  }

  /**
   * Write the allocations of several consumers at once, atomically (`POST /allocations`, 1.13):
   * by consumer uuid, the same body as {@link setAllocations} takes (API names).
   *
   * @example
   * ```ts
   * // move a consumer's resources to another provider and drop another consumer's, in one atomic write
   * await conn.placement.manageAllocations({
   *   '6f1f3b0e-2d7a-4f6e-9c1a-0d2b3c4e5f60': {
   *     allocations: { 'c0b1a2d3-0000-4000-8000-000000000002': { resources: { VCPU: 2, MEMORY_MB: 4096 } } },
   *     project_id: 'PROJECT_ID',
   *     user_id: 'USER_ID',
   *   },
   *   'b7e8f9a0-1111-4000-8000-000000000003': { allocations: {}, project_id: 'PROJECT_ID', user_id: 'USER_ID' },
   * });
   * ```
   */
  async manageAllocations(
    byConsumer: Record<
      string,
      {
        allocations: Record<string, { resources: Record<string, number>; generation?: number }>;
        project_id: string;
        user_id: string;
        consumer_generation?: number | null;
        consumer_type?: string;
      }
    >,
    opts: RequestOptions = {},
  ): Promise<void> {
    await requireMicroversion(this.client, '1.13', 'manageAllocations', opts);
    const res = await this.client.request('POST', '/allocations', {
      json: byConsumer,
      signal: opts.signal,
      timeoutMs: opts.timeoutMs,
      microversion: opts.microversion,
      headers: opts.headers,
    });
    await res.body.dump();
  }

  // --------------------------------------------------- allocation candidates

  /**
   * Sets of providers that could satisfy a request (1.10), e.g.
   * `{ resources: 'VCPU:1,MEMORY_MB:64', required: 'CUSTOM_FAST', limit: 5 }`. Parameters newer
   * than the connection's microversion are refused before sending; suffixed (granular) groups
   * go through `$raw`, e.g. `{ $raw: { resources1: 'VCPU:1', required1: 'CUSTOM_X' } }` (1.25).
   *
   * @example
   * ```ts
   * const candidates = await conn.placement.getAllocationCandidates({ resources: 'VCPU:2,MEMORY_MB:4096', limit: 5 });
   * console.log(candidates);
   * ```
   */
  async getAllocationCandidates(
    query: ListQuery<(typeof AllocationCandidates)['query']>,
    opts: RequestOptions = {},
  ): Promise<AllocationCandidatesResource> {
    await requireMicroversion(this.client, '1.10', 'getAllocationCandidates', opts);
    await checkQueryVersions(
      this.client,
      'allocation candidates',
      query,
      ALLOCATION_CANDIDATES_QUERY_VERSIONS,
      opts,
    );
    if (query.limit !== undefined)
      await requireMicroversion(this.client, '1.16', 'allocation candidates.limit', opts);
    if (query.marker !== undefined) {
      throw new ValidationError('allocation candidates are not paginated', {
        field: 'allocation candidates.marker',
        fix: 'use limit only',
      });
    }
    return requestDocument(this.client, AllocationCandidates, 'GET', '/allocation_candidates', {
      ...opts,
      query: listQueryToApi(AllocationCandidates, query as Record<string, unknown>),
    });
  }

  // -------------------------------------------------------- resource classes

  /** Create a custom resource class (`CUSTOM_*`, 1.2); 409 when it exists. */
  async createResourceClass(name: string, opts: VerbOptions = {}): Promise<ResourceClassResource> {
    requireCustom('resource class', name);
    await requireMicroversion(this.client, '1.2', 'createResourceClass', opts);
    const rc = await createResource(this.client, ResourceClass, { name }, opts);
    return rc;
  }

  /**
   * Make sure a custom resource class exists (PUT, 1.7); resolves true when it was created.
   *
   * @example
   * ```ts
   * const created = await conn.placement.ensureResourceClass('CUSTOM_FPGA');
   * console.log(created ? 'created' : 'already there');
   * ```
   */
  async ensureResourceClass(name: string, opts: RequestOptions = {}): Promise<boolean> {
    requireCustom('resource class', name);
    await requireMicroversion(this.client, '1.7', 'ensureResourceClass', opts);
    const res = await this.client.request('PUT', `/resource_classes/${encodeURIComponent(name)}`, {
      signal: opts.signal,
      timeoutMs: opts.timeoutMs,
      microversion: opts.microversion,
      headers: opts.headers,
    });
    await res.body.dump();
    return res.status === 201;
  }
}
