/** QoS policies and their rules (bandwidth limit, DSCP marking, minimum bandwidth, packet rate), admin. */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { NotFoundError, ValidationError } from '../../../src/errors/errors.js';
import { functionalSuite } from '../../support/cloud.js';

functionalSuite('network/qos', (suite) => {
  const conn = suite.admin();
  const net = conn.network;
  const { cleanup } = suite;

  describe('network: QoS policies and rules (admin)', () => {
    let policyId = '';
    const name = suite.name('qos');

    before(async () => {
      const p = await net.createQosPolicy({ name, description: 'sdk test', shared: false });
      policyId = p.id;
      cleanup.add(`QoS policy ${p.id}`, () => net.deleteQosPolicy(p.id, { ignoreMissing: true }));
    });

    test('policy CRUD and tags', async () => {
      const p = await net.getQosPolicy(policyId);
      assert.equal(p.name, name);
      assert.equal(p.shared, false);
      assert.equal(p.isDefault, false);
      assert.deepEqual(p.rules, []);
      assert.equal((await net.findQosPolicy(name)).id, policyId);
      const u = await net.updateQosPolicy(p, { description: 'changed' });
      assert.equal(u.description, 'changed');
      assert.deepEqual(
        (await net.listQosPolicies({ name }).toArray()).map((x) => x.id),
        [policyId],
      );
      await net.setTags(p, ['gold']);
      assert.deepEqual(
        (await net.listQosPolicies({ tags: 'gold', name }).toArray()).map((x) => x.id),
        [policyId],
      );
      await net.clearTags(p);
    });

    test('bandwidth limit rule: create, get, update, list, delete', async () => {
      const parent = { qosPolicyId: policyId };
      const r = await net.createQosBandwidthLimitRule(
        { maxKbps: 10_000, maxBurstKbps: 800, direction: 'egress' },
        { parent },
      );
      cleanup.add(`bw rule ${r.id}`, () =>
        net.deleteQosBandwidthLimitRule(r.id, { parent, ignoreMissing: true }),
      );
      assert.equal(r.maxKbps, 10_000);
      assert.equal(r.maxBurstKbps, 800);
      assert.equal(r.direction, 'egress');
      // the parent can also be given as a field
      const ingress = await net.createQosBandwidthLimitRule({
        qosPolicyId: policyId,
        maxKbps: 5000,
        direction: 'ingress',
      });
      cleanup.add(`bw rule ${ingress.id}`, () =>
        net.deleteQosBandwidthLimitRule(ingress.id, { parent, ignoreMissing: true }),
      );
      assert.equal(ingress.direction, 'ingress');

      const got = await net.getQosBandwidthLimitRule(r.id, { parent });
      assert.equal(got.maxKbps, 10_000);
      // an instance remembers its parent
      const u = await net.updateQosBandwidthLimitRule(got, { maxKbps: 20_000 });
      assert.equal(u.maxKbps, 20_000);
      assert.equal((await net.getQosBandwidthLimitRule(r.id, { parent })).maxKbps, 20_000);
      const listed = await net.listQosBandwidthLimitRules({}, { parent }).toArray();
      assert.deepEqual(listed.map((x) => x.id).sort(), [r.id, ingress.id].sort());
      assert.throws(() => net.listQosBandwidthLimitRules(), ValidationError, 'needs the policy id');

      await net.deleteQosBandwidthLimitRule(ingress, { parent });
      await assert.rejects(net.getQosBandwidthLimitRule(ingress.id, { parent }), NotFoundError);
    });

    test('DSCP marking rule', async () => {
      const parent = { qosPolicyId: policyId };
      const r = await net.createQosDscpMarkingRule({ dscpMark: 26 }, { parent });
      cleanup.add(`dscp rule ${r.id}`, () =>
        net.deleteQosDscpMarkingRule(r.id, { parent, ignoreMissing: true }),
      );
      assert.equal(r.dscpMark, 26);
      const u = await net.updateQosDscpMarkingRule(r.id, { dscpMark: 46 }, { parent });
      assert.equal(u.dscpMark, 46);
      assert.equal((await net.listQosDscpMarkingRules({}, { parent }).toArray()).length, 1);
      await net.deleteQosDscpMarkingRule(r.id, { parent });
      assert.equal((await net.listQosDscpMarkingRules({}, { parent }).toArray()).length, 0);
    });

    test('minimum bandwidth and packet rate rules', async () => {
      const parent = { qosPolicyId: policyId };
      const mb = await net.createQosMinimumBandwidthRule({ minKbps: 1000, direction: 'egress' }, { parent });
      cleanup.add(`min bw rule ${mb.id}`, () =>
        net.deleteQosMinimumBandwidthRule(mb.id, { parent, ignoreMissing: true }),
      );
      assert.equal(mb.minKbps, 1000);
      assert.equal((await net.updateQosMinimumBandwidthRule(mb, { minKbps: 2000 })).minKbps, 2000);
      assert.equal((await net.getQosMinimumBandwidthRule(mb.id, { parent })).minKbps, 2000);

      const mp = await net.createQosMinimumPacketRateRule({ minKpps: 100, direction: 'any' }, { parent });
      cleanup.add(`min pps rule ${mp.id}`, () =>
        net.deleteQosMinimumPacketRateRule(mp.id, { parent, ignoreMissing: true }),
      );
      assert.equal(mp.direction, 'any');
      const pl = await net.createQosPacketRateLimitRule({ maxKpps: 500, maxBurstKpps: 50 }, { parent });
      cleanup.add(`pps limit rule ${pl.id}`, () =>
        net.deleteQosPacketRateLimitRule(pl.id, { parent, ignoreMissing: true }),
      );
      assert.equal(pl.maxKpps, 500);

      const p = await net.getQosPolicy(policyId);
      const types = (p.rules ?? []).map((r) => r.type).sort();
      assert.ok(types.includes('minimum_bandwidth'));
      assert.ok(types.includes('minimum_packet_rate'));
      assert.ok(types.includes('packet_rate_limit'));
      assert.ok((p.rules ?? []).every((r) => r.qos_policy_id === policyId));

      await net.deleteQosPacketRateLimitRule(pl, { parent });
      await net.deleteQosMinimumPacketRateRule(mp, { parent });
      await net.deleteQosMinimumBandwidthRule(mb, { parent });
    });

    test('apply a policy to a network and a port, then detach it (qos_policy_id null)', async () => {
      // the dev cloud's ML2 driver supports no rule type, so only a policy without rules applies
      const empty = await net.createQosPolicy({ name: suite.name('qos-empty') });
      cleanup.add(`QoS policy ${empty.id}`, () => net.deleteQosPolicy(empty.id, { ignoreMissing: true }));
      const policyId = empty.id;
      const n = await net.createNetwork({ name: suite.name('qosnet'), qosPolicyId: policyId });
      cleanup.add(`network ${n.id}`, () => net.deleteNetwork(n.id, { ignoreMissing: true }));
      assert.equal(n.qosPolicyId, policyId);
      const p = await net.createPort({ networkId: n.id, qosPolicyId: policyId });
      cleanup.add(`port ${p.id}`, () => net.deletePort(p.id, { ignoreMissing: true }));
      assert.equal(p.qosPolicyId, policyId);
      assert.equal(p.qosNetworkPolicyId, policyId);
      assert.equal((await net.updatePort(p, { qosPolicyId: null })).qosPolicyId, null);
      assert.equal((await net.updateNetwork(n, { qosPolicyId: null })).qosPolicyId, null);
      await net.deletePort(p);
      await net.deleteNetwork(n);
      await net.deleteQosPolicy(empty);
    });

    test('delete the policy', async () => {
      await net.deleteQosPolicy(policyId);
      await assert.rejects(net.getQosPolicy(policyId), NotFoundError);
    });
  });
});
