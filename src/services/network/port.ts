import { defineResource, f } from '../../resource/index.js';
import { ownerFields, standardFields, standardQuery } from './common.js';

/** A fixed IP: give `subnet_id` and/or `ip_address` when creating. */
export interface FixedIp {
  /** The subnet the address is on. */
  subnet_id?: string;
  /** The address; neutron picks one from the subnet when only `subnet_id` is given. */
  ip_address?: string;
}

/** An extra IP (or CIDR) and MAC the port may send from (anti-spoofing exception). */
export interface AllowedAddressPair {
  /** An extra address (or CIDR) the port may send from, e.g. a VRRP virtual IP. */
  ip_address: string;
  /** The MAC to allow with it (default: the port's). */
  mac_address?: string;
}

/** One extra DHCP option neutron serves to the port. */
export interface ExtraDhcpOpt {
  /** The option's name or number, e.g. `bootfile-name`. */
  opt_name: string;
  /** Its value; `null` removes the option on update. */
  opt_value: string | null;
  /** Serve it over DHCPv4 or DHCPv6 (default 4). */
  ip_version?: 4 | 6;
}

/** A DNS name neutron assigned to one of the port's addresses. */
export interface DnsAssignment {
  /** The host part. */
  hostname: string;
  /** The address it resolves to. */
  ip_address: string;
  /** The fully qualified name. */
  fqdn: string;
}

/**
 * Port (`/ports`): fixed IPs, allowed address pairs, port binding (`binding:*`), security groups, QoS.
 *
 * @example
 * ```ts
 * const net = await conn.network.findNetwork('app-net');
 * const port = await conn.network.createPort({ networkId: net.id, name: 'vip' });
 * console.log(port.fixedIps, port.macAddress);
 * const mine = await conn.network.listPorts({ deviceId: 'SERVER_ID' }).toArray();
 * console.log(mine.length);
 * await conn.network.deletePort(port);
 * ```
 */
export const Port = defineResource({
  name: 'port',
  basePath: '/ports',
  fields: {
    id: f.string({ readOnly: true }).always(),
    name: f.string().always(),
    ...standardFields,
    ...ownerFields,
    networkId: f.string({ api: 'network_id', createOnly: true, required: true }).always(),
    status: f.string({ readOnly: true }).always(),
    adminStateUp: f.boolean({ api: 'admin_state_up' }).always(),
    macAddress: f.string({ api: 'mac_address' }).always(),
    fixedIps: f.array<FixedIp>({ api: 'fixed_ips' }).always(),
    allowedAddressPairs: f.array<AllowedAddressPair>({ api: 'allowed_address_pairs' }),
    /** What uses the port, e.g. `compute:nova`, `network:router_interface`. */
    deviceOwner: f.string({ api: 'device_owner' }).always(),
    deviceId: f.string({ api: 'device_id' }).always(),
    /** Security group ids. */
    securityGroups: f.array<string>({ api: 'security_groups' }),
    portSecurityEnabled: f.boolean({ api: 'port_security_enabled' }),
    /** Host the port is bound to (admin). */
    bindingHostId: f.string({ api: 'binding:host_id' }).returnsNull(),
    /** Vendor binding information (admin); null clears it. */
    bindingProfile: f.object<Record<string, unknown>>({ api: 'binding:profile', nullable: true }),
    /** normal, direct, macvtap, baremetal, direct-physical, virtio-forwarder, smart-nic, vdpa, ... */
    bindingVnicType: f.string({ api: 'binding:vnic_type' }),
    bindingVifType: f.string({ api: 'binding:vif_type', readOnly: true }),
    bindingVifDetails: f.object<Record<string, unknown>>({ api: 'binding:vif_details' }).readOnly(),
    extraDhcpOpts: f.array<ExtraDhcpOpt>({ api: 'extra_dhcp_opts' }),
    dnsName: f.string({ api: 'dns_name' }),
    dnsDomain: f.string({ api: 'dns_domain' }),
    dnsAssignment: f.array<DnsAssignment>({ api: 'dns_assignment' }).readOnly(),
    qosPolicyId: f.string({ api: 'qos_policy_id', nullable: true }).returnsNull(),
    qosNetworkPolicyId: f.string({ api: 'qos_network_policy_id', readOnly: true }).returnsNull(),
    /** Placement resources the port needs (QoS minimum bandwidth / packet rate). */
    resourceRequest: f.object<Record<string, unknown>>({ api: 'resource_request' }).readOnly().returnsNull(),
    /** `immediate`, `deferred` or `none`. */
    ipAllocation: f.string({ api: 'ip_allocation', readOnly: true }),
    dataPlaneStatus: f.string({ api: 'data_plane_status', nullable: true }).returnsNull(),
    propagateUplinkStatus: f.boolean({ api: 'propagate_uplink_status' }).returnsNull(),
    numaAffinityPolicy: f.string({ api: 'numa_affinity_policy', nullable: true }).returnsNull(),
    macLearningEnabled: f.boolean({ api: 'mac_learning_enabled' }).returnsNull(),
    deviceProfile: f.string({ api: 'device_profile', createOnly: true, nullable: true }).returnsNull(),
    hints: f.object<Record<string, unknown>>({ nullable: true }).returnsNull(),
    hardwareOffloadType: f.string({ api: 'hardware_offload_type', createOnly: true }).returnsNull(),
    /** Trusted VIF (SR-IOV), admin. */
    trusted: f.boolean({ nullable: true }).returnsNull(),
  },
  query: {
    ...standardQuery,
    networkId: 'network_id',
    status: 'status',
    adminStateUp: 'admin_state_up',
    macAddress: 'mac_address',
    deviceOwner: 'device_owner',
    deviceId: 'device_id',
    bindingHostId: 'binding:host_id',
    securityGroups: 'security_groups',
    /** `ip_address=10.0.0.3`, `subnet_id=...` or `ip_address_substr=10.0` (repeatable). */
    fixedIps: 'fixed_ips',
  },
});
