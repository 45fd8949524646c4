/** The aggregate methods of `conn.placement` (1.1+): the aggregates a provider belongs to. */
import { type RequestOptions, toRequest } from '../../resource/index.js';
import { requireMicroversion } from '../service-documents.js';
import { ServiceProxy } from '../service-proxy.js';
import { callMicroversion, type IdArg, providerDocument, requireGeneration } from './internal.js';
import { ProviderAggregates } from './provider-aggregates.js';
import type { ProviderAggregatesResource } from './resource-types.js';

/** Provider aggregates (a section of `conn.placement`, never constructed). */
export abstract class AggregateSection extends ServiceProxy {
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
    return providerDocument(this.client, ProviderAggregates, 'GET', provider, 'aggregates', opts);
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
    const withGeneration = callMicroversion(this.client, opts, '1.1').minor >= 19;
    if (withGeneration) requireGeneration('setProviderAggregates', attrs.resourceProviderGeneration);
    const json = withGeneration
      ? toRequest(ProviderAggregates, attrs, 'update', this.client).body
      : attrs.aggregates;
    return providerDocument(this.client, ProviderAggregates, 'PUT', provider, 'aggregates', opts, json);
  }
}
