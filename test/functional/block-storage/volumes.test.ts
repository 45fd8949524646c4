/**
 * Volumes and snapshots on the dev cloud (cinder, fake backend): the demo user creates,
 * changes and deletes its own volumes; the admin resets status, retypes and records attachments.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, test } from 'node:test';
import {
  BadRequestError,
  type BlockStorageV3,
  ForbiddenError,
  NotFoundError,
  ResourceFailureError,
  ResourceNotFoundError,
} from '../../../src/index.js';
import type { SnapshotResource, VolumeResource } from '../../../src/services/block-storage/index.js';
import { functionalSuite } from '../../support/cloud.js';
import {
  createRetrying,
  createVolumeRetrying,
  ensureHeadroom,
  retryOnServerError,
  SQLITE_RETRY,
} from './helpers.js';

const fast = { intervalMs: 500, timeoutMs: 120_000 };

functionalSuite('block storage: volumes and snapshots', (suite) => {
  const demo = suite.demo(SQLITE_RETRY);
  const admin = suite.admin(SQLITE_RETRY);
  const bs: BlockStorageV3 = demo.blockStorage;
  const { cleanup } = suite;
  let vol: VolumeResource;
  let snap: SnapshotResource;
  const volName = suite.name('vol');

  /** Create a volume and register its deletion (cascade, waited) right away. */
  async function newVolume(attrs: Parameters<BlockStorageV3['createVolume']>[0]): Promise<VolumeResource> {
    const v = await createVolumeRetrying(bs, admin.blockStorage, attrs);
    cleanup.add(`volume ${v.id}`, async () => {
      await bs.deleteVolume(v, { cascade: true, ignoreMissing: true });
      await bs.waitForVolumeDelete(v, fast);
    });
    return v;
  }

  /** Delete a test's volume now (keeps the project under its volume quota). */
  async function dispose(...volumes: VolumeResource[]): Promise<void> {
    await Promise.all(volumes.map((v) => bs.deleteVolume(v, { cascade: true, ignoreMissing: true })));
    await Promise.all(volumes.map((v) => bs.waitForVolumeDelete(v, fast)));
  }

  before(async () => {
    const { projectId } = await demo.authorize();
    await ensureHeadroom(admin, projectId!, cleanup, { volumes: 6, gigabytes: 12, snapshots: 4 });
  });

  test('negotiates the default microversion against the cloud', async () => {
    assert.equal(await bs.microversion(), '3.60');
    assert.match(await bs.baseUrl(), /\/v3\/[0-9a-f]{32}$/);
  });

  test('create a blank volume and wait until available', async () => {
    vol = await newVolume({
      size: 1,
      name: volName,
      description: 'sdk test',
      metadata: { purpose: 'ossdk' },
    });
    assert.match(vol.id, /^[0-9a-f-]{36}$/);
    assert.equal(vol.name, volName);
    vol = await bs.waitForVolume(vol, 'available', fast);
    assert.equal(vol.status, 'available');
    assert.equal(vol.size, 1);
    assert.deepEqual(vol.metadata, { purpose: 'ossdk' });
    assert.deepEqual(vol.attachments, []);
    assert.equal(vol.bootable, 'false');
    assert.equal(vol.projectId, (await demo.authorize()).projectId);
    assert.equal(typeof vol.volumeType, 'string');
    // 3.63 field: not sent at the default 3.60
    assert.equal(vol.volumeTypeId, undefined);
  });

  test('get, find by id and by name, list with filters', async () => {
    const got = await bs.getVolume(vol.id);
    assert.equal(got.name, volName);
    assert.equal((await bs.findVolume(volName)).id, vol.id);
    assert.equal((await bs.findVolume(vol.id)).name, volName);
    assert.equal(await bs.findVolume(suite.name('none'), { ignoreMissing: true }), undefined);
    await assert.rejects(bs.findVolume(suite.name('none')), ResourceNotFoundError);
    // members may only use the filters the cloud's resource_filters allow (this cloud: none)
    const asDemo = await bs
      .listVolumes({ name: volName })
      .toArray()
      .catch((e: unknown) => e);
    if (asDemo instanceof BadRequestError) assert.match(asDemo.serviceMessage ?? '', /Invalid filters name/);
    else
      assert.deepEqual(
        (asDemo as VolumeResource[]).map((v) => v.id),
        [vol.id],
      );
    const abs = admin.blockStorage;
    const byName = await abs.listVolumes({ name: volName, allTenants: true }).toArray();
    assert.deepEqual(
      byName.map((v) => v.id),
      [vol.id],
    );
    const byMeta = await abs
      .listVolumes({ metadata: JSON.stringify({ purpose: 'ossdk' }), status: 'available', allTenants: true })
      .toArray();
    assert.ok(byMeta.some((v) => v.id === vol.id));
    const none = await abs.listVolumes({ name: volName, status: 'error', allTenants: true }).toArray();
    assert.equal(none.length, 0);
    // the demo user's own listing contains it
    assert.ok((await bs.listVolumes().toArray()).some((v) => v.id === vol.id));
  });

  test('list pages through links with a small limit', async () => {
    const second = await newVolume({ size: 1, name: `${volName}-2` });
    await bs.waitForVolume(second, 'available', fast);
    const pages: number[] = [];
    for await (const page of bs.listVolumes({ limit: 1 }).pages()) pages.push(page.length);
    assert.ok(pages.length >= 2, `expected several pages, got ${pages.join(',')}`);
    assert.ok(pages.every((n) => n <= 1));
    await bs.deleteVolume(second);
    await bs.waitForVolumeDelete(second, fast);
    await assert.rejects(bs.getVolume(second.id), NotFoundError);
  });

  test('update name, description and metadata', async () => {
    const updated = await bs.updateVolume(vol, {
      name: `${volName}-renamed`,
      description: 'changed',
      metadata: { purpose: 'ossdk', step: 'update' },
    });
    assert.equal(updated.name, `${volName}-renamed`);
    const again = await bs.getVolume(vol.id);
    assert.equal(again.name, `${volName}-renamed`);
    assert.equal(again.description, 'changed');
    assert.deepEqual(again.metadata, { purpose: 'ossdk', step: 'update' });
    // a read-only field is refused before any request
    assert.throws(() => {
      (again as { status: string }).status = 'available';
    }, /set by the service/);
  });

  test('metadata: merge, replace, item get/set/delete', async () => {
    assert.deepEqual(await bs.getVolumeMetadata(vol), { purpose: 'ossdk', step: 'update' });
    assert.deepEqual(await bs.setVolumeMetadata(vol, { extra: '1' }), {
      purpose: 'ossdk',
      step: 'update',
      extra: '1',
    });
    assert.equal(await bs.getVolumeMetadataItem(vol, 'extra'), '1');
    assert.equal(await bs.setVolumeMetadataItem(vol, 'extra', '2'), '2');
    await bs.deleteVolumeMetadataItem(vol, 'extra');
    await assert.rejects(bs.getVolumeMetadataItem(vol, 'extra'), NotFoundError);
    assert.deepEqual(await bs.replaceVolumeMetadata(vol, { only: 'this' }), { only: 'this' });
    assert.deepEqual((await bs.getVolume(vol)).metadata, { only: 'this' });
  });

  test('extend: grows the volume, or the waiter reports the driver failure with its user message', async () => {
    const v = await newVolume({ size: 1, name: suite.name('extend') });
    await bs.waitForVolume(v, 'available', fast);
    await bs.extendVolume(v, 2);
    const outcome = await bs.waitForVolume(v, 'available', fast).then(
      (ok) => ok,
      (e: unknown) => e,
    );
    if (outcome instanceof ResourceFailureError) {
      // the dev cloud's fake LVM driver cannot extend: cinder says so in a user message
      assert.equal(outcome.status, 'error_extending');
      assert.match(outcome.fault ?? '', /extend/i);
      assert.match(outcome.message, /went to error_extending.*extend/i);
      const msgs = await admin.blockStorage.listMessages({ resourceUuid: v.id }).toArray();
      assert.ok(msgs.some((m) => /extend/i.test(m.userMessage ?? '')));
      await admin.blockStorage.resetVolumeStatus(v.id, { status: 'available' });
    } else {
      assert.equal((outcome as VolumeResource).size, 2);
    }
    // shrinking is refused by cinder, surfaced as a 400 with its message
    await assert.rejects(bs.extendVolume(v, 1), (e: unknown) => {
      assert.ok(e instanceof BadRequestError);
      assert.match(e.serviceMessage ?? '', /size/i);
      return true;
    });
    await assert.rejects(bs.extendVolume(v, 0), /positive integer/);
    await assert.rejects(bs.extendVolume(v, 1.5), /positive integer/);
    await dispose(v);
  });

  test('bootable and read-only flags', async () => {
    await bs.setVolumeBootable(vol, true);
    await bs.setVolumeReadonly(vol, true);
    let v = await bs.getVolume(vol);
    assert.equal(v.bootable, 'true');
    assert.equal(v.metadata?.readonly, 'True');
    await bs.setVolumeBootable(vol, false);
    await bs.setVolumeReadonly(vol, false);
    v = await bs.getVolume(vol);
    assert.equal(v.bootable, 'false');
    assert.equal(v.metadata?.readonly, 'False');
  });

  test('image metadata on a volume', async () => {
    // a volume not made from an image has none: cinder's 404 and reason are surfaced
    await assert.rejects(bs.getVolumeImageMetadata(vol), (e: unknown) => {
      assert.ok(e instanceof NotFoundError);
      assert.match(e.serviceMessage ?? '', /Glance metadata .* cannot be found/);
      return true;
    });
    const md = await bs.setVolumeImageMetadata(vol, { os_distro: 'cirros', hw_disk_bus: 'virtio' });
    assert.deepEqual(md, { os_distro: 'cirros', hw_disk_bus: 'virtio' });
    assert.deepEqual(await bs.getVolumeImageMetadata(vol), { os_distro: 'cirros', hw_disk_bus: 'virtio' });
    assert.equal((await bs.getVolume(vol)).volumeImageMetadata?.os_distro, 'cirros');
    await retryOnServerError(() => bs.unsetVolumeImageMetadata(vol, 'os_distro'));
    assert.deepEqual(await bs.getVolumeImageMetadata(vol), { hw_disk_bus: 'virtio' });
    await retryOnServerError(() => bs.unsetVolumeImageMetadata(vol, 'hw_disk_bus'));
    await assert.rejects(bs.unsetVolumeImageMetadata(vol, 'hw_disk_bus'), NotFoundError);
  });

  test('snapshots: create, get, find, list, update, metadata', async () => {
    const name = suite.name('snap');
    snap = await createRetrying(
      () => bs.createSnapshot({ volumeId: vol.id, name, description: 'first', metadata: { k: 'v' } }),
      () => bs.findSnapshot(name, { ignoreMissing: true }),
    );
    cleanup.add(`snapshot ${snap.id}`, async () => {
      await bs.deleteSnapshot(snap, { ignoreMissing: true });
      await bs.waitForSnapshotDelete(snap, fast);
    });
    snap = await bs.waitForSnapshot(snap, 'available', fast);
    assert.equal(snap.volumeId, vol.id);
    assert.equal(snap.size, 1);
    assert.equal(snap.progress, '100%');
    assert.equal((await bs.findSnapshot(name)).id, snap.id);
    const listed = await admin.blockStorage.listSnapshots({ volumeId: vol.id, allTenants: true }).toArray();
    assert.deepEqual(
      listed.map((s) => s.id),
      [snap.id],
    );
    assert.ok((await bs.listSnapshots().toArray()).some((s) => s.id === snap.id));
    const upd = await bs.updateSnapshot(snap, { name: `${name}-x`, description: 'second' });
    assert.equal(upd.name, `${name}-x`);
    assert.equal((await bs.getSnapshot(snap.id)).description, 'second');
    assert.deepEqual(await bs.getSnapshotMetadata(snap), { k: 'v' });
    assert.deepEqual(await bs.setSnapshotMetadata(snap, { k2: 'v2' }), { k: 'v', k2: 'v2' });
    assert.equal(await bs.setSnapshotMetadataItem(snap, 'k', 'w'), 'w');
    assert.equal(await bs.getSnapshotMetadataItem(snap, 'k'), 'w');
    await bs.deleteSnapshotMetadataItem(snap, 'k2');
    assert.deepEqual(await bs.replaceSnapshotMetadata(snap, { z: '1' }), { z: '1' });
    // metadata is create-only on snapshots: refused before sending
    await assert.rejects(
      bs.updateSnapshot(snap, { metadata: { a: 'b' } } as never),
      /can only be set when creating|unknown field/,
    );
  });

  test('volumes from a snapshot and from a source volume', async () => {
    const fromSnap = await newVolume({ snapshotId: snap.id, name: suite.name('from-snap') });
    const fromVol = await newVolume({ sourceVolid: vol.id, name: suite.name('from-vol'), size: 3 });
    const [a, b] = await Promise.all([
      bs.waitForVolume(fromSnap, 'available', fast),
      bs.waitForVolume(fromVol, 'available', fast),
    ]);
    assert.equal(a.snapshotId, snap.id);
    assert.equal(a.size, 1, 'inherits the snapshot size');
    assert.equal(b.sourceVolid, vol.id);
    assert.equal(b.size, 3);
    // the snapshot keeps the source volume busy: deleting it without cascade is refused
    await assert.rejects(bs.deleteVolume(vol), BadRequestError);
    await dispose(a, b);
  });

  test('revert a volume to its latest snapshot (3.40)', async () => {
    await bs.revertVolumeToSnapshot(vol, snap);
    const v = await bs.waitForVolume(vol, 'available', fast);
    assert.equal(v.size, 1);
  });

  test('scheduler hints are sent outside the volume envelope', async () => {
    const v = await newVolume({ size: 1, name: suite.name('hinted') });
    await bs.waitForVolume(v, 'available', fast);
    const hinted = await createVolumeRetrying(
      bs,
      admin.blockStorage,

      { size: 1, name: suite.name('hinted-2') },
      { schedulerHints: { same_host: [v.id] } },
    );
    cleanup.add(`volume ${hinted.id}`, async () => {
      await bs.deleteVolume(hinted, { ignoreMissing: true });
      await bs.waitForVolumeDelete(hinted, fast);
    });
    const h = await bs.waitForVolume(hinted, 'available', fast);
    assert.equal(h.status, 'available');
    await dispose(v, h);
  });

  test('admin records an attachment and removes it; demo sees it in attachments', async () => {
    const abs = admin.blockStorage;
    await abs.attachVolume(vol.id, { mountpoint: '/dev/vdb', instanceUuid: randomUUID() });
    const v = await bs.waitForVolume(vol, 'in-use', fast);
    assert.equal(v.attachments?.length, 1);
    const att = v.attachments![0]!;
    assert.equal(att.volume_id, vol.id);
    assert.equal(att.device, '/dev/vdb');
    assert.match(att.attachment_id, /^[0-9a-f-]{36}$/);
    // an in-use volume cannot be deleted
    await assert.rejects(bs.deleteVolume(vol, { cascade: true }), BadRequestError);
    await abs.detachVolume(vol.id, { attachmentId: att.attachment_id });
    const d = await bs.waitForVolume(vol, 'available', fast);
    assert.deepEqual(d.attachments, []);
    await assert.rejects(abs.attachVolume(vol.id, { mountpoint: '/dev/vdb' }), /exactly one/);
  });

  test('attachments API: reserve, connect, complete, detach (3.27, 3.44, 3.54)', async () => {
    // a fresh volume: cinder makes every attachment read-only once a volume's readonly flag was
    // ever set, even back to false (its admin metadata then holds the truthy string "False")
    const target = await newVolume({ size: 1, name: suite.name('attach') });
    await bs.waitForVolume(target, 'available', fast);
    const server = randomUUID();
    const att = await bs.createAttachment({ volumeUuid: target.id, instanceUuid: server, mode: 'rw' });
    cleanup.add(`attachment ${att.id}`, () => bs.deleteAttachment(att, { ignoreMissing: true }));
    assert.equal(att.status, 'reserved');
    assert.equal(att.instance, server);
    assert.equal((await bs.getVolume(target)).status, 'reserved');
    const connected = await bs.updateAttachment(att, {
      connector: {
        host: 'ossdk-test-host',
        ip: '127.0.0.1',
        initiator: 'iqn.2026-01.org.example:ossdk',
        platform: 'x86_64',
        os_type: 'linux',
        multipath: false,
        mountpoint: '/dev/vdb',
        mode: 'rw',
      },
    });
    assert.ok(['attaching', 'reserved'].includes(connected.status!), connected.status);
    assert.equal(typeof connected.connectionInfo, 'object');
    await bs.completeAttachment(att);
    const v = await bs.waitForVolume(target, 'in-use', fast);
    assert.deepEqual(
      v.attachments?.map((a) => [a.attachment_id, a.server_id]),
      [[att.id, server]],
    );
    const got = await bs.getAttachment(att.id);
    assert.equal(got.status, 'attached');
    assert.equal(got.attachMode, 'rw');
    assert.deepEqual(
      (await bs.listAttachments().toArray()).filter((a) => a.volumeId === target.id).map((a) => a.id),
      [att.id],
    );
    await bs.deleteAttachment(att);
    await bs.waitForVolume(target, 'available', fast);
    await assert.rejects(bs.getAttachment(att.id), NotFoundError);
    await dispose(target);
  });

  test('reserve and unreserve', async () => {
    await retryOnServerError(() => bs.reserveVolume(vol));
    assert.equal((await bs.getVolume(vol)).status, 'attaching');
    await retryOnServerError(() => bs.unreserveVolume(vol));
    assert.equal((await bs.getVolume(vol)).status, 'available');
  });

  test('admin: reset status; demo may not', async () => {
    await assert.rejects(bs.resetVolumeStatus(vol, { status: 'error' }), ForbiddenError);
    await admin.blockStorage.resetVolumeStatus(vol.id, { status: 'error' });
    // a waiter stops on a failure status with a typed error
    await assert.rejects(bs.waitForVolume(vol, 'in-use', fast), (e: unknown) => {
      assert.ok(e instanceof ResourceFailureError);
      assert.equal(e.status, 'error');
      return true;
    });
    await admin.blockStorage.resetVolumeStatus(vol.id, { status: 'available' });
    assert.equal((await bs.getVolume(vol)).status, 'available');
    await assert.rejects(admin.blockStorage.resetVolumeStatus(vol.id, {}), /nothing to reset/);
  });

  test('retype to an admin-created type', async () => {
    const typeName = suite.name('retype');
    const type = await createRetrying(
      () => admin.blockStorage.createVolumeType({ name: typeName, description: 'retype target' }),
      () => admin.blockStorage.findVolumeType(typeName, { ignoreMissing: true }),
    );
    cleanup.add(`volume type ${type.id}`, async () => {
      // the type stays in use while the retyped volume exists
      await bs.deleteVolume(vol, { cascade: true, ignoreMissing: true });
      await bs.waitForVolumeDelete(vol, fast);
      await admin.blockStorage.deleteVolumeType(type, { ignoreMissing: true });
    });
    await retryOnServerError(() => bs.retypeVolume(vol, type.name!, { migrationPolicy: 'never' }));
    const deadline = Date.now() + 60_000;
    let v = await bs.getVolume(vol);
    while (v.volumeType !== type.name && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      v = await bs.getVolume(vol);
    }
    assert.equal(v.volumeType, type.name);
    // at 3.63 the type id is returned too
    const v63 = await bs.getVolume(vol, { microversion: '3.63' });
    assert.equal(v63.volumeTypeId, type.id);
  });

  test('a volume from an image goes to error on the fake backend: the waiter says so', async () => {
    const images = await demo.image.request('GET', '/images', { query: { name: 'cirros' } });
    const image = ((await images.json()) as { images: { id: string }[] }).images[0];
    if (!image) return;
    const v = await newVolume({ size: 1, name: suite.name('from-image'), imageRef: image.id });
    const final = await bs.waitForVolume(v, 'available', fast).then(
      (ok) => ok,
      (e: unknown) => e,
    );
    if (final instanceof ResourceFailureError) {
      assert.equal(final.status, 'error');
      assert.match(final.message, new RegExp(`volume ${v.id} went to error`));
    } else {
      // a backend that can copy images makes it bootable
      assert.equal((final as VolumeResource).bootable, 'true');
    }
    await dispose(v);
  });

  test('user messages (3.3) list and get', async () => {
    const msgs = await bs.listMessages({}, { microversion: '3.3' }).toArray();
    for (const m of msgs.slice(0, 1)) {
      const one = await bs.getMessage(m.id);
      assert.equal(one.eventId, m.eventId);
      assert.equal(typeof one.userMessage, 'string');
    }
  });

  test('volume summary (3.12)', async () => {
    const s = await bs.getVolumeSummary();
    assert.ok((s.totalCount ?? 0) >= 1);
    assert.ok((s.totalSize ?? 0) >= 1);
  });

  test('errors name the service failure', async () => {
    const missing = randomUUID();
    await assert.rejects(bs.getVolume(missing), (e: unknown) => {
      assert.ok(e instanceof NotFoundError);
      assert.match(e.serviceMessage ?? '', new RegExp(missing));
      assert.ok(e.requestId?.startsWith('req-'));
      return true;
    });
    await bs.deleteVolume(missing, { ignoreMissing: true });
    await assert.rejects(bs.deleteVolume(missing), NotFoundError);
    await assert.rejects(bs.createVolume({ name: 'no-size' }), /needs a size/);
    await assert.rejects(bs.createVolume({ size: 1, imageRef: missing }), BadRequestError);
  });

  test('delete with cascade removes the snapshots', async () => {
    const v = await newVolume({ size: 1, name: suite.name('cascade') });
    await bs.waitForVolume(v, 'available', fast);
    const snapName = suite.name('cascade-snap');
    const s = await createRetrying(
      () => bs.createSnapshot({ volumeId: v.id, name: snapName }),
      () => bs.findSnapshot(snapName, { ignoreMissing: true }),
    );
    await bs.waitForSnapshot(s, 'available', fast);
    await bs.deleteVolume(v, { cascade: true });
    await bs.waitForVolumeDelete(v, fast);
    await assert.rejects(bs.getSnapshot(s.id), NotFoundError);
  });

  test('admin: force delete (3.23 force flag and os-force_delete)', async () => {
    const abs = admin.blockStorage;
    const a = await newVolume({ size: 1, name: suite.name('force-a') });
    const b = await newVolume({ size: 1, name: suite.name('force-b') });
    await Promise.all([bs.waitForVolume(a, 'available', fast), bs.waitForVolume(b, 'available', fast)]);
    await abs.resetVolumeStatus(a.id, { status: 'error_deleting' });
    await abs.deleteVolume(a.id, { force: true });
    await bs.waitForVolumeDelete(a, fast);
    await abs.forceDeleteVolume(b.id);
    await bs.waitForVolumeDelete(b, fast);
  });
});
