/**
 * Admin views of compute on the dev cloud: hypervisors, compute services (enable/disable and
 * forced-down by id, restored at once), quotas of a throw-away project, availability zones,
 * limits and the migrations listing; what the demo user may and may not see.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { BadRequestError, ForbiddenError, NotFoundError, ValidationError } from '../../../src/index.js';
import type { ComputeV2 } from '../../../src/services/compute/index.js';
import { adminConnection, functionalSuite } from '../../support/cloud.js';
import { projectIdOf, sqliteTolerant } from './helpers.js';

functionalSuite('compute: admin resources', (suite) => {
  const admin = suite.admin(sqliteTolerant);
  const demo = suite.demo(sqliteTolerant);
  const c: ComputeV2 = admin.compute;
  const { cleanup } = suite;
  let demoProject: string;

  before(async () => {
    demoProject = await projectIdOf(demo);
  });

  test('hypervisors: list, get, find by hostname; counters only up to 2.87', async () => {
    const all = await c.listHypervisors().toArray();
    // the fake host; the data plane (tools/devcloud/services/dataplane.sh) adds a libvirt one
    const h = all.find((x) => x.hypervisorHostname === 'devcloud');
    assert.ok(h, `the fake compute host is listed among ${all.map((x) => x.hypervisorHostname).join(', ')}`);
    assert.ok(all.length <= 2, `at most the fake and the data plane's host, got ${all.length}`);
    assert.match(String(h.id), /^[0-9a-f-]{36}$/, 'UUID ids from 2.53');
    assert.equal(h.hypervisorHostname, 'devcloud');
    assert.equal(h.hypervisorType, 'fake');
    assert.equal(h.state, 'up');
    assert.equal(h.status, 'enabled');
    assert.equal(h.hostIp, '127.0.0.1');
    assert.equal(h.service?.host, 'devcloud');
    assert.equal(h.vcpus, undefined, 'resource counters are gone at 2.88');
    assert.equal((await c.getHypervisor(String(h.id))).hypervisorHostname, 'devcloud');
    assert.equal((await c.findHypervisor('devcloud')).id, h.id);
    const byPattern = await c.listHypervisors({ hypervisorHostnamePattern: 'devcloud' }).toArray();
    assert.deepEqual(
      byPattern.map((x) => x.id),
      [h.id],
    );
    const old = adminConnection({ ...sqliteTolerant, microversions: { compute: '2.87' } });
    try {
      const h87 = (await old.compute.listHypervisors().toArray()).find(
        (x) => x.hypervisorHostname === 'devcloud',
      );
      assert.ok(h87, 'the fake host at 2.87');
      assert.equal(typeof h87.vcpus, 'number');
      assert.equal(typeof h87.memoryMb, 'number');
      assert.equal(typeof h87.runningVms, 'number');
    } finally {
      await old.close();
    }
    await assert.rejects(demo.compute.listHypervisors().toArray(), ForbiddenError);
  });

  test('compute services: list and filter', async () => {
    const all = await c.listComputeServices().toArray();
    const binaries = all.map((s) => s.binary).sort();
    for (const b of ['nova-compute', 'nova-conductor', 'nova-scheduler']) assert.ok(binaries.includes(b), b);
    const computes = await c.listComputeServices({ binary: 'nova-compute', host: 'devcloud' }).toArray();
    assert.equal(computes.length, 1, 'one nova-compute on the fake host');
    const nc = computes[0]!;
    assert.match(String(nc.id), /^[0-9a-f-]{36}$/);
    assert.equal(nc.host, 'devcloud');
    assert.equal(nc.zone, 'nova');
    assert.equal(nc.status, 'enabled');
    assert.equal(nc.forcedDown, false);
    await assert.rejects(demo.compute.listComputeServices().toArray(), ForbiddenError);
  });

  test('compute services: disable with a reason, enable, force down and back (restored at once)', async () => {
    const nc = (await c.listComputeServices({ binary: 'nova-compute', host: 'devcloud' }).toArray())[0]!;
    // the dev cloud is shared: every change is undone in the same test, whatever happens
    try {
      const disabled = await c.disableComputeService(nc, { reason: 'ossdk test' });
      assert.equal(disabled.status, 'disabled');
      assert.equal(disabled.disabledReason, 'ossdk test');
      assert.equal(disabled.id, nc.id);
      const enabled = await c.enableComputeService(nc);
      assert.equal(enabled.status, 'enabled');
      assert.equal(enabled.disabledReason, null);
      const down = await c.forceDownComputeService(nc);
      assert.equal(down.forcedDown, true);
      assert.equal(down.state, 'down');
      const up = await c.forceDownComputeService(nc, false);
      assert.equal(up.forcedDown, false);
    } finally {
      await c.updateComputeService(nc, { status: 'enabled', forcedDown: false });
    }
    const now = (await c.listComputeServices({ binary: 'nova-compute', host: 'devcloud' }).toArray())[0]!;
    assert.equal(now.status, 'enabled');
    assert.equal(now.forcedDown, false);
  });

  test('compute services: rejected updates', async () => {
    const sched = (await c.listComputeServices({ binary: 'nova-scheduler' }).toArray())[0]!;
    await assert.rejects(c.disableComputeService(sched), BadRequestError, 'only nova-compute can be updated');
    await assert.rejects(
      c.updateComputeService(sched, { status: 'paused' as 'enabled' }),
      (e: unknown) => e instanceof ValidationError && /enabled, disabled/.test(e.message),
    );
    const old = adminConnection({ ...sqliteTolerant, microversions: { compute: '2.52' } });
    try {
      await assert.rejects(
        old.compute.enableComputeService(sched),
        (e: unknown) => e instanceof ValidationError && /2\.53/.test(e.message),
      );
    } finally {
      await old.close();
    }
  });

  test('quotas of a throw-away project: defaults, update, detail, revert', async () => {
    const res = await admin.identity.request('POST', '/projects', {
      json: {
        project: { name: suite.name('quota'), domain_id: 'default', description: 'ossdk compute quotas' },
      },
    });
    const project = ((await res.json()) as { project: { id: string } }).project.id;
    cleanup.add(`project ${project}`, async () => {
      const r = await admin.identity.request('DELETE', `/projects/${project}`, { okStatuses: [204, 404] });
      await r.body.dump();
    });

    const defaults = await c.getQuotaSetDefaults(project);
    assert.equal(defaults.id, project);
    assert.equal(typeof defaults.instances, 'number');
    assert.equal(defaults.fixedIps, undefined, 'network quotas are gone from 2.36');
    const start = await c.getQuotaSet(project);
    assert.equal(start.instances, defaults.instances);
    assert.equal(start.cores, defaults.cores);

    const updated = await c.updateQuotaSet(project, { instances: 7, keyPairs: 55 });
    assert.equal(updated.instances, 7);
    assert.equal(updated.keyPairs, 55);
    assert.equal(updated.cores, defaults.cores);
    assert.equal((await c.getQuotaSet(project)).instances, 7);
    const detail = await c.getQuotaSetDetail(project);
    assert.deepEqual(detail.instances, { limit: 7, in_use: 0, reserved: 0 });
    assert.equal(detail.keyPairs?.limit, 55);

    await assert.rejects(
      c.updateQuotaSet(project, { fixedIps: 3 }),
      (e: unknown) => e instanceof ValidationError && /2\.35/.test(e.message),
    );
    await assert.rejects(
      c.updateQuotaSet(project, { instances: 'many' as unknown as number }),
      ValidationError,
    );

    await c.revertQuotaSet(project);
    assert.equal((await c.getQuotaSet(project)).instances, defaults.instances);
    assert.equal((await c.getQuotaSet(project)).keyPairs, defaults.keyPairs);
  });

  test('quotas: the demo user reads its own, cannot change them', async () => {
    const own = await demo.compute.getQuotaSet(demoProject);
    assert.equal(own.id, demoProject);
    assert.equal(typeof own.instances, 'number');
    await assert.rejects(demo.compute.updateQuotaSet(demoProject, { instances: 1000 }), ForbiddenError);
  });

  test('availability zones: plain for everyone, detailed for admins', async () => {
    const zones = await demo.compute.listAvailabilityZones().toArray();
    const nova = zones.find((z) => z.name === 'nova');
    assert.ok(nova);
    assert.deepEqual(nova.state, { available: true });
    assert.equal(nova.hosts, null);
    const detailed = await c.listAvailabilityZones({ detailed: true }).toArray();
    const dnova = detailed.find((z) => z.name === 'nova');
    assert.ok(dnova?.hosts?.devcloud?.['nova-compute']);
    assert.equal(dnova.hosts.devcloud['nova-compute'].available, true);
    assert.ok(detailed.some((z) => z.name === 'internal'));
    await assert.rejects(demo.compute.listAvailabilityZones({ detailed: true }).toArray(), ForbiddenError);
  });

  test('limits: own project, and the admin looking at the demo project', async () => {
    const mine = await demo.compute.getLimits();
    const abs = mine.absolute!;
    assert.equal(typeof abs.maxTotalInstances, 'number');
    assert.equal(typeof abs.totalInstancesUsed, 'number');
    assert.equal(abs.maxPersonality, undefined, 'personality limits are gone from 2.57');
    assert.deepEqual(mine.rate, []);
    const seen = await c.getLimits({ projectId: demoProject });
    assert.equal(seen.absolute?.maxTotalInstances, abs.maxTotalInstances);
    assert.equal(seen.absolute?.maxTotalKeypairs, abs.maxTotalKeypairs);
  });

  test('migrations: listing and filters', async () => {
    const all = await c.listMigrations().toArray();
    for (const m of all) {
      // nova's integer id, as a string like every resource's id (the data plane's resizes
      // leave real migrations here)
      assert.match(m.id, /^\d+$/, `a migration id is nova's integer, got ${JSON.stringify(m.id)}`);
      assert.ok(m.status, `migration ${m.id} has a status`);
    }
    const resizes = await c.listMigrations({ migrationType: 'resize' }).toArray();
    assert.ok(resizes.every((m) => m.migrationType === 'resize'));
    assert.deepEqual(
      await c.listMigrations({ instanceUuid: '00000000-0000-0000-0000-000000000000' }).toArray(),
      [],
    );
    await assert.rejects(demo.compute.listMigrations().toArray(), ForbiddenError);
    await assert.rejects(
      c.listServerMigrations({}, { parent: { serverId: '00000000-0000-0000-0000-000000000000' } }).toArray(),
      NotFoundError,
    );
  });
});
