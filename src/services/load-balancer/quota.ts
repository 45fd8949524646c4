import { defineResource, f } from '../../resource/index.js';

/**
 * Quota of a project (`/lbaas/quotas/{project_id}`): how many of each object it may own; -1 is
 * unlimited, null (in a listing) means "the default". Reading needs the project's reader role
 * or admin; changing and resetting (delete) need admin. The id is the project id.
 *
 * @example
 * ```ts
 * const projectId = (await conn.identity.findProject('demo')).id;
 * await conn.loadBalancer.updateQuota(projectId, { loadBalancer: 10, listener: 20 });
 * await conn.loadBalancer.deleteQuota(projectId); // back to the defaults
 * ```
 */
export const Quota = defineResource({
  name: 'quota',
  basePath: '/lbaas/quotas',
  idField: 'projectId',
  statusField: 'projectId',
  fields: {
    /** The project these limits apply to. */
    projectId: f.string({ api: 'project_id', readOnly: true }).always(),
    /** Load balancers. */
    loadBalancer: f.integer({ api: 'load_balancer', nullable: true }).always(),
    /** Listeners. */
    listener: f.integer({ nullable: true }).always(),
    /** Pools. */
    pool: f.integer({ nullable: true }).always(),
    /** Members. */
    member: f.integer({ nullable: true }).always(),
    /** Health monitors. */
    healthMonitor: f.integer({ api: 'health_monitor', nullable: true }).always(),
    /** L7 policies. */
    l7policy: f.integer({ nullable: true }).always(),
    /** L7 rules. */
    l7rule: f.integer({ nullable: true }).always(),
  },
  query: { projectId: 'project_id' },
  allow: { create: false },
});
