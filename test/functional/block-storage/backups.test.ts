/**
 * Backups need a cinder-backup service. Where one runs, the demo user backs a volume up,
 * restores and deletes it. The dev cloud has none: then only what works without the service is
 * exercised (listing, 404s, the ignoreMissing trap), because a backup created there goes to
 * `error` ("Service not found for creating backup.") and cannot be deleted again (cinder
 * answers 404 "Service cinder-backup could not be found"), leaving a record on every run.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, test } from 'node:test';
import { NotFoundError, ResourceNotFoundError } from '../../../src/index.js';
import { functionalSuite } from '../../support/cloud.js';
import { createVolumeRetrying, ensureHeadroom, SQLITE_RETRY } from './helpers.js';

const fast = { intervalMs: 500, timeoutMs: 180_000 };

functionalSuite('block storage: backups', (suite) => {
  const admin = suite.admin(SQLITE_RETRY);
  const demo = suite.demo(SQLITE_RETRY);
  const bs = demo.blockStorage;
  const { cleanup } = suite;
  let backupService = false;

  before(async () => {
    const services = await admin.blockStorage.listServices({ binary: 'cinder-backup' }).toArray();
    backupService = services.some((s) => s.state === 'up' && s.status === 'enabled');
  });

  test('listing works with or without the service', async () => {
    const all = await bs.listBackups().toArray();
    assert.ok(Array.isArray(all));
    for (const b of all.slice(0, 3)) assert.match(b.id, /^[0-9a-f-]{36}$/);
  });

  test('a missing backup is a 404; ignoreMissing only hides real absence', async () => {
    const missing = randomUUID();
    await assert.rejects(bs.getBackup(missing), NotFoundError);
    await assert.rejects(bs.findBackup(suite.name('nobackup')), ResourceNotFoundError);
    await assert.rejects(bs.deleteBackup(missing), NotFoundError);
    await bs.deleteBackup(missing, { ignoreMissing: true });
    await assert.rejects(bs.restoreBackup(missing, { name: suite.name('restored') }), NotFoundError);
  });

  test('full cycle: backup, update (3.9), restore, delete', { skip: false }, async (t) => {
    if (!backupService) {
      t.skip('no cinder-backup service on this cloud (see the file comment)');
      return;
    }
    const { projectId } = await demo.authorize();
    await ensureHeadroom(admin, projectId!, cleanup, { volumes: 3, gigabytes: 3, snapshots: 0 });
    const vol = await createVolumeRetrying(bs, admin.blockStorage, {
      size: 1,
      name: suite.name('backup-src'),
    });
    cleanup.add(`volume ${vol.id}`, async () => {
      await bs.deleteVolume(vol, { cascade: true, ignoreMissing: true });
      await bs.waitForVolumeDelete(vol, fast);
    });
    await bs.waitForVolume(vol, 'available', fast);
    const name = suite.name('backup');
    let b = await bs.createBackup({ volumeId: vol.id, name, description: 'first' });
    cleanup.add(`backup ${b.id}`, async () => {
      await bs.deleteBackup(b, { ignoreMissing: true });
      await bs.waitForBackupDelete(b, fast);
    });
    b = await bs.waitForBackup(b, 'available', fast);
    assert.equal(b.volumeId, vol.id);
    assert.equal(b.size, 1);
    assert.equal((await bs.findBackup(name)).id, b.id);
    const upd = await bs.updateBackup(b, { description: 'second' });
    assert.equal(upd.description, 'second');
    const restore = await bs.restoreBackup(b, { name: suite.name('restored') });
    cleanup.add(`volume ${restore.volume_id}`, async () => {
      await bs.deleteVolume(restore.volume_id, { ignoreMissing: true });
      await bs.waitForVolumeDelete(restore.volume_id, fast);
    });
    assert.equal(restore.backup_id, b.id);
    await bs.waitForVolume(restore.volume_id, 'available', fast);
    await bs.waitForBackup(b, 'available', fast);
    await bs.deleteBackup(b);
    await bs.waitForBackupDelete(b, fast);
  });
});
