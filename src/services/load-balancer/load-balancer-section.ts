/** The load balancer and listener methods of `conn.loadBalancer` that are not generated verbs. */
import {
  type DeleteOptions,
  deletePath,
  idSegment,
  type RequestOptions,
  type ResourceBase,
} from '../../resource/index.js';
import { ServiceProxy } from '../service-proxy.js';
import type { LoadBalancerStats, StatusNode } from './load-balancer.js';

/** Options of {@link LoadBalancerSection.deleteLoadBalancer}. */
export interface DeleteLoadBalancerOptions extends DeleteOptions {
  /** Delete everything on it too (listeners, pools, members, monitors, L7 policies). */
  cascade?: boolean;
}

/** Load balancer and listener actions (a section of `conn.loadBalancer`, never constructed). */
export abstract class LoadBalancerSection extends ServiceProxy {
  /**
   * Delete a load balancer. Octavia refuses (409) one that still has listeners or pools unless
   * `cascade` is set; the deletion is asynchronous (`PENDING_DELETE`), see
   * `waitForLoadBalancerDelete`.
   *
   * @example
   * ```ts
   * const lb = await conn.loadBalancer.findLoadBalancer('web');
   * await conn.loadBalancer.deleteLoadBalancer(lb, { cascade: true, ignoreMissing: true });
   * await conn.loadBalancer.waitForLoadBalancerDelete(lb);
   * ```
   */
  async deleteLoadBalancer(
    lb: string | ResourceBase<any>,
    opts: DeleteLoadBalancerOptions = {},
  ): Promise<void> {
    const { cascade, ...rest } = opts;
    const path = `/lbaas/loadbalancers/${idSegment('load balancer', lb)}`;
    await deletePath(this.client, path, rest, cascade ? { cascade: 'true' } : undefined);
  }

  /**
   * Fail a load balancer over to new amphorae (admin). Answers at once; the load balancer is
   * `PENDING_UPDATE` until the provider is done.
   */
  async failoverLoadBalancer(lb: string | ResourceBase<any>, opts: RequestOptions = {}): Promise<void> {
    const path = `/lbaas/loadbalancers/${idSegment('load balancer', lb)}/failover`;
    await (await this.client.request('PUT', path, { idempotent: true }, opts)).body.dump();
  }

  /** A load balancer's traffic counters (summed over its listeners). */
  async getLoadBalancerStats(
    lb: string | ResourceBase<any>,
    opts: RequestOptions = {},
  ): Promise<LoadBalancerStats> {
    const path = `/lbaas/loadbalancers/${idSegment('load balancer', lb)}/stats`;
    const doc = await this.client.decode('GET', path, {}, opts);
    return doc.key('stats', 'object') as unknown as LoadBalancerStats;
  }

  /** A load balancer's status tree: its and every child's provisioning and operating status. */
  async getLoadBalancerStatuses(
    lb: string | ResourceBase<any>,
    opts: RequestOptions = {},
  ): Promise<StatusNode> {
    const path = `/lbaas/loadbalancers/${idSegment('load balancer', lb)}/status`;
    const doc = await this.client.decode('GET', path, {}, opts);
    const statuses = doc.key('statuses', 'object') as { loadbalancer?: StatusNode };
    return statuses.loadbalancer as StatusNode;
  }

  /** A listener's traffic counters. */
  async getListenerStats(
    listener: string | ResourceBase<any>,
    opts: RequestOptions = {},
  ): Promise<LoadBalancerStats> {
    const path = `/lbaas/listeners/${idSegment('listener', listener)}/stats`;
    const doc = await this.client.decode('GET', path, {}, opts);
    return doc.key('stats', 'object') as unknown as LoadBalancerStats;
  }
}
