import { defineResource, f } from '../../resource/index.js';
import { ownerFields, standardFields, standardQuery } from './common.js';

/** The router's gateway on an external network. Send `{}` or null in an update to clear it. */
export interface ExternalGatewayInfo {
  /** The external network to route to. */
  network_id?: string;
  /** Source-NAT traffic from the router's subnets (default true; admin may change). */
  enable_snat?: boolean;
  /** Addresses to take on the external network. */
  external_fixed_ips?: { ip_address?: string; subnet_id?: string }[];
  /** A QoS policy for the gateway port; `null` removes it. */
  qos_policy_id?: string | null;
}

/** One gateway of a router with several (external-gateway-multihoming extension). */
export interface ExternalGateway {
  /** The external network. */
  network_id: string;
  /** Source-NAT traffic through this gateway. */
  enable_snat?: boolean;
  /** Its addresses on the external network. */
  external_fixed_ips?: { ip_address?: string; subnet_id?: string }[];
}

/** A static ("extra") route. */
export interface RouterRoute {
  /** The destination CIDR. */
  destination: string;
  /** The next hop IP (on one of the router's subnets). */
  nexthop: string;
}

/**
 * Router (`/routers`): external gateway, extra routes, HA/DVR flags; interfaces are proxy methods.
 *
 * @example
 * ```ts
 * const ext = await conn.network.findNetwork('public');
 * const router = await conn.network.createRouter({ name: 'app-router', externalGatewayInfo: { network_id: ext.id } });
 * const subnet = await conn.network.findSubnet('app-subnet');
 * await conn.network.addRouterInterface(router, { subnetId: subnet.id });
 * // ...and in reverse order to clean up
 * await conn.network.removeRouterInterface(router, { subnetId: subnet.id });
 * await conn.network.deleteRouter(router);
 * ```
 */
export const Router = defineResource({
  name: 'router',
  basePath: '/routers',
  fields: {
    id: f.string({ readOnly: true }).always(),
    name: f.string().always(),
    ...standardFields,
    ...ownerFields,
    status: f.string({ readOnly: true }).always(),
    adminStateUp: f.boolean({ api: 'admin_state_up' }).always(),
    externalGatewayInfo: f
      .object<ExternalGatewayInfo>({ api: 'external_gateway_info', nullable: true })
      .returnsNull(),
    /** Gateways managed with add/update/removeRouterExternalGateways (multihoming). */
    externalGateways: f.array<ExternalGateway>({ api: 'external_gateways' }).readOnly(),
    routes: f.array<RouterRoute>(),
    /** Distributed router (admin). */
    distributed: f.boolean().returnsNull(),
    /** Highly-available router (admin). */
    ha: f.boolean().returnsNull(),
    availabilityZoneHints: f.array<string>({ api: 'availability_zone_hints' }).createOnly(),
    availabilityZones: f.array<string>({ api: 'availability_zones' }).readOnly(),
    flavorId: f.string({ api: 'flavor_id', createOnly: true }).returnsNull(),
    serviceTypeId: f.string({ api: 'service_type_id', readOnly: true }).returnsNull(),
    conntrackHelpers: f.array<Record<string, unknown>>({ api: 'conntrack_helpers' }).readOnly(),
    enableDefaultRouteEcmp: f.boolean({ api: 'enable_default_route_ecmp' }),
    enableDefaultRouteBfd: f.boolean({ api: 'enable_default_route_bfd' }),
    interfacesInfo: f
      .array<{ port_id: string; ip_address: string; subnet_id: string }>({ api: 'interfaces_info' })
      .readOnly(),
  },
  query: {
    ...standardQuery,
    adminStateUp: 'admin_state_up',
  },
});
