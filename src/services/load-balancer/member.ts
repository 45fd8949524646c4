import { defineResource, f } from '../../resource/index.js';
import { baseFields, baseQuery, statusFields } from './common.js';

/**
 * Member (`/lbaas/pools/{pool_id}/members`): one backend address and port of a pool. The verbs
 * take the pool as parent: `{ parent: { poolId } }`.
 *
 * @example
 * ```ts
 * const pool = await conn.loadBalancer.findPool('web-pool');
 * await conn.loadBalancer.createMember({ address: '10.0.0.5', protocolPort: 8080 }, { parent: { poolId: pool.id } });
 * for await (const m of conn.loadBalancer.listMembers({}, { parent: { poolId: pool.id } })) console.log(m.address);
 * ```
 */
export const Member = defineResource({
  name: 'member',
  basePath: '/lbaas/pools/{pool_id}/members',
  statusField: 'provisioningStatus',
  fields: {
    ...baseFields,
    ...statusFields,
    /** The pool (path parameter). */
    poolId: f.string({ api: 'pool_id', location: 'uri' }),
    /** The member's IP address. */
    address: f.string({ createOnly: true, required: true }).always(),
    /** The port traffic goes to. */
    protocolPort: f.integer({ api: 'protocol_port', createOnly: true, required: true }).always(),
    /** Relative share of new connections (0-256; 0 takes none). */
    weight: f.integer().always(),
    /** Receives traffic only when every non-backup member is down. */
    backup: f.boolean().always(),
    /** The subnet the address is on (octavia plugs the load balancer into it). */
    subnetId: f.string({ api: 'subnet_id', createOnly: true }).returnsNull(),
    /** Health checks go to this address instead. */
    monitorAddress: f.string({ api: 'monitor_address', nullable: true }).returnsNull(),
    /** Health checks go to this port instead. */
    monitorPort: f.integer({ api: 'monitor_port', nullable: true }).returnsNull(),
  },
  query: {
    ...baseQuery,
    address: 'address',
    protocolPort: 'protocol_port',
    subnetId: 'subnet_id',
    weight: 'weight',
    backup: 'backup',
  },
});
