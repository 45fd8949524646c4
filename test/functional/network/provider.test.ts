/**
 * Admin network features: provider networks (flat, vlan), multi-provider segments, the
 * segments API (when the cloud loads it), external networks, port binding, IP availability.
 */
import assert from 'node:assert/strict';
import { randomBytes, randomInt } from 'node:crypto';
import { describe, test } from 'node:test';
import { ConflictError, NotFoundError } from '../../../src/errors/errors.js';
import { functionalSuite } from '../../support/cloud.js';

functionalSuite('network/provider', (suite) => {
  const conn = suite.admin();
  const net = conn.network;
  const { cleanup } = suite;

  /** Create a network on a random VLAN of physnet1 (1000-1999), retrying when another run holds the id. */
  async function vlanNetwork(extra: { name: string }) {
    for (let i = 0; ; i++) {
      const vlan = randomInt(1000, 2000);
      try {
        const n = await net.createNetwork({
          ...extra,
          providerNetworkType: 'vlan',
          providerPhysicalNetwork: 'physnet1',
          providerSegmentationId: vlan,
        });
        cleanup.add(`network ${n.id}`, () => net.deleteNetwork(n.id, { ignoreMissing: true }));
        return { n, vlan };
      } catch (e) {
        if (!(e instanceof ConflictError) || i > 5) throw e;
      }
    }
  }

  describe('network: provider networks, segments, binding (admin)', () => {
    test('flat and vlan provider networks', async () => {
      const physnet = `physnet-${randomBytes(3).toString('hex')}`;
      const flat = await net.createNetwork({
        name: suite.name('flat'),
        providerNetworkType: 'flat',
        providerPhysicalNetwork: physnet,
      });
      cleanup.add(`network ${flat.id}`, () => net.deleteNetwork(flat.id, { ignoreMissing: true }));
      assert.equal(flat.providerNetworkType, 'flat');
      assert.equal(flat.providerPhysicalNetwork, physnet);
      assert.equal(flat.providerSegmentationId, null);
      // one flat network per physical network
      await assert.rejects(
        net.createNetwork({ providerNetworkType: 'flat', providerPhysicalNetwork: physnet }),
        ConflictError,
      );

      const { n, vlan } = await vlanNetwork({ name: suite.name('vlan') });
      assert.equal(n.providerNetworkType, 'vlan');
      assert.equal(n.providerPhysicalNetwork, 'physnet1');
      assert.equal(n.providerSegmentationId, vlan);
      const listed = await net
        .listNetworks({
          providerNetworkType: 'vlan',
          providerSegmentationId: vlan,
          providerPhysicalNetwork: 'physnet1',
        })
        .toArray();
      assert.deepEqual(
        listed.map((x) => x.id),
        [n.id],
      );
      // tenant networks default to vxlan
      const tenant = await net.createNetwork({ name: suite.name('tenant') });
      cleanup.add(`network ${tenant.id}`, () => net.deleteNetwork(tenant.id, { ignoreMissing: true }));
      assert.equal(tenant.providerNetworkType, 'vxlan');
      assert.equal(typeof tenant.providerSegmentationId, 'number');
      for (const x of [flat, n, tenant]) await net.deleteNetwork(x);
    });

    test('multi-provider network: segments attribute', async () => {
      let created: Awaited<ReturnType<typeof net.createNetwork>> | undefined;
      for (let i = 0; !created; i++) {
        const vlan = randomInt(1000, 2000);
        try {
          created = await net.createNetwork({
            name: suite.name('multi'),
            segments: [
              {
                'provider:network_type': 'vlan',
                'provider:physical_network': 'physnet1',
                'provider:segmentation_id': vlan,
              },
              { 'provider:network_type': 'vxlan' },
            ],
          });
        } catch (e) {
          if (!(e instanceof ConflictError) || i > 5) throw e;
        }
      }
      const n = created;
      cleanup.add(`network ${n.id}`, () => net.deleteNetwork(n.id, { ignoreMissing: true }));
      const segs = (await net.getNetwork(n.id)).segments ?? [];
      assert.equal(segs.length, 2);
      assert.deepEqual(segs.map((s) => s['provider:network_type']).sort(), ['vlan', 'vxlan']);
      assert.equal(n.providerNetworkType, undefined, 'multi-segment networks carry segments, not provider:*');
      await net.deleteNetwork(n);
    });

    test('segments API: CRUD where the segment extension is loaded, else a clear 404', async (t) => {
      if (!(await net.hasExtension('segment'))) {
        await assert.rejects(net.listSegments().toArray(), NotFoundError);
        t.skip('the dev cloud does not load the segments service plugin');
        return;
      }
      const { n } = await vlanNetwork({ name: suite.name('segnet') });
      const existing = await net.listSegments({ networkId: n.id }).toArray();
      assert.equal(existing.length, 1);
      const vlan2 = randomInt(1000, 2000);
      const s = await net.createSegment({
        networkId: n.id,
        networkType: 'vlan',
        physicalNetwork: 'physnet1',
        segmentationId: vlan2,
        name: suite.name('seg'),
      });
      cleanup.add(`segment ${s.id}`, () => net.deleteSegment(s.id, { ignoreMissing: true }));
      assert.equal(s.segmentationId, vlan2);
      const u = await net.updateSegment(s, { description: 'changed', name: null });
      assert.equal(u.description, 'changed');
      assert.equal((await net.getSegment(s.id)).networkId, n.id);
      await net.deleteSegment(s);
      await assert.rejects(net.getSegment(s.id), NotFoundError);
    });

    test('external network: router:external update, shared flag', async () => {
      const n = await net.createNetwork({ name: suite.name('ext'), isRouterExternal: false, shared: false });
      cleanup.add(`network ${n.id}`, () => net.deleteNetwork(n.id, { ignoreMissing: true }));
      assert.equal(n.isRouterExternal, false);
      const ext = await net.updateNetwork(n, { isRouterExternal: true });
      assert.equal(ext.isRouterExternal, true);
      assert.ok((await net.listNetworks({ isRouterExternal: true, name: n.name! }).toArray()).length === 1);
      const back = await net.updateNetwork(n.id, { isRouterExternal: false, shared: true });
      assert.equal(back.isRouterExternal, false);
      assert.equal(back.shared, true);
      await net.deleteNetwork(n);
    });

    test('port binding fields (admin), binding profile cleared with null', async () => {
      const n = await net.createNetwork({ name: suite.name('bindnet') });
      cleanup.add(`network ${n.id}`, () => net.deleteNetwork(n.id, { ignoreMissing: true }));
      const p = await net.createPort({
        networkId: n.id,
        bindingHostId: 'sdk-test-host',
        bindingVnicType: 'normal',
        bindingProfile: { sdk: 'test' },
      });
      cleanup.add(`port ${p.id}`, () => net.deletePort(p.id, { ignoreMissing: true }));
      assert.equal(p.bindingHostId, 'sdk-test-host');
      assert.equal(p.bindingVnicType, 'normal');
      assert.deepEqual(p.bindingProfile, { sdk: 'test' });
      assert.equal(typeof p.bindingVifType, 'string');
      assert.ok(p.bindingVifDetails && typeof p.bindingVifDetails === 'object');
      const byHost = await net.listPorts({ bindingHostId: 'sdk-test-host', networkId: n.id }).toArray();
      assert.deepEqual(
        byHost.map((x) => x.id),
        [p.id],
      );
      const u = await net.updatePort(p, { bindingProfile: null, bindingHostId: '' });
      assert.deepEqual(u.bindingProfile, {});
      assert.equal(u.bindingHostId, '');
      await net.deletePort(p);
      await net.deleteNetwork(n);
    });

    test('network IP availability', async () => {
      const n = await net.createNetwork({ name: suite.name('ipavail') });
      cleanup.add(`network ${n.id}`, () => net.deleteNetwork(n.id, { ignoreMissing: true }));
      const s = await net.createSubnet({
        networkId: n.id,
        ipVersion: 4,
        cidr: '10.66.0.0/28',
        enableDhcp: false,
      });
      cleanup.add(`subnet ${s.id}`, () => net.deleteSubnet(s.id, { ignoreMissing: true }));
      const p = await net.createPort({ networkId: n.id });
      cleanup.add(`port ${p.id}`, () => net.deletePort(p.id, { ignoreMissing: true }));
      const a = await net.getNetworkIpAvailability(n.id);
      assert.equal(a.networkId, n.id);
      assert.equal(a.networkName, n.name);
      assert.equal(a.totalIps, 13, '/28 minus network, broadcast and gateway');
      assert.equal(a.usedIps, 1);
      assert.equal(a.subnetIpAvailability?.[0]?.subnet_id, s.id);
      const listed = await net.listNetworkIpAvailabilities({ networkId: n.id }).toArray();
      assert.equal(listed.length, 1);
      await net.deletePort(p);
      await net.deleteSubnet(s);
      await net.deleteNetwork(n);
    });
  });
});
