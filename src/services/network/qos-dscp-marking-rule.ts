import { defineResource, f } from '../../resource/index.js';

/**
 * QoS DSCP marking rule (`/qos/policies/{policy_id}/dscp_marking_rules`).
 *
 * @example
 * ```ts
 * const policy = await conn.network.findQosPolicy('voice');
 * // mark the ports' traffic EF (46) so the fabric prioritises it
 * await conn.network.createQosDscpMarkingRule({ dscpMark: 46 }, { parent: { qosPolicyId: policy.id } });
 * ```
 */
export const QosDscpMarkingRule = defineResource({
  name: 'DSCP marking rule',
  resourceKey: 'dscp_marking_rule',
  resourcesKey: 'dscp_marking_rules',
  basePath: '/qos/policies/{policy_id}/dscp_marking_rules',
  fields: {
    qosPolicyId: f.string({ api: 'policy_id', location: 'uri' }),
    id: f.string({ readOnly: true }).always(),
    /** DSCP mark: 0, 8-48 even values, 10, 12, 14, ... 46 (neutron also accepts a numeric string). */
    dscpMark: f.any<number>({ api: 'dscp_mark' }).required().always(),
  },
  query: { id: 'id', dscpMark: 'dscp_mark' },
});
