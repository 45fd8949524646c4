import { defineResource, f } from '../../resource/index.js';
import { ownerFields, standardFields, standardQuery } from './common.js';

/** A rule as listed inside a policy (`type` says which kind). */
export interface QosRuleSummary {
  /** The rule's id. */
  id: string;
  /** The kind of rule. */
  type:
    | 'bandwidth_limit'
    | 'dscp_marking'
    | 'minimum_bandwidth'
    | 'minimum_packet_rate'
    | 'packet_rate_limit';
  /** The policy it belongs to. */
  qos_policy_id?: string;
  [key: string]: unknown;
}

/**
 * QoS policy (`/qos/policies`): a set of rules applied to ports, networks or floating IPs.
 *
 * @example
 * ```ts
 * const policy = await conn.network.createQosPolicy({ name: 'bronze' });
 * await conn.network.createQosBandwidthLimitRule({ qosPolicyId: policy.id, maxKbps: 10_000, direction: 'egress' });
 * const port = await conn.network.findPort('vip');
 * await conn.network.updatePort(port, { qosPolicyId: policy.id });
 * ```
 */
export const QosPolicy = defineResource({
  name: 'QoS policy',
  basePath: '/qos/policies',
  resourceKey: 'policy',
  resourcesKey: 'policies',
  fields: {
    id: f.string({ readOnly: true }).always(),
    name: f.string().always(),
    ...standardFields,
    ...ownerFields,
    shared: f.boolean().always(),
    /** The project's default policy (one per project). */
    isDefault: f.boolean({ api: 'is_default' }),
    rules: f.array<QosRuleSummary>().readOnly(),
  },
  query: {
    ...standardQuery,
    shared: 'shared',
    isDefault: 'is_default',
  },
});
