import { defineResource, f } from '../../resource/index.js';

/** QoS bandwidth limit rule (`/qos/policies/{policy_id}/bandwidth_limit_rules`). */
export const QosBandwidthLimitRule = defineResource({
  name: 'bandwidth limit rule',
  basePath: '/qos/policies/{policy_id}/bandwidth_limit_rules',
  fields: {
    qosPolicyId: f.string({ api: 'policy_id', location: 'uri' }),
    id: f.string({ readOnly: true }),
    /** Maximum rate in kbps (neutron also accepts a numeric string). */
    maxKbps: f.any<number>({ api: 'max_kbps' }),
    /** Burst size in kilobits; 0 lets the backend choose. */
    maxBurstKbps: f.any<number>({ api: 'max_burst_kbps' }),
    direction: f.enum(['ingress', 'egress']),
  },
  query: { id: 'id', maxKbps: 'max_kbps', maxBurstKbps: 'max_burst_kbps', direction: 'direction' },
});
