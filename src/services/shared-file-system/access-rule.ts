import { defineResource, f } from '../../resource/index.js';

/** Access rule states that end a wait with an error. */
export const ACCESS_FAILURE_STATES = ['error'] as const;

/**
 * An access rule of a share (`/share-access-rules`, microversion 2.45 or later): who may mount
 * it (an IP or CIDR, a user, a certificate or a cephx id) and how (`rw` or `ro`). Rules are
 * granted and revoked with `grantShareAccess` / `revokeShareAccess` (share actions); their
 * `state` goes from `queued_to_apply` through `applying` to `active` (or `error`).
 *
 * @example
 * ```ts
 * const share = await conn.sharedFileSystem.findShare('data');
 * const rule = await conn.sharedFileSystem.grantShareAccess(share, { accessType: 'ip', accessTo: '10.0.0.0/24' });
 * await conn.sharedFileSystem.waitForAccessRule(rule, 'active');
 * await conn.sharedFileSystem.revokeShareAccess(share, rule);
 * ```
 */
export const AccessRule = defineResource({
  name: 'access rule',
  basePath: '/share-access-rules',
  resourceKey: 'access',
  resourcesKey: 'access_list',
  fields: {
    id: f.string({ readOnly: true }).always(),
    /** Present on show and in the grant's answer, not in listings. */
    shareId: f.string({ api: 'share_id', readOnly: true }),
    /** `ip`, `user`, `cert` or `cephx`. */
    accessType: f.string({ api: 'access_type', readOnly: true }).always(),
    accessTo: f.string({ api: 'access_to', readOnly: true }).always(),
    /** `rw` or `ro`. */
    accessLevel: f.string({ api: 'access_level', readOnly: true }).always(),
    /** `queued_to_apply`, `applying`, `active`, `error`, `queued_to_deny` or `denying`. */
    state: f.string({ readOnly: true }).always(),
    /** The cephx secret (cephx rules only); never logged by the SDK. */
    accessKey: f.string({ api: 'access_key', readOnly: true }).always().returnsNull(),
    createdAt: f.date({ api: 'created_at', readOnly: true }).always(),
    updatedAt: f.date({ api: 'updated_at', readOnly: true }).always().returnsNull(),
    metadata: f.object<Record<string, string>>().readOnly().always(),
  },
  query: {
    shareId: 'share_id',
    accessType: 'access_type',
    accessTo: 'access_to',
    accessLevel: 'access_level',
    state: 'state',
  },
  statusField: 'state',
  pagination: 'none',
  allow: { create: false, commit: false, delete: false },
});
