/** The usage and allocation methods of `conn.placement`: what providers, projects and consumers use. */
import { ValidationError } from '../../errors/errors.js';
import {
  type CreateAttributes,
  createResource,
  type DeleteOptions,
  deleteResource,
  fetchResource,
  type RequestOptions,
} from '../../resource/index.js';
import { requestDocument, requireMicroversion } from '../service-documents.js';
import { ServiceProxy } from '../service-proxy.js';
import { Allocation } from './allocation.js';
import { callMicroversion, type IdArg, providerDocument } from './internal.js';
import { ProviderAllocations } from './provider-allocations.js';
import { ProviderUsages } from './provider-usages.js';
import type {
  AllocationResource,
  ProviderAllocationsResource,
  ProviderUsagesResource,
  UsagesResource,
} from './resource-types.js';
import { Usages } from './usages.js';

/** Usages and allocations (a section of `conn.placement`, never constructed). */
export abstract class AllocationSection extends ServiceProxy {
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
    return providerDocument(this.client, ProviderUsages, 'GET', provider, 'usages', opts);
  }

  /** The allocations against a provider, by consumer (1.11). */
  async getProviderAllocations(
    provider: IdArg,
    opts: RequestOptions = {},
  ): Promise<ProviderAllocationsResource> {
    await requireMicroversion(this.client, '1.11', 'getProviderAllocations', opts);
    return providerDocument(this.client, ProviderAllocations, 'GET', provider, 'allocations', opts);
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
    const apiQuery = {
      project_id: query.projectId,
      user_id: query.userId,
      consumer_type: query.consumerType,
    };
    return requestDocument(this.client, Usages, 'GET', '/usages', { query: apiQuery }, opts);
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
    await this.client.resolve(opts.signal, opts.timeoutMs);
    const { version, minor } = callMicroversion(this.client, opts, '1.0');
    if (minor >= 8 && (!attrs.projectId || !attrs.userId)) {
      throw new ValidationError('projectId and userId are required from microversion 1.8', {
        field: 'allocation.projectId',
        fix: 'pass the consumer’s project and user ids',
      });
    }
    if (minor < 28 && attrs.consumerGeneration !== undefined) {
      // the generic check skips null values; a null consumer_generation is still a key 1.27 rejects
      throw new ValidationError(`exists only at placement microversion 1.28+; this call uses ${version}`, {
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
    const input = { ...attrs, consumerUuid: consumer } as CreateAttributes<(typeof Allocation)['fields']>;
    return createResource(this.client, Allocation, input, opts);
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
    await (await this.client.request('POST', '/allocations', { json: byConsumer }, opts)).body.dump();
  }
}
