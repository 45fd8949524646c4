import { defineResource, f } from '../../resource/index.js';

/**
 * Shared file system quotas of a project (`/quota-sets/{project_id}`; `-1` is unlimited).
 *
 * @example
 * ```ts
 * const project = await conn.identity.findProject('finance');
 * await conn.sharedFileSystem.updateQuotaSet(project.id, { shares: 20, gigabytes: 500 });
 * console.log((await conn.sharedFileSystem.getQuotaSet(project.id)).shares);
 * await conn.sharedFileSystem.resetQuotaSet(project.id);
 * ```
 */
export const ShareQuotaSet = defineResource({
  name: 'share quota set',
  basePath: '/quota-sets',
  resourceKey: 'quota_set',
  resourcesKey: null,
  fields: {
    /** The project id. */
    id: f.string({ readOnly: true }),
    shares: f.integer().always(),
    /** GiB of shares. */
    gigabytes: f.integer().always(),
    snapshots: f.integer().always(),
    /** GiB of snapshots. */
    snapshotGigabytes: f.integer({ api: 'snapshot_gigabytes' }).always(),
    shareNetworks: f.integer({ api: 'share_networks' }),
    /** From microversion 2.40. */
    shareGroups: f.integer({ api: 'share_groups', minVersion: '2.40' }),
    /** From microversion 2.40. */
    shareGroupSnapshots: f.integer({ api: 'share_group_snapshots', minVersion: '2.40' }),
    /** From microversion 2.53. */
    shareReplicas: f.integer({ api: 'share_replicas', minVersion: '2.53' }),
    /** From microversion 2.53. */
    replicaGigabytes: f.integer({ api: 'replica_gigabytes', minVersion: '2.53' }),
    /** The largest share in GiB. From microversion 2.62. */
    perShareGigabytes: f.integer({ api: 'per_share_gigabytes', minVersion: '2.62' }),
  },
  pagination: 'none',
  allow: { create: false, list: false },
});
