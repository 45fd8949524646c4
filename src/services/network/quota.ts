import { defineResource, f } from '../../resource/index.js';

/**
 * Quota of one project (`/quotas/{project_id}`); -1 means unlimited.
 *
 * @example
 * ```ts
 * // admin: raise a project's port quota (-1 = unlimited), then restore the defaults
 * const project = await conn.identity.findProject('demo');
 * const q = await conn.network.updateQuota(project.id, { port: 200 });
 * console.log(q.port, q.network);
 * await conn.network.deleteQuota(project.id);
 * ```
 */
export const Quota = defineResource({
  name: 'quota',
  basePath: '/quotas',
  idField: 'projectId',
  allow: { create: false },
  pagination: 'none',
  fields: {
    /** The project (filled in by the SDK on get: neutron omits it there). */
    projectId: f.string({ api: 'project_id', readOnly: true }),
    tenantId: f.string({ api: 'tenant_id', readOnly: true }),
    network: f.integer().always(),
    subnet: f.integer().always(),
    subnetpool: f.integer().always(),
    port: f.integer().always(),
    router: f.integer().always(),
    floatingip: f.integer().always(),
    rbacPolicy: f.integer({ api: 'rbac_policy' }),
    securityGroup: f.integer({ api: 'security_group' }).always(),
    securityGroupRule: f.integer({ api: 'security_group_rule' }).always(),
    /** Update only: refuse a limit below current usage (quota-check-limit). Neutron also accepts "True"/"False". */
    checkLimit: f.any<boolean>({ api: 'check_limit' }),
    /** Update only: set the limit even below current usage. Neutron also accepts "True"/"False". */
    force: f.any<boolean>(),
  },
});
