/**
 * Projects that may use a private flavor (`/flavors/{flavor_id}/os-flavor-access`), and the
 * bodies of the flavor actions that grant and revoke it.
 */
import { defineResource, f } from '../../resource/index.js';

/** One project that may use a private flavor. */
export const FlavorAccess = defineResource({
  name: 'flavor access',
  basePath: '/flavors/{flavor_id}/os-flavor-access',
  resourceKey: null,
  resourcesKey: 'flavor_access',
  idField: 'projectId',
  fields: {
    flavorId: f.string({ api: 'flavor_id', location: 'uri', readOnly: true }),
    projectId: f.string({ api: 'tenant_id', readOnly: true }).always(),
  },
  pagination: 'none',
  allow: { create: false, fetch: false, commit: false, delete: false, list: true },
});

/** `{ "addTenantAccess": { "tenant": ... } }` */
export const AddTenantAccessAction = defineResource({
  name: 'addTenantAccess action',
  basePath: '/flavors/{flavor_id}/action',
  resourceKey: 'addTenantAccess',
  resourcesKey: null,
  fields: { projectId: f.string({ api: 'tenant', required: true }) },
  pagination: 'none',
  allow: { create: false, fetch: false, commit: false, delete: false, list: false },
});

/** `{ "removeTenantAccess": { "tenant": ... } }` */
export const RemoveTenantAccessAction = defineResource({
  name: 'removeTenantAccess action',
  basePath: '/flavors/{flavor_id}/action',
  resourceKey: 'removeTenantAccess',
  resourcesKey: null,
  fields: { projectId: f.string({ api: 'tenant', required: true }) },
  pagination: 'none',
  allow: { create: false, fetch: false, commit: false, delete: false, list: false },
});
