import { defineResource, f } from '../../resource/index.js';

/** Statuses a backup goes to when an operation fails. */
export const BACKUP_FAILURE_STATUSES = ['error', 'error_deleting', 'error_restoring'] as const;

/**
 * Block storage volume backup (`/backups`); needs a running cinder-backup service.
 *
 * @example
 * ```ts
 * const vol = await conn.blockStorage.findVolume('data');
 * const backup = await conn.blockStorage.createBackup({ volumeId: vol.id, name: 'data-nightly', incremental: true });
 * await conn.blockStorage.waitForBackup(backup, 'available', { timeoutMs: 3_600_000 });
 * const restored = await conn.blockStorage.restoreBackup(backup, { name: 'data-restored' });
 * console.log(restored);
 * ```
 */
export const Backup = defineResource({
  name: 'backup',
  basePath: '/backups',
  listPath: '/backups/detail',
  fields: {
    id: f.string({ readOnly: true }).always(),
    /** Changing name or description after create needs 3.9. */
    name: f.string({ nullable: true }).always().returnsNull(),
    description: f.string({ nullable: true }).returnsNull().always(),
    volumeId: f.string({ api: 'volume_id', createOnly: true, required: true }).always(),
    container: f.string({ createOnly: true, nullable: true }).returnsNull().always(),
    incremental: f.boolean({ createOnly: true }),
    /** Back up an attached volume. */
    force: f.boolean({ createOnly: true }),
    snapshotId: f.string({ api: 'snapshot_id', createOnly: true, nullable: true }).returnsNull().always(),
    /** From microversion 3.43. */
    metadata: f.object<Record<string, string>>({ minVersion: '3.43' }),
    /** The backup's availability zone (settable on create from 3.51). */
    availabilityZone: f
      .string({
        api: 'availability_zone',
        createOnly: true,
        nullable: true,
        minVersion: '3.51',
      })
      .returnsNull(),
    status: f.string({ readOnly: true }).always(),
    size: f.integer({ readOnly: true }).always(),
    objectCount: f.integer({ api: 'object_count', readOnly: true }).always(),
    isIncremental: f.boolean({ api: 'is_incremental', readOnly: true }).always(),
    hasDependentBackups: f.boolean({ api: 'has_dependent_backups', readOnly: true }).always(),
    failReason: f.string({ api: 'fail_reason', readOnly: true }).returnsNull().always(),
    dataTimestamp: f.date({ api: 'data_timestamp', readOnly: true }).returnsNull().always(),
    createdAt: f.date({ api: 'created_at', readOnly: true }).always(),
    updatedAt: f.date({ api: 'updated_at', readOnly: true }).returnsNull().always(),
    /** From microversion 3.18. */
    projectId: f.string({ api: 'os-backup-project-attr:project_id', readOnly: true, minVersion: '3.18' }),
    /** From microversion 3.56. */
    userId: f.string({ api: 'user_id', readOnly: true, minVersion: '3.56' }),
    /** From microversion 3.64. */
    encryptionKeyId: f.string({ api: 'encryption_key_id', readOnly: true, minVersion: '3.64' }).returnsNull(),
    links: f.array<{ rel: string; href: string }>().readOnly().always(),
  },
  query: {
    name: 'name',
    status: 'status',
    volumeId: 'volume_id',
    allTenants: 'all_tenants',
    projectId: 'project_id',
    withCount: 'with_count',
    sort: 'sort',
    sortKey: 'sort_key',
    sortDir: 'sort_dir',
    offset: 'offset',
  },
  pagination: 'links',
});

/** The result of restoring a backup (`POST /backups/{id}/restore`). */
export interface BackupRestore {
  /** The backup restored. */
  backup_id: string;
  /** The volume it was restored to. */
  volume_id: string;
  /** That volume's name. */
  volume_name: string;
}
