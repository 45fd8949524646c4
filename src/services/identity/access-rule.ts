import { defineResource, f } from '../../resource/index.js';
import type { IdentityLinks } from './types.js';

/** Access rules a user's application credentials use (`/v3/users/{user_id}/access_rules`). */
export const AccessRule = defineResource({
  name: 'access rule',
  basePath: '/users/{user_id}/access_rules',
  fields: {
    userId: f.string({ api: 'user_id', location: 'uri' }),
    id: f.string({ readOnly: true }).always(),
    service: f.string({ readOnly: true }).always(),
    method: f.string({ readOnly: true }).always(),
    path: f.string({ readOnly: true }).always(),
    links: f.object<IdentityLinks>().readOnly().always(),
  },
  query: { service: 'service', method: 'method', path: 'path' },
  allow: { create: false, commit: false },
});
