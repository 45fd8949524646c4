import { defineResource, f } from '../../resource/index.js';

/** Projects that may use a private volume type (`/types/{volume_type_id}/os-volume-type-access`). */
export const VolumeTypeAccess = defineResource({
  name: 'volume type access',
  basePath: '/types/{volume_type_id}/os-volume-type-access',
  resourceKey: null,
  resourcesKey: 'volume_type_access',
  fields: {
    volumeTypeId: f.string({ api: 'volume_type_id', readOnly: true }).always(),
    projectId: f.string({ api: 'project_id', readOnly: true }).always(),
    /** The type whose access list this is (path parameter). */
    typeId: f.string({ api: 'volume_type_id', location: 'uri' }),
  },
  idField: 'projectId',
  pagination: 'none',
  allow: { create: false, fetch: false, commit: false, delete: false, list: true },
});
