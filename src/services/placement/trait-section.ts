/** The trait methods of `conn.placement` (1.6+): the trait catalogue and each provider's traits. */
import {
  type DeleteOptions,
  deletePath,
  idSegment,
  type RequestOptions,
  toRequest,
} from '../../resource/index.js';
import { requireMicroversion } from '../service-documents.js';
import { ServiceProxy } from '../service-proxy.js';
import { type IdArg, providerDocument, requireCustom, requireGeneration } from './internal.js';
import { ProviderTraits } from './provider-traits.js';
import type { ProviderTraitsResource } from './resource-types.js';

/** `/traits/{name}`. */
function traitPath(name: string): string {
  return `/traits/${encodeURIComponent(name)}`;
}

/** Traits (a section of `conn.placement`, never constructed). */
export abstract class TraitSection extends ServiceProxy {
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
    const apiQuery = { name: query.name, associated: query.associated };
    const doc = await this.client.decode('GET', '/traits', { query: apiQuery }, opts);
    const traits = doc.key('traits', 'array') as unknown[];
    if (!traits.every((t) => typeof t === 'string'))
      throw doc.fail('wrong-type', '"traits" has a member that is not a string');
    return traits as string[];
  }

  /** Create a custom trait (`CUSTOM_*`, 1.6); resolves true when created, false when it existed. */
  async createTrait(name: string, opts: RequestOptions = {}): Promise<boolean> {
    requireCustom('trait', name);
    await requireMicroversion(this.client, '1.6', 'createTrait', opts);
    const res = await this.client.request('PUT', traitPath(name), {}, opts);
    await res.body.dump();
    return res.status === 201;
  }

  /** Whether a trait exists (1.6). */
  async traitExists(name: string, opts: RequestOptions = {}): Promise<boolean> {
    await requireMicroversion(this.client, '1.6', 'traitExists', opts);
    const res = await this.client.request('GET', traitPath(name), { okStatuses: [200, 204, 404] }, opts);
    await res.body.dump();
    return res.status !== 404;
  }

  /** Delete a custom trait (1.6; 409 while a provider has it). */
  async deleteTrait(name: string, opts: DeleteOptions = {}): Promise<void> {
    requireCustom('trait', name);
    await requireMicroversion(this.client, '1.6', 'deleteTrait', opts);
    await deletePath(this.client, traitPath(name), opts);
  }

  /** The traits of a provider, with the provider generation (1.6). */
  async getProviderTraits(provider: IdArg, opts: RequestOptions = {}): Promise<ProviderTraitsResource> {
    await requireMicroversion(this.client, '1.6', 'getProviderTraits', opts);
    return providerDocument(this.client, ProviderTraits, 'GET', provider, 'traits', opts);
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
    const { body } = toRequest(ProviderTraits, attrs, 'update', this.client);
    return providerDocument(this.client, ProviderTraits, 'PUT', provider, 'traits', opts, body);
  }

  /** Remove all traits of a provider (1.6; not generation-safe: prefer setProviderTraits with `[]`). */
  async deleteProviderTraits(provider: IdArg, opts: RequestOptions = {}): Promise<void> {
    await requireMicroversion(this.client, '1.6', 'deleteProviderTraits', opts);
    await deletePath(
      this.client,
      `/resource_providers/${idSegment('resource provider', provider)}/traits`,
      opts,
    );
  }
}
