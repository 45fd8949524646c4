/** The inventory methods of `conn.placement`: all records of a provider, or one class's. */
import {
  type CreateAttributes,
  createResource,
  type DeleteOptions,
  deleteResource,
  fetchResource,
  idSegment,
  type RequestOptions,
  requireId,
  toRequest,
  type UpdateAttributes,
  updateResource,
} from '../../resource/index.js';
import { requireMicroversion } from '../service-documents.js';
import { ServiceProxy } from '../service-proxy.js';
import { type IdArg, providerDocument, requireGeneration } from './internal.js';
import { Inventory, type InventoryRecord } from './inventory.js';
import { ProviderInventories } from './provider-inventories.js';
import type { InventoryResource, ProviderInventoriesResource } from './resource-types.js';

/** The parent of a provider's inventory records. */
function inventoriesOf(provider: IdArg): { resourceProviderUuid: string } {
  return { resourceProviderUuid: requireId('resource provider', provider) };
}

/** Inventories of resource providers (a section of `conn.placement`, never constructed). */
export abstract class InventorySection extends ServiceProxy {
  /** All inventory records of a provider, with the provider generation. */
  async getInventories(provider: IdArg, opts: RequestOptions = {}): Promise<ProviderInventoriesResource> {
    return providerDocument(this.client, ProviderInventories, 'GET', provider, 'inventories', opts);
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
    await this.client.resolve(opts.signal, opts.timeoutMs);
    const { body } = toRequest(ProviderInventories, attrs, 'update', this.client);
    return providerDocument(this.client, ProviderInventories, 'PUT', provider, 'inventories', opts, body);
  }

  /** Delete all inventory records of a provider (1.5; not generation-safe: prefer setInventories with `{}`). */
  async deleteInventories(provider: IdArg, opts: RequestOptions = {}): Promise<void> {
    await requireMicroversion(this.client, '1.5', 'deleteInventories', opts);
    const path = `/resource_providers/${idSegment('resource provider', provider)}/inventories`;
    await (await this.client.request('DELETE', path, {}, opts)).body.dump();
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
    const parent = inventoriesOf(provider);
    const inv = await fetchResource(this.client, Inventory, resourceClass, { ...opts, parent });
    inv._uri.resource_class = resourceClass;
    return inv;
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
    const input = { ...attrs, $extra: { ...attrs.$extra, resource_class: resourceClass } };
    const parent = inventoriesOf(provider);
    const inv = await createResource(this.client, Inventory, input, { ...opts, parent });
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
    const parent = { ...inventoriesOf(provider), resourceClass };
    return updateResource(this.client, Inventory, resourceClass, attrs, { ...opts, parent });
  }

  /** Remove one inventory record (409 while allocations use it). */
  async deleteInventory(provider: IdArg, resourceClass: string, opts: DeleteOptions = {}): Promise<void> {
    await deleteResource(this.client, Inventory, resourceClass, { ...opts, parent: inventoriesOf(provider) });
  }
}
