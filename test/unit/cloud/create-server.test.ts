/** createServer / deleteServer against an in-memory cloud: the steps, and the rollback at every failure point. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createServer } from '../../../src/cloud/create-server.js';
import { deleteServer } from '../../../src/cloud/delete-server.js';
import { BadRequestError, ConnectionError, TimeoutError, ValidationError } from '../../../src/index.js';
import { fakeCloud } from './fake-cloud.js';

const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFakeFakeFakeFakeFakeFakeFakeFakeFakeFakeFake test';
const base = { name: 'vm1', image: 'cirros', flavor: 'm1.nano', intervalMs: 1 };

function empty(f: ReturnType<typeof fakeCloud>) {
  return {
    servers: f.state.servers.size,
    keypairs: f.state.keypairs.size,
    fips: f.state.fips.size,
    volumes: f.state.volumes.size,
  };
}

describe('createServer', () => {
  test('network chosen, key pair from a public key, floating IP attached, addresses returned', async () => {
    const f = fakeCloud();
    const r = await createServer(f.conn, { ...base, keyName: 'k1', publicKey: KEY, autoIp: true });
    assert.equal(r.server.status, 'ACTIVE');
    assert.equal(r.privateV4, '10.0.0.5');
    assert.match(r.publicV4 ?? '', /^172\.24\.4\./);
    assert.deepEqual(
      r.createdResources.map((c) => c.type),
      ['keypair', 'server', 'floating-ip'],
    );
    const input = [...f.state.servers.values()][0]!.input;
    assert.deepEqual(input.networks, [{ uuid: 'net-priv' }], 'the only non-external network');
    assert.equal(input.keyName, 'k1');
    assert.equal(input.imageRef, 'img-1');
    assert.equal(f.state.keypairs.get('k1')?.publicKey, KEY);
  });

  test('flavor minimums pick the smallest flavor that fits', async () => {
    const f = fakeCloud();
    await createServer(f.conn, { ...base, flavor: { minRam: 150 } });
    assert.equal([...f.state.servers.values()][0]!.input.flavorRef, '84');
  });

  test('user data text is sent base64-encoded', async () => {
    const f = fakeCloud();
    await createServer(f.conn, { ...base, userData: '#cloud-config\n' });
    const ud = [...f.state.servers.values()][0]!.input.userData;
    assert.equal(Buffer.from(ud).toString(), '#cloud-config\n');
  });

  test('boot from volume: a volume from the image, mapped as the boot disk', async () => {
    const f = fakeCloud();
    const r = await createServer(f.conn, { ...base, bootFromVolume: true, volumeSize: 3 });
    const input = [...f.state.servers.values()][0]!.input;
    assert.equal(input.imageRef, undefined);
    assert.equal(input.blockDeviceMappingV2[0].source_type, 'volume');
    assert.equal(input.blockDeviceMappingV2[0].delete_on_termination, true);
    const vol = f.state.volumes.get(input.blockDeviceMappingV2[0].uuid)!;
    assert.equal(vol.size, 3);
    assert.equal(vol.imageRef, 'img-1');
    assert.deepEqual(
      r.createdResources.map((c) => c.type),
      ['volume', 'server'],
    );
  });

  test('boot from volume in a zone: the volume goes to the block storage zone of that name', async () => {
    const f = fakeCloud({ volumeZones: ['nova', 'dataplane'] });
    await createServer(f.conn, { ...base, bootFromVolume: true, availabilityZone: 'dataplane' });
    const [vol] = [...f.state.volumes.values()];
    assert.equal(vol!.availabilityZone, 'dataplane', 'the boot volume is in the server zone');
    assert.equal([...f.state.servers.values()][0]!.input.availabilityZone, 'dataplane');
  });

  test("boot from volume in a zone block storage lacks: the volume gets cinder's default zone", async () => {
    const f = fakeCloud({ volumeZones: ['storage-a'] });
    await createServer(f.conn, { ...base, bootFromVolume: true, availabilityZone: 'compute-1' });
    const [vol] = [...f.state.volumes.values()];
    assert.equal(vol!.availabilityZone, undefined, 'no zone asked of cinder');
  });

  test('two usable networks: ValidationError naming both, nothing created', async () => {
    const f = fakeCloud({
      networks: [
        { id: 'a', name: 'one', subnets: ['s'], projectId: 'proj' },
        { id: 'b', name: 'two', subnets: ['t'], projectId: 'proj' },
      ],
    });
    await assert.rejects(
      createServer(f.conn, { ...base, keyName: 'k', publicKey: KEY }),
      (e: Error) =>
        e instanceof ValidationError && /"one" \(a\)/.test(e.message) && /"two" \(b\)/.test(e.message),
    );
    assert.ok(!f.calls.includes('createKeypair') && !f.calls.includes('createServer'));
  });

  test('missing key pair without a public key: ValidationError before anything is created', async () => {
    const f = fakeCloud();
    await assert.rejects(
      createServer(f.conn, { ...base, keyName: 'nope' }),
      /key pair "nope" does not exist/,
    );
    assert.ok(!f.calls.includes('createServer'));
  });

  test('autoIp without waiting is refused', async () => {
    const f = fakeCloud();
    await assert.rejects(createServer(f.conn, { ...base, autoIp: true, wait: false }), ValidationError);
    assert.deepEqual(f.calls, []);
  });

  test('a create whose answer was lost: the server nova made anyway is found by name and removed', async () => {
    const f = fakeCloud({});
    const compute = (f.conn as unknown as { compute: Record<string, (...a: unknown[]) => Promise<unknown>> })
      .compute;
    const real = compute.createServer!;
    const lost = new ConnectionError('POST', 'http://nova/servers', new Error('socket hang up'));
    compute.createServer = async (...a: unknown[]) => {
      await real(...a);
      throw lost;
    };
    await assert.rejects(
      createServer(f.conn, base),
      (e: Error) => e === lost,
      'the ConnectionError is rethrown',
    );
    assert.ok(f.calls.includes('listServers'), 'looked for the server by name');
    assert.equal(f.state.servers.size, 0, 'the server created despite the lost answer was removed');
  });

  const failurePoints: [string, string[]][] = [
    ['createServer', ['keypair']],
    ['waitForServerIdle', ['keypair', 'server']],
    ['createFloatingIp', ['keypair', 'server']],
    ['associateFloatingIp', ['keypair', 'server', 'floating-ip']],
    ['getServer', ['keypair', 'server', 'floating-ip']],
  ];
  for (const [method, createdBefore] of failurePoints) {
    test(`failure at ${method}: everything created (${createdBefore.join(', ')}) is removed, the error rethrown`, async () => {
      const f = fakeCloud({ floatingAppears: false });
      const err = new BadRequestError({
        status: 400,
        method: 'POST',
        url: method,
        serviceMessage: `no ${method}`,
      });
      f.failOn.set(method, err);
      const stages: string[] = [];
      await assert.rejects(
        createServer(f.conn, {
          ...base,
          keyName: 'k1',
          publicKey: KEY,
          autoIp: true,
          onProgress: (p) => stages.push(p.stage),
        }),
        (e: Error) => e === err,
      );
      assert.deepEqual(empty(f), { servers: 0, keypairs: 0, fips: 0, volumes: 0 });
      assert.equal(stages.at(-1), 'cleanup');
      if (createdBefore.includes('server')) assert.ok(f.calls.includes('waitForServerDelete'));
    });
  }

  test('a floating IP that never shows in nova times out, and the rollback runs', async () => {
    const f = fakeCloud({ floatingAppears: false });
    await assert.rejects(
      createServer(f.conn, { ...base, autoIp: true, timeoutMs: 30, intervalMs: 5 }),
      (e: Error) => e instanceof TimeoutError && /does not report floating IP/.test(e.message),
    );
    assert.deepEqual(empty(f), { servers: 0, keypairs: 0, fips: 0, volumes: 0 });
  });

  test('a reused floating IP is detached on failure, not deleted; a volume is deleted', async () => {
    const f = fakeCloud({ floatingAppears: false });
    f.state.fips.set('mine', { id: 'mine', floatingIpAddress: '172.24.4.200', floatingNetworkId: 'net-pub' });
    await assert.rejects(
      createServer(f.conn, { ...base, autoIp: true, bootFromVolume: true, timeoutMs: 30, intervalMs: 5 }),
      TimeoutError,
    );
    assert.ok(f.state.fips.has('mine'));
    assert.equal(f.state.fips.get('mine')!.portId, undefined);
    assert.equal(f.state.volumes.size, 0);
  });
});

describe('deleteServer', () => {
  test('deletes the attached floating IPs first, then the server', async () => {
    const f = fakeCloud();
    const r = await createServer(f.conn, { ...base, autoIp: true });
    const out = await deleteServer(f.conn, 'vm1', { deleteIps: true, intervalMs: 1 });
    assert.deepEqual(out.floatingIpsDeleted, [r.publicV4]);
    assert.equal(f.state.fips.size, 0);
    assert.equal(f.state.servers.size, 0);
    assert.ok(f.calls.indexOf('deleteFloatingIp') < f.calls.indexOf('deleteServer'));
  });
  test('keeps floating IPs without deleteIps; a missing server is deleted: false', async () => {
    const f = fakeCloud();
    await createServer(f.conn, { ...base, autoIp: true });
    await deleteServer(f.conn, 'vm1');
    assert.equal(f.state.fips.size, 1);
    assert.deepEqual(await deleteServer(f.conn, 'vm1'), { deleted: false, floatingIpsDeleted: [] });
  });
});
