/**
 * Octavia's admin side on the dev cloud: providers and their capabilities, flavor profiles and
 * flavors, availability zone profiles and availability zones (create, get, find, list, update,
 * delete), quotas of the demo project (set, read, reset) and the amphora of a load balancer
 * (the amphora provider's noop compute driver makes a fake one).
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { NotFoundError } from '../../../src/index.js';
import { functionalSuite } from '../../support/cloud.js';

const FAST = { intervalMs: 500, timeoutMs: 120_000 };

functionalSuite('load balancer: admin resources', { timeout: 300_000 }, (suite) => {
  const admin = suite.admin();
  const lbApi = admin.loadBalancer;
  let demoProjectId: string;

  before(async () => {
    const access = await suite.demo().authorize();
    demoProjectId = access.projectId!;
    assert.ok(demoProjectId, 'the demo token is project scoped');
  });

  test('providers and their capabilities', async () => {
    const providers = await lbApi.listProviders().toArray();
    assert.ok(
      providers.some((p) => p.name === 'amphora'),
      'the dev cloud enables the amphora provider',
    );
    const flavorCaps = await lbApi.listProviderFlavorCapabilities('amphora');
    assert.ok(
      flavorCaps.some((c) => c.name === 'loadbalancer_topology'),
      'amphora flavors can choose the topology',
    );
    const azCaps = await lbApi.listProviderAvailabilityZoneCapabilities('amphora');
    assert.ok(
      azCaps.some((c) => c.name === 'compute_zone'),
      'amphora availability zones name a compute zone',
    );
  });

  test('flavor profile and flavor: create, get, find, list, update, delete', async () => {
    const fpName = suite.name('fp');
    const fp = await lbApi.createFlavorProfile({
      name: fpName,
      providerName: 'amphora',
      flavorData: JSON.stringify({ loadbalancer_topology: 'SINGLE' }),
    });
    suite.cleanup.add(`flavor profile ${fpName}`, () =>
      lbApi.deleteFlavorProfile(fp.id, { ignoreMissing: true }),
    );
    assert.deepEqual(JSON.parse(fp.flavorData), { loadbalancer_topology: 'SINGLE' }, 'flavor data kept');
    const flName = suite.name('flavor');
    const fl = await lbApi.createFlavor({
      name: flName,
      flavorProfileId: fp.id,
      enabled: true,
      description: 'one',
    });
    suite.cleanup.add(`flavor ${flName}`, () => lbApi.deleteFlavor(fl.id, { ignoreMissing: true }));
    assert.equal((await lbApi.findFlavor(flName))?.id, fl.id, 'find flavor by name');
    assert.equal((await lbApi.getFlavorProfile(fp.id)).name, fpName, 'get flavor profile');
    await lbApi.updateFlavor(fl, { description: 'two', enabled: false });
    const got = await lbApi.getFlavor(fl.id);
    assert.equal(got.description, 'two', 'flavor description updated');
    assert.equal(got.enabled, false, 'flavor disabled');
    await lbApi.updateFlavorProfile(fp, { name: `${fpName}-x` });
    const profiles = await lbApi.listFlavorProfiles({ name: `${fpName}-x` }).toArray();
    assert.deepEqual(
      profiles.map((p) => p.id),
      [fp.id],
      'the renamed profile is listed under its new name',
    );
    await lbApi.deleteFlavor(fl);
    await assert.rejects(lbApi.getFlavor(fl.id), NotFoundError, 'flavor deleted');
    await lbApi.deleteFlavorProfile(fp);
    await assert.rejects(lbApi.getFlavorProfile(fp.id), NotFoundError, 'flavor profile deleted');
  });

  test('availability zone profile and availability zone: create, get, list, update, delete', async () => {
    const azpName = suite.name('azp');
    const azp = await lbApi.createAvailabilityZoneProfile({
      name: azpName,
      providerName: 'amphora',
      availabilityZoneData: JSON.stringify({ compute_zone: 'nova' }),
    });
    suite.cleanup.add(`availability zone profile ${azpName}`, () =>
      lbApi.deleteAvailabilityZoneProfile(azp.id, { ignoreMissing: true }),
    );
    const azName = suite.name('az');
    const az = await lbApi.createAvailabilityZone({ name: azName, availabilityZoneProfileId: azp.id });
    suite.cleanup.add(`availability zone ${azName}`, () =>
      lbApi.deleteAvailabilityZone(azName, { ignoreMissing: true }),
    );
    assert.equal(az.name, azName, 'the name is the id');
    assert.equal((await lbApi.getAvailabilityZone(azName)).availabilityZoneProfileId, azp.id, 'get by name');
    await lbApi.updateAvailabilityZone(azName, { description: 'zone', enabled: false });
    const listed = await lbApi.listAvailabilityZones({ name: azName }).toArray();
    assert.equal(listed[0]?.description, 'zone', 'availability zone updated');
    assert.equal(listed[0]?.enabled, false, 'availability zone disabled');
    await lbApi.deleteAvailabilityZone(azName);
    await assert.rejects(lbApi.getAvailabilityZone(azName), NotFoundError, 'availability zone deleted');
    // a profile in use by a zone cannot change: only now
    await lbApi.updateAvailabilityZoneProfile(azp, {
      availabilityZoneData: JSON.stringify({ compute_zone: 'az2' }),
    });
    assert.match(
      (await lbApi.getAvailabilityZoneProfile(azp.id)).availabilityZoneData,
      /az2/,
      'profile data updated',
    );
    await lbApi.deleteAvailabilityZoneProfile(azp);
    await assert.rejects(lbApi.getAvailabilityZoneProfile(azp.id), NotFoundError, 'profile deleted');
  });

  test('quotas: defaults, set, read, list, reset', async () => {
    const defaults = await lbApi.getQuotaDefaults();
    assert.equal(typeof defaults.load_balancer, 'number', 'defaults carry numbers');
    suite.cleanup.add('demo quota', () => lbApi.deleteQuota(demoProjectId, { ignoreMissing: true }));
    const set = await lbApi.updateQuota(demoProjectId, { loadBalancer: 7, member: 70 });
    assert.equal(set.loadBalancer, 7, 'the answer carries the new limit');
    const got = await lbApi.getQuota(demoProjectId);
    assert.equal(got.member, 70, 'read back');
    const listed = await lbApi.listQuotas({ projectId: demoProjectId }).toArray();
    assert.equal(listed[0]?.loadBalancer, 7, 'listed with its limit');
    await lbApi.deleteQuota(demoProjectId);
    assert.equal(
      (await lbApi.getQuota(demoProjectId)).loadBalancer,
      defaults.load_balancer,
      'reset to the default',
    );
  });

  test('amphorae of a load balancer', async () => {
    const net = await admin.network.findNetwork('public');
    assert.ok(net, 'the dev cloud seeds the external network "public"');
    const name = suite.name('lb-amp');
    const lb = await lbApi.createLoadBalancer({ name, vipNetworkId: net.id });
    suite.cleanup.add(`load balancer ${name}`, async () => {
      await lbApi.deleteLoadBalancer(lb.id, { cascade: true, ignoreMissing: true });
      await lbApi.waitForLoadBalancerDelete(lb.id, FAST);
    });
    await lbApi.waitForLoadBalancer(lb, 'ACTIVE', FAST);
    const amps = await lbApi.listAmphorae({ loadbalancerId: lb.id }).toArray();
    assert.equal(amps.length, 1, 'a SINGLE topology has one amphora');
    const amp = await lbApi.getAmphora(amps[0]!.id);
    assert.equal(amp.loadbalancerId, lb.id, 'the amphora serves the load balancer');
    assert.equal(amp.status, 'ALLOCATED', 'an amphora in use is ALLOCATED');
  });
});
