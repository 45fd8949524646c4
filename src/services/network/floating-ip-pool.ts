import { defineResource, f } from '../../resource/index.js';

/**
 * Floating IP pool (`/floatingip_pools`, read-only): external subnets floating IPs can come from.
 *
 * @example
 * ```ts
 * // which external subnets can this project take floating IPs from?
 * for await (const pool of conn.network.listFloatingIpPools()) console.log(pool.networkId, pool.subnetName, pool.cidr);
 * ```
 */
export const FloatingIpPool = defineResource({
  name: 'floating IP pool',
  resourceKey: 'floatingip_pool',
  resourcesKey: 'floatingip_pools',
  basePath: '/floatingip_pools',
  idField: 'subnetId',
  allow: { create: false, fetch: false, commit: false, delete: false, list: true },
  pagination: 'none',
  fields: {
    subnetId: f.string({ api: 'subnet_id', readOnly: true }).always(),
    subnetName: f.string({ api: 'subnet_name', readOnly: true }).always(),
    networkId: f.string({ api: 'network_id', readOnly: true }).always(),
    cidr: f.string({ readOnly: true }).always(),
    projectId: f.string({ api: 'project_id', readOnly: true }).always(),
    tenantId: f.string({ api: 'tenant_id', readOnly: true }),
  },
});
