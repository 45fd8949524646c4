import { defineResource, f } from '../../resource/index.js';
import { baseQuery } from './common.js';

/**
 * Security group rule (`/security-group-rules`): created and deleted, never updated.
 *
 * @example
 * ```ts
 * const sg = await conn.network.findSecurityGroup('web');
 * const rules = await conn.network.listSecurityGroupRules({ securityGroupId: sg.id }).toArray();
 * for (const r of rules) console.log(r.direction, r.protocol, r.portRangeMin, r.remoteIpPrefix);
 * ```
 */
export const SecurityGroupRule = defineResource({
  name: 'security group rule',
  basePath: '/security-group-rules',
  fields: {
    id: f.string({ readOnly: true }).always(),
    securityGroupId: f.string({ api: 'security_group_id', createOnly: true, required: true }).always(),
    direction: f.enum(['ingress', 'egress'], { api: 'direction' }).createOnly().required().always(),
    ethertype: f.enum(['IPv4', 'IPv6'], { api: 'ethertype' }).createOnly().always(),
    /** A name (`tcp`, `udp`, `icmp`, `ipv6-icmp`, `any`, ...) or an IP protocol number; null for any. */
    protocol: f.any<string | number>({ nullable: true }).createOnly().always().returnsNull(),
    /** First port (or ICMP type); neutron also accepts a numeric string. */
    portRangeMin: f
      .any<number>({ api: 'port_range_min', nullable: true })
      .createOnly()
      .always()
      .returnsNull(),
    /** Last port (or ICMP code); neutron also accepts a numeric string. */
    portRangeMax: f
      .any<number>({ api: 'port_range_max', nullable: true })
      .createOnly()
      .always()
      .returnsNull(),
    /** Source (ingress) or destination (egress) CIDR. Exclusive with the remote groups. */
    remoteIpPrefix: f
      .string({ api: 'remote_ip_prefix', createOnly: true, nullable: true })
      .always()
      .returnsNull(),
    remoteGroupId: f
      .string({ api: 'remote_group_id', createOnly: true, nullable: true })
      .always()
      .returnsNull(),
    remoteAddressGroupId: f
      .string({ api: 'remote_address_group_id', createOnly: true, nullable: true })
      .returnsNull(),
    normalizedCidr: f.string({ api: 'normalized_cidr', readOnly: true }).returnsNull(),
    description: f.string({ createOnly: true }).returnsNull(),
    projectId: f.string({ api: 'project_id', createOnly: true }).always(),
    tenantId: f.string({ api: 'tenant_id', createOnly: true }),
    createdAt: f.date({ api: 'created_at', readOnly: true }).always(),
    updatedAt: f.date({ api: 'updated_at', readOnly: true }).always(),
    revisionNumber: f.integer({ api: 'revision_number', readOnly: true }).always(),
    belongsToDefaultSg: f.boolean({ api: 'belongs_to_default_sg', readOnly: true }),
  },
  query: {
    ...baseQuery,
    securityGroupId: 'security_group_id',
    direction: 'direction',
    ethertype: 'ethertype',
    protocol: 'protocol',
    portRangeMin: 'port_range_min',
    portRangeMax: 'port_range_max',
    remoteIpPrefix: 'remote_ip_prefix',
    remoteGroupId: 'remote_group_id',
    remoteAddressGroupId: 'remote_address_group_id',
    description: 'description',
    projectId: 'project_id',
    revisionNumber: 'revision_number',
  },
});
