/** The resource provider methods of `conn.placement` that are not generated verbs. */
import {
  type CreateAttributes,
  createResource,
  fetchResource,
  type ListQuery,
  listResources,
  type ResourceList,
  type UpdateAttributes,
  updateResource,
  type VerbOptions,
} from '../../resource/index.js';
import { checkedList, checkQueryVersions } from '../service-documents.js';
import { ServiceProxy } from '../service-proxy.js';
import type { IdArg } from './internal.js';
import { RESOURCE_PROVIDER_QUERY_VERSIONS, ResourceProvider } from './resource-provider.js';
import type { ProviderFields, ResourceProviderResource } from './resource-types.js';

/** Resource providers: list, create, update (a section of `conn.placement`, never constructed). */
export abstract class ProviderSection extends ServiceProxy {
  /** Lazily list resource providers; filters gated by microversion are checked first. */
  listResourceProviders(
    query: ListQuery<(typeof ResourceProvider)['query']> = {},
    opts: VerbOptions = {},
  ): ResourceList<ResourceProviderResource> {
    const what = 'resource provider list';
    return checkedList(
      () => checkQueryVersions(this.client, what, query, RESOURCE_PROVIDER_QUERY_VERSIONS, opts),
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
          : await fetchResource(this.client, ResourceProvider, provider, opts);
      input = { ...attrs, name: current.get('name') as string };
    }
    return updateResource(this.client, ResourceProvider, provider, input, opts);
  }
}
