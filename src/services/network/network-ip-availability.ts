import { defineResource, f } from '../../resource/index.js';
import { baseQuery } from './common.js';

/** Address counts of a subnet, in the whole subnet and in its allocation pools. */
export interface IpAvailabilityDetails {
  /** Addresses in the subnet's CIDR. */
  total_ips_in_subnet: number;
  /** Addresses in the allocation pools (what neutron hands out). */
  total_ips_in_allocation_pool: number;
  /** Addresses in use anywhere in the subnet. */
  used_ips_in_subnet: number;
  /** Addresses in use inside the allocation pools. */
  used_ips_in_allocation_pool: number;
}

/** IP usage of one subnet of a network. */
export interface SubnetIpAvailability {
  /** The subnet's id. */
  subnet_id: string;
  /** The subnet's name. */
  subnet_name: string;
  /** The subnet's CIDR. */
  cidr: string;
  /** 4 or 6. */
  ip_version: 4 | 6;
  /** Addresses the subnet has. */
  total_ips: number;
  /** Addresses in use. */
  used_ips: number;
  /** The split between the subnet and its allocation pools, when neutron reports it. */
  ip_availability_details?: IpAvailabilityDetails;
}

/**
 * IP availability of a network and its subnets (`/network-ip-availabilities`, admin, read-only).
 * IPv6 totals can exceed 2^53: JSON parsing rounds them (read them as estimates).
 *
 * @example
 * ```ts
 * // admin: how full are a network's subnets?
 * const net = await conn.network.findNetwork('private');
 * const a = await conn.network.getNetworkIpAvailability(net.id);
 * for (const s of a.subnetIpAvailability ?? []) console.log(s.cidr, `${s.used_ips}/${s.total_ips}`);
 * ```
 */
export const NetworkIpAvailability = defineResource({
  name: 'network IP availability',
  basePath: '/network-ip-availabilities',
  resourceKey: 'network_ip_availability',
  resourcesKey: 'network_ip_availabilities',
  idField: 'networkId',
  nameField: 'networkName',
  allow: { create: false, commit: false, delete: false },
  fields: {
    networkId: f.string({ api: 'network_id', readOnly: true }).always(),
    networkName: f.string({ api: 'network_name', readOnly: true }).always(),
    projectId: f.string({ api: 'project_id', readOnly: true }).always(),
    tenantId: f.string({ api: 'tenant_id', readOnly: true }),
    totalIps: f.number({ api: 'total_ips', readOnly: true }).always(),
    usedIps: f.number({ api: 'used_ips', readOnly: true }).always(),
    subnetIpAvailability: f
      .array<SubnetIpAvailability>({ api: 'subnet_ip_availability' })
      .readOnly()
      .always(),
    ipAvailabilityDetails: f.object<IpAvailabilityDetails>({ api: 'ip_availability_details' }).readOnly(),
  },
  query: {
    ...baseQuery,
    networkId: 'network_id',
    networkName: 'network_name',
    projectId: 'project_id',
    ipVersion: 'ip_version',
  },
});
