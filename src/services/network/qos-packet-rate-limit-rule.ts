import { defineResource, f } from '../../resource/index.js';

/**
 * QoS packet rate limit rule (`/qos/policies/{policy_id}/packet_rate_limit_rules`).
 *
 * @example
 * ```ts
 * const policy = await conn.network.findQosPolicy('bronze');
 * await conn.network.createQosPacketRateLimitRule({ maxKpps: 500, maxBurstKpps: 50, direction: 'ingress' }, { parent: { qosPolicyId: policy.id } });
 * ```
 */
export const QosPacketRateLimitRule = defineResource({
  name: 'packet rate limit rule',
  basePath: '/qos/policies/{policy_id}/packet_rate_limit_rules',
  fields: {
    qosPolicyId: f.string({ api: 'policy_id', location: 'uri' }),
    id: f.string({ readOnly: true }).always(),
    /** Maximum rate in kpps (neutron also accepts a numeric string). */
    maxKpps: f.any<number>({ api: 'max_kpps' }).required().always(),
    /** Burst in kilo-packets; 0 lets the backend choose. */
    maxBurstKpps: f.any<number>({ api: 'max_burst_kpps' }).always(),
    direction: f.enum(['ingress', 'egress']).always(),
  },
  query: { id: 'id', maxKpps: 'max_kpps', maxBurstKpps: 'max_burst_kpps', direction: 'direction' },
});
