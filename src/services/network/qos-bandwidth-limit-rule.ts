import { defineResource, f } from '../../resource/index.js';

/**
 * QoS bandwidth limit rule (`/qos/policies/{policy_id}/bandwidth_limit_rules`).
 *
 * @example
 * ```ts
 * const policy = await conn.network.findQosPolicy('bronze');
 * const parent = { qosPolicyId: policy.id };
 * const rule = await conn.network.createQosBandwidthLimitRule({ maxKbps: 10_000, maxBurstKbps: 800, direction: 'egress' }, { parent });
 * await conn.network.updateQosBandwidthLimitRule(rule, { maxKbps: 20_000 }); // the rule remembers its policy
 * for await (const r of conn.network.listQosBandwidthLimitRules({}, { parent })) console.log(r.direction, r.maxKbps);
 * ```
 */
export const QosBandwidthLimitRule = defineResource({
  name: 'bandwidth limit rule',
  basePath: '/qos/policies/{policy_id}/bandwidth_limit_rules',
  fields: {
    qosPolicyId: f.string({ api: 'policy_id', location: 'uri' }),
    id: f.string({ readOnly: true }).always(),
    /** Maximum rate in kbps (neutron also accepts a numeric string). */
    maxKbps: f.any<number>({ api: 'max_kbps' }).required().always(),
    /** Burst size in kilobits; 0 lets the backend choose. */
    maxBurstKbps: f.any<number>({ api: 'max_burst_kbps' }).always(),
    direction: f.enum(['ingress', 'egress']).always(),
  },
  query: { id: 'id', maxKbps: 'max_kbps', maxBurstKbps: 'max_burst_kbps', direction: 'direction' },
});
