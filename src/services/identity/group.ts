import { defineResource, f } from '../../resource/index.js';
import type { IdentityLinks } from './types.js';

/**
 * Identity group (`/v3/groups`).
 *
 * @example
 * ```ts
 * const ops = await conn.identity.createGroup({ name: 'ops', domainId: 'default' });
 * const alice = await conn.identity.findUser('alice');
 * await conn.identity.addUserToGroup(ops, alice);
 * for await (const u of conn.identity.listGroupUsers(ops)) console.log(u.name);
 * ```
 */
export const Group = defineResource({
  name: 'group',
  basePath: '/groups',
  fields: {
    id: f.string({ readOnly: true }).always(),
    name: f.string({ required: true }).always(),
    description: f.string({ nullable: true }),
    domainId: f.string({ api: 'domain_id', createOnly: true }).always(),
    /** In a user's group listing: when a federated membership expires. */
    membershipExpiresAt: f.date({ api: 'membership_expires_at', readOnly: true }).returnsNull(),
    links: f.object<IdentityLinks>().readOnly().always(),
  },
  query: { name: 'name', domainId: 'domain_id' },
  commitMethod: 'PATCH',
});
