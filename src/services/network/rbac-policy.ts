import { defineResource, f } from '../../resource/index.js';
import { baseQuery } from './common.js';

/**
 * RBAC policy (`/rbac-policies`): share a network, QoS policy, security group... with a project.
 *
 * @example
 * ```ts
 * // share one network with one other project (instead of with everyone)
 * const net = await conn.network.findNetwork('app-net');
 * await conn.network.createRbacPolicy({
 *   objectType: 'network',
 *   objectId: net.id,
 *   action: 'access_as_shared',
 *   targetTenant: 'OTHER_PROJECT_ID',
 * });
 * ```
 */
export const RbacPolicy = defineResource({
  name: 'RBAC policy',
  basePath: '/rbac-policies',
  resourceKey: 'rbac_policy',
  resourcesKey: 'rbac_policies',
  fields: {
    id: f.string({ readOnly: true }).always(),
    /** `network`, `qos_policy`, `security_group`, `address_scope`, `subnetpool`, `address_group`. */
    objectType: f.string({ api: 'object_type', createOnly: true, required: true }).always(),
    objectId: f.string({ api: 'object_id', createOnly: true, required: true }).always(),
    /** `access_as_shared`, or `access_as_external` (networks). */
    action: f
      .enum(['access_as_shared', 'access_as_external'], { api: 'action' })
      .createOnly()
      .required()
      .always(),
    /** The project granted access, or `*` for every project. */
    targetTenant: f.string({ api: 'target_tenant', required: true }).always(),
    projectId: f.string({ api: 'project_id', createOnly: true }).always(),
    tenantId: f.string({ api: 'tenant_id', createOnly: true }),
  },
  query: {
    ...baseQuery,
    objectType: 'object_type',
    objectId: 'object_id',
    action: 'action',
    targetTenant: 'target_tenant',
    projectId: 'project_id',
    tenantId: 'tenant_id',
  },
});
