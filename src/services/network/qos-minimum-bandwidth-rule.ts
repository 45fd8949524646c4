import { defineResource, f } from '../../resource/index.js';

/**
 * QoS minimum bandwidth rule (`/qos/policies/{policy_id}/minimum_bandwidth_rules`).
 *
 * @example
 * ```ts
 * const policy = await conn.network.findQosPolicy('gold');
 * // guarantee 1 Gbit/s out of each port (needs a backend that schedules bandwidth)
 * await conn.network.createQosMinimumBandwidthRule({ minKbps: 1_000_000, direction: 'egress' }, { parent: { qosPolicyId: policy.id } });
 * ```
 */
export const QosMinimumBandwidthRule = defineResource({
  name: 'minimum bandwidth rule',
  basePath: '/qos/policies/{policy_id}/minimum_bandwidth_rules',
  fields: {
    qosPolicyId: f.string({ api: 'policy_id', location: 'uri' }),
    id: f.string({ readOnly: true }).always(),
    /** Guaranteed rate in kbps (neutron also accepts a numeric string). */
    minKbps: f.any<number>({ api: 'min_kbps' }).required().always(),
    direction: f.enum(['ingress', 'egress']).always(),
  },
  query: { id: 'id', minKbps: 'min_kbps', direction: 'direction' },
});
