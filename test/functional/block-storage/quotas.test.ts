/**
 * Quotas, limits, availability zones and services on the dev cloud. Quota changes are made on
 * a throwaway identity project, so no shared project is affected.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { ForbiddenError, NotFoundError, ValidationError } from '../../../src/index.js';
import { functionalSuite } from '../../support/cloud.js';
import { SQLITE_RETRY } from './helpers.js';

functionalSuite('block storage: quotas, limits, availability zones, services', (suite) => {
  const admin = suite.admin(SQLITE_RETRY);
  const demo = suite.demo(SQLITE_RETRY);
  const abs = admin.blockStorage;
  const { cleanup } = suite;
  let demoProject: string;
  let scratch: string;

  before(async () => {
    demoProject = (await demo.authorize()).projectId!;
    const res = await admin.identity.request('POST', '/projects', {
      json: {
        project: { name: suite.name('quota-project'), domain_id: 'default', description: 'ossdk quota test' },
      },
    });
    scratch = ((await res.json()) as { project: { id: string } }).project.id;
    cleanup.add(`project ${scratch}`, async () => {
      await (await admin.identity.request('DELETE', `/projects/${scratch}`)).body.dump();
    });
  });

  test('read a project quota set, its defaults and its usage', async () => {
    const q = await abs.getQuotaSet(demoProject);
    assert.equal(q.id, demoProject);
    for (const k of ['volumes', 'snapshots', 'gigabytes', 'backups', 'backupGigabytes', 'groups'] as const)
      assert.equal(typeof q[k], 'number', k);
    // per-type quotas are kept as undeclared fields
    assert.ok(Object.keys(q.extra).some((k) => k.startsWith('volumes_')));
    const d = await abs.getQuotaSetDefaults(demoProject);
    assert.equal(typeof d.volumes, 'number');
    const u = await abs.getQuotaSetUsage(demoProject);
    assert.equal(u.volumes?.limit, q.volumes);
    assert.equal(typeof u.volumes?.in_use, 'number');
    assert.equal(typeof u.volumes?.reserved, 'number');
    // a member reads its own project's quotas, not another's
    assert.equal((await demo.blockStorage.getQuotaSet(demoProject)).volumes, q.volumes);
    await assert.rejects(demo.blockStorage.getQuotaSet(scratch), ForbiddenError);
  });

  test('update a project quota set (declared and per-type keys), then reset to the defaults', async () => {
    const defaults = await abs.getQuotaSetDefaults(scratch);
    const upd = await abs.updateQuotaSet(scratch, {
      volumes: 7,
      gigabytes: 70,
      backups: 3,
      $extra: { volumes___DEFAULT__: 4 },
    });
    assert.equal(upd.volumes, 7);
    assert.equal(upd.extra.volumes___DEFAULT__, 4);
    const got = await abs.getQuotaSet(scratch);
    assert.deepEqual([got.volumes, got.gigabytes, got.backups], [7, 70, 3]);
    assert.equal(got.extra.volumes___DEFAULT__, 4);
    const usage = await abs.getQuotaSetUsage(scratch);
    assert.deepEqual(usage.volumes, { limit: 7, in_use: 0, reserved: 0 });
    // type and range are checked before sending
    await assert.rejects(abs.updateQuotaSet(scratch, { volumes: '8' as unknown as number }), ValidationError);
    await assert.rejects(abs.updateQuotaSet(scratch, { volumes: -5 }), /quota|Invalid|value/i);
    // members may not change quotas
    await assert.rejects(demo.blockStorage.updateQuotaSet(demoProject, { volumes: 100 }), ForbiddenError);
    await abs.resetQuotaSet(scratch);
    const reset = await abs.getQuotaSet(scratch);
    assert.equal(reset.volumes, defaults.volumes);
    assert.equal(reset.gigabytes, defaults.gigabytes);
  });

  test('the default quota class', async () => {
    const c = await abs.getQuotaClassSet();
    assert.equal(c.id, 'default');
    assert.equal(typeof c.volumes, 'number');
    // writing the same value back changes nothing for anyone
    const same = await abs.updateQuotaClassSet('default', { volumes: c.volumes });
    assert.equal(same.volumes, c.volumes);
  });

  test('limits of the own project, and of another project for the admin (3.39)', async () => {
    const q = await abs.getQuotaSet(demoProject);
    const l = await demo.blockStorage.getLimits();
    assert.equal(l.absolute?.maxTotalVolumes, q.volumes);
    assert.equal(typeof l.absolute?.totalVolumesUsed, 'number');
    assert.deepEqual(l.rate, []);
    const other = await abs.getLimits({ projectId: demoProject });
    assert.equal(other.absolute?.maxTotalVolumes, q.volumes);
    await assert.rejects(abs.getLimits({ projectId: demoProject, microversion: '3.38' }), ValidationError);
  });

  test('availability zones', async () => {
    const zones = await demo.blockStorage.listAvailabilityZones().toArray();
    assert.ok(zones.length >= 1);
    const nova = zones.find((z) => z.zoneName === 'nova');
    assert.ok(nova, `zones: ${zones.map((z) => z.zoneName).join(',')}`);
    assert.equal(nova.zoneState?.available, true);
  });

  test('services: admin lists and filters; members may not', async () => {
    const all = await abs.listServices().toArray();
    const binaries = new Set(all.map((s) => s.binary));
    assert.ok(binaries.has('cinder-volume') && binaries.has('cinder-scheduler'), [...binaries].join(','));
    const vol = all.find((s) => s.binary === 'cinder-volume')!;
    assert.equal(vol.status, 'enabled');
    assert.equal(vol.state, 'up');
    assert.match(vol.host!, /@/);
    const filtered = await abs.listServices({ binary: 'cinder-scheduler' }).toArray();
    assert.ok(filtered.length >= 1 && filtered.every((s) => s.binary === 'cinder-scheduler'));
    assert.deepEqual(await abs.listServices({ host: suite.name('nohost') }).toArray(), []);
    // 3.7 adds the cluster field (null without clustering)
    assert.ok('cluster' in vol.raw);
    await assert.rejects(demo.blockStorage.listServices().toArray(), ForbiddenError);
  });

  test('enabling/disabling an unknown service is a 404 naming it (real services stay untouched)', async () => {
    const host = suite.name('nohost');
    await assert.rejects(abs.disableService(host, 'cinder-volume', { reason: 'test' }), NotFoundError);
    await assert.rejects(abs.enableService(host, 'cinder-volume'), (e: unknown) => {
      assert.ok(e instanceof NotFoundError);
      assert.match(e.serviceMessage ?? '', /could not be found/);
      return true;
    });
    await assert.rejects(demo.blockStorage.enableService(host, 'cinder-volume'), ForbiddenError);
  });
});
