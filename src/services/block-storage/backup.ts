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
    id: f.string({ readOnly: true }),
    /** Changing name or description after create needs 3.9. */
    name: f.string({ nullable: true }),
    description: f.string({ nullable: true }),
    volumeId: f.string({ api: 'volume_id', createOnly: true, required: true }),
    container: f.string({ createOnly: true, nullable: true }),
    incremental: f.boolean({ createOnly: true }),
    /** Back up an attached volume. */
    force: f.boolean({ createOnly: true }),
    snapshotId: f.string({ api: 'snapshot_id', createOnly: true, nullable: true }),
    metadata: f.object<Record<string, string>>({ minVersion: '3.43' }),
    /** The backup's availability zone (settable on create from 3.51). */
    availabilityZone: f.string({
      api: 'availability_zone',
      createOnly: true,
      nullable: true,
      minVersion: '3.51',
    }),
    status: f.string({ readOnly: true }),
    size: f.integer({ readOnly: true }),
    objectCount: f.integer({ api: 'object_count', readOnly: true }),
    isIncremental: f.boolean({ api: 'is_incremental', readOnly: true }),
    hasDependentBackups: f.boolean({ api: 'has_dependent_backups', readOnly: true }),
    failReason: f.string({ api: 'fail_reason', readOnly: true }),
    dataTimestamp: f.date({ api: 'data_timestamp', readOnly: true }),
    createdAt: f.date({ api: 'created_at', readOnly: true }),
    updatedAt: f.date({ api: 'updated_at', readOnly: true }),
    projectId: f.string({ api: 'os-backup-project-attr:project_id', readOnly: true, minVersion: '3.18' }),
    userId: f.string({ api: 'user_id', readOnly: true, minVersion: '3.56' }),
    encryptionKeyId: f.string({ api: 'encryption_key_id', readOnly: true, minVersion: '3.64' }),
    links: f.array<{ rel: string; href: string }>().readOnly(),
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
