import { defineResource, f } from '../../resource/index.js';

/** Statuses a snapshot goes to when an operation fails. */
export const SNAPSHOT_FAILURE_STATUSES = ['error', 'error_deleting'] as const;

/**
 * Block storage volume snapshot (`/snapshots`).
 *
 * @example
 * ```ts
 * const vol = await conn.blockStorage.findVolume('data');
 * const snap = await conn.blockStorage.createSnapshot({ volumeId: vol.id, name: 'data-before-upgrade' });
 * await conn.blockStorage.waitForSnapshot(snap, 'available');
 * await conn.blockStorage.deleteSnapshot(snap);
 * ```
 */
export const Snapshot = defineResource({
  name: 'snapshot',
  basePath: '/snapshots',
  listPath: '/snapshots/detail',
  fields: {
    id: f.string({ readOnly: true }).always(),
    name: f.string({ nullable: true }).always().returnsNull(),
    description: f.string({ nullable: true }).always().returnsNull(),
    volumeId: f.string({ api: 'volume_id', createOnly: true, required: true }).always(),
    /**
     * Snapshot an attached volume. Not needed from 3.66 on, where `false` is rejected and
     * `true` ignored.
     */
    force: f.boolean({ createOnly: true }),
    metadata: f.object<Record<string, string>>().createOnly().always(),
    status: f.string({ readOnly: true }).always(),
    size: f.integer({ readOnly: true }).always(),
    createdAt: f.date({ api: 'created_at', readOnly: true }).always(),
    updatedAt: f.date({ api: 'updated_at', readOnly: true }).always().returnsNull(),
    progress: f.string({ api: 'os-extended-snapshot-attributes:progress', readOnly: true }).returnsNull(),
    projectId: f.string({ api: 'os-extended-snapshot-attributes:project_id', readOnly: true }),
    /** From microversion 3.14. */
    groupSnapshotId: f.string({ api: 'group_snapshot_id', readOnly: true, minVersion: '3.14' }).returnsNull(),
    /** From microversion 3.41. */
    userId: f.string({ api: 'user_id', readOnly: true, minVersion: '3.41' }),
    /** From microversion 3.65. */
    consumesQuota: f.boolean({ api: 'consumes_quota', readOnly: true, minVersion: '3.65' }),
  },
  query: {
    name: 'name',
    status: 'status',
    volumeId: 'volume_id',
    allTenants: 'all_tenants',
    projectId: 'project_id',
    /** A JSON object as a string, e.g. `'{"key":"value"}'` (3.22). */
    metadata: 'metadata',
    consumesQuota: 'consumes_quota',
    withCount: 'with_count',
    sort: 'sort',
    sortKey: 'sort_key',
    sortDir: 'sort_dir',
    offset: 'offset',
  },
  pagination: 'links',
});

/** List filters of snapshots that exist only from a microversion on. */
export const SNAPSHOT_QUERY_VERSIONS = {
  metadata: '3.22',
  withCount: '3.45',
  consumesQuota: '3.65',
} as const;
