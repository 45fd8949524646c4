import { defineResource, f } from '../../resource/index.js';
import type { IdentityLinks } from './types.js';

/**
 * Identity credential (`/v3/credentials`): an EC2, TOTP or other secret blob owned by a user.
 * Only the blob can change after create: keystone's update schema takes `blob` alone (type,
 * owner and project are fixed; an ec2 blob keeps its access key and scope).
 *
 * @example
 * ```ts
 * // EC2-style access keys, kept by keystone
 * const me = await conn.identity.findUser('alice');
 * const project = await conn.identity.findProject('team-a');
 * const cred = await conn.identity.createCredential({
 *   type: 'ec2',
 *   userId: me.id,
 *   projectId: project.id,
 *   blob: JSON.stringify({ access: 'ACCESS', secret: 'SECRET' }),
 * });
 * await conn.identity.deleteCredential(cred);
 * ```
 */
export const Credential = defineResource({
  name: 'credential',
  basePath: '/credentials',
  fields: {
    id: f.string({ readOnly: true }).always(),
    /** `ec2`, `totp`, `cert`, ... */
    type: f.string({ required: true, createOnly: true }).always(),
    /** The secret, serialized (JSON text for ec2). */
    blob: f.string({ required: true }).always(),
    userId: f.string({ api: 'user_id', required: true, createOnly: true }).always(),
    /** Required for ec2 credentials. */
    projectId: f.string({ api: 'project_id', createOnly: true }).returnsNull(),
    links: f.object<IdentityLinks>().readOnly().always(),
  },
  query: { userId: 'user_id', type: 'type' },
  commitMethod: 'PATCH',
});
