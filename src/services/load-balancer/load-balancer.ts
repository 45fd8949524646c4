import { defineResource, f } from '../../resource/index.js';
import { baseFields, baseQuery, type IdRef, statusFields } from './common.js';

/** An extra VIP of a load balancer (octavia 2.26, IPv4 + IPv6 dual stack). */
export interface AdditionalVip {
  /** The subnet the extra VIP lives on. */
  subnet_id: string;
  /** The address on it (allocated when not given). */
  ip_address?: string;
}

/**
 * Load balancer (`/lbaas/loadbalancers`): the VIP and the provider's data plane behind it.
 * Created in `PENDING_CREATE`; every change to it or to anything under it (listener, pool,
 * member, monitor, L7 policy or rule) puts it in `PENDING_UPDATE` until the provider is done,
 * and octavia refuses another change meanwhile (409, "immutable"): wait for `ACTIVE` between
 * steps.
 *
 * @example
 * ```ts
 * const subnet = await conn.network.findSubnet('private-subnet');
 * const lb = await conn.loadBalancer.createLoadBalancer({ name: 'web', vipSubnetId: subnet.id });
 * await conn.loadBalancer.waitForLoadBalancer(lb, 'ACTIVE');
 * await conn.loadBalancer.deleteLoadBalancer(lb, { cascade: true });
 * ```
 */
export const LoadBalancer = defineResource({
  name: 'load balancer',
  basePath: '/lbaas/loadbalancers',
  resourceKey: 'loadbalancer',
  resourcesKey: 'loadbalancers',
  statusField: 'provisioningStatus',
  fields: {
    ...baseFields,
    ...statusFields,
    /** The VIP address (allocated from the VIP subnet when not given). */
    vipAddress: f.string({ api: 'vip_address', createOnly: true }).always(),
    /** The neutron port that holds the VIP (give one, or a subnet or network). */
    vipPortId: f.string({ api: 'vip_port_id', createOnly: true }).always(),
    /** The subnet to allocate the VIP on. */
    vipSubnetId: f.string({ api: 'vip_subnet_id', createOnly: true }).always(),
    /** The network to allocate the VIP on. */
    vipNetworkId: f.string({ api: 'vip_network_id', createOnly: true }).always(),
    /** A neutron QoS policy applied to the VIP port. */
    vipQosPolicyId: f.string({ api: 'vip_qos_policy_id', nullable: true }).returnsNull(),
    /** More VIPs on other subnets of the same network. */
    additionalVips: f.array<AdditionalVip>({ api: 'additional_vips' }).createOnly(),
    /** The listeners on it. */
    listeners: f.array<IdRef>().readOnly().always(),
    /** The pools on it. */
    pools: f.array<IdRef>().readOnly().always(),
    /** The provider driver (`amphora`, ...); the cloud's default when not given. */
    provider: f.string({ createOnly: true }).always(),
    /** An octavia flavor (not a compute flavor). */
    flavorId: f.string({ api: 'flavor_id', createOnly: true }).returnsNull(),
    /** An octavia availability zone name. */
    availabilityZone: f.string({ api: 'availability_zone', createOnly: true }).returnsNull(),
  },
  query: {
    ...baseQuery,
    vipAddress: 'vip_address',
    vipPortId: 'vip_port_id',
    vipSubnetId: 'vip_subnet_id',
    vipNetworkId: 'vip_network_id',
    provider: 'provider',
    flavorId: 'flavor_id',
    availabilityZone: 'availability_zone',
  },
});

/** Traffic counters of a load balancer or a listener (`GET .../stats`). */
export interface LoadBalancerStats {
  /** Bytes received. */
  bytes_in: number;
  /** Bytes sent. */
  bytes_out: number;
  /** Connections open now. */
  active_connections: number;
  /** Connections handled since creation. */
  total_connections: number;
  /** Requests that failed. */
  request_errors: number;
}

/** One node of a load balancer's status tree (`GET .../status`). */
export interface StatusNode {
  /** The object's id. */
  id: string;
  /** Its name. */
  name?: string;
  /** Its provisioning status. */
  provisioning_status: string;
  /** Its operating status. */
  operating_status: string;
  /** Listeners (under a load balancer). */
  listeners?: StatusNode[];
  /** Pools (under a listener). */
  pools?: StatusNode[];
  /** Members (under a pool). */
  members?: (StatusNode & { address?: string; protocol_port?: number })[];
  /** The health monitor (of a pool). */
  health_monitor?: StatusNode & { type?: string };
}
