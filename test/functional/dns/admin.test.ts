/**
 * The admin side of DNS on the dev cloud: pools, TSIG keys, quotas and service statuses; and
 * the reverse DNS of a floating IP of the demo project (its PTR record really served by named).
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { NotFoundError, ValidationError } from '../../../src/index.js';
import { functionalSuite } from '../../support/cloud.js';
import { QTYPE, untilServed } from './dns-wire.js';

/** `172.24.4.10` → `10.4.24.172.in-addr.arpa.` */
function reverseName(address: string): string {
  return `${address.split('.').reverse().join('.')}.in-addr.arpa.`;
}

functionalSuite(
  'dns: pools, TSIG keys, quotas, statuses and floating IP PTR records',
  { timeout: 180_000 },
  (suite) => {
    const admin = suite.admin();
    const demo = suite.demo();
    const keyName = suite.name('tsig');

    before(() => {
      suite.cleanup.add(`tsig key ${keyName}`, async () => {
        const k = await admin.dns.findTsigKey(keyName, { ignoreMissing: true });
        if (k) await admin.dns.deleteTsigKey(k, { ignoreMissing: true });
      });
    });

    test('pools: the default pool, with its NS record', async () => {
      const pools = await admin.dns.listPools().toArray();
      const pool = pools.find((p) => p.name === 'default');
      assert.ok(pool, `the default pool is listed (got ${pools.map((p) => p.name).join(', ')})`);
      assert.equal((await admin.dns.getPool(pool.id)).name, 'default', 'get by id');
      assert.equal((await admin.dns.findPool('default')).id, pool.id, 'find by name');
      assert.deepEqual(
        pool.nsRecords.map((r) => r.hostname),
        ['ns1.devcloud.test.'],
        'the NS record of pools.yaml',
      );
    });

    test('TSIG keys: create, get, find, list, update, delete', async () => {
      const pool = await admin.dns.findPool('default');
      const key = await admin.dns.createTsigKey({
        name: keyName,
        algorithm: 'hmac-sha256',
        secret: 'c2RrLXRlc3Qtc2VjcmV0',
        scope: 'POOL',
        resourceId: pool.id,
      });
      assert.equal(key.algorithm, 'hmac-sha256', 'the algorithm');
      assert.equal((await admin.dns.getTsigKey(key.id)).resourceId, pool.id, 'get reads the pool');
      assert.equal((await admin.dns.findTsigKey(keyName)).id, key.id, 'find by name');
      assert.ok(
        (await admin.dns.listTsigKeys({ name: keyName }).toArray()).some((k) => k.id === key.id),
        'a name filter lists it',
      );
      const renamed = await admin.dns.updateTsigKey(key, { algorithm: 'hmac-sha512' });
      assert.equal(renamed.algorithm, 'hmac-sha512', 'the algorithm changed');
      await admin.dns.deleteTsigKey(key);
      await assert.rejects(admin.dns.getTsigKey(key.id), NotFoundError, 'the key is gone');
    });

    test('an unknown TSIG algorithm is refused before sending', async () => {
      await assert.rejects(
        admin.dns.createTsigKey({
          name: keyName,
          algorithm: 'md4',
          secret: 'x',
          scope: 'POOL',
          resourceId: 'p',
        }),
        (e: unknown) => e instanceof ValidationError && /algorithm/.test(e.field ?? ''),
        'ValidationError naming the algorithm',
      );
    });

    test('quotas: read, change and reset the demo project’s', async () => {
      const project = (await demo.authorize()).projectId!;
      const all = { headers: { 'x-auth-all-projects': 'true' } };
      suite.cleanup.add('demo dns quotas', () => admin.dns.resetQuota(project, all));
      const before = await admin.dns.getQuota(project, all);
      assert.ok(before.zones > 0, `the demo project may own zones (${before.zones})`);
      const changed = await admin.dns.updateQuota(project, { zones: before.zones + 5 }, all);
      assert.equal(changed.zones, before.zones + 5, 'the new zone quota is answered');
      assert.equal(
        (await demo.dns.getQuota(project)).zones,
        before.zones + 5,
        'the project sees its new quota',
      );
      await admin.dns.resetQuota(project, all);
      const reset = await admin.dns.getQuota(project, all);
      assert.equal(reset.zones, 10, 'back to the default of 10');
    });

    test('service statuses: every designate process is UP', async () => {
      const statuses = await admin.dns.listServiceStatuses().toArray();
      const up = new Set(statuses.filter((s) => s.status === 'UP').map((s) => s.serviceName));
      for (const name of ['api', 'central', 'worker', 'producer', 'mdns']) {
        assert.ok(up.has(name), `${name} reports UP (got ${[...up].join(', ')})`);
      }
      const one = statuses[0]!;
      assert.equal((await admin.dns.getServiceStatus(one.id)).hostname, one.hostname, 'get by id');
    });

    test('floating IP PTR: set, read, list, served by named, unset', async () => {
      const net = demo.network;
      const pub = await net.findNetwork('public');
      const fip = await net.createFloatingIp({ floatingNetworkId: pub.id });
      suite.cleanup.add(`floating ip ${fip.id}`, () => net.deleteFloatingIp(fip, { ignoreMissing: true }));
      const ptrdname = `${suite.name('vm')}.ossdk.test.`;

      const set = await demo.dns.setFloatingIpPtr('RegionOne', fip.id, {
        ptrdname,
        ttl: 300,
        description: 'sdk',
      });
      assert.equal(set.address, fip.floatingIpAddress, 'designate found the floating IP in neutron');
      assert.equal(set.ptrdname, ptrdname, 'the PTR name is answered');
      const got = await demo.dns.getFloatingIpPtr('RegionOne', fip.id);
      assert.equal(got.id, `RegionOne:${fip.id}`, 'the id is region:floating ip');
      assert.equal(got.ttl, 300, 'the ttl');
      const listed = await demo.dns.listFloatingIpPtrs().toArray();
      assert.ok(
        listed.some((p) => p.id === got.id && p.ptrdname === ptrdname),
        'the PTR is listed',
      );
      const reply = await untilServed(
        reverseName(fip.floatingIpAddress),
        QTYPE.PTR,
        (r) => r.answers.length === 1,
      );
      assert.equal(reply.answers[0]?.data, ptrdname, 'named resolves the address to the name');

      await demo.dns.unsetFloatingIpPtr('RegionOne', fip.id);
      const cleared = await untilServed(
        reverseName(fip.floatingIpAddress),
        QTYPE.PTR,
        (r) => r.answers.length === 0,
      );
      assert.notEqual(cleared.rcode, 0, 'named no longer resolves the address');
      assert.equal(
        (await demo.dns.getFloatingIpPtr('RegionOne', fip.id)).ptrdname,
        null,
        'no PTR name any more',
      );
      await net.deleteFloatingIp(fip);
    });
  },
);
