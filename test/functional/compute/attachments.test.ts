/**
 * What hangs off a server on the dev cloud: network interfaces (ports through neutron's
 * agent-less ML2 driver) as the demo user, and volume attachments (cinder's fake backend) in
 * the admin project, on a server without networks, so they do not depend on the demo
 * project's volume quota, which other suites share.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { NotFoundError, ValidationError } from '../../../src/index.js';
import type {
  ComputeV2,
  PartialServerResource,
  ServerResource,
} from '../../../src/services/compute/index.js';
import { functionalSuite } from '../../support/cloud.js';
import { imageId, networkId, retryLocked, sqliteTolerant } from './helpers.js';

const fast = { intervalMs: 500, timeoutMs: 120_000 };

functionalSuite('compute: interfaces and volume attachments (demo user)', (suite) => {
  const demo = suite.demo(sqliteTolerant);
  const c: ComputeV2 = demo.compute;
  const { cleanup } = suite;
  let server: ServerResource;
  let privateNet: string;

  before(async () => {
    privateNet = await networkId(demo, 'private');
    const created = await c.createServer({
      name: suite.name('att-srv'),
      imageRef: await imageId(demo, 'cirros'),
      flavorRef: '42',
      networks: [{ uuid: privateNet }],
    });
    const id = created.id;
    cleanup.add(`server ${id}`, async () => {
      await c.deleteServer(id, { ignoreMissing: true });
      await c.waitForServerDelete(id, fast);
    });
    server = await c.waitForServerIdle(created, 'ACTIVE', fast);
  });

  test('interfaces: the boot port is listed and can be fetched', async () => {
    const ifaces = await c.listServerInterfaces({}, { parent: { serverId: server.id } }).toArray();
    assert.equal(ifaces.length, 1);
    const i = ifaces[0]!;
    assert.equal(i.netId, privateNet);
    assert.match(i.macAddr ?? '', /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
    assert.equal(i.portState, 'ACTIVE');
    assert.match(i.fixedIps?.[0]?.ip_address ?? '', /^10\.0\.0\./);
    assert.equal(i.id, i.portId);
    const got = await c.getServerInterface(i.id, { parent: { serverId: server.id } });
    assert.equal(got.macAddr, i.macAddr);
  });

  test('interfaces: attach a port on a network with a fixed IP and a tag, then detach it', async () => {
    const att = await retryLocked(() =>
      c.attachServerInterface(server, {
        netId: privateNet,
        fixedIps: [{ ip_address: '10.0.0.222' }],
        tag: 'ossdk',
      }),
    );
    assert.ok(att.portId);
    assert.equal(att.netId, privateNet);
    assert.equal(att.fixedIps?.[0]?.ip_address, '10.0.0.222');
    assert.equal(att.tag, 'ossdk');
    const listed = await c.listServerInterfaces({}, { parent: { serverId: server.id } }).toArray();
    assert.equal(listed.length, 2);
    assert.ok((await c.listServerAddresses(server)).private?.some((a) => a.addr === '10.0.0.222'));
    await retryLocked(() => c.detachServerInterface(server, att.portId as string));
    await c.waitForServerInterfaceDelete(att.portId as string, { ...fast, parent: { serverId: server.id } });
    assert.equal((await c.listServerInterfaces({}, { parent: { serverId: server.id } }).toArray()).length, 1);
    await assert.rejects(
      c.getServerInterface(att.portId as string, { parent: { serverId: server.id } }),
      NotFoundError,
    );
  });

  test('interfaces and attachments need their server: rejected before sending', async () => {
    await assert.rejects(
      async () => c.listServerInterfaces().toArray(),
      (e: unknown) => e instanceof ValidationError && /serverId/.test(e.message),
    );
    await assert.rejects(
      c.createVolumeAttachment({ volumeId: '00000000-0000-0000-0000-000000000000' }),
      (e: unknown) => e instanceof ValidationError && /serverId/.test(e.message),
    );
  });
});

functionalSuite('compute: volume attachments (admin project)', (suite) => {
  const admin = suite.admin(sqliteTolerant);
  const c: ComputeV2 = admin.compute;
  const { cleanup } = suite;
  let server: ServerResource | PartialServerResource; // the create answer, then the server read back
  let volumeId: string;
  /** Volumes to delete once the server is gone. */
  const volumes = new Set<string>();

  /** The volume's status, or `gone` once cinder no longer knows it. */
  async function volumeStatus(id: string): Promise<string> {
    const res = await admin.blockStorage.request('GET', `/volumes/${id}`, { okStatuses: [200, 404] });
    if (res.status === 404) {
      await res.body.dump();
      return 'gone';
    }
    return ((await res.json()) as { volume: { status: string } }).volume.status;
  }

  async function waitVolume(id: string, ...want: string[]): Promise<void> {
    const end = Date.now() + 120_000;
    let s = '';
    while (Date.now() < end) {
      s = await volumeStatus(id);
      if (want.includes(s)) return;
      if (s.startsWith('error')) throw new Error(`volume ${id} went to ${s}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`volume ${id} still ${s}, waiting for ${want.join(' or ')}`);
  }

  before(async () => {
    const cirros = await imageId(admin, 'cirros');
    server = await c.createServer({
      name: suite.name('vol-srv'),
      imageRef: cirros,
      flavorRef: '42',
      networks: 'none',
      // the image on the local disk, plus a blank 1 GiB volume cinder creates at boot
      blockDeviceMappingV2: [
        {
          boot_index: 0,
          uuid: cirros,
          source_type: 'image',
          destination_type: 'local',
          delete_on_termination: true,
        },
        {
          boot_index: -1,
          source_type: 'blank',
          destination_type: 'volume',
          volume_size: 1,
          tag: 'boot-data',
        },
      ],
    });
    const id = server.id;
    // deleting the server detaches its volumes (nova tells cinder, with its service token);
    // the ones nova did not create for itself stay behind, available, and are deleted here
    cleanup.add(`server ${id} and its volumes`, async () => {
      const last = await c.getServer(id).catch(() => undefined);
      for (const v of last?.attachedVolumes ?? []) volumes.add(v.id);
      await c.deleteServer(id, { ignoreMissing: true });
      await c.waitForServerDelete(id, fast);
      for (const v of volumes) {
        await waitVolume(v, 'available', 'gone');
        const r = await retryLocked(
          () => admin.blockStorage.request('DELETE', `/volumes/${v}`, { okStatuses: [202, 404] }),
          { anyServerError: true },
        );
        await r.body.dump();
        await waitVolume(v, 'gone');
      }
    });
    server = await c.waitForServerIdle(server, 'ACTIVE', fast);
    for (const v of server.attachedVolumes ?? []) volumes.add(v.id);
  });

  test('block device mapping: a blank volume created and attached at boot, networks none', async () => {
    assert.deepEqual(server.addresses, {});
    assert.equal(server.attachedVolumes?.length, 1);
    const bdmVolume = server.attachedVolumes?.[0]?.id as string;
    assert.equal(await volumeStatus(bdmVolume), 'in-use');
    const att = await c.getVolumeAttachment(bdmVolume, { parent: { serverId: server.id } });
    assert.equal(att.tag, 'boot-data');
    assert.equal(att.deleteOnTermination, false);
  });

  test('volumes: attach, list, get, detach until available again', async () => {
    const name = suite.name('att-vol');
    const res = await retryLocked(
      () => admin.blockStorage.request('POST', '/volumes', { json: { volume: { size: 1, name } } }),
      { anyServerError: true },
    );
    volumeId = ((await res.json()) as { volume: { id: string } }).volume.id;
    volumes.add(volumeId);
    await waitVolume(volumeId, 'available');

    // no tag: nova's detach of a tagged volume fails on the fake driver after cinder's side is
    // done (it has no device metadata to drop the tag from), leaving nova's record behind;
    // tags are read back from the boot mapping above
    const att = await retryLocked(() =>
      c.createVolumeAttachment({ serverId: server.id, volumeId, deleteOnTermination: false }),
    );
    assert.equal(att.volumeId, volumeId);
    assert.equal(att.id, volumeId);
    assert.match(att.device ?? '', /^\/dev\//);
    assert.equal(att.tag ?? null, null, 'no tag asked for, none reported');
    await waitVolume(volumeId, 'in-use');

    const parent = { parent: { serverId: server.id } };
    const listed = await c.listVolumeAttachments({}, parent).toArray();
    assert.deepEqual(listed.map((a) => a.volumeId).sort(), [...volumes].sort());
    const got = await c.getVolumeAttachment(volumeId, parent);
    assert.equal(got.device, att.device);
    assert.equal(got.deleteOnTermination, false);
    assert.match(got.attachmentId ?? '', /^[0-9a-f-]{36}$/, 'the cinder attachment id (2.89+)');
    assert.match(got.bdmUuid ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(got.get('serverId'), server.id);
    const s = await c.getServer(server.id);
    assert.deepEqual(s.attachedVolumes?.map((v) => v.id).sort(), [...volumes].sort());

    // Detach: nova releases the volume and deletes cinder's attachment (with its service
    // token: cinder refuses an attachment in use otherwise), and the volume is available again.
    await retryLocked(() => c.deleteVolumeAttachment(volumeId, parent));
    // nova drops its record only after cinder's volume is available: wait for both
    await c.waitForVolumeAttachmentDelete(volumeId, { ...fast, ...parent });
    await waitVolume(volumeId, 'available');
    assert.equal(await volumeStatus(volumeId), 'available', 'the detached volume is available again');
    await assert.rejects(
      c.getVolumeAttachment(volumeId, parent),
      NotFoundError,
      'nova no longer knows the attachment',
    );
    const after = await c.listVolumeAttachments({}, parent).toArray();
    assert.ok(
      !after.some((a) => a.volumeId === volumeId),
      `the detached volume is no longer listed: ${after.map((a) => a.volumeId).join(', ')}`,
    );
    const actions = await c.listInstanceActions({}, parent).toArray();
    assert.ok(
      actions.some((a) => a.action === 'detach_volume'),
      "the detach is in the server's action log",
    );
    assert.ok(
      actions.some((a) => a.action === 'attach_volume'),
      "the attach is in the server's action log",
    );
  });
});
