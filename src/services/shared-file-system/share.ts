import { defineResource, f } from '../../resource/index.js';

/** Statuses a share goes to when an operation fails (the share waiter stops on these). */
export const SHARE_FAILURE_STATUSES = [
  'error',
  'error_deleting',
  'extending_error',
  'shrinking_error',
  'shrinking_possible_data_loss_error',
  'manage_error',
  'unmanage_error',
  'reverting_error',
] as const;

/**
 * A shared file system (`/shares`, listed with details from `/shares/detail`). Field names follow
 * manila's API reference; the microversion of each gated field comes from manila's REST API
 * version history.
 *
 * @example
 * ```ts
 * const share = await conn.sharedFileSystem.createShare({ shareProto: 'NFS', size: 1, name: 'data' });
 * await conn.sharedFileSystem.waitForShare(share, 'available');
 * await conn.sharedFileSystem.resizeShare(share, 2);
 * await conn.sharedFileSystem.deleteShare(share);
 * await conn.sharedFileSystem.waitForShareDelete(share);
 * ```
 */
export const Share = defineResource({
  name: 'share',
  basePath: '/shares',
  listPath: '/shares/detail',
  fields: {
    id: f.string({ readOnly: true }).always(),
    name: f.string({ nullable: true }).always().returnsNull(),
    description: f.string({ nullable: true }).always().returnsNull(),
    /** Size in GiB; change it with `resizeShare` (extend or shrink), not with an update. */
    size: f.integer({ createOnly: true, required: true }).always(),
    /** `NFS`, `CIFS`, `GLUSTERFS`, `HDFS`, `CEPHFS` or `MAPRFS`: what the back end must export. */
    shareProto: f.string({ api: 'share_proto', createOnly: true, required: true }).always(),
    status: f.string({ readOnly: true }).always(),
    availabilityZone: f.string({ api: 'availability_zone', createOnly: true }).always().returnsNull(),
    /** The share type's id (its name on create). */
    shareType: f.string({ api: 'share_type', createOnly: true }).always().returnsNull(),
    shareTypeName: f.string({ api: 'share_type_name', readOnly: true }).returnsNull(),
    /** Needed by share types whose back end handles share servers (`driver_handles_share_servers`). */
    shareNetworkId: f.string({ api: 'share_network_id', createOnly: true }).always().returnsNull(),
    /** Create from this snapshot. */
    snapshotId: f.string({ api: 'snapshot_id', createOnly: true }).always().returnsNull(),
    shareGroupId: f.string({ api: 'share_group_id', createOnly: true }).returnsNull(),
    metadata: f.object<Record<string, string>>().always(),
    /** Visible to every project (admins and policy decide who may set it). */
    isPublic: f.boolean({ api: 'is_public' }).always(),
    projectId: f.string({ api: 'project_id', readOnly: true }).always(),
    userId: f.string({ api: 'user_id', readOnly: true }),
    createdAt: f.date({ api: 'created_at', readOnly: true }).always(),
    /** Set by migrations and replica promotions; null otherwise. */
    taskState: f.string({ api: 'task_state', readOnly: true }).returnsNull(),
    /** `active`, `queued_to_apply`, `applying`, `syncing` or `error`: the state of its access rules. */
    accessRulesStatus: f.string({ api: 'access_rules_status', readOnly: true }),
    snapshotSupport: f.boolean({ api: 'snapshot_support', readOnly: true }).returnsNull(),
    createShareFromSnapshotSupport: f
      .boolean({ api: 'create_share_from_snapshot_support', readOnly: true })
      .returnsNull(),
    revertToSnapshotSupport: f.boolean({ api: 'revert_to_snapshot_support', readOnly: true }).returnsNull(),
    mountSnapshotSupport: f.boolean({ api: 'mount_snapshot_support', readOnly: true }).returnsNull(),
    replicationType: f.string({ api: 'replication_type', readOnly: true }).returnsNull(),
    hasReplicas: f.boolean({ api: 'has_replicas', readOnly: true }),
    /** Admin only: the back end host (`host@backend#pool`). */
    host: f.string({ readOnly: true }).returnsNull(),
    /** Creation progress, e.g. `"100%"`. From microversion 2.54. */
    progress: f.string({ readOnly: true, minVersion: '2.54' }).returnsNull(),
    /** In the recycle bin. From microversion 2.69. */
    isSoftDeleted: f.boolean({ api: 'is_soft_deleted', readOnly: true, minVersion: '2.69' }),
    /** When the recycle bin purges it. From microversion 2.69. */
    scheduledToBeDeletedAt: f
      .date({ api: 'scheduled_to_be_deleted_at', readOnly: true, minVersion: '2.69' })
      .returnsNull(),
    /** Scheduler hints (`same_host`, `different_host`, from 2.67 `only_host`). From microversion 2.65. */
    schedulerHints: f
      .object<Record<string, string>>({ api: 'scheduler_hints', minVersion: '2.65' })
      .createOnly(),
    links: f.array<{ rel: string; href: string }>().readOnly(),
  },
  query: {
    name: 'name',
    status: 'status',
    shareTypeId: 'share_type_id',
    shareNetworkId: 'share_network_id',
    snapshotId: 'snapshot_id',
    host: 'host',
    projectId: 'project_id',
    allTenants: 'all_tenants',
    isPublic: 'is_public',
    /** A JSON object as a string, e.g. `'{"key":"value"}'`. */
    metadata: 'metadata',
    limit: 'limit',
    offset: 'offset',
    sortKey: 'sort_key',
    sortDir: 'sort_dir',
    /** Names matching this (`name~`). From microversion 2.36. */
    nameLike: 'name~',
    /** From microversion 2.69: list the recycle bin. */
    isSoftDeleted: 'is_soft_deleted',
  },
  // manila's next links carry a marker its share listing ignores: listShares pages by offset
  pagination: 'none',
});

/** List filters of shares that exist only from a microversion on. */
export const SHARE_QUERY_VERSIONS = { nameLike: '2.36', isSoftDeleted: '2.69' } as const;
