/**
 * Servers on the dev cloud (nova, fake driver) as the demo user: create on network `private`
 * with a key pair, user data, metadata and tags; list and find; every common action; metadata,
 * tags and addresses; console output; snapshot; rebuild; delete. The admin checks what only
 * admins see (host attributes, migrations).
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { ConflictError, NotFoundError, ResourceNotFoundError, ValidationError } from '../../../src/index.js';
import type {
  ComputeV2,
  PartialServerResource,
  ServerResource,
} from '../../../src/services/compute/index.js';
import { demoConnection, functionalSuite } from '../../support/cloud.js';
import { deleteImage, getImage, imageId, networkId, retryLocked, sqliteTolerant } from './helpers.js';

const fast = { intervalMs: 500, timeoutMs: 120_000 };
const USER_DATA = '#cloud-config\nruncmd:\n  - echo ossdk\n';

functionalSuite('compute: servers (demo user)', (suite) => {
  const demo = suite.demo(sqliteTolerant);
  const admin = suite.admin(sqliteTolerant);
  const c: ComputeV2 = demo.compute;
  const { cleanup } = suite;
  const name = suite.name('srv');
  const keyName = suite.name('key');
  let privateNet: string;
  let cirros: string;
  let server: ServerResource | PartialServerResource; // the create answer, then the server read back

  before(async () => {
    privateNet = await networkId(demo, 'private');
    cirros = await imageId(demo, 'cirros');
    const kp = await c.createKeypair({ name: keyName });
    cleanup.add(`keypair ${keyName}`, () => c.deleteKeypair(keyName, { ignoreMissing: true }));
    assert.match(kp.privateKey ?? '', /PRIVATE KEY/);
  });

  test('create on network private with a key pair, user data, metadata, tags and description', async () => {
    // not retried: a create is not idempotent
    server = await c.createServer({
      name,
      imageRef: cirros,
      flavorRef: '42',
      networks: [{ uuid: privateNet }],
      keyName,
      userData: Buffer.from(USER_DATA),
      metadata: { purpose: 'ossdk', owner: 'compute-tests' },
      tags: ['ossdk', 'functional'],
      description: 'sdk functional test',
    });
    const id = server.id;
    cleanup.add(`server ${id}`, async () => {
      await c.deleteServer(id, { ignoreMissing: true });
      await c.waitForServerDelete(id, fast);
    });
    assert.match(id, /^[0-9a-f-]{36}$/);
    assert.equal(typeof server.adminPass, 'string', 'nova returns the generated admin password once');
    assert.equal(server.userData, Buffer.from(USER_DATA).toString('base64'));

    server = await c.waitForServer(id, 'ACTIVE', fast);
    assert.equal(server.name, name);
    assert.equal(server.keyName, keyName);
    assert.deepEqual(server.metadata, { purpose: 'ossdk', owner: 'compute-tests' });
    assert.deepEqual([...(server.tags ?? [])].sort(), ['functional', 'ossdk']);
    assert.equal(server.description, 'sdk functional test');
    assert.equal(server.flavor?.original_name, 'm1.nano');
    assert.equal(server.flavor?.ram, 128);
    assert.equal(typeof server.image === 'object' ? server.image.id : server.image, cirros);
    assert.equal(server.powerState, 1);
    assert.equal(server.vmState, 'active');
    assert.equal(server.locked, false);
    const addrs = server.addresses?.private ?? [];
    assert.equal(addrs.length, 1);
    assert.match(addrs[0]?.addr ?? '', /^10\.0\.0\.\d+$/);
    assert.equal(addrs[0]?.version, 4);
    assert.equal(server.currentAvailabilityZone, 'nova');
  });

  test('bad input is rejected with a ValidationError before anything is sent', async () => {
    const bad = suite.name('bad');
    const base = { name: bad, imageRef: cirros, flavorRef: '42' };
    await assert.rejects(
      c.createServer(base),
      (e: unknown) => e instanceof ValidationError && /server\.networks/.test(e.message),
    );
    await assert.rejects(
      c.createServer({ ...base, networks: 'none', flavour: 'm1.nano' } as never),
      (e: unknown) => e instanceof ValidationError && /flavour/.test(e.message),
    );
    await assert.rejects(
      c.createServer({ ...base, networks: 'none', userData: USER_DATA }),
      (e: unknown) => e instanceof ValidationError && /server\.userData/.test(e.message),
    );
    const old = demoConnection({ ...sqliteTolerant, microversions: { compute: '2.51' } });
    try {
      await assert.rejects(
        old.compute.createServer({ ...base, networks: 'none', tags: ['x'] }),
        (e: unknown) => e instanceof ValidationError && /server\.tags.*2\.52/.test(e.message),
      );
      await assert.rejects(
        old.compute.lockServer(server, { reason: 'too old' }),
        (e: unknown) => e instanceof ValidationError && /2\.73/.test(e.message),
      );
      assert.equal((await old.compute.getServer(server.id)).locked, false, 'the lock was not sent');
    } finally {
      await old.close();
    }
    assert.deepEqual(await c.listServers({ name: bad }).toArray(), [], 'no server was created');
  });

  test('list (detailed), find by name and by id, filter by tag and by name', async () => {
    const all = await c.listServers().toArray();
    assert.ok(all.some((s) => s.id === server.id));
    const byName = await c.findServer(name);
    assert.equal(byName.id, server.id);
    assert.equal((await c.findServer(server.id)).name, name);
    const tagged = await c.listServers({ tags: 'ossdk,functional' }).toArray();
    assert.ok(tagged.some((s) => s.id === server.id));
    const untagged = await c.listServers({ tags: 'no-such-tag' }).toArray();
    assert.ok(!untagged.some((s) => s.id === server.id));
    assert.equal(await c.findServer(suite.name('absent'), { ignoreMissing: true }), undefined);
    await assert.rejects(c.findServer(suite.name('absent')), ResourceNotFoundError);
    // paginated listing with a page size of 1 still yields everything, once. Other suites create
    // and delete servers in this project meanwhile: every server listed both before and after
    // must be in the paged listing.
    const pagedIds = (await c.listServers({ limit: 1 }).toArray()).map((s) => s.id);
    const paged = new Set(pagedIds);
    assert.equal(paged.size, pagedIds.length, `no server twice in the paged listing: ${pagedIds.join(',')}`);
    assert.ok(paged.has(server.id), "the paged listing holds this suite's server");
    const before = new Set(all.map((s) => s.id));
    const stable = (await c.listServers().toArray()).filter((s) => before.has(s.id)).map((s) => s.id);
    assert.deepEqual(
      stable.filter((id) => !paged.has(id)),
      [],
      'every server listed before and after is in the paged listing',
    );
  });

  test('admin sees the host attributes and the stored user data', async () => {
    const s = await admin.compute.getServer(server.id);
    assert.equal(s.host, 'devcloud');
    assert.equal(s.hypervisorHostname, 'devcloud');
    assert.match(s.instanceName ?? '', /^instance-/);
    assert.equal(s.currentUserData, Buffer.from(USER_DATA).toString('base64'));
    assert.equal(s.projectId, server.projectId);
    const mine = await admin.compute.listServers({ allTenants: true, name }).toArray();
    assert.deepEqual(
      mine.map((x) => x.id),
      [server.id],
    );
  });

  test('update name and description, then back', async () => {
    const renamed = `${name}-renamed`;
    const u = await c.updateServer(server.id, { name: renamed, description: null });
    assert.equal(u.name, renamed);
    assert.equal(u.description, null);
    assert.equal((await c.getServer(server.id)).name, renamed);
    await c.updateServer(server.id, { name, description: 'sdk functional test' });
    assert.equal((await c.getServer(server.id)).name, name);
  });

  test('metadata: get, update (merge), set/get/delete one item, replace', async () => {
    assert.deepEqual(await c.getServerMetadata(server), { purpose: 'ossdk', owner: 'compute-tests' });
    assert.deepEqual(await retryLocked(() => c.updateServerMetadata(server, { stage: 'one' })), {
      purpose: 'ossdk',
      owner: 'compute-tests',
      stage: 'one',
    });
    await c.setServerMetadataItem(server, 'stage', 'two');
    assert.equal(await c.getServerMetadataItem(server, 'stage'), 'two');
    await c.deleteServerMetadataItem(server, 'stage');
    await assert.rejects(c.getServerMetadataItem(server, 'stage'), NotFoundError);
    assert.deepEqual(await c.replaceServerMetadata(server, { only: 'this' }), { only: 'this' });
    assert.deepEqual(await c.getServerMetadata(server), { only: 'this' });
  });

  test('tags: list, add, has, remove, replace, clear', async () => {
    assert.deepEqual((await c.listServerTags(server)).sort(), ['functional', 'ossdk']);
    await c.addServerTag(server, 'extra');
    assert.equal(await c.serverHasTag(server, 'extra'), true);
    await c.removeServerTag(server, 'extra');
    assert.equal(await c.serverHasTag(server, 'extra'), false);
    await assert.rejects(c.removeServerTag(server, 'extra'), NotFoundError);
    assert.deepEqual((await c.replaceServerTags(server, ['a', 'b'])).sort(), ['a', 'b']);
    await c.clearServerTags(server);
    assert.deepEqual(await c.listServerTags(server), []);
  });

  test('addresses: all networks and one network', async () => {
    const all = await c.listServerAddresses(server);
    assert.deepEqual(Object.keys(all), ['private']);
    const priv = await c.getServerAddresses(server, 'private');
    assert.deepEqual(priv, all.private?.map(({ addr, version }) => ({ addr, version })) ?? priv);
    assert.match(priv[0]?.addr ?? '', /^10\.0\.0\./);
    await assert.rejects(c.getServerAddresses(server, 'public'), NotFoundError);
  });

  test('stop and start', async () => {
    await retryLocked(() => c.stopServer(server));
    const stopped = await c.waitForServerIdle(server, 'SHUTOFF', fast);
    assert.equal(stopped.powerState, 4);
    await retryLocked(() => c.startServer(server));
    const started = await c.waitForServerIdle(server, 'ACTIVE', fast);
    assert.equal(started.powerState, 1);
  });

  test('reboot soft and hard', async () => {
    await retryLocked(() => c.rebootServer(server));
    assert.match((await c.getServer(server.id)).status ?? '', /^(REBOOT|ACTIVE)$/);
    await c.waitForServerIdle(server, 'ACTIVE', fast);
    await retryLocked(() => c.rebootServer(server, 'HARD'));
    await c.waitForServerIdle(server, 'ACTIVE', fast);
    await assert.rejects(
      c.rebootServer(server, 'GENTLE' as 'SOFT'),
      (e: unknown) => e instanceof ValidationError && /SOFT, HARD/.test(e.message),
    );
  });

  test('pause and unpause, suspend and resume', async () => {
    await retryLocked(() => c.pauseServer(server));
    // the fake driver keeps reporting power state RUNNING: check nova's own vm state
    assert.equal((await c.waitForServerIdle(server, 'PAUSED', fast)).vmState, 'paused');
    await retryLocked(() => c.unpauseServer(server));
    await c.waitForServerIdle(server, 'ACTIVE', fast);
    await retryLocked(() => c.suspendServer(server));
    assert.equal((await c.waitForServerIdle(server, 'SUSPENDED', fast)).vmState, 'suspended');
    await retryLocked(() => c.resumeServer(server));
    await c.waitForServerIdle(server, 'ACTIVE', fast);
  });

  test('lock with a reason (2.73+) blocks the owner; unlock', async () => {
    await retryLocked(() => c.lockServer(server, { reason: 'ossdk maintenance' }));
    const locked = await c.getServer(server.id);
    assert.equal(locked.locked, true);
    assert.equal(locked.lockedReason, 'ossdk maintenance');
    assert.deepEqual(
      (await c.listServers({ locked: true }).toArray()).map((s) => s.id).filter((id) => id === server.id),
      [server.id],
    );
    await assert.rejects(c.stopServer(server), ConflictError);
    await retryLocked(() => c.unlockServer(server));
    const unlocked = await c.getServer(server.id);
    assert.equal(unlocked.locked, false);
    assert.equal(unlocked.lockedReason, null);
  });

  test('rescue and unrescue', async () => {
    const pass = await retryLocked(() => c.rescueServer(server));
    assert.equal(typeof pass, 'string');
    assert.ok((pass ?? '').length > 0);
    assert.equal((await c.waitForServerIdle(server, 'RESCUE', fast)).vmState, 'rescued');
    await retryLocked(() => c.unrescueServer(server));
    await c.waitForServerIdle(server, 'ACTIVE', fast);
  });

  test('console output: all of it, and the last line', async () => {
    const out = await c.getServerConsoleOutput(server);
    assert.match(out, /FAKE CONSOLE OUTPUT/);
    const last = await c.getServerConsoleOutput(server, { length: 1 });
    assert.equal(last.trim().split('\n').length, 1);
    assert.ok(out.trimEnd().endsWith(last.trim()));
  });

  test('resize m1.nano → m1.micro: confirm when the cloud can, else the failed migration is recorded', async () => {
    const since = new Date(Date.now() - 5_000).toISOString();
    await retryLocked(() => c.resizeServer(server, '84'));
    const s = await c.waitForServerIdle(server, ['VERIFY_RESIZE', 'ACTIVE'], fast);
    const migrations = await admin.compute
      .listMigrations({ instanceUuid: server.id, migrationType: 'resize', changesSince: since })
      .toArray();
    assert.equal(migrations.length, 1, 'nova records one resize migration for the server');
    const m = migrations[0]!;
    assert.equal(m.instanceUuid, server.id);
    assert.equal(m.migrationType, 'resize');
    if (s.status === 'VERIFY_RESIZE') {
      await c.confirmServerResize(server);
      const done = await c.waitForServerIdle(server, 'ACTIVE', fast);
      assert.equal(done.flavor?.original_name, 'm1.micro');
    } else {
      // A dev cloud without its data plane has one compute host and no allow_resize_to_same_host:
      // the scheduler finds no host, the migration ends in error and the server keeps its flavor.
      const final = await admin.compute
        .listMigrations({ instanceUuid: server.id, migrationType: 'resize', changesSince: since })
        .toArray();
      assert.equal(final[0]?.status, 'error');
      assert.equal(s.flavor?.original_name, 'm1.nano');
      await assert.rejects(c.confirmServerResize(server), ConflictError);
      await assert.rejects(c.revertServerResize(server), ConflictError);
    }
    // only in-progress live migrations are listed per server
    assert.deepEqual(
      await admin.compute.listServerMigrations({}, { parent: { serverId: server.id } }).toArray(),
      [],
    );
  });

  test('rebuild with a new name, metadata and user data', async () => {
    const rebuilt = await retryLocked(() =>
      c.rebuildServer(server, cirros, {
        name,
        metadata: { rebuilt: 'yes' },
        description: 'rebuilt by ossdk',
        userData: Buffer.from('#!/bin/sh\necho rebuilt\n'),
      }),
    );
    assert.equal(rebuilt.id, server.id);
    assert.equal(rebuilt.status, 'REBUILD');
    assert.equal(typeof rebuilt.adminPass, 'string');
    const s = await c.waitForServerIdle(server, 'ACTIVE', fast);
    assert.deepEqual(s.metadata, { rebuilt: 'yes' });
    assert.equal(s.description, 'rebuilt by ossdk');
    const adminView = await admin.compute.getServer(server.id);
    assert.equal(adminView.currentUserData, Buffer.from('#!/bin/sh\necho rebuilt\n').toString('base64'));
  });

  test('snapshot to an image (createImage returns the image id)', async () => {
    const imgName = suite.name('snap');
    const id = await retryLocked(() =>
      c.createServerImage(server, imgName, { metadata: { source: 'ossdk' } }),
    );
    cleanup.add(`image ${id}`, () => deleteImage(demo, id));
    assert.match(id, /^[0-9a-f-]{36}$/);
    const img = await getImage(demo, id);
    assert.ok(img, 'the image exists in glance');
    assert.equal(img.name, imgName);
    assert.equal(img.source, 'ossdk');
    await c.waitForServerIdle(server, 'ACTIVE', fast);
  });

  test('shelve (offloaded at once) and unshelve', async () => {
    await retryLocked(() => c.shelveServer(server));
    const shelved = await c.waitForServerIdle(server, ['SHELVED', 'SHELVED_OFFLOADED'], fast);
    assert.match(shelved.vmState ?? '', /^shelved/);
    await retryLocked(() => c.unshelveServer(server));
    await c.waitForServerIdle(server, 'ACTIVE', fast);
  });

  test('instance actions record what was done', async () => {
    const actions = await c.listInstanceActions({}, { parent: { serverId: server.id } }).toArray();
    const names = new Set(actions.map((a) => a.action));
    for (const a of ['create', 'stop', 'start', 'reboot', 'pause', 'unpause', 'suspend', 'resume', 'lock'])
      assert.ok(names.has(a), `instance actions include ${a}: ${[...names].join(', ')}`);
    const create = actions.find((a) => a.action === 'create')!;
    const detail = await c.getInstanceAction(create.requestId as string, { parent: { serverId: server.id } });
    assert.equal(detail.instanceUuid, server.id);
    assert.ok((detail.events ?? []).length > 0);
  });

  test('delete and wait until gone', async () => {
    await c.deleteServer(server);
    await c.waitForServerDelete(server.id, fast);
    // the waiter also stops on status DELETED, which nova shows (in get, list and find) until
    // the record is gone: wait for the 404 before checking that list and find no longer see it
    const statusNow = () =>
      c.getServer(server.id).then(
        (s) => s.status ?? '',
        (e: unknown) => (e instanceof NotFoundError ? 'gone' : Promise.reject(e)),
      );
    let after = await statusNow();
    assert.match(after, /^(gone|DELETED)$/);
    for (const end = Date.now() + 60_000; after !== 'gone' && Date.now() < end; after = await statusNow())
      await new Promise((r) => setTimeout(r, 500));
    assert.equal(after, 'gone', 'nova still returns the deleted server a minute later');
    const listed = (await c.listServers().toArray()).map((s) => s.id);
    assert.ok(!listed.includes(server.id), `the deleted server ${server.id} is still listed`);
    assert.equal(await c.findServer(name, { ignoreMissing: true }), undefined);
    await c.deleteServer(server.id, { ignoreMissing: true });
  });
});
