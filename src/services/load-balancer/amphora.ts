import { defineResource, f } from '../../resource/index.js';

/**
 * Amphora (`/octavia/amphorae`, admin): a service VM of the amphora provider. Read only; the
 * actions (failover, configure) are methods of the proxy.
 *
 * @example
 * ```ts
 * const lb = await conn.loadBalancer.findLoadBalancer('web');
 * for await (const a of conn.loadBalancer.listAmphorae({ loadbalancerId: lb.id })) console.log(a.role, a.status);
 * ```
 */
export const Amphora = defineResource({
  name: 'amphora',
  basePath: '/octavia/amphorae',
  resourceKey: 'amphora',
  resourcesKey: 'amphorae',
  fields: {
    id: f.string({ readOnly: true }).always(),
    /** The load balancer it serves (null when spare). */
    loadbalancerId: f.string({ api: 'loadbalancer_id', readOnly: true }).returnsNull(),
    /** The compute instance. */
    computeId: f.string({ api: 'compute_id', readOnly: true }).returnsNull(),
    /** `BOOTING`, `ALLOCATED`, `READY`, `PENDING_CREATE`, `PENDING_DELETE`, `DELETED` or `ERROR`. */
    status: f.string({ readOnly: true }).always(),
    /** `STANDALONE`, `MASTER` or `BACKUP`. */
    role: f.string({ readOnly: true }).returnsNull(),
    /** Its address on the management network. */
    lbNetworkIp: f.string({ api: 'lb_network_ip', readOnly: true }).returnsNull(),
    vrrpIp: f.string({ api: 'vrrp_ip', readOnly: true }).returnsNull(),
    haIp: f.string({ api: 'ha_ip', readOnly: true }).returnsNull(),
    vrrpPortId: f.string({ api: 'vrrp_port_id', readOnly: true }).returnsNull(),
    haPortId: f.string({ api: 'ha_port_id', readOnly: true }).returnsNull(),
    /** When its agent certificate expires. */
    certExpiration: f.string({ api: 'cert_expiration', readOnly: true }).returnsNull(),
    certBusy: f.boolean({ api: 'cert_busy', readOnly: true }),
    vrrpInterface: f.string({ api: 'vrrp_interface', readOnly: true }).returnsNull(),
    vrrpId: f.integer({ api: 'vrrp_id', readOnly: true }).returnsNull(),
    vrrpPriority: f.integer({ api: 'vrrp_priority', readOnly: true }).returnsNull(),
    cachedZone: f.string({ api: 'cached_zone', readOnly: true }).returnsNull(),
    imageId: f.string({ api: 'image_id', readOnly: true }).returnsNull(),
    computeFlavor: f.string({ api: 'compute_flavor', readOnly: true }).returnsNull(),
    createdAt: f.string({ api: 'created_at', readOnly: true }),
    updatedAt: f.string({ api: 'updated_at', readOnly: true }).returnsNull(),
  },
  query: {
    id: 'id',
    loadbalancerId: 'loadbalancer_id',
    computeId: 'compute_id',
    status: 'status',
    role: 'role',
    lbNetworkIp: 'lb_network_ip',
    fields: 'fields',
  },
  allow: { create: false, commit: false, delete: false },
});
