import { defineResource, f } from '../../resource/index.js';

/**
 * A user's own password change (`POST /v3/users/{user_id}/password`). Not a listable
 * resource: the declaration builds and validates the request body.
 */
export const UserPassword = defineResource({
  name: 'user password',
  basePath: '/users/{user_id}/password',
  resourceKey: 'user',
  resourcesKey: null,
  fields: {
    userId: f.string({ api: 'user_id', location: 'uri' }),
    password: f.string({ required: true, createOnly: true }),
    originalPassword: f.string({ api: 'original_password', required: true, createOnly: true }),
  },
  allow: { create: true, fetch: false, commit: false, delete: false, list: false },
  pagination: 'none',
});
