import { defineResource, f } from '../../resource/index.js';
import type { IdentityLinks } from './types.js';

/**
 * Identity role (`/v3/roles`); global, or domain-specific when `domainId` is set.
 *
 * @example
 * ```ts
 * const auditor = await conn.identity.createRole({ name: 'auditor' });
 * const project = await conn.identity.findProject('team-a');
 * const group = await conn.identity.findGroup('ops');
 * await conn.identity.grantRole({ role: auditor, group, project });
 * const grants = await conn.identity.listRoleAssignments({ effective: true, includeNames: true }).toArray();
 * console.log(grants.length);
 * await conn.identity.revokeRole({ role: auditor, group, project });
 * ```
 */
export const Role = defineResource({
  name: 'role',
  basePath: '/roles',
  fields: {
    id: f.string({ readOnly: true }).always(),
    name: f.string({ required: true }).always(),
    description: f.string({ nullable: true }),
    domainId: f.string({ api: 'domain_id', createOnly: true, nullable: true }),
    options: f.object<Record<string, unknown>>(),
    links: f.object<IdentityLinks>().readOnly().always(),
  },
  query: { name: 'name', domainId: 'domain_id' },
  commitMethod: 'PATCH',
});
