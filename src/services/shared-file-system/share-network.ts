import { defineResource, f } from '../../resource/index.js';

/** A subnet of a share network, as a share network lists them. */
export interface ShareNetworkSubnetSummary {
  /** The subnet's id. */
  id: string;
  /** The availability zone the subnet serves; null for the network's default subnet. */
  availability_zone: string | null;
  /** The id of the neutron network share servers are plugged into; null when none was given. */
  neutron_net_id: string | null;
  /** The id of the neutron subnet share servers get their addresses from; null when none was given. */
  neutron_subnet_id: string | null;
  [key: string]: unknown;
}

/**
 * A share network (`/share-networks`): the neutron network(s) a back end that handles share
 * servers plugs them into. From 2.51 its network data lives in subnets, one per availability
 * zone (plus a default one).
 *
 * @example
 * ```ts
 * const net = await conn.sharedFileSystem.createShareNetwork({ name: 'tenant-net' });
 * await conn.sharedFileSystem.updateShareNetwork(net, { description: 'for the NFS shares' });
 * await conn.sharedFileSystem.deleteShareNetwork(net);
 * ```
 */
export const ShareNetwork = defineResource({
  name: 'share network',
  basePath: '/share-networks',
  listPath: '/share-networks/detail',
  fields: {
    id: f.string({ readOnly: true }).always(),
    name: f.string({ nullable: true }).always().returnsNull(),
    description: f.string({ nullable: true }).always().returnsNull(),
    /** The network of the default subnet (until 2.50 the network's own). */
    neutronNetId: f.string({ api: 'neutron_net_id', createOnly: true }).returnsNull(),
    neutronSubnetId: f.string({ api: 'neutron_subnet_id', createOnly: true }).returnsNull(),
    /** The default subnet's zone on create. From microversion 2.51. */
    availabilityZone: f.string({ api: 'availability_zone', minVersion: '2.51' }).createOnly(),
    projectId: f.string({ api: 'project_id', readOnly: true }).always(),
    createdAt: f.date({ api: 'created_at', readOnly: true }).always(),
    updatedAt: f.date({ api: 'updated_at', readOnly: true }).always().returnsNull(),
    /** From microversion 2.51. */
    shareNetworkSubnets: f
      .array<ShareNetworkSubnetSummary>({ api: 'share_network_subnets', minVersion: '2.51' })
      .readOnly(),
    /** `active`, `error` or `network_change`. From microversion 2.63. */
    status: f.string({ readOnly: true, minVersion: '2.63' }),
    /** From microversion 2.63. */
    securityServiceUpdateSupport: f.boolean({
      api: 'security_service_update_support',
      readOnly: true,
      minVersion: '2.63',
    }),
  },
  query: {
    name: 'name',
    projectId: 'project_id',
    allTenants: 'all_tenants',
    limit: 'limit',
    offset: 'offset',
  },
  pagination: 'none',
});

/**
 * A subnet of a share network (`/share-networks/{id}/subnets`, microversion 2.51 or later).
 * Subnets cannot be changed: delete and create again.
 */
export const ShareNetworkSubnet = defineResource({
  name: 'share network subnet',
  basePath: '/share-networks/{share_network_id}/subnets',
  resourceKey: 'share_network_subnet',
  resourcesKey: 'share_network_subnets',
  fields: {
    shareNetworkId: f.string({ api: 'share_network_id', location: 'uri' }),
    id: f.string({ readOnly: true }).always(),
    /** Null for the network's default subnet. */
    availabilityZone: f.string({ api: 'availability_zone', createOnly: true }).always().returnsNull(),
    neutronNetId: f.string({ api: 'neutron_net_id', createOnly: true }).always().returnsNull(),
    neutronSubnetId: f.string({ api: 'neutron_subnet_id', createOnly: true }).always().returnsNull(),
    shareNetworkName: f.string({ api: 'share_network_name', readOnly: true }).returnsNull(),
    segmentationId: f.integer({ api: 'segmentation_id', readOnly: true }).returnsNull(),
    cidr: f.string({ readOnly: true }).returnsNull(),
    ipVersion: f.integer({ api: 'ip_version', readOnly: true }).returnsNull(),
    networkType: f.string({ api: 'network_type', readOnly: true }).returnsNull(),
    mtu: f.integer({ readOnly: true }).returnsNull(),
    gateway: f.string({ readOnly: true }).returnsNull(),
    createdAt: f.date({ api: 'created_at', readOnly: true }).always(),
    updatedAt: f.date({ api: 'updated_at', readOnly: true }).returnsNull(),
  },
  pagination: 'none',
  allow: { commit: false },
});
