import { defineResource, f } from '../../resource/index.js';
import { ownerFields, standardFields, standardQuery } from './common.js';

/** Summary of the associated port (fip-port-details extension). */
export interface FloatingIpPortDetails {
  /** The port's name. */
  name: string;
  /** The port's network. */
  network_id: string;
  /** The port's MAC address. */
  mac_address: string;
  /** Whether the port is administratively up. */
  admin_state_up: boolean;
  /** The port's status (`ACTIVE`, `DOWN`, ...). */
  status: string;
  /** What uses the port, e.g. a server id. */
  device_id: string;
  /** The kind of user, e.g. `compute:nova`. */
  device_owner: string;
}

/**
 * Floating IP (`/floatingips`): an external address, associated with a port by setting `portId`.
 *
 * @example
 * ```ts
 * const ext = await conn.network.findNetwork('public');
 * const fip = await conn.network.createFloatingIp({ floatingNetworkId: ext.id });
 * const [port] = await conn.network.listPorts({ deviceId: 'SERVER_ID' }).toArray();
 * if (port) await conn.network.associateFloatingIp(fip, port);
 * console.log(fip.floatingIpAddress);
 * await conn.network.disassociateFloatingIp(fip);
 * await conn.network.deleteFloatingIp(fip);
 * ```
 */
export const FloatingIp = defineResource({
  name: 'floating IP',
  resourceKey: 'floatingip',
  resourcesKey: 'floatingips',
  basePath: '/floatingips',
  nameField: 'floatingIpAddress',
  fields: {
    id: f.string({ readOnly: true }).always(),
    ...standardFields,
    ...ownerFields,
    /** The external network to allocate from. */
    floatingNetworkId: f.string({ api: 'floating_network_id', createOnly: true, required: true }).always(),
    /** A specific external address (admin, or where policy allows). */
    floatingIpAddress: f.string({ api: 'floating_ip_address', createOnly: true }).always(),
    /** The external subnet to allocate from. */
    subnetId: f.string({ api: 'subnet_id', createOnly: true }).returnsNull(),
    /** The associated port; set it to associate, set it to null to disassociate. */
    portId: f.string({ api: 'port_id', nullable: true }).always().returnsNull(),
    /** Which of the port's fixed IPs to map (when it has several). */
    fixedIpAddress: f.string({ api: 'fixed_ip_address', nullable: true }).always().returnsNull(),
    routerId: f.string({ api: 'router_id', readOnly: true }).always().returnsNull(),
    status: f.string({ readOnly: true }).always(),
    portDetails: f.object<FloatingIpPortDetails>({ api: 'port_details' }).readOnly().returnsNull(),
    portForwardings: f.array<Record<string, unknown>>({ api: 'port_forwardings' }).readOnly(),
    qosPolicyId: f.string({ api: 'qos_policy_id', nullable: true }).returnsNull(),
    qosNetworkPolicyId: f.string({ api: 'qos_network_policy_id', readOnly: true }).returnsNull(),
    dnsName: f.string({ api: 'dns_name', createOnly: true }),
    dnsDomain: f.string({ api: 'dns_domain', createOnly: true }),
  },
  query: {
    ...standardQuery,
    floatingNetworkId: 'floating_network_id',
    floatingIpAddress: 'floating_ip_address',
    fixedIpAddress: 'fixed_ip_address',
    portId: 'port_id',
    routerId: 'router_id',
    status: 'status',
  },
});
