/** Address scopes, subnet pools (prefix add/remove, allocation) and address groups (admin). */
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { describe, test } from 'node:test';
import { NotFoundError } from '../../../src/errors/errors.js';
import { functionalSuite } from '../../support/cloud.js';

functionalSuite('network/address', (suite) => {
  const conn = suite.admin();
  const net = conn.network;
  const { cleanup } = suite;

  // a random 10.x/16 per run, so concurrent or repeated runs do not overlap in one address scope
  const octet = randomInt(100, 200);
  const poolPrefix = `10.${octet}.0.0/16`;
  const extraPrefix = `172.${randomInt(16, 32)}.${randomInt(0, 256)}.0/24`;

  describe('network: address scopes, subnet pools, address groups (admin)', () => {
    let scopeId = '';
    let poolId = '';

    test('address scope CRUD', async () => {
      const name = suite.name('scope');
      const s = await net.createAddressScope({ name, ipVersion: 4, shared: false });
      scopeId = s.id;
      cleanup.add(`address scope ${s.id}`, () => net.deleteAddressScope(s.id, { ignoreMissing: true }));
      assert.equal(s.ipVersion, 4);
      assert.equal(s.shared, false);
      assert.equal((await net.getAddressScope(s.id)).name, name);
      assert.equal((await net.findAddressScope(name)).id, s.id);
      const u = await net.updateAddressScope(s, { name: `${name}-x` });
      assert.equal(u.name, `${name}-x`);
      assert.deepEqual(
        (await net.listAddressScopes({ name: `${name}-x`, ipVersion: 4 }).toArray()).map((x) => x.id),
        [s.id],
      );
    });

    test('subnet pool in the scope: CRUD, prefixes, tags', async () => {
      const name = suite.name('pool');
      const p = await net.createSubnetPool({
        name,
        prefixes: [poolPrefix],
        defaultPrefixlen: 26,
        minPrefixlen: 24,
        maxPrefixlen: 28,
        addressScopeId: scopeId,
        description: 'sdk test',
      });
      poolId = p.id;
      cleanup.add(`subnet pool ${p.id}`, () => net.deleteSubnetPool(p.id, { ignoreMissing: true }));
      assert.deepEqual(p.prefixes, [poolPrefix]);
      assert.equal(p.ipVersion, 4);
      assert.equal(Number(p.defaultPrefixlen), 26);
      assert.equal(p.addressScopeId, scopeId);
      assert.equal(p.shared, false);
      assert.equal((await net.findSubnetPool(name)).id, p.id);

      const u = await net.updateSubnetPool(p, {
        defaultPrefixlen: 27,
        description: 'changed',
        defaultQuota: 1024,
      });
      assert.equal(Number(u.defaultPrefixlen), 27);
      assert.equal(u.description, 'changed');
      assert.equal(u.defaultQuota, 1024);

      const grown = await net.addSubnetPoolPrefixes(p, [extraPrefix]);
      assert.deepEqual([...grown].sort(), [poolPrefix, extraPrefix].sort());
      const shrunk = await net.removeSubnetPoolPrefixes(p, [extraPrefix]);
      assert.deepEqual(shrunk, [poolPrefix]);
      assert.deepEqual((await net.getSubnetPool(p.id)).prefixes, [poolPrefix]);

      await net.setTags(p, ['pool-tag']);
      assert.deepEqual(
        (await net.listSubnetPools({ tags: 'pool-tag', name }).toArray()).map((x) => x.id),
        [p.id],
      );
      assert.deepEqual(
        (await net.listSubnetPools({ addressScopeId: scopeId }).toArray()).map((x) => x.id),
        [p.id],
      );
    });

    test('subnets allocated from the pool land in its prefix and scope', async () => {
      const n = await net.createNetwork({ name: suite.name('poolnet') });
      cleanup.add(`network ${n.id}`, () => net.deleteNetwork(n.id, { ignoreMissing: true }));
      const s = await net.createSubnet({
        networkId: n.id,
        ipVersion: 4,
        subnetpoolId: poolId,
        prefixlen: 28,
      });
      cleanup.add(`subnet ${s.id}`, () => net.deleteSubnet(s.id, { ignoreMissing: true }));
      assert.equal(s.subnetpoolId, poolId);
      assert.match(s.cidr ?? '', new RegExp(`^10\\.${octet}\\.\\d+\\.\\d+/28$`));
      const dflt = await net.createSubnet({ networkId: n.id, ipVersion: 4, subnetpoolId: poolId });
      cleanup.add(`subnet ${dflt.id}`, () => net.deleteSubnet(dflt.id, { ignoreMissing: true }));
      assert.match(dflt.cidr ?? '', /\/27$/, 'the default prefix length');
      assert.equal((await net.getNetwork(n.id)).ipv4AddressScope, scopeId);
      assert.deepEqual(
        (await net.listSubnets({ subnetpoolId: poolId }).toArray()).map((x) => x.id).sort(),
        [s.id, dflt.id].sort(),
      );
      await net.deleteSubnet(s);
      await net.deleteSubnet(dflt);
      await net.deleteNetwork(n);
    });

    test('delete the pool, then the scope', async () => {
      await net.deleteSubnetPool(poolId);
      await assert.rejects(net.getSubnetPool(poolId), NotFoundError);
      await net.deleteAddressScope(scopeId);
      await assert.rejects(net.getAddressScope(scopeId), NotFoundError);
    });

    test('address group: CRUD, add/remove addresses, used by a security group rule', async () => {
      const name = suite.name('ag');
      const g = await net.createAddressGroup({ name, description: 'sdk test', addresses: ['192.0.2.0/28'] });
      cleanup.add(`address group ${g.id}`, () => net.deleteAddressGroup(g.id, { ignoreMissing: true }));
      assert.deepEqual(g.addresses, ['192.0.2.0/28']);
      const more = await net.addAddressGroupAddresses(g, ['198.51.100.7/32']);
      assert.deepEqual([...(more.addresses ?? [])].sort(), ['192.0.2.0/28', '198.51.100.7/32']);
      const less = await net.removeAddressGroupAddresses(g, ['192.0.2.0/28']);
      assert.deepEqual(less.addresses, ['198.51.100.7/32']);
      assert.equal((await net.updateAddressGroup(g, { description: 'changed' })).description, 'changed');
      assert.equal((await net.findAddressGroup(name)).id, g.id);

      const sg = await net.createSecurityGroup({ name: suite.name('ag-sg') });
      cleanup.add(`security group ${sg.id}`, () => net.deleteSecurityGroup(sg.id, { ignoreMissing: true }));
      const rule = await net.createSecurityGroupRule({
        securityGroupId: sg.id,
        direction: 'ingress',
        protocol: 'tcp',
        portRangeMin: 443,
        portRangeMax: 443,
        remoteAddressGroupId: g.id,
      });
      assert.equal(rule.remoteAddressGroupId, g.id);
      await net.deleteSecurityGroup(sg);
      await net.deleteAddressGroup(g);
      await assert.rejects(net.getAddressGroup(g.id), NotFoundError);
    });
  });
});
