/**
 * Flavors on the dev cloud: the admin creates a private flavor, manages its extra specs and
 * which projects may use it; the demo user sees it only while granted, and cannot create one.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { ForbiddenError, NotFoundError, ValidationError } from '../../../src/index.js';
import type { ComputeV2 } from '../../../src/services/compute/index.js';
import { functionalSuite } from '../../support/cloud.js';
import { projectIdOf, sqliteTolerant } from './helpers.js';

functionalSuite('compute: flavors, extra specs and access (admin)', (suite) => {
  const admin = suite.admin(sqliteTolerant);
  const demo = suite.demo(sqliteTolerant);
  const c: ComputeV2 = admin.compute;
  const { cleanup } = suite;
  const name = suite.name('flv');
  let flavorId: string;
  let demoProject: string;

  before(async () => {
    demoProject = await projectIdOf(demo);
  });

  test('the seeded flavors are listed with their sizes', async () => {
    const all = await c.listFlavors().toArray();
    const nano = all.find((f) => f.name === 'm1.nano');
    assert.ok(nano, 'm1.nano is seeded');
    assert.equal(nano.id, '42');
    assert.equal(nano.ram, 128);
    assert.equal(nano.isPublic, true);
    assert.equal((await c.findFlavor('m1.micro')).id, '84');
    const big = await c.listFlavors({ minRam: 8192 }).toArray();
    assert.ok(big.length > 0 && big.every((f) => (f.ram ?? 0) >= 8192));
  });

  test('create a private flavor with a description', async () => {
    const f = await c.createFlavor({
      name,
      ram: 64,
      vcpus: 1,
      disk: 0,
      ephemeral: 0,
      isPublic: false,
      description: 'ossdk private flavor',
    });
    flavorId = f.id;
    cleanup.add(`flavor ${flavorId}`, () => c.deleteFlavor(flavorId, { ignoreMissing: true }));
    assert.ok(flavorId);
    assert.equal(f.name, name);
    assert.equal(f.isPublic, false);
    assert.equal(f.description, 'ossdk private flavor');
    const got = await c.getFlavor(flavorId);
    assert.equal(got.ram, 64);
    assert.equal(got.vcpus, 1);
    assert.deepEqual(got.extraSpecs, {});
    // by default even admins list only public flavors (and private ones they were granted)
    assert.equal(await c.findFlavor(name, { ignoreMissing: true }), undefined);
    assert.equal((await c.findFlavor(name, { query: { isPublic: 'none' } })).id, flavorId);
    const priv = await c.listFlavors({ isPublic: false }).toArray();
    assert.ok(priv.some((x) => x.id === flavorId));
  });

  test('only the description changes after create', async () => {
    const u = await c.updateFlavor(flavorId, { description: 'changed' });
    assert.equal(u.description, 'changed');
    assert.equal((await c.getFlavor(flavorId)).description, 'changed');
    await assert.rejects(
      c.updateFlavor(flavorId, { ram: 128 } as never),
      (e: unknown) => e instanceof ValidationError && /only be set when creating/.test(e.message),
    );
  });

  test('extra specs: set, get all and one, update one, delete one', async () => {
    const set = await c.setFlavorExtraSpecs(flavorId, { 'hw:cpu_policy': 'shared', 'hw:numa_nodes': '1' });
    assert.deepEqual(set, { 'hw:cpu_policy': 'shared', 'hw:numa_nodes': '1' });
    assert.deepEqual(await c.getFlavorExtraSpecs(flavorId), {
      'hw:cpu_policy': 'shared',
      'hw:numa_nodes': '1',
    });
    assert.equal(await c.getFlavorExtraSpec(flavorId, 'hw:numa_nodes'), '1');
    assert.equal(await c.updateFlavorExtraSpec(flavorId, 'hw:numa_nodes', '2'), '2');
    assert.deepEqual((await c.getFlavor(flavorId)).extraSpecs, {
      'hw:cpu_policy': 'shared',
      'hw:numa_nodes': '2',
    });
    await c.deleteFlavorExtraSpec(flavorId, 'hw:numa_nodes');
    await assert.rejects(c.getFlavorExtraSpec(flavorId, 'hw:numa_nodes'), NotFoundError);
    assert.deepEqual(await c.getFlavorExtraSpecs(flavorId), { 'hw:cpu_policy': 'shared' });
    await assert.rejects(
      c.setFlavorExtraSpecs(flavorId, { 'hw:numa_nodes': 2 as unknown as string }),
      ValidationError,
    );
  });

  test('access: the demo project sees the private flavor only while granted', async () => {
    assert.equal(await demo.compute.findFlavor(name, { ignoreMissing: true }), undefined);
    const granted = await c.addFlavorAccess(flavorId, demoProject);
    assert.deepEqual(
      granted.map((a) => [a.flavorId, a.projectId]),
      [[flavorId, demoProject]],
    );
    const listed = await c.listFlavorAccess(flavorId).toArray();
    assert.deepEqual(
      listed.map((a) => a.projectId),
      [demoProject],
    );
    assert.equal(listed[0]?.flavorId, flavorId);
    assert.equal((await demo.compute.findFlavor(name)).id, flavorId);
    assert.deepEqual(await c.removeFlavorAccess(flavorId, demoProject), []);
    assert.deepEqual(await c.listFlavorAccess(flavorId).toArray(), []);
    assert.equal(await demo.compute.findFlavor(name, { ignoreMissing: true }), undefined);
  });

  test('public flavors have no access list', async () => {
    await assert.rejects(
      c.listFlavorAccess('42').toArray(),
      (e: unknown) => e instanceof NotFoundError && /public flavors/.test(e.message),
    );
  });

  test('the demo user cannot create or delete flavors', async () => {
    await assert.rejects(
      demo.compute.createFlavor({ name: suite.name('nope'), ram: 64, vcpus: 1, disk: 0 }),
      ForbiddenError,
    );
    await assert.rejects(demo.compute.deleteFlavor('42'), ForbiddenError);
  });

  test('delete', async () => {
    await c.deleteFlavor(flavorId);
    await assert.rejects(c.getFlavor(flavorId), NotFoundError);
    await c.deleteFlavor(flavorId, { ignoreMissing: true });
  });
});
