import { defineResource, f } from '../../resource/index.js';

/** Statuses a snapshot goes to when an operation fails (the snapshot waiter stops on these). */
export const SNAPSHOT_FAILURE_STATUSES = ['error', 'error_deleting'] as const;

/**
 * A point-in-time copy of a share (`/snapshots`, listed with details from `/snapshots/detail`),
 * on share types with `snapshot_support`. A share with snapshots cannot be deleted.
 *
 * @example
 * ```ts
 * const share = await conn.sharedFileSystem.findShare('data');
 * const snap = await conn.sharedFileSystem.createShareSnapshot({ shareId: share.id, name: 'nightly' });
 * await conn.sharedFileSystem.waitForShareSnapshot(snap, 'available');
 * await conn.sharedFileSystem.deleteShareSnapshot(snap);
 * await conn.sharedFileSystem.waitForShareSnapshotDelete(snap);
 * ```
 */
export const ShareSnapshot = defineResource({
  name: 'share snapshot',
  basePath: '/snapshots',
  listPath: '/snapshots/detail',
  resourceKey: 'snapshot',
  resourcesKey: 'snapshots',
  fields: {
    id: f.string({ readOnly: true }).always(),
    shareId: f.string({ api: 'share_id', createOnly: true, required: true }).always(),
    name: f.string({ nullable: true }).always().returnsNull(),
    description: f.string({ nullable: true }).always().returnsNull(),
    /** Snapshot even a share in use (ignored by most back ends). */
    force: f.boolean().createOnly(),
    status: f.string({ readOnly: true }).always(),
    /** Size in GiB. */
    size: f.integer({ readOnly: true }).always(),
    shareSize: f.integer({ api: 'share_size', readOnly: true }).always(),
    shareProto: f.string({ api: 'share_proto', readOnly: true }).always(),
    createdAt: f.date({ api: 'created_at', readOnly: true }).always(),
    projectId: f.string({ api: 'project_id', readOnly: true }),
    userId: f.string({ api: 'user_id', readOnly: true }),
    links: f.array<{ rel: string; href: string }>().readOnly(),
  },
  query: {
    name: 'name',
    status: 'status',
    shareId: 'share_id',
    projectId: 'project_id',
    allTenants: 'all_tenants',
    limit: 'limit',
    offset: 'offset',
    sortKey: 'sort_key',
    sortDir: 'sort_dir',
  },
  // manila names the next link share_snapshots_links, not snapshots_links: no link to follow
  pagination: 'none',
});
