import { defineResource, f } from '../../resource/index.js';
import type { IdentityLinks } from './types.js';

/** Identity role (`/v3/roles`); global, or domain-specific when `domainId` is set. */
export const Role = defineResource({
  name: 'role',
  basePath: '/roles',
  fields: {
    id: f.string({ readOnly: true }),
    name: f.string({ required: true }),
    description: f.string({ nullable: true }),
    domainId: f.string({ api: 'domain_id', createOnly: true, nullable: true }),
    options: f.object<Record<string, unknown>>(),
    links: f.object<IdentityLinks>().readOnly(),
  },
  query: { name: 'name', domainId: 'domain_id' },
  commitMethod: 'PATCH',
});
