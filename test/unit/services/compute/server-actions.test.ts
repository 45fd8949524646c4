import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { InvalidResponseError, ValidationError } from '../../../../src/errors/errors.js';
import { ComputeV2 } from '../../../../src/services/compute/proxy.js';
import { imageIdFromAction } from '../../../../src/services/compute/server-actions.js';
import { bodyOf, type FakeService, json, reply, route, startFake } from '../../../support/fake-service.js';

const SID = '11111111-2222-3333-4444-555555555555';

describe('compute server actions (offline)', () => {
  let nova: FakeService;
  let answer: { status: number; body?: unknown; headers?: Record<string, string> };

  const compute = (microversion?: string) => nova.proxy(ComputeV2, { microversion });

  before(async () => {
    nova = await startFake('compute', [
      reply('GET', `/servers/${SID}`, 200, {
        server: { id: SID, status: 'ACTIVE', 'OS-EXT-STS:task_state': null },
      }),
      // every action answers what the test set
      route('*', '*', (_c, res) => json(res, answer.status, answer.body, answer.headers)),
    ]);
  });
  beforeEach(() => {
    answer = { status: 202 };
    nova.reset();
  });
  after(() => nova.close());

  /** The last action body posted to the server. */
  function lastAction(): unknown {
    const r = nova.calls.at(-1);
    assert.equal(r?.method, 'POST');
    assert.equal(r?.url, `/v2.1/servers/${SID}/action`);
    return bodyOf(r);
  }

  const bare: [string, (c: ComputeV2) => Promise<unknown>][] = [
    ['os-start', (c) => c.startServer(SID)],
    ['os-stop', (c) => c.stopServer(SID)],
    ['pause', (c) => c.pauseServer(SID)],
    ['unpause', (c) => c.unpauseServer(SID)],
    ['suspend', (c) => c.suspendServer(SID)],
    ['resume', (c) => c.resumeServer(SID)],
    ['lock', (c) => c.lockServer(SID)],
    ['unlock', (c) => c.unlockServer(SID)],
    ['unrescue', (c) => c.unrescueServer(SID)],
    ['confirmResize', (c) => c.confirmServerResize(SID)],
    ['revertResize', (c) => c.revertServerResize(SID)],
    ['shelve', (c) => c.shelveServer(SID)],
    ['shelveOffload', (c) => c.shelveOffloadServer(SID)],
    ['unshelve', (c) => c.unshelveServer(SID)],
    ['migrate', (c) => c.migrateServer(SID)],
  ];
  for (const [action, call] of bare) {
    test(`${action} posts { "${action}": null }`, async () => {
      await call(compute());
      assert.deepEqual(lastAction(), { [action]: null });
    });
  }

  test('bodies of actions with arguments', async () => {
    const c = compute();
    await c.rebootServer(SID);
    assert.deepEqual(lastAction(), { reboot: { type: 'SOFT' } });
    await c.rebootServer({ id: SID } as never, 'HARD');
    assert.deepEqual(lastAction(), { reboot: { type: 'HARD' } });
    await c.lockServer(SID, { reason: 'maintenance' });
    assert.deepEqual(lastAction(), { lock: { locked_reason: 'maintenance' } });
    await c.resizeServer(SID, '84', { diskConfig: 'AUTO' });
    assert.deepEqual(lastAction(), { resize: { flavorRef: '84', 'OS-DCF:diskConfig': 'AUTO' } });
    await c.resetServerState(SID, 'error');
    assert.deepEqual(lastAction(), { 'os-resetState': { state: 'error' } });
    await c.changeServerPassword(SID, 'secret');
    assert.deepEqual(lastAction(), { changePassword: { adminPass: 'secret' } });
    await c.addServerSecurityGroup(SID, 'web');
    assert.deepEqual(lastAction(), { addSecurityGroup: { name: 'web' } });
    await c.removeServerSecurityGroup(SID, 'web');
    assert.deepEqual(lastAction(), { removeSecurityGroup: { name: 'web' } });
    await c.unshelveServer(SID, { availabilityZone: null });
    assert.deepEqual(lastAction(), { unshelve: { availability_zone: null } });
    await c.migrateServer(SID, { host: 'h2' });
    assert.deepEqual(lastAction(), { migrate: { host: 'h2' } });
    await c.liveMigrateServer(SID);
    assert.deepEqual(lastAction(), { 'os-migrateLive': { host: null, block_migration: 'auto' } });
    const old = compute('2.24');
    await old.liveMigrateServer(SID, { host: 'h2' });
    assert.deepEqual(lastAction(), {
      'os-migrateLive': { host: 'h2', block_migration: false, disk_over_commit: false },
    });
  });

  test('the microversion header goes with every action', async () => {
    await compute('2.73').lockServer(SID, { reason: 'x' });
    assert.equal(nova.calls.at(-1)?.headers['openstack-api-version'], 'compute 2.73');
    assert.equal(nova.calls.at(-1)?.headers['x-openstack-nova-api-version'], '2.73');
  });

  test('rejected before sending: lock reason below 2.73, bad reboot type, unknown rebuild field', async () => {
    const old = compute('2.72');
    await old.microversion();
    await assert.rejects(
      old.lockServer(SID, { reason: 'x' }),
      (e: unknown) =>
        e instanceof ValidationError &&
        /lock action\.lockedReason/.test(e.message) &&
        /2\.73/.test(e.message),
    );
    await assert.rejects(compute().rebootServer(SID, 'NICE' as 'SOFT'), ValidationError);
    await assert.rejects(
      compute().rebuildServer(SID, 'img', { flavorRef: '1' } as never),
      (e: unknown) => e instanceof ValidationError && /flavorRef/.test(e.message),
    );
    await assert.rejects(
      compute('2.53').rebuildServer(SID, 'img', { keyName: 'k' }),
      (e: unknown) => e instanceof ValidationError && /2\.54/.test(e.message) && /keyName/.test(e.message),
    );
    await assert.rejects(compute().unshelveServer(SID, { host: 'h' }), /2\.91/);
    await assert.rejects(compute().startServer(''), ValidationError);
    assert.equal(nova.calls.length, 0, 'nothing was sent');
  });

  test('rebuild: body, user data encoding and the answered server', async () => {
    answer = { status: 202, body: { server: { id: SID, status: 'REBUILD', adminPass: 'pw' } } };
    const s = await compute().rebuildServer(SID, 'img-1', {
      name: 'n',
      metadata: { a: 'b' },
      userData: Buffer.from('#!/bin/sh\n'),
      keyName: null,
      preserveEphemeral: true,
    });
    assert.deepEqual(lastAction(), {
      rebuild: {
        imageRef: 'img-1',
        name: 'n',
        metadata: { a: 'b' },
        user_data: Buffer.from('#!/bin/sh\n').toString('base64'),
        key_name: null,
        preserve_ephemeral: true,
      },
    });
    assert.equal(s.status, 'REBUILD');
    assert.equal(s.adminPass, 'pw');
    await assert.rejects(compute().rebuildServer(SID, 'img-1', { userData: '#!/bin/sh' }), ValidationError);
  });

  test('createServerImage: image_id from the body (2.45+) or the Location header (before)', async () => {
    answer = { status: 202, body: { image_id: 'img-new' } };
    assert.equal(await compute().createServerImage(SID, 'snap', { metadata: { k: 'v' } }), 'img-new');
    assert.deepEqual(lastAction(), { createImage: { name: 'snap', metadata: { k: 'v' } } });
    answer = { status: 202, headers: { location: 'http://glance:9292/v2/images/img-old' } };
    assert.equal(await compute('2.44').createServerImage(SID, 'snap'), 'img-old');
    answer = { status: 202, body: { image_id: 'bk-1' } };
    assert.equal(await compute().createServerBackup(SID, 'bk', 'daily', 2), 'bk-1');
    assert.deepEqual(lastAction(), { createBackup: { name: 'bk', backup_type: 'daily', rotation: 2 } });
  });

  test('imageIdFromAction fails clearly when nova gives neither', () => {
    assert.throws(
      () => imageIdFromAction({ body: undefined, headers: {} }),
      /neither image_id nor a Location/,
    );
    assert.equal(
      imageIdFromAction({ body: undefined, headers: { location: '/v2/images/abc%20d' } }),
      'abc d',
    );
  });

  test('console output and rescue answers', async () => {
    answer = { status: 200, body: { output: 'a\nb\n' } };
    assert.equal(await compute().getServerConsoleOutput(SID, { length: 2 }), 'a\nb\n');
    assert.deepEqual(lastAction(), { 'os-getConsoleOutput': { length: 2 } });
    assert.equal(await compute().getServerConsoleOutput(SID), 'a\nb\n');
    assert.deepEqual(lastAction(), { 'os-getConsoleOutput': {} });
    // a 200 without the log is unreadable, not an empty log
    answer = { status: 200, body: { console: 'a' } };
    await assert.rejects(
      compute().getServerConsoleOutput(SID),
      (e: unknown) => e instanceof InvalidResponseError && /"output"/.test(e.message),
      'a body without "output" is an InvalidResponseError naming the key',
    );
    answer = { status: 200, body: { adminPass: 'rescue-pw' } };
    assert.equal(await compute().rescueServer(SID, { rescueImageRef: 'img' }), 'rescue-pw');
    assert.deepEqual(lastAction(), { rescue: { rescue_image_ref: 'img' } });
  });

  test('forceCompleteServerMigration posts to the migration', async () => {
    await compute().forceCompleteServerMigration(SID, 7);
    const r = nova.calls.at(-1);
    assert.equal(r?.url, `/v2.1/servers/${SID}/migrations/7/action`);
    assert.deepEqual(bodyOf(r), { force_complete: null });
  });
});
