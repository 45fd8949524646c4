/** The backup methods of `conn.blockStorage` that are not generated verbs. */
import { NotFoundError } from '../../errors/errors.js';
import {
  type CreateAttributes,
  createResource,
  type DeleteOptions,
  deleteResource,
  fetchResource,
  idSegment,
  type PartialResource,
  type RequestOptions,
  type UpdateAttributes,
  updateResource,
  type VerbOptions,
  type WaitForStatusOptions,
  type WaitOptions,
} from '../../resource/index.js';
import { requireMicroversion } from '../service-documents.js';
import { ServiceProxy } from '../service-proxy.js';
import { BACKUP_FAILURE_STATUSES, Backup, type BackupRestore } from './backup.js';
import { cinderAction, type IdArg } from './internal.js';
import type { BackupFields, BackupResource } from './resource-types.js';
import { waitersOf } from './waits.js';

/** Backups: delete, update, wait, restore, admin actions (a section of `conn.blockStorage`, never constructed). */
export abstract class BackupSection extends ServiceProxy {
  /**
   * Back a volume up. Cinder answers at once with the backup's id, name and links only (the
   * type promises nothing more); `waitForBackup(backup, 'available')` returns the whole backup.
   */
  async createBackup(
    attrs: CreateAttributes<BackupFields>,
    opts: VerbOptions = {},
  ): Promise<PartialResource<BackupFields>> {
    return createResource(this.client, Backup, attrs, opts);
  }

  /**
   * Delete a backup. Cinder also answers 404 when no cinder-backup service can do the delete
   * ("Service cinder-backup could not be found"): with `ignoreMissing`, a 404 is only ignored
   * when the backup is really gone.
   */
  async deleteBackup(backup: IdArg, opts: DeleteOptions = {}): Promise<void> {
    try {
      await deleteResource(this.client, Backup, backup, { ...opts, ignoreMissing: false });
    } catch (e) {
      if (!opts.ignoreMissing || !(e instanceof NotFoundError)) throw e;
      try {
        await fetchResource(this.client, Backup, backup, opts);
      } catch (gone) {
        if (gone instanceof NotFoundError) return;
        throw gone;
      }
      throw e;
    }
  }

  /**
   * Rename or describe a backup (3.9; `metadata` from 3.43). Cinder answers with id, name and
   * links only, merged over the backup passed in (or its id): no other field is promised.
   */
  async updateBackup(
    backup: IdArg,
    attrs: UpdateAttributes<BackupFields>,
    opts: VerbOptions = {},
  ): Promise<PartialResource<BackupFields>> {
    await requireMicroversion(this.client, '3.9', 'updateBackup', opts);
    return updateResource(this.client, Backup, backup, attrs, opts);
  }

  /** Wait until a backup reaches `status` (e.g. `available`); fails fast on `error`. */
  waitForBackup(
    backup: IdArg,
    status: string | string[],
    opts: WaitForStatusOptions & VerbOptions = {},
  ): Promise<BackupResource> {
    const failures = [...BACKUP_FAILURE_STATUSES];
    return waitersOf(this.client, Backup).waitForIt(backup, status, { failures, ...opts });
  }

  /** Wait until a backup is gone. */
  waitForBackupDelete(backup: IdArg, opts: WaitOptions & VerbOptions = {}): Promise<void> {
    return waitersOf(this.client, Backup).waitForItDelete(backup, opts);
  }

  /**
   * Restore a backup into an existing volume (`volumeId`) or a new one (`name`).
   *
   * @example
   * ```ts
   * const backup = await conn.blockStorage.findBackup('db-weekly');
   * const restore = await conn.blockStorage.restoreBackup(backup, { name: 'db-restored' });
   * await conn.blockStorage.waitForVolume(restore.volume_id, ['available'], { timeoutMs: 30 * 60_000 });
   * ```
   */
  async restoreBackup(
    backup: IdArg,
    target: { volumeId?: string; name?: string } = {},
    opts: RequestOptions = {},
  ): Promise<BackupRestore> {
    const body: Record<string, unknown> = {};
    if (target.volumeId) body.volume_id = target.volumeId;
    if (target.name) body.name = target.name;
    const path = `/backups/${idSegment('backup', backup)}/restore`;
    const doc = await this.client.decode('POST', path, { json: { restore: body } }, opts);
    return doc.key('restore', 'object') as BackupRestore;
  }

  /**
   * Admin: delete a backup whatever its state (`os-force_delete`).
   *
   * @example
   * ```ts
   * // admin: a backup stuck in 'creating' after the backup service restarted
   * const backup = await conn.blockStorage.findBackup('db-weekly');
   * await conn.blockStorage.resetBackupStatus(backup, 'error');
   * await conn.blockStorage.forceDeleteBackup(backup);
   * await conn.blockStorage.waitForBackupDelete(backup);
   * ```
   */
  async forceDeleteBackup(backup: IdArg, opts: RequestOptions = {}): Promise<void> {
    await cinderAction(this.client, '/backups', 'backup', backup, 'os-force_delete', {}, opts);
  }

  /** Admin: overwrite a backup's status in the database (`os-reset_status`). */
  async resetBackupStatus(backup: IdArg, status: string, opts: RequestOptions = {}): Promise<void> {
    await cinderAction(this.client, '/backups', 'backup', backup, 'os-reset_status', { status }, opts);
  }
}
