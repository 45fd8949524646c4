import { defineResource, f } from '../../resource/index.js';

/**
 * Where a share is mounted from (`/shares/{share_id}/export_locations`, microversion 2.9 or
 * later): the path a client mounts, and whether the back end prefers it.
 *
 * @example
 * ```ts
 * const share = await conn.sharedFileSystem.findShare('data');
 * for await (const loc of conn.sharedFileSystem.listShareExportLocations(share)) console.log(loc.path, loc.preferred);
 * ```
 */
export const ExportLocation = defineResource({
  name: 'export location',
  basePath: '/shares/{share_id}/export_locations',
  resourceKey: 'export_location',
  resourcesKey: 'export_locations',
  fields: {
    shareId: f.string({ api: 'share_id', location: 'uri' }),
    id: f.string({ readOnly: true }).always(),
    path: f.string({ readOnly: true }).always(),
    /** The back end's preferred path (from 2.14). */
    preferred: f.boolean({ readOnly: true }),
    /** Admin only: the share instance it belongs to. */
    shareInstanceId: f.string({ api: 'share_instance_id', readOnly: true }),
    /** Admin only: for the administrator's network. */
    isAdminOnly: f.boolean({ api: 'is_admin_only', readOnly: true }),
    createdAt: f.date({ api: 'created_at', readOnly: true }),
    updatedAt: f.date({ api: 'updated_at', readOnly: true }).returnsNull(),
  },
  pagination: 'none',
  allow: { create: false, commit: false, delete: false },
});
