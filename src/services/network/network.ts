import { defineResource, f } from '../../resource/index.js';
import { ownerFields, standardFields, standardQuery } from './common.js';

/** One segment of a multi-provider network (`segments` attribute). */
export interface NetworkSegmentSpec {
  /** `vlan`, `vxlan`, `flat`, `geneve`, ... */
  'provider:network_type'?: string;
  /** The physical network (flat and VLAN). */
  'provider:physical_network'?: string | null;
  /** The VLAN id or tunnel id. */
  'provider:segmentation_id'?: number | null;
}

/**
 * Network (`/networks`), with the provider, external-net, multi-provider, MTU and port-security extensions.
 *
 * @example
 * ```ts
 * const net = await conn.network.createNetwork({ name: 'app-net', mtu: 1450 });
 * const same = await conn.network.findNetwork('app-net');
 * await conn.network.updateNetwork(same, { description: 'application tier' });
 * for await (const n of conn.network.listNetworks({ isRouterExternal: true })) console.log(n.name);
 * await conn.network.deleteNetwork(net, { ignoreMissing: true });
 * ```
 */
export const Network = defineResource({
  name: 'network',
  basePath: '/networks',
  fields: {
    id: f.string({ readOnly: true }).always(),
    name: f.string().always(),
    ...standardFields,
    ...ownerFields,
    status: f.string({ readOnly: true }).always(),
    adminStateUp: f.boolean({ api: 'admin_state_up' }).always(),
    /** Shared with every project (admin). */
    shared: f.boolean().always(),
    /** Subnet ids. */
    subnets: f.array<string>().readOnly().always(),
    mtu: f.integer(),
    portSecurityEnabled: f.boolean({ api: 'port_security_enabled' }),
    /** External network, usable for router gateways and floating IPs (admin). */
    isRouterExternal: f.boolean({ api: 'router:external' }),
    /** The default external network for auto-allocated topologies. */
    isDefault: f.boolean({ api: 'is_default' }).returnsNull(),
    providerNetworkType: f.string({ api: 'provider:network_type' }),
    providerPhysicalNetwork: f.string({ api: 'provider:physical_network', nullable: true }).returnsNull(),
    providerSegmentationId: f.integer({ api: 'provider:segmentation_id', nullable: true }).returnsNull(),
    /** Multi-provider segments (instead of the provider:* fields). */
    segments: f.array<NetworkSegmentSpec>(),
    qosPolicyId: f.string({ api: 'qos_policy_id', nullable: true }).returnsNull(),
    dnsDomain: f.string({ api: 'dns_domain' }).returnsNull(),
    availabilityZoneHints: f.array<string>({ api: 'availability_zone_hints' }).createOnly(),
    availabilityZones: f.array<string>({ api: 'availability_zones' }).readOnly(),
    ipv4AddressScope: f.string({ api: 'ipv4_address_scope', readOnly: true }).returnsNull(),
    ipv6AddressScope: f.string({ api: 'ipv6_address_scope', readOnly: true }).returnsNull(),
    l2Adjacency: f.boolean({ api: 'l2_adjacency', readOnly: true }),
    vlanTransparent: f.boolean({ api: 'vlan_transparent', createOnly: true }),
    /** VLAN QinQ (802.1ad) network. */
    qinq: f.boolean({ createOnly: true }),
  },
  query: {
    ...standardQuery,
    status: 'status',
    adminStateUp: 'admin_state_up',
    shared: 'shared',
    mtu: 'mtu',
    isRouterExternal: 'router:external',
    isDefault: 'is_default',
    providerNetworkType: 'provider:network_type',
    providerPhysicalNetwork: 'provider:physical_network',
    providerSegmentationId: 'provider:segmentation_id',
  },
});
