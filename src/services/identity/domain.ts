import { defineResource, f } from '../../resource/index.js';
import type { IdentityLinks } from './types.js';

/**
 * Identity domain (`/v3/domains`). A domain must be disabled before it can be deleted.
 *
 * @example
 * ```ts
 * const domain = await conn.identity.createDomain({ name: 'customers', description: 'external users' });
 * await conn.identity.createProject({ name: 'acme', domainId: domain.id });
 * // a domain must be disabled before it can be deleted
 * await conn.identity.updateDomain(domain, { enabled: false });
 * await conn.identity.deleteDomain(domain);
 * ```
 */
export const Domain = defineResource({
  name: 'domain',
  basePath: '/domains',
  fields: {
    id: f.string({ readOnly: true }).always(),
    name: f.string({ required: true }).always(),
    description: f.string({ nullable: true }),
    enabled: f.boolean().always(),
    options: f.object<Record<string, unknown>>(),
    tags: f.array<string>(),
    links: f.object<IdentityLinks>().readOnly().always(),
  },
  query: { name: 'name', enabled: 'enabled' },
  commitMethod: 'PATCH',
});
