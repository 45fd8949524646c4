import { defineResource, f } from '../../resource/index.js';

/** A driver supporting a rule type, and the parameters it accepts. */
export interface QosRuleTypeDriver {
  /** The driver's name, e.g. `openvswitch`. */
  name: string;
  /** The parameters it accepts, with their allowed values or ranges. */
  supported_parameters: {
    parameter_name: string;
    parameter_type: 'range' | 'choices' | string;
    parameter_values: unknown;
  }[];
}

/**
 * QoS rule type (`/qos/rule-types`, read-only): rule kinds the loaded drivers support, and their parameters.
 *
 * @example
 * ```ts
 * // which rule kinds do the loaded drivers support, and with which parameters?
 * for await (const t of conn.network.listQosRuleTypes()) console.log(t.type);
 * const bw = await conn.network.getQosRuleType('bandwidth_limit');
 * for (const d of bw.drivers ?? []) console.log(d.name, d.supported_parameters.map((p) => p.parameter_name));
 * ```
 */
export const QosRuleType = defineResource({
  name: 'QoS rule type',
  basePath: '/qos/rule-types',
  resourceKey: 'rule_type',
  resourcesKey: 'rule_types',
  idField: 'type',
  nameField: 'type',
  allow: { create: false, commit: false, delete: false },
  pagination: 'none',
  fields: {
    type: f.string({ readOnly: true }).always(),
    /** Filled on get (rule type details). */
    drivers: f.array<QosRuleTypeDriver>().readOnly(),
  },
  query: { allSupported: 'all_supported', allRules: 'all_rules' },
});
