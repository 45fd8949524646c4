import { defineResource, f } from '../../resource/index.js';
import { ownerFields, standardFields, standardQuery } from './common.js';

/**
 * Security group (`/security-groups`); its rules are {@link SecurityGroupRule}s.
 *
 * @example
 * ```ts
 * const sg = await conn.network.createSecurityGroup({ name: 'web', description: 'SSH and HTTP' });
 * for (const port of [22, 80]) {
 *   await conn.network.createSecurityGroupRule({
 *     securityGroupId: sg.id,
 *     direction: 'ingress',
 *     ethertype: 'IPv4',
 *     protocol: 'tcp',
 *     portRangeMin: port,
 *     portRangeMax: port,
 *     remoteIpPrefix: '0.0.0.0/0',
 *   });
 * }
 * await conn.network.deleteSecurityGroup(sg);
 * ```
 */
export const SecurityGroup = defineResource({
  name: 'security group',
  basePath: '/security-groups',
  fields: {
    id: f.string({ readOnly: true }).always(),
    name: f.string().always(),
    ...standardFields,
    ...ownerFields,
    /** Stateful (conntrack) filtering; false for stateless groups. */
    stateful: f.boolean(),
    /** The group's rules, as the service returns them (API field names). */
    securityGroupRules: f.array<Record<string, unknown>>({ api: 'security_group_rules' }).readOnly().always(),
    /** Shared with this project through an RBAC policy. */
    shared: f.boolean({ readOnly: true }),
    belongsToDefaultSg: f.boolean({ api: 'belongs_to_default_sg', readOnly: true }),
  },
  query: {
    ...standardQuery,
    shared: 'shared',
  },
});
