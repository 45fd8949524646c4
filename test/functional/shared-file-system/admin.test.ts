/**
 * Manila's admin side on the dev cloud: share types with extra specs and project access, share
 * networks with subnets (as demo), quotas, limits, availability zones, services and storage
 * pools.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { NotFoundError } from '../../../src/index.js';
import { functionalSuite } from '../../support/cloud.js';

functionalSuite(
  'shared file system: types, networks, quotas, services (admin)',
  { timeout: 120_000 },
  (suite) => {
    const admin = suite.admin().sharedFileSystem;
    const demoConn = suite.demo();
    const demo = demoConn.sharedFileSystem;
    const { cleanup } = suite;
    let demoProject: string;

    before(async () => {
      demoProject = (await demoConn.authorize()).projectId!;
    });

    test('share types: create private, extra specs, access, update, delete', async () => {
      const name = suite.name('type');
      const t = await admin.createShareType({
        name,
        isPublic: false,
        extraSpecs: { driver_handles_share_servers: 'False' },
      });
      cleanup.add(`share type ${t.id}`, () => admin.deleteShareType(t, { ignoreMissing: true }));
      assert.equal(t.isPublic, false, 'created private');
      assert.deepEqual(t.requiredExtraSpecs, { driver_handles_share_servers: 'False' }, 'the required spec');

      await admin.setShareTypeExtraSpecs(t, { snapshot_support: 'True', 'ossdk:tier': 'gold' });
      const specs = await admin.getShareTypeExtraSpecs(t);
      assert.equal(specs['ossdk:tier'], 'gold', 'a custom spec was stored');
      await admin.deleteShareTypeExtraSpec(t, 'ossdk:tier');
      assert.ok(!('ossdk:tier' in (await admin.getShareTypeExtraSpecs(t))), 'the spec is gone');

      await admin.addShareTypeAccess(t, demoProject);
      const projects = (await admin.listShareTypeAccess(t).toArray()).map((a) => a.projectId);
      assert.ok(projects.includes(demoProject), 'demo may use the private type');
      assert.equal((await demo.findShareType(name)).id, t.id, 'demo now sees the private type');
      await admin.removeShareTypeAccess(t, demoProject);
      assert.ok(
        !(await admin.listShareTypeAccess(t).toArray()).some((a) => a.projectId === demoProject),
        'demo was removed',
      );

      const updated = await admin.updateShareType(t, { description: 'functional test' });
      assert.equal(updated.description, 'functional test', 'description updated (2.50+)');
      const listed = await admin.listShareTypes({ isPublic: 'all' }).toArray();
      assert.ok(
        listed.some((x) => x.id === t.id),
        'listing all types shows the private one',
      );
      await admin.deleteShareType(t);
      await assert.rejects(admin.getShareType(t.id), NotFoundError, 'the type is gone');
    });

    test('the seeded default share type is the default', async () => {
      const d = await demo.findShareType('default');
      assert.equal(d.isDefault, true, 'the cloud default_share_type');
      assert.equal(d.requiredExtraSpecs.driver_handles_share_servers, 'False', 'no share servers');
    });

    test('share networks and subnets (demo): create, update, add and remove a subnet, delete', async () => {
      const net = await demo.createShareNetwork({ name: suite.name('net') });
      cleanup.add(`share network ${net.id}`, () => demo.deleteShareNetwork(net, { ignoreMissing: true }));
      const renamed = await demo.updateShareNetwork(net, { description: 'functional test' });
      assert.equal(renamed.description, 'functional test', 'description updated');
      assert.equal((await demo.findShareNetwork(net.name!)).id, net.id, 'found by name');
      assert.ok(
        (await demo.listShareNetworks().toArray()).some((n) => n.id === net.id),
        'listed',
      );
      const before = await demo.listShareNetworkSubnets(net).toArray();
      assert.equal(before.length, 1, 'a new network has its default subnet');
      const sub = await demo.createShareNetworkSubnet(net, { availabilityZone: 'nova' });
      cleanup.add(`subnet ${sub.id}`, () =>
        demo.deleteShareNetworkSubnet(net, sub, { ignoreMissing: true }).catch(() => undefined),
      );
      assert.equal(sub.availabilityZone, 'nova', 'the subnet is for the zone asked');
      assert.equal((await demo.getShareNetworkSubnet(net, sub.id)).id, sub.id, 'get the subnet');
      // manila refuses to delete a network with more than one subnet: the added one goes first
      await demo.deleteShareNetworkSubnet(net, sub);
      assert.equal(
        (await demo.listShareNetworkSubnets(net).toArray()).length,
        1,
        'back to the default subnet',
      );
      await demo.deleteShareNetwork(net);
      await assert.rejects(demo.getShareNetwork(net.id), NotFoundError, 'the network is gone');
    });

    test('quotas: read, change, defaults, reset', async () => {
      cleanup.add('demo share quotas', () => admin.resetQuotaSet(demoProject));
      const q = await admin.getQuotaSet(demoProject);
      assert.ok(q.shares >= -1, 'shares quota is a number');
      const changed = await admin.updateQuotaSet(demoProject, { shares: 42, gigabytes: 420 });
      assert.equal(changed.shares, 42, 'the new share quota');
      assert.equal((await demo.getQuotaSet(demoProject)).gigabytes, 420, 'demo sees its new quota');
      const defaults = await admin.getQuotaSetDefaults(demoProject);
      await admin.resetQuotaSet(demoProject);
      assert.equal((await admin.getQuotaSet(demoProject)).shares, defaults.shares, 'reset to the defaults');
    });

    test('limits, availability zones, services and pools', async () => {
      const limits = await demo.getLimits();
      assert.equal(typeof limits.absolute.maxTotalShares, 'number', 'the share limit is reported');
      const zones = await demo.listAvailabilityZones().toArray();
      assert.ok(
        zones.some((z) => z.name === 'nova'),
        'the dev cloud zone',
      );
      const services = await admin.listServices({ binary: 'manila-share' }).toArray();
      assert.ok(
        services.some((s) => s.state === 'up' && s.host.startsWith('devcloud@')),
        'manila-share is up',
      );
      const pools = await admin.listStoragePools().toArray();
      assert.ok(
        pools.some((p) => p.backend === 'dummy'),
        "the dummy back end's pool",
      );
    });
  },
);
