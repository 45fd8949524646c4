/** The quota, provider and amphora methods of `conn.loadBalancer` that are not generated verbs. */
import { idSegment, type RequestOptions, type ResourceBase } from '../../resource/index.js';
import { ServiceProxy } from '../service-proxy.js';
import type { LoadBalancerStats } from './load-balancer.js';
import type { ProviderCapability } from './provider.js';

/** The limits every project gets unless an admin set its own (`GET /lbaas/quotas/defaults`). */
export interface QuotaDefaults {
  /** Load balancers (-1: unlimited). */
  load_balancer: number;
  /** Listeners. */
  listener: number;
  /** Pools. */
  pool: number;
  /** Members. */
  member: number;
  /** Health monitors. */
  health_monitor: number;
  /** L7 policies. */
  l7policy: number;
  /** L7 rules. */
  l7rule: number;
}

/** Statistics of one listener on one amphora (`GET /octavia/amphorae/{id}/stats`). */
export interface AmphoraStats extends LoadBalancerStats {
  /** The listener. */
  id: string;
  /** Its load balancer. */
  loadbalancer_id: string;
}

/** Quotas' defaults, providers' capabilities and amphora actions (a section of `conn.loadBalancer`). */
export abstract class AdminSection extends ServiceProxy {
  /** The default quota of every project. */
  async getQuotaDefaults(opts: RequestOptions = {}): Promise<QuotaDefaults> {
    const doc = await this.client.decode('GET', '/lbaas/quotas/defaults', {}, opts);
    return doc.key('quota', 'object') as unknown as QuotaDefaults;
  }

  /**
   * The keys a provider accepts in a flavor profile's `flavorData` (admin).
   *
   * @example
   * ```ts
   * for (const c of await conn.loadBalancer.listProviderFlavorCapabilities('amphora')) console.log(c.name);
   * ```
   */
  async listProviderFlavorCapabilities(
    provider: string,
    opts: RequestOptions = {},
  ): Promise<ProviderCapability[]> {
    const path = `/lbaas/providers/${idSegment('provider', provider)}/flavor_capabilities`;
    const doc = await this.client.decode('GET', path, {}, opts);
    return doc.key('flavor_capabilities', 'array') as ProviderCapability[];
  }

  /** The keys a provider accepts in an availability zone profile's `availabilityZoneData` (admin). */
  async listProviderAvailabilityZoneCapabilities(
    provider: string,
    opts: RequestOptions = {},
  ): Promise<ProviderCapability[]> {
    const path = `/lbaas/providers/${idSegment('provider', provider)}/availability_zone_capabilities`;
    const doc = await this.client.decode('GET', path, {}, opts);
    return doc.key('availability_zone_capabilities', 'array') as ProviderCapability[];
  }

  /** Replace an amphora with a new one (admin); its load balancer is `PENDING_UPDATE` meanwhile. */
  async failoverAmphora(amphora: string | ResourceBase<any>, opts: RequestOptions = {}): Promise<void> {
    const path = `/octavia/amphorae/${idSegment('amphora', amphora)}/failover`;
    await (await this.client.request('PUT', path, { idempotent: true }, opts)).body.dump();
  }

  /** Push the controller's current configuration to an amphora's agent (admin). */
  async configureAmphora(amphora: string | ResourceBase<any>, opts: RequestOptions = {}): Promise<void> {
    const path = `/octavia/amphorae/${idSegment('amphora', amphora)}/config`;
    await (await this.client.request('PUT', path, { idempotent: true }, opts)).body.dump();
  }

  /** Per-listener traffic counters of one amphora (admin). */
  async getAmphoraStats(
    amphora: string | ResourceBase<any>,
    opts: RequestOptions = {},
  ): Promise<AmphoraStats[]> {
    const path = `/octavia/amphorae/${idSegment('amphora', amphora)}/stats`;
    const doc = await this.client.decode('GET', path, {}, opts);
    return doc.key('amphora_stats', 'array') as AmphoraStats[];
  }
}
