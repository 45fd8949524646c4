import { defineResource, f } from '../../resource/index.js';

/**
 * A share type (`/types`): the back end capabilities a share asks for, as extra specs. The
 * required spec `driver_handles_share_servers` says whether shares of the type need a share
 * network.
 *
 * @example
 * ```ts
 * const t = await conn.sharedFileSystem.createShareType({
 *   name: 'gold',
 *   extraSpecs: { driver_handles_share_servers: 'false', snapshot_support: 'true' },
 * });
 * await conn.sharedFileSystem.setShareTypeExtraSpecs(t, { compression: '<is> True' });
 * await conn.sharedFileSystem.deleteShareType(t);
 * ```
 */
export const ShareType = defineResource({
  name: 'share type',
  basePath: '/types',
  resourceKey: 'share_type',
  resourcesKey: 'share_types',
  fields: {
    id: f.string({ readOnly: true }).always(),
    name: f.string({ required: true }).always(),
    /** From microversion 2.41. */
    description: f.string({ nullable: true, minVersion: '2.41' }).returnsNull(),
    /** Every extra spec; `driver_handles_share_servers` (`"true"`/`"false"`) is required on create. */
    extraSpecs: f.object<Record<string, string | boolean>>({ api: 'extra_specs' }).createOnly().always(),
    requiredExtraSpecs: f.object<Record<string, string>>({ api: 'required_extra_specs' }).readOnly().always(),
    /** Visible to every project; a private type is shared with `addShareTypeAccess`. */
    isPublic: f.boolean({ api: 'share_type_access:is_public' }).always(),
    /** The cloud's default_share_type. From microversion 2.46. */
    isDefault: f.boolean({ api: 'is_default', readOnly: true, minVersion: '2.46' }),
  },
  query: {
    /** `true`, `false` or `all` (admins; default: public ones). */
    isPublic: 'is_public',
    /** From microversion 2.43, a JSON object as a string. */
    extraSpecs: 'extra_specs',
  },
  pagination: 'none',
});

/** One project that may use a private share type (`/types/{id}/share_type_access`). */
export const ShareTypeAccess = defineResource({
  name: 'share type access',
  basePath: '/types/{share_type_id}/share_type_access',
  resourceKey: null,
  resourcesKey: 'share_type_access',
  fields: {
    shareTypeId: f.string({ api: 'share_type_id', location: 'uri' }),
    projectId: f.string({ api: 'project_id', readOnly: true }).always(),
  },
  idField: 'projectId',
  pagination: 'none',
  allow: { create: false, fetch: false, commit: false, delete: false, list: true },
});
