import { defineResource, f } from '../../resource/index.js';

/**
 * QoS minimum packet rate rule (`/qos/policies/{policy_id}/minimum_packet_rate_rules`).
 *
 * @example
 * ```ts
 * const policy = await conn.network.findQosPolicy('gold');
 * await conn.network.createQosMinimumPacketRateRule({ minKpps: 1000, direction: 'any' }, { parent: { qosPolicyId: policy.id } });
 * ```
 */
export const QosMinimumPacketRateRule = defineResource({
  name: 'minimum packet rate rule',
  basePath: '/qos/policies/{policy_id}/minimum_packet_rate_rules',
  fields: {
    qosPolicyId: f.string({ api: 'policy_id', location: 'uri' }),
    id: f.string({ readOnly: true }).always(),
    /** Guaranteed rate in kpps (neutron also accepts a numeric string). */
    minKpps: f.any<number>({ api: 'min_kpps' }).required().always(),
    direction: f.enum(['ingress', 'egress', 'any']).always(),
  },
  query: { id: 'id', minKpps: 'min_kpps', direction: 'direction' },
});
