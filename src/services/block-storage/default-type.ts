import { defineResource, f } from '../../resource/index.js';

/**
 * The default volume type of a project (`/default-types/{project_id}`, 3.62, admin): overrides
 * the cloud's `default_volume_type` for volumes created there without a type. These paths sit
 * beside the project-scoped API (`/v3/default-types`), not under it.
 */
export const DefaultType = defineResource({
  name: 'default type',
  basePath: '/default-types',
  resourceKey: 'default_type',
  resourcesKey: 'default_types',
  fields: {
    projectId: f.string({ api: 'project_id', readOnly: true }).always(),
    volumeTypeId: f.string({ api: 'volume_type_id', readOnly: true }).always(),
    /** The type to set, by name or id (request only). */
    volumeType: f.string({ api: 'volume_type', required: true, createOnly: true }),
  },
  idField: 'projectId',
  pagination: 'none',
  allow: { commit: false },
});
