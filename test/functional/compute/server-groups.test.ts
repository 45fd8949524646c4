/**
 * Server groups on the dev cloud: `policy` + `rules` from 2.64, `policies` before; a server
 * scheduled into a group with `schedulerHints`.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { NotFoundError, ValidationError } from '../../../src/index.js';
import type { ComputeV2 } from '../../../src/services/compute/index.js';
import { functionalSuite } from '../../support/cloud.js';
import { imageId, networkId, sqliteTolerant } from './helpers.js';

const fast = { intervalMs: 500, timeoutMs: 120_000 };

functionalSuite('compute: server groups (demo user)', (suite) => {
  const demo = suite.demo(sqliteTolerant);
  const old = suite.demo({ ...sqliteTolerant, microversions: { compute: '2.63' } });
  const c: ComputeV2 = demo.compute;
  const { cleanup } = suite;
  const name = suite.name('grp');
  let groupId: string;

  before(async () => {
    await demo.authorize();
  });

  test('create with policy and rules (2.64+)', async () => {
    const g = await c.createServerGroup({ name, policy: 'anti-affinity', rules: { max_server_per_host: 2 } });
    groupId = g.id;
    cleanup.add(`server group ${groupId}`, () => c.deleteServerGroup(groupId, { ignoreMissing: true }));
    assert.match(groupId, /^[0-9a-f-]{36}$/);
    assert.equal(g.policy, 'anti-affinity');
    assert.deepEqual(g.rules, { max_server_per_host: 2 });
    assert.deepEqual(g.members, []);
    assert.equal(g.policies, undefined);
    const got = await c.getServerGroup(groupId);
    assert.equal(got.name, name);
    assert.ok(got.projectId && got.userId);
    assert.equal((await c.findServerGroup(name)).id, groupId);
    assert.ok((await c.listServerGroups().toArray()).some((x) => x.id === groupId));
  });

  test('the policy form is checked against the microversion before sending', async () => {
    await assert.rejects(
      c.createServerGroup({ name: suite.name('bad'), policies: ['affinity'] }),
      (e: unknown) => e instanceof ValidationError && /2\.63/.test(e.message),
    );
    await assert.rejects(
      c.createServerGroup({ name: suite.name('bad') }),
      (e: unknown) => e instanceof ValidationError && /policy/.test(e.message),
    );
    await assert.rejects(
      old.compute.createServerGroup({ name: suite.name('bad'), policy: 'affinity' }),
      (e: unknown) => e instanceof ValidationError && /2\.64/.test(e.message),
    );
    await assert.rejects(
      c.createServerGroup({ name: suite.name('bad'), policy: 'closest' as 'affinity' }),
      ValidationError,
    );
  });

  test('create with policies (2.63)', async () => {
    const g = await old.compute.createServerGroup({ name: suite.name('grp63'), policies: ['affinity'] });
    cleanup.add(`server group ${g.id}`, () => c.deleteServerGroup(g.id, { ignoreMissing: true }));
    assert.deepEqual(g.policies, ['affinity']);
    assert.deepEqual(g.metadata, {});
    assert.equal(g.policy, undefined);
    assert.equal((await c.getServerGroup(g.id)).policy, 'affinity', 'the same group read at 2.90');
  });

  test('a server scheduled into the group with schedulerHints', async () => {
    const s = await c.createServer({
      name: suite.name('grp-srv'),
      imageRef: await imageId(demo, 'cirros'),
      flavorRef: '42',
      networks: [{ uuid: await networkId(demo, 'private') }],
      schedulerHints: { group: groupId },
    });
    cleanup.add(`server ${s.id}`, async () => {
      await c.deleteServer(s.id, { ignoreMissing: true });
      await c.waitForServerDelete(s.id, fast);
    });
    const active = await c.waitForServer(s, 'ACTIVE', fast);
    assert.deepEqual(active.serverGroups, [groupId]);
    assert.deepEqual((await c.getServerGroup(groupId)).members, [s.id]);
  });

  test('delete', async () => {
    await c.deleteServerGroup(groupId);
    await assert.rejects(c.getServerGroup(groupId), NotFoundError);
  });
});
