/**
 * `ostack server add volume` / `server remove volume` on the dev cloud's fake compute host, in
 * the admin project (the demo project's volume quota is shared with other suites): a server of
 * its own (networks none) and a volume of its own, attached and detached with and without
 * --wait, the output checked against nova, cinder and openstackclient.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { ServerResource } from '../../../src/cloud/resources.js';
import { ADMIN_CLOUD, functionalSuite } from '../../support/cloud.js';
import { retryLocked, sqliteTolerant } from '../compute/helpers.js';
import { openstackJson, ostack } from './helpers.js';

const fast = { intervalMs: 1000, timeoutMs: 120_000 };
const cloud = ['--os-cloud', ADMIN_CLOUD];
const COLUMNS = ['ID', 'Server ID', 'Volume ID', 'Device', 'Tag', 'Delete On Termination'];

functionalSuite('ostack: server add / remove volume (admin project)', { timeout: 600_000 }, (suite) => {
  const admin = suite.admin(sqliteTolerant);
  const { cleanup } = suite;
  let server: ServerResource;
  let volumeId = '';
  const volumeName = suite.name('cli-vol');

  async function volume() {
    return admin.blockStorage.getVolume(volumeId);
  }

  before(async () => {
    const created = await admin.compute.createServer({
      name: suite.name('cli-vol-srv'),
      imageRef: (await admin.image.findImage('cirros')).id,
      flavorRef: (await admin.compute.findFlavor('m1.nano')).id,
      networks: 'none',
    });
    const serverId = created.id;
    cleanup.add(`server ${serverId}`, async () => {
      // deleting the server detaches the volume if a test left it attached
      await admin.compute.deleteServer(serverId, { ignoreMissing: true });
      await admin.compute.waitForServerDelete(serverId, fast);
    });
    const vol = await retryLocked(() => admin.blockStorage.createVolume({ name: volumeName, size: 1 }), {
      anyServerError: true,
    });
    volumeId = vol.id;
    // cleanup runs newest first: this step deletes the server itself, so that a volume a
    // failed test left attached is detached (by the delete) before it is deleted
    cleanup.add(`volume ${volumeId}`, async () => {
      await admin.compute.deleteServer(serverId, { ignoreMissing: true });
      await admin.compute.waitForServerDelete(serverId, fast);
      // a volume in error is deleted all the same: the delete below reports what cinder says
      await admin.blockStorage.waitForVolume(volumeId, 'available', fast).catch(() => undefined);
      await admin.blockStorage.deleteVolume(volumeId, { ignoreMissing: true });
      await admin.blockStorage.waitForVolumeDelete(volumeId, fast);
    });
    server = await admin.compute.waitForServerIdle(created, 'ACTIVE', fast);
    await admin.blockStorage.waitForVolume(volumeId, 'available', fast);
  });

  test('add volume --wait: the attachment printed, in-use by the server, as openstack lists it', async () => {
    const r = await ostack(
      ...cloud,
      'server',
      'add',
      'volume',
      server.name,
      volumeName,
      '--wait',
      '-f',
      'json',
    );
    assert.equal(r.status, 0, `add volume should succeed: ${r.stderr}`);
    assert.equal(r.stderr, '', 'nothing on stderr');
    const row = JSON.parse(r.stdout) as Record<string, unknown>;
    assert.deepEqual(Object.keys(row), COLUMNS, 'the columns and their order');
    assert.equal(row['Server ID'], server.id, 'the server');
    assert.equal(row['Volume ID'], volumeId, 'the volume');
    assert.equal(row.ID, volumeId, "nova's attachment id is the volume id");
    assert.match(String(row.Device), /^\/dev\/[a-z]+$/, 'the device nova chose');
    assert.equal(row.Tag, null, 'no tag asked for');
    assert.equal(row['Delete On Termination'], false, 'an attached volume outlives the server');

    // --wait returned only once cinder reports it in-use by this server
    const v = await volume();
    assert.equal(v.status, 'in-use', 'in-use right after --wait');
    assert.deepEqual(
      v.attachments?.map((a) => a.server_id),
      [server.id],
      'attached to this server only',
    );

    // openstackclient's listing of the server's volumes has the same values under the same names
    const theirs = openstackJson<Record<string, unknown>[]>(
      '--os-cloud',
      ADMIN_CLOUD,
      '--os-compute-api-version',
      '2.79',
      'server',
      'volume',
      'list',
      server.id,
    );
    // the listing titles one column 'Delete On Termination?'; add volume's has no question mark
    const listed = theirs.find((a) => a['Volume ID'] === volumeId) ?? {};
    const { 'Delete On Termination?': deleteOnTermination, ...rest } = listed;
    assert.deepEqual(
      { ...rest, 'Delete On Termination': deleteOnTermination },
      row,
      `the row openstack lists for this volume: ${JSON.stringify(listed)}`,
    );
  });

  test('add volume again: exit 0, the same attachment, a note on stderr', async () => {
    const before = (await volume()).attachments?.[0]?.attachment_id;
    const r = await ostack(
      ...cloud,
      'server',
      'add',
      'volume',
      server.id,
      volumeId,
      '-f',
      'value',
      '-c',
      'Device',
    );
    assert.equal(r.status, 0, `already attached is not an error: ${r.stderr}`);
    assert.match(r.stdout, /^\/dev\/[a-z]+\n$/, 'the device, -f value -c Device');
    assert.match(r.stderr, /is already attached to server .*: nothing changed/, 'says so on stderr');
    assert.equal((await volume()).attachments?.[0]?.attachment_id, before, "cinder's attachment unchanged");
  });

  test('remove volume --wait: prints nothing, the volume is available again', async () => {
    const r = await ostack(...cloud, 'server', 'remove', 'volume', server.name, volumeName, '--wait');
    assert.equal(r.status, 0, `remove volume should succeed: ${r.stderr}`);
    assert.equal(r.stdout, '', 'no output, like openstackclient');
    assert.equal(r.stderr, '', 'nothing on stderr');
    const v = await volume();
    assert.equal(v.status, 'available', 'available right after --wait');
    assert.deepEqual(v.attachments ?? [], [], 'no attachment left');

    const again = await ostack(...cloud, 'server', 'remove', 'volume', server.id, volumeId);
    assert.equal(again.status, 0, `not attached is not an error: ${again.stderr}`);
    assert.equal(again.stdout, '', 'no output');
    assert.match(again.stderr, /is not attached to server .*: nothing changed/, 'says so on stderr');
  });

  test('without --wait: both return once nova accepted; the volume gets there after', async () => {
    const add = await ostack(...cloud, 'server', 'add', 'volume', server.id, volumeId, '-f', 'json');
    assert.equal(add.status, 0, `add volume should succeed: ${add.stderr}`);
    const row = JSON.parse(add.stdout) as Record<string, unknown>;
    assert.equal(row['Volume ID'], volumeId, 'the attachment nova recorded');
    await admin.blockStorage.waitForVolume(volumeId, 'in-use', fast);

    const remove = await ostack(...cloud, 'server', 'remove', 'volume', server.id, volumeId);
    assert.equal(remove.status, 0, `remove volume should succeed: ${remove.stderr}`);
    assert.equal(remove.stdout, '', 'no output');
    const v = await admin.blockStorage.waitForVolume(volumeId, 'available', fast);
    assert.deepEqual(v.attachments ?? [], [], 'detached');
  });

  test('an unknown volume: exit 1, the name on stderr, nothing attached', async () => {
    const missing = suite.name('no-such-volume');
    const r = await ostack(...cloud, 'server', 'add', 'volume', server.id, missing);
    assert.equal(r.status, 1, `a lookup failure exits 1: ${r.stderr}`);
    assert.equal(r.stdout, '', 'no output');
    assert.ok(r.stderr.includes(missing), `stderr names the volume: ${r.stderr}`);
  });
});
