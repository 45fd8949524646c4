import { defineResource, f } from '../../resource/index.js';
import type { IdentityLinks } from './types.js';

/** A federated identity of a user: the identity provider and the user's id in each protocol. */
export interface FederatedIdentity {
  /** The identity provider's id. */
  idp_id: string;
  /** The user's id in each protocol of that provider. */
  protocols: { protocol_id: string; unique_id: string }[];
}

/**
 * Identity user (`/v3/users`).
 *
 * @example
 * ```ts
 * const alice = await conn.identity.findUser('alice');
 * await conn.identity.updateUser(alice, { email: 'alice@example.com' });
 * for await (const g of conn.identity.listUserGroups(alice)) console.log(g.name);
 * await conn.identity.deleteUser(alice);
 * ```
 */
export const User = defineResource({
  name: 'user',
  basePath: '/users',
  fields: {
    id: f.string({ readOnly: true }).always(),
    name: f.string({ required: true }).always(),
    domainId: f.string({ api: 'domain_id', createOnly: true }).always(),
    defaultProjectId: f.string({ api: 'default_project_id', nullable: true }),
    description: f.string({ nullable: true }),
    email: f.string({ nullable: true }),
    enabled: f.boolean().always(),
    /** Write-only: set on create, or reset by an administrator on update. */
    password: f.string({ nullable: true }),
    federated: f.array<FederatedIdentity>(),
    options: f.object<Record<string, unknown>>(),
    passwordExpiresAt: f.date({ api: 'password_expires_at', readOnly: true }).returnsNull(),
    links: f.object<IdentityLinks>().readOnly().always(),
  },
  query: {
    name: 'name',
    domainId: 'domain_id',
    enabled: 'enabled',
    idpId: 'idp_id',
    protocolId: 'protocol_id',
    uniqueId: 'unique_id',
    /** `{operator}:{timestamp}`, e.g. `lt:2026-01-01T00:00:00Z`. */
    passwordExpiresAt: 'password_expires_at',
  },
  commitMethod: 'PATCH',
});
