/**
 * Volume transfers on the dev cloud: the demo user offers a volume, cancels one offer, and the
 * admin accepts another (the volume moves to the admin project, where it is then deleted).
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { BadRequestError, NotFoundError } from '../../../src/index.js';
import type { VolumeResource } from '../../../src/services/block-storage/index.js';
import { functionalSuite } from '../../support/cloud.js';
import { createRetrying, createVolumeRetrying, ensureHeadroom, SQLITE_RETRY } from './helpers.js';

const fast = { intervalMs: 500, timeoutMs: 120_000 };

functionalSuite('block storage: volume transfers (3.55)', (suite) => {
  const demo = suite.demo(SQLITE_RETRY);
  const admin = suite.admin(SQLITE_RETRY);
  const bs = demo.blockStorage;
  const abs = admin.blockStorage;
  const { cleanup } = suite;
  let vol: VolumeResource;
  let demoProject: string;
  let adminProject: string;

  before(async () => {
    demoProject = (await demo.authorize()).projectId!;
    adminProject = (await admin.authorize()).projectId!;
    await ensureHeadroom(admin, demoProject, cleanup, { volumes: 2, gigabytes: 2, snapshots: 0 });
    vol = await createVolumeRetrying(bs, abs, { size: 1, name: suite.name('transfer') });
    // whoever owns it at the end: the admin deletes it
    cleanup.add(`volume ${vol.id}`, async () => {
      await abs.deleteVolume(vol.id, { ignoreMissing: true });
      await abs.waitForVolumeDelete(vol.id, fast);
    });
    await bs.waitForVolume(vol, 'available', fast);
  });

  test('offer and cancel', async () => {
    const name = suite.name('offer');
    const t = await createRetrying(
      () => bs.createVolumeTransfer({ volumeId: vol.id, name, noSnapshots: true }),
      async () => (await bs.listVolumeTransfers().toArray()).find((x) => x.name === name),
    );
    cleanup.add(`transfer ${t.id}`, () => bs.deleteVolumeTransfer(t, { ignoreMissing: true }));
    assert.match(t.authKey ?? '', /^[0-9a-f]{16}$/);
    assert.equal(t.volumeId, vol.id);
    assert.equal((await bs.getVolume(vol)).status, 'awaiting-transfer');
    const got = await bs.getVolumeTransfer(t.id);
    assert.equal(got.name, name);
    assert.equal(got.authKey, undefined, 'the key is only shown at creation');
    assert.equal(got.accepted, false);
    assert.equal(got.sourceProjectId, demoProject);
    assert.ok((await bs.listVolumeTransfers().toArray()).some((x) => x.id === t.id));
    // one offer per volume
    await assert.rejects(bs.createVolumeTransfer({ volumeId: vol.id }), BadRequestError);
    await bs.deleteVolumeTransfer(t);
    await assert.rejects(bs.getVolumeTransfer(t.id), NotFoundError);
    assert.equal((await bs.getVolume(vol)).status, 'available');
  });

  test('offer and accept into another project', async () => {
    const t = await bs.createVolumeTransfer({ volumeId: vol.id, name: suite.name('handover') });
    cleanup.add(`transfer ${t.id}`, () => bs.deleteVolumeTransfer(t, { ignoreMissing: true }));
    await assert.rejects(abs.acceptVolumeTransfer(t.id, 'wrong-key-000000'), BadRequestError);
    const accepted = await abs.acceptVolumeTransfer(t.id, t.authKey!);
    assert.equal(accepted.volumeId, vol.id);
    const moved = await abs.waitForVolume(vol.id, 'available', fast);
    assert.equal(moved.projectId, adminProject);
    await assert.rejects(bs.getVolume(vol.id), NotFoundError);
    await assert.rejects(bs.getVolumeTransfer(t.id), NotFoundError);
  });
});
