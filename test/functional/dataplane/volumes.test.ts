/**
 * Volumes a real guest uses: a server booted from a volume runs from it (its data disk is the
 * volume), and a volume attached to a running server is a disk inside the guest whose data
 * survives a detach and a second attach. The dev cloud's cinder backend "files" (zone
 * "dataplane") holds each volume in a file and hands it to the libvirt host on a loop device
 * (tools/devcloud/services/dataplane_cinder_files.py); the fake backend attaches nothing real.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { deleteVolumeWhenFree } from '../../../src/cloud/volume-cleanup.js';
import { functionalSuite } from '../../support/cloud.js';
import { bootServer, DP_ZONE, dataplaneFixture, type SshResult, sshRun, testCleanup } from './helpers.js';

const GiB_SECTORS = (1024 ** 3 / 512).toString();

function ok(r: SshResult, what: string): string {
  assert.equal(r.status, 0, `${what} must succeed over SSH (exit ${r.status}): ${r.stderr}`);
  return r.stdout.trim();
}

functionalSuite('data plane: boot from volume, attach and detach (demo)', { timeout: 1_200_000 }, (suite) => {
  const fixture = dataplaneFixture(suite, 'vol');

  test('boot from volume: the guest runs from the volume, which goes with the server', async (t) => {
    const fx = fixture();
    const cleanup = testCleanup(t);
    const made = await bootServer(fx, cleanup, { name: 'bfv', bootFromVolume: true });
    assert.ok(made.publicV4, 'the server must have a floating IP');
    const boot = made.createdResources.find((r) => r.type === 'volume');
    assert.ok(boot, `createServer must report the boot volume: ${JSON.stringify(made.createdResources)}`);

    const vol = await fx.conn.blockStorage.getVolume(boot.id);
    assert.equal(vol.status, 'in-use');
    assert.equal(vol.availabilityZone, DP_ZONE, 'the boot volume is in the server zone');
    assert.equal(vol.bootable, 'true', 'a volume made from an image is bootable');
    assert.equal(vol.attachments[0]?.server_id, made.server.id);

    // the image's ext4 data disk, now the volume, is what the guest mounted on /data
    const mounts = ok(
      await sshRun(made.publicV4, fx.keyFile, 'grep " /data " /proc/mounts'),
      'reading mounts',
    );
    assert.match(mounts, /^\/dev\/vda \/data ext4 /, `/data must be the volume (/dev/vda): ${mounts}`);
    const serial = ok(
      await sshRun(made.publicV4, fx.keyFile, 'cat /sys/block/vda/serial'),
      'reading the serial',
    );
    assert.equal(serial, boot.id.slice(0, 20), 'the root disk is that volume (nova uses its id as serial)');
    const page = ok(await sshRun(made.publicV4, fx.keyFile, 'cat /data/www/index.html'), 'reading /data');
    assert.equal(page, 'ossdk-guest', 'the volume holds the image content');

    await fx.conn.cloud.deleteServer(made.server.id, { deleteIps: true, timeoutMs: 180_000 });
    // deleteVolumeOnTermination defaults to true: nova deletes the volume after the server
    await fx.conn.blockStorage.waitForVolumeDelete(boot.id, { timeoutMs: 120_000, intervalMs: 2000 });
  });

  test('attach: a disk in the guest; what is written there survives detach and re-attach', async (t) => {
    const fx = fixture();
    const cleanup = testCleanup(t);
    const name = `${fx.prefix}-data`;
    // registered first, so it runs after the server's removal has detached the volume
    cleanup.add(`volume ${name}`, async () => {
      for (const v of await fx.conn.cloud.searchVolumes({ name }))
        await deleteVolumeWhenFree(fx.conn, v.id, { timeoutMs: 120_000, intervalMs: 1000 });
    });
    const made = await bootServer(fx, cleanup, { name: 'att' });
    assert.ok(made.publicV4, 'the server must have a floating IP');
    const ip = made.publicV4;
    const created = await fx.conn.blockStorage.createVolume({ name, size: 1, availabilityZone: DP_ZONE });
    await fx.conn.blockStorage.waitForVolume(created, 'available', { timeoutMs: 120_000, intervalMs: 1000 });
    const serial = created.id.slice(0, 20);
    // the guest names disks in the order they appear: find this one by the serial nova gives it
    const findDisk = `for d in /sys/block/vd*; do [ "$(cat $d/serial)" = ${serial} ] && basename $d; done; true`;

    const first = await fx.conn.cloud.attachVolume(made.server.id, created.id, { intervalMs: 1000 });
    assert.equal(first.alreadyAttached, false);
    assert.equal(first.volume.status, 'in-use');
    assert.match(first.device ?? '', /^\/dev\/vd[b-z]$/, `nova names a second virtio disk: ${first.device}`);
    const again = await fx.conn.cloud.attachVolume(made.server.id, created.id);
    assert.equal(again.alreadyAttached, true, 'attaching twice changes nothing');

    const disk = ok(await sshRun(ip, fx.keyFile, findDisk), 'finding the disk');
    assert.match(disk, /^vd[b-z]$/, `the guest must see the volume as a disk (serial ${serial})`);
    const sectors = ok(await sshRun(ip, fx.keyFile, `cat /sys/block/${disk}/size`), 'reading its size');
    assert.equal(sectors, GiB_SECTORS, 'the disk has the volume size, 1 GiB');
    const marker = `ossdk-${randomBytes(6).toString('hex')}`;
    ok(
      await sshRun(ip, fx.keyFile, `printf ${marker} | dd of=/dev/${disk} conv=fsync 2>/dev/null`),
      'writing',
    );

    const off = await fx.conn.cloud.detachVolume(made.server.id, created.id, { intervalMs: 1000 });
    assert.equal(off.detached, true);
    assert.equal(off.volume.status, 'available');
    assert.equal(
      ok(await sshRun(ip, fx.keyFile, findDisk), 'listing disks'),
      '',
      'the disk is gone from the guest',
    );

    await fx.conn.cloud.attachVolume(made.server.id, created.id, { intervalMs: 1000 });
    const back = ok(await sshRun(ip, fx.keyFile, findDisk), 'finding the disk again');
    const read = ok(
      await sshRun(ip, fx.keyFile, `dd if=/dev/${back} bs=${marker.length} count=1 2>/dev/null`),
      'reading it back',
    );
    assert.equal(read, marker, 'the volume kept what the guest wrote before the detach');
    await fx.conn.cloud.detachVolume(made.server.id, created.id, { intervalMs: 1000 });
  });
});
