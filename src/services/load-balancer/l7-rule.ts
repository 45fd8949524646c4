import { defineResource, f } from '../../resource/index.js';
import { baseFields, baseQuery, statusFields } from './common.js';

const { name: _name, description: _description, ...ruleBase } = baseFields;

/**
 * L7 rule (`/lbaas/l7policies/{l7policy_id}/rules`): one condition of an L7 policy; a policy
 * matches when all its rules do. The verbs take the policy as parent:
 * `{ parent: { l7policyId } }`.
 *
 * @example
 * ```ts
 * const p = await conn.loadBalancer.findL7Policy('redirect-old');
 * await conn.loadBalancer.createL7Rule({ type: 'PATH', compareType: 'STARTS_WITH', value: '/api' }, { parent: { l7policyId: p.id } });
 * ```
 */
export const L7Rule = defineResource({
  name: 'l7rule',
  basePath: '/lbaas/l7policies/{l7policy_id}/rules',
  resourceKey: 'rule',
  resourcesKey: 'rules',
  statusField: 'provisioningStatus',
  fields: {
    ...ruleBase,
    ...statusFields,
    /** The policy (path parameter). */
    l7policyId: f.string({ api: 'l7policy_id', location: 'uri' }),
    /** `HOST_NAME`, `PATH`, `FILE_TYPE`, `HEADER`, `COOKIE`, `SSL_CONN_HAS_CERT`, `SSL_VERIFY_RESULT` or `SSL_DN_FIELD`. */
    type: f.string({ required: true }).always(),
    /** `REGEX`, `STARTS_WITH`, `ENDS_WITH`, `CONTAINS` or `EQUAL_TO`. */
    compareType: f.string({ api: 'compare_type', required: true }).always(),
    /** `HEADER` / `COOKIE` / `SSL_DN_FIELD`: the name compared. */
    key: f.string({ nullable: true }).returnsNull(),
    /** The value compared against. */
    value: f.string({ required: true }).always(),
    /** Match when the comparison fails. */
    invert: f.boolean().always(),
  },
  nameField: undefined,
  query: {
    id: baseQuery.id,
    projectId: baseQuery.projectId,
    adminStateUp: baseQuery.adminStateUp,
    provisioningStatus: baseQuery.provisioningStatus,
    operatingStatus: baseQuery.operatingStatus,
    tags: baseQuery.tags,
    fields: baseQuery.fields,
    type: 'type',
    compareType: 'compare_type',
    key: 'key',
    value: 'value',
    invert: 'invert',
  },
});
