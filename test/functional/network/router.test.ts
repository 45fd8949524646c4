/**
 * Routers and floating IPs as the demo project: gateway on `public`, interfaces added and
 * removed by subnet and by port, extra routes, and a floating IP associated with a port on a
 * routed subnet, then disassociated (port_id null) and deleted.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { ConflictError, NotFoundError } from '../../../src/errors/errors.js';
import { functionalSuite } from '../../support/cloud.js';

functionalSuite('network/router', (suite) => {
  const conn = suite.demo();
  const net = conn.network;
  const { cleanup } = suite;

  describe('network: routers and floating IPs (demo)', () => {
    let publicId = '';
    let publicSubnetId = '';
    let networkId = '';
    let subnetA = '';
    let subnetB = '';
    let routerId = '';
    let portB = '';
    let vmPort = '';

    before(async () => {
      const pub = await net.findNetwork('public');
      assert.equal(pub.isRouterExternal, true);
      publicId = pub.id;
      publicSubnetId = pub.subnets![0]!;
      const n = await net.createNetwork({ name: suite.name('rnet') });
      networkId = n.id;
      cleanup.add(`network ${n.id}`, () => net.deleteNetwork(n.id, { ignoreMissing: true }));
      const [a, b] = await net.createSubnets([
        { networkId, ipVersion: 4, cidr: '10.78.0.0/24', name: suite.name('rsubA') },
        { networkId, ipVersion: 4, cidr: '10.79.0.0/24', name: suite.name('rsubB') },
      ]);
      subnetA = a!.id;
      subnetB = b!.id;
      for (const s of [a!, b!])
        cleanup.add(`subnet ${s.id}`, () => net.deleteSubnet(s.id, { ignoreMissing: true }));
    });

    test('create a router with its gateway on the external network', async () => {
      const r = await net.createRouter({
        name: suite.name('router'),
        description: 'sdk test',
        externalGatewayInfo: { network_id: publicId },
        adminStateUp: true,
      });
      routerId = r.id;
      cleanup.add(`router ${r.id}`, () => net.deleteRouter(r.id, { ignoreMissing: true }));
      assert.equal(r.externalGatewayInfo?.network_id, publicId);
      const ips = r.externalGatewayInfo?.external_fixed_ips ?? [];
      assert.equal(ips.length, 1);
      assert.equal(ips[0]?.subnet_id, publicSubnetId);
      assert.match(ips[0]?.ip_address ?? '', /^172\.24\.4\./);
      const active = await net.waitForRouter(r, 'ACTIVE', { intervalMs: 200, timeoutMs: 20_000 });
      assert.equal(active.status, 'ACTIVE');
      assert.equal((await net.findRouter(r.name!)).id, r.id);

      const u = await net.updateRouter(r, { description: 'renamed', name: `${r.name}-x` });
      assert.equal(u.description, 'renamed');
      assert.equal(u.name, `${r.name}-x`);
      assert.ok((await net.listRouters({ name: `${r.name}-x` }).toArray()).some((x) => x.id === r.id));
      const tag = suite.name('rtag');
      await net.setTags(u, [tag]);
      assert.deepEqual(
        (await net.listRouters({ tags: tag }).toArray()).map((x) => x.id),
        [r.id],
      );
      assert.equal(await net.hasTag(u, tag), true);
      await net.removeTag(u, tag);
      assert.deepEqual((await net.getRouter(r.id)).tags, []);
    });

    test('add and remove interfaces by subnet and by port', async () => {
      const ifA = await net.addRouterInterface(routerId, { subnetId: subnetA });
      assert.equal(ifA.id, routerId);
      assert.equal(ifA.subnetId, subnetA);
      assert.equal(ifA.networkId, networkId);
      assert.ok(ifA.portId);
      const ifAPortId = ifA.portId!;
      cleanup.add(`router interface ${subnetA}`, () =>
        net.removeRouterInterface(routerId, { subnetId: subnetA }).catch((e) => {
          if (!(e instanceof NotFoundError)) throw e;
        }),
      );
      const gwPort = await net.getPort(ifAPortId);
      assert.equal(gwPort.deviceOwner, 'network:router_interface');
      assert.equal(gwPort.deviceId, routerId);
      assert.deepEqual(gwPort.fixedIps, [{ subnet_id: subnetA, ip_address: '10.78.0.1' }]);
      // the router owns it: the port API refuses to delete it
      await assert.rejects(net.deletePort(ifAPortId), ConflictError);

      const pb = await net.createPort({
        networkId,
        name: suite.name('rport'),
        fixedIps: [{ subnet_id: subnetB, ip_address: '10.79.0.1' }],
      });
      portB = pb.id;
      cleanup.add(`port ${pb.id}`, () => net.deletePort(pb.id, { ignoreMissing: true }));
      const ifB = await net.addRouterInterface(routerId, { portId: portB });
      cleanup.add(`router interface port ${portB}`, () =>
        net.removeRouterInterface(routerId, { portId: portB }).catch((e) => {
          if (!(e instanceof NotFoundError)) throw e;
        }),
      );
      assert.equal(ifB.portId, portB);
      assert.equal(ifB.subnetId, subnetB);
      assert.equal((await net.getPort(portB)).deviceId, routerId);

      const routerPorts = await net
        .listPorts({ deviceId: routerId, deviceOwner: 'network:router_interface' })
        .toArray();
      assert.deepEqual(routerPorts.map((p) => p.id).sort(), [ifAPortId, portB].sort());

      const outB = await net.removeRouterInterface(routerId, { portId: portB });
      assert.equal(outB.portId, portB);
      // the router took the port over when it became its interface: removing the interface deletes it
      await assert.rejects(net.getPort(portB), NotFoundError);
      await assert.rejects(net.removeRouterInterface(routerId, { portId: portB }), NotFoundError);
    });

    test('extra routes: atomic add/remove and update', async () => {
      const route = { destination: '192.168.99.0/24', nexthop: '10.78.0.5' };
      const added = await net.addRouterExtraRoutes(routerId, [route]);
      assert.deepEqual(added.routes, [route]);
      const second = { destination: '192.168.98.0/24', nexthop: '10.78.0.6' };
      const both = await net.addRouterExtraRoutes(routerId, [second]);
      assert.equal(both.routes?.length, 2);
      const removed = await net.removeRouterExtraRoutes(routerId, [route]);
      assert.deepEqual(removed.routes, [second]);
      const replaced = await net.updateRouter(routerId, { routes: [route] });
      assert.deepEqual(replaced.routes, [route]);
      const cleared = await net.updateRouter(routerId, { routes: [] });
      assert.deepEqual(cleared.routes, []);
    });

    test('gateway clear and set through update', async () => {
      const cleared = await net.clearRouterGateway(routerId);
      assert.equal(cleared.externalGatewayInfo, null);
      assert.equal((await net.getRouter(routerId)).externalGatewayInfo, null);
      const set = await net.setRouterGateway(routerId, { network_id: publicId });
      assert.equal(set.externalGatewayInfo?.network_id, publicId);
    });

    test('floating IP: create on public, associate, disassociate (port_id null), delete', async () => {
      const pools = await net.listFloatingIpPools().toArray();
      assert.ok(pools.some((p) => p.networkId === publicId && p.subnetId === publicSubnetId));

      const vm = await net.createPort({
        networkId,
        name: suite.name('vmport'),
        fixedIps: [{ subnet_id: subnetA }],
      });
      vmPort = vm.id;
      cleanup.add(`port ${vm.id}`, () => net.deletePort(vm.id, { ignoreMissing: true }));
      const fixedIp = vm.fixedIps![0]!.ip_address!;

      const fip = await net.createFloatingIp({ floatingNetworkId: publicId, description: 'sdk test' });
      cleanup.add(`floating IP ${fip.id}`, () => net.deleteFloatingIp(fip.id, { ignoreMissing: true }));
      assert.match(fip.floatingIpAddress ?? '', /^172\.24\.4\./);
      assert.equal(fip.portId, null);
      assert.equal(fip.routerId, null);
      assert.equal(fip.floatingNetworkId, publicId);
      assert.equal((await net.findFloatingIp(fip.floatingIpAddress!)).id, fip.id);

      const assoc = await net.associateFloatingIp(fip, vm);
      assert.equal(assoc.portId, vmPort);
      assert.equal(assoc.fixedIpAddress, fixedIp);
      assert.equal(assoc.routerId, routerId, 'routed through the router with the subnet interface');
      const byPort = await net.listFloatingIps({ portId: vmPort }).toArray();
      assert.deepEqual(
        byPort.map((x) => x.id),
        [fip.id],
      );
      const shown = await net.getFloatingIp(fip.id);
      assert.equal(shown.portDetails?.network_id, networkId);

      await net.setTags(shown, ['fip-tag']);
      assert.deepEqual((await net.listFloatingIps({ tags: 'fip-tag', portId: vmPort }).toArray()).length, 1);

      // disassociate: update with port_id null
      const dis = await net.updateFloatingIp(fip.id, { portId: null });
      assert.equal(dis.portId, null);
      assert.equal(dis.fixedIpAddress, null);
      assert.equal((await net.getFloatingIp(fip.id)).portId, null);
      assert.equal((await net.listFloatingIps({ portId: vmPort }).toArray()).length, 0);

      // and again through the helpers, with an explicit fixed IP
      const again = await net.associateFloatingIp(fip.id, vmPort, { fixedIpAddress: fixedIp });
      assert.equal(again.fixedIpAddress, fixedIp);
      const off = await net.disassociateFloatingIp(fip.id);
      assert.equal(off.portId, null);

      await net.deleteFloatingIp(fip);
      await assert.rejects(net.getFloatingIp(fip.id), NotFoundError);
    });

    test('a floating IP cannot reach a port whose subnet has no router interface', async () => {
      const fip = await net.createFloatingIp({ floatingNetworkId: publicId });
      cleanup.add(`floating IP ${fip.id}`, () => net.deleteFloatingIp(fip.id, { ignoreMissing: true }));
      const p = await net.createPort({ networkId, fixedIps: [{ subnet_id: subnetB }] });
      cleanup.add(`port ${p.id}`, () => net.deletePort(p.id, { ignoreMissing: true }));
      await assert.rejects(net.associateFloatingIp(fip, p), NotFoundError);
      await net.deleteFloatingIp(fip);
      await net.deletePort(p);
    });

    test('tear down in dependency order', async () => {
      await net.deletePort(vmPort);
      const out = await net.removeRouterInterface(routerId, { subnetId: subnetA });
      assert.equal(out.subnetId, subnetA);
      assert.equal(
        (await net.listPorts({ deviceId: routerId, deviceOwner: 'network:router_interface' }).toArray())
          .length,
        0,
      );
      await net.deleteRouter(routerId);
      await net.waitForRouterDelete(routerId, { intervalMs: 200, timeoutMs: 20_000 });
      await net.deleteSubnet(subnetA);
      await net.deleteSubnet(subnetB);
      await net.deleteNetwork(networkId);
      await assert.rejects(net.getNetwork(networkId), NotFoundError);
    });
  });
});
