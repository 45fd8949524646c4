/**
 * Networks, subnets and ports as the demo project: every verb, tags, standard-attribute
 * filters, `fields` selection, sorting, and neutron pagination across many pages.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { NotFoundError, ResourceNotFoundError, ValidationError } from '../../../src/errors/errors.js';
import { commitResource } from '../../../src/resource/index.js';
import { functionalSuite } from '../../support/cloud.js';

functionalSuite('network/core', (suite) => {
  const conn = suite.demo();
  const net = conn.network;
  const { cleanup } = suite;

  describe('network: networks, subnets, ports (demo)', () => {
    let networkId = '';
    let subnetId = '';
    const netName = suite.name('net');

    before(async () => {
      const n = await net.createNetwork({
        name: netName,
        description: 'sdk test',
        mtu: 1400,
        adminStateUp: true,
      });
      networkId = n.id;
      cleanup.add(`network ${n.id}`, () => net.deleteNetwork(n.id, { ignoreMissing: true }));
    });

    test('network create/get/find/update/list', async () => {
      const n = await net.getNetwork(networkId);
      assert.equal(n.name, netName);
      assert.equal(n.mtu, 1400);
      assert.equal(n.adminStateUp, true);
      assert.equal(n.isRouterExternal, false);
      assert.equal(typeof n.portSecurityEnabled, 'boolean');
      assert.equal(n.status, 'ACTIVE');
      assert.ok(n.createdAt);
      const rev = n.revisionNumber!;

      assert.equal((await net.findNetwork(netName)).id, networkId);
      assert.equal((await net.findNetwork(networkId)).id, networkId);
      assert.equal(await net.findNetwork(suite.name('none'), { ignoreMissing: true }), undefined);
      await assert.rejects(net.findNetwork(suite.name('none')), ResourceNotFoundError);

      const u = await net.updateNetwork(n, { description: 'changed', mtu: 1300, portSecurityEnabled: false });
      assert.equal(u.description, 'changed');
      assert.equal(u.mtu, 1300);
      assert.equal(u.portSecurityEnabled, false);
      assert.ok(u.revisionNumber! > rev, 'revision number grows on update');

      // dirty tracking: commit through the instance
      const again = await net.getNetwork(networkId);
      again.portSecurityEnabled = true;
      await commitResource(again);
      assert.equal((await net.getNetwork(networkId)).portSecurityEnabled, true);

      const listed = await net.listNetworks({ name: netName }).toArray();
      assert.deepEqual(
        listed.map((x) => x.id),
        [networkId],
      );
      // demo sees the external network too, and the filter narrows to it
      const ext = await net.listNetworks({ isRouterExternal: true }).toArray();
      assert.ok(ext.some((x) => x.name === 'public'));
      assert.ok(ext.every((x) => x.isRouterExternal === true));
    });

    test('network waiter and client-side validation', async () => {
      const n = await net.waitForNetwork(networkId, 'ACTIVE', { intervalMs: 200, timeoutMs: 10_000 });
      assert.equal(n.status, 'ACTIVE');
      await assert.rejects(
        net.createNetwork({ name: 'x', mtu: '1400' as unknown as number }),
        (e: unknown) => e instanceof ValidationError && /network\.mtu/.test((e as Error).message),
      );
      await assert.rejects(
        net.updateNetwork(networkId, { status: 'DOWN' } as never),
        (e: unknown) => e instanceof ValidationError && /set by the service/.test((e as Error).message),
      );
      // list queries are checked when the listing is built, before anything is sent
      assert.throws(() => net.listNetworks({ sortKey: 'name', sortDir: 'sideways' }), ValidationError);
      assert.throws(() => net.listNetworks({ sortDir: ['asc', 'desc'], sortKey: 'name' }), ValidationError);
      assert.throws(() => net.listNetworks({ nmae: 'typo' } as never), ValidationError);
    });

    test('subnet with allocation pools, host routes, DNS; update; gateway null', async () => {
      const s = await net.createSubnet({
        name: suite.name('subnet'),
        networkId,
        ipVersion: 4,
        cidr: '10.77.0.0/24',
        gatewayIp: '10.77.0.1',
        allocationPools: [{ start: '10.77.0.10', end: '10.77.0.200' }],
        hostRoutes: [{ destination: '192.168.50.0/24', nexthop: '10.77.0.254' }],
        dnsNameservers: ['192.0.2.53'],
        enableDhcp: false,
        description: 'first',
      });
      subnetId = s.id;
      cleanup.add(`subnet ${s.id}`, () => net.deleteSubnet(s.id, { ignoreMissing: true }));
      assert.equal(s.cidr, '10.77.0.0/24');
      assert.equal(s.ipVersion, 4);
      assert.deepEqual(s.allocationPools, [{ start: '10.77.0.10', end: '10.77.0.200' }]);
      assert.deepEqual(s.hostRoutes, [{ destination: '192.168.50.0/24', nexthop: '10.77.0.254' }]);
      assert.deepEqual(s.dnsNameservers, ['192.0.2.53']);
      assert.equal(s.enableDhcp, false);
      assert.equal(s.networkId, networkId);

      const u = await net.updateSubnet(s, {
        dnsNameservers: ['192.0.2.53', '192.0.2.54'],
        hostRoutes: [],
        allocationPools: [{ start: '10.77.0.20', end: '10.77.0.100' }],
      });
      assert.deepEqual(u.dnsNameservers, ['192.0.2.53', '192.0.2.54']);
      assert.deepEqual(u.hostRoutes, []);
      assert.deepEqual(u.allocationPools, [{ start: '10.77.0.20', end: '10.77.0.100' }]);

      // the network now lists it
      assert.deepEqual((await net.getNetwork(networkId)).subnets, [s.id]);
      assert.equal((await net.findSubnet(s.name!)).id, s.id);
      const byNet = await net.listSubnets({ networkId }).toArray();
      assert.deepEqual(
        byNet.map((x) => x.id),
        [s.id],
      );

      // a second subnet without gateway (nullable on create), IPv6 with SLAAC modes
      const v6 = await net.createSubnet({
        networkId,
        ipVersion: 6,
        cidr: 'fd00:77::/64',
        gatewayIp: null,
        ipv6AddressMode: 'slaac',
        ipv6RaMode: 'slaac',
        name: suite.name('subnet6'),
      });
      cleanup.add(`subnet ${v6.id}`, () => net.deleteSubnet(v6.id, { ignoreMissing: true }));
      assert.equal(v6.gatewayIp, null);
      assert.equal(v6.ipv6AddressMode, 'slaac');
      assert.equal(v6.ipv6RaMode, 'slaac');
      const v6list = await net.listSubnets({ networkId, ipVersion: 6 }).toArray();
      assert.deepEqual(
        v6list.map((x) => x.id),
        [v6.id],
      );
      await net.deleteSubnet(v6);
      await assert.rejects(net.getSubnet(v6.id), NotFoundError);
    });

    test('port with fixed IP, allowed address pairs, device owner/id, security groups', async () => {
      const sg = await net.createSecurityGroup({ name: suite.name('sg-port') });
      cleanup.add(`security group ${sg.id}`, () => net.deleteSecurityGroup(sg.id, { ignoreMissing: true }));
      const p = await net.createPort({
        networkId,
        name: suite.name('port'),
        fixedIps: [{ subnet_id: subnetId, ip_address: '10.77.0.50' }],
        allowedAddressPairs: [
          { ip_address: '10.77.0.250' },
          { ip_address: '10.77.5.0/24', mac_address: 'fa:16:3e:00:00:01' },
        ],
        securityGroups: [sg.id],
        deviceOwner: 'sdk:test',
        deviceId: 'device-1',
        adminStateUp: true,
      });
      cleanup.add(`port ${p.id}`, () => net.deletePort(p.id, { ignoreMissing: true }));
      assert.deepEqual(p.fixedIps, [{ subnet_id: subnetId, ip_address: '10.77.0.50' }]);
      assert.equal(p.allowedAddressPairs?.length, 2);
      const single = p.allowedAddressPairs?.find((x) => x.ip_address === '10.77.0.250');
      assert.equal(single?.mac_address, p.macAddress, 'mac defaults to the port mac');
      const cidr = p.allowedAddressPairs?.find((x) => x.ip_address === '10.77.5.0/24');
      assert.equal(cidr?.mac_address, 'fa:16:3e:00:00:01');
      assert.deepEqual(p.securityGroups, [sg.id]);
      assert.equal(p.deviceOwner, 'sdk:test');
      assert.equal(p.deviceId, 'device-1');
      assert.match(p.macAddress ?? '', /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
      // no agents bind it: it stays DOWN, which is fine here
      assert.equal(p.status, 'DOWN');
      assert.equal(p.bindingVnicType, 'normal', 'the default vnic type');

      // port security off needs no security groups and no address pairs
      const u = await net.updatePort(p, {
        securityGroups: [],
        allowedAddressPairs: [],
        portSecurityEnabled: false,
        fixedIps: [{ subnet_id: subnetId, ip_address: '10.77.0.51' }],
        deviceId: '',
        deviceOwner: '',
        description: 'updated',
      });
      assert.equal(u.portSecurityEnabled, false);
      assert.deepEqual(u.securityGroups, []);
      assert.deepEqual(u.fixedIps, [{ subnet_id: subnetId, ip_address: '10.77.0.51' }]);
      assert.equal(u.description, 'updated');

      const byIp = await net.listPorts({ fixedIps: 'ip_address=10.77.0.51', networkId }).toArray();
      assert.deepEqual(
        byIp.map((x) => x.id),
        [p.id],
      );
      assert.equal((await net.findPort(p.name!)).id, p.id);

      await net.deletePort(p);
      await assert.rejects(net.getPort(p.id), NotFoundError);
      await net.deletePort(p.id, { ignoreMissing: true });
      await assert.rejects(net.deletePort(p.id), NotFoundError);
    });

    test('tags on networks, subnets and ports; tag filters', async () => {
      const n = await net.getNetwork(networkId);
      const red = suite.name('red');
      const blue = suite.name('blue');
      assert.deepEqual((await net.setTags(n, [red, blue])).sort(), [blue, red].sort());
      assert.deepEqual([...(n.tags ?? [])].sort(), [blue, red].sort(), 'the instance follows');
      assert.deepEqual((await net.listTags(n)).sort(), [blue, red].sort());
      assert.equal(await net.hasTag(n, red), true);
      assert.equal(await net.hasTag(n, 'not-there'), false);
      await net.removeTag(n, red);
      assert.deepEqual(await net.listTags(n), [blue]);
      await net.addTag({ collection: '/networks', id: networkId }, red);
      assert.deepEqual((await net.getNetwork(networkId)).tags?.sort(), [blue, red].sort());

      assert.deepEqual(
        (await net.listNetworks({ tags: [red, blue] }).toArray()).map((x) => x.id),
        [networkId],
      );
      assert.deepEqual(
        (await net.listNetworks({ tags: `${red},${blue}` }).toArray()).map((x) => x.id),
        [networkId],
      );
      assert.deepEqual(
        (await net.listNetworks({ tagsAny: [red, 'nobody-has-this'] }).toArray()).map((x) => x.id),
        [networkId],
      );
      assert.equal((await net.listNetworks({ notTags: [red, blue], name: netName }).toArray()).length, 0);
      assert.equal((await net.listNetworks({ notTagsAny: red, name: netName }).toArray()).length, 0);

      const s = await net.getSubnet(subnetId);
      await net.setTags(s, [red]);
      assert.deepEqual(
        (await net.listSubnets({ tags: red }).toArray()).map((x) => x.id),
        [subnetId],
      );
      await net.clearTags(s);
      assert.deepEqual(await net.listTags(s), []);

      const p = await net.createPort({ networkId, name: suite.name('tagport') });
      cleanup.add(`port ${p.id}`, () => net.deletePort(p.id, { ignoreMissing: true }));
      await net.addTag(p, blue);
      assert.deepEqual((await net.getPort(p.id)).tags, [blue]);
      assert.deepEqual(
        (await net.listPorts({ tags: blue }).toArray()).map((x) => x.id),
        [p.id],
      );
      await net.clearTags(n);
      assert.deepEqual((await net.getNetwork(networkId)).tags, []);
      await net.deletePort(p);
      await assert.rejects(
        net.setTags({ collection: '/agents' as never, id: 'x' }, ['a']),
        (e: unknown) => e instanceof ValidationError,
      );
    });

    test('standard-attribute filters, fields selection and sorting', async () => {
      const n = await net.getNetwork(networkId);
      const byRev = await net.listNetworks({ revisionNumber: n.revisionNumber!, name: netName }).toArray();
      assert.deepEqual(
        byRev.map((x) => x.id),
        [networkId],
      );
      assert.equal(
        (await net.listNetworks({ revisionNumber: n.revisionNumber! + 100, name: netName }).toArray()).length,
        0,
      );
      const byDesc = await net.listNetworks({ description: n.description!, name: netName }).toArray();
      assert.equal(byDesc.length, 1);

      const slim = await net.listNetworks({ fields: ['id', 'name'], name: netName }).toArray();
      assert.equal(slim.length, 1);
      assert.deepEqual(Object.keys(slim[0]!.raw).sort(), ['id', 'name']);

      const names = [suite.name('sort-b'), suite.name('sort-a'), suite.name('sort-c')];
      const ports = await net.createPorts(names.map((name) => ({ networkId, name })));
      for (const p of ports) cleanup.add(`port ${p.id}`, () => net.deletePort(p.id, { ignoreMissing: true }));
      assert.equal(ports.length, 3);
      const asc = (await net.listPorts({ networkId, sortKey: 'name', fields: ['id', 'name'] }).toArray())
        .map((x) => x.name!)
        .filter((x) => names.includes(x));
      assert.deepEqual(asc, [...names].sort());
      const desc = (
        await net
          .listPorts({ networkId, sortKey: ['name', 'id'], sortDir: ['desc', 'asc'], fields: ['id', 'name'] })
          .toArray()
      )
        .map((x) => x.name!)
        .filter((x) => names.includes(x));
      assert.deepEqual(desc, [...names].sort().reverse());
      for (const p of ports) await net.deletePort(p);
    });

    test('pagination: 45 ports listed 10 per page, each seen exactly once', async () => {
      const scratch = await net.createNetwork({ name: suite.name('pagenet') });
      cleanup.add(`network ${scratch.id}`, () => net.deleteNetwork(scratch.id, { ignoreMissing: true }));
      const created: string[] = [];
      // bulk create: two requests instead of 45
      for (const batch of [25, 20]) {
        const ports = await net.createPorts(
          Array.from({ length: batch }, (_, i) => ({ networkId: scratch.id, name: suite.name(`page${i}`) })),
        );
        for (const p of ports) {
          created.push(p.id);
          cleanup.add(`port ${p.id}`, () => net.deletePort(p.id, { ignoreMissing: true }));
        }
      }
      assert.equal(created.length, 45);

      const pageSizes: number[] = [];
      const seen: string[] = [];
      for await (const page of net.listPorts({ networkId: scratch.id, limit: 10 }).pages()) {
        pageSizes.push(page.length);
        for (const p of page) seen.push(p.id);
      }
      assert.ok(pageSizes.length >= 5, `walked ${pageSizes.length} pages`);
      assert.ok(
        pageSizes.every((s) => s <= 10),
        `pages ${pageSizes.join(',')}`,
      );
      assert.equal(seen.length, 45, 'no duplicates, none missing');
      assert.equal(new Set(seen).size, 45);
      assert.deepEqual([...seen].sort(), [...created].sort());

      // sorted pages keep their order across page boundaries
      const sorted = await net
        .listPorts({ networkId: scratch.id, limit: 7, sortKey: 'name', sortDir: 'desc' })
        .toArray();
      assert.equal(sorted.length, 45);
      const sortedNames = sorted.map((p) => p.name!);
      assert.deepEqual(sortedNames, [...sortedNames].sort().reverse());

      // delete five at a time: the shared dev cloud stays responsive and the test stays short
      for (let i = 0; i < created.length; i += 5)
        await Promise.all(created.slice(i, i + 5).map((id) => net.deletePort(id)));
      assert.equal((await net.listPorts({ networkId: scratch.id }).toArray()).length, 0);
      await net.deleteNetwork(scratch);
    });

    test('delete in dependency order', async () => {
      await net.deleteSubnet(subnetId);
      await net.deleteNetwork(networkId);
      await net.waitForNetworkDelete(networkId, { intervalMs: 200, timeoutMs: 10_000 });
      await assert.rejects(net.getNetwork(networkId), NotFoundError);
    });
  });
});
