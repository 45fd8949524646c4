import { defineResource, f } from '../../resource/index.js';
import { ownerFields, standardFields, standardQuery } from './common.js';

/** A range of addresses neutron hands out on the subnet. */
export interface AllocationPool {
  /** The first address. */
  start: string;
  /** The last address. */
  end: string;
}

/** A static route DHCP announces to the subnet's hosts. */
export interface HostRoute {
  /** The destination CIDR. */
  destination: string;
  /** The gateway to it. */
  nexthop: string;
}

/** How an IPv6 subnet hands out addresses and options: SLAAC, stateful or stateless DHCPv6. */
export const IPV6_MODES = ['slaac', 'dhcpv6-stateful', 'dhcpv6-stateless'] as const;

/**
 * Subnet (`/subnets`): allocation pools, host routes, DNS nameservers, IPv6 modes, subnet pools, segments.
 *
 * @example
 * ```ts
 * const net = await conn.network.findNetwork('app-net');
 * const subnet = await conn.network.createSubnet({
 *   name: 'app-subnet',
 *   networkId: net.id,
 *   ipVersion: 4,
 *   cidr: '10.20.0.0/24',
 *   dnsNameservers: ['9.9.9.9'],
 * });
 * const all = await conn.network.listSubnets({ networkId: net.id }).toArray();
 * console.log(all.map((s) => s.cidr));
 * await conn.network.deleteSubnet(subnet);
 * ```
 */
export const Subnet = defineResource({
  name: 'subnet',
  basePath: '/subnets',
  fields: {
    id: f.string({ readOnly: true }).always(),
    name: f.string().always(),
    ...standardFields,
    ...ownerFields,
    networkId: f.string({ api: 'network_id', createOnly: true, required: true }).always(),
    /** 4 or 6, checked before sending. */
    ipVersion: f
      .any<4 | 6>({ api: 'ip_version', values: [4, 6] })
      .createOnly()
      .required()
      .always(),
    /** Omit it to allocate from `subnetpoolId` (with `prefixlen`). */
    cidr: f.string({ createOnly: true }).always(),
    /** `null` creates (or turns into) a subnet without a gateway. */
    gatewayIp: f.string({ api: 'gateway_ip', nullable: true }).always().returnsNull(),
    allocationPools: f.array<AllocationPool>({ api: 'allocation_pools' }).always(),
    hostRoutes: f.array<HostRoute>({ api: 'host_routes' }).always(),
    dnsNameservers: f.array<string>({ api: 'dns_nameservers' }).always(),
    enableDhcp: f.boolean({ api: 'enable_dhcp' }).always(),
    ipv6AddressMode: f.enum(IPV6_MODES, { api: 'ipv6_address_mode', nullable: true }).createOnly(),
    ipv6RaMode: f.enum(IPV6_MODES, { api: 'ipv6_ra_mode', nullable: true }).createOnly(),
    subnetpoolId: f.string({ api: 'subnetpool_id', createOnly: true, nullable: true }).returnsNull(),
    /** Prefix length to allocate from the subnet pool. */
    prefixlen: f.integer({ createOnly: true }),
    useDefaultSubnetpool: f.boolean({ api: 'use_default_subnetpool', createOnly: true }),
    segmentId: f.string({ api: 'segment_id', nullable: true }).returnsNull(),
    serviceTypes: f.array<string>({ api: 'service_types' }),
    dnsPublishFixedIp: f.boolean({ api: 'dns_publish_fixed_ip' }),
    isRouterExternal: f.boolean({ api: 'router:external', readOnly: true }),
  },
  query: {
    ...standardQuery,
    networkId: 'network_id',
    ipVersion: 'ip_version',
    cidr: 'cidr',
    gatewayIp: 'gateway_ip',
    enableDhcp: 'enable_dhcp',
    ipv6AddressMode: 'ipv6_address_mode',
    ipv6RaMode: 'ipv6_ra_mode',
    subnetpoolId: 'subnetpool_id',
    segmentId: 'segment_id',
  },
});
