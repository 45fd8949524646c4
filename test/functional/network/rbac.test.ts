/** RBAC: admin shares a network with the demo project, demo sees and uses it, the share is moved and removed. */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { NotFoundError } from '../../../src/errors/errors.js';
import { functionalSuite } from '../../support/cloud.js';

functionalSuite('network/rbac', (suite) => {
  const admin = suite.admin();
  const demo = suite.demo();
  const { cleanup } = suite;

  describe('network: RBAC policies (admin shares with demo)', () => {
    let demoProjectId = '';
    let networkId = '';
    let policyId = '';

    before(async () => {
      demoProjectId = (await demo.authorize()).projectId!;
      assert.ok(demoProjectId);
      const n = await admin.network.createNetwork({ name: suite.name('shared') });
      networkId = n.id;
      cleanup.add(`network ${n.id}`, () => admin.network.deleteNetwork(n.id, { ignoreMissing: true }));
    });

    test('demo cannot see the admin network before sharing', async () => {
      await assert.rejects(demo.network.getNetwork(networkId), NotFoundError);
    });

    test('share with demo: create, get, find, list', async () => {
      const p = await admin.network.createRbacPolicy({
        objectType: 'network',
        objectId: networkId,
        action: 'access_as_shared',
        targetTenant: demoProjectId,
      });
      policyId = p.id;
      cleanup.add(`RBAC policy ${p.id}`, () => admin.network.deleteRbacPolicy(p.id, { ignoreMissing: true }));
      assert.equal(p.objectType, 'network');
      assert.equal(p.objectId, networkId);
      assert.equal(p.action, 'access_as_shared');
      assert.equal(p.targetTenant, demoProjectId);
      assert.equal((await admin.network.getRbacPolicy(p.id)).objectId, networkId);
      const listed = await admin.network.listRbacPolicies({ objectId: networkId }).toArray();
      assert.deepEqual(
        listed.map((x) => x.id),
        [p.id],
      );
      assert.deepEqual(
        (
          await admin.network
            .listRbacPolicies({ objectType: 'network', targetTenant: demoProjectId, objectId: networkId })
            .toArray()
        ).map((x) => x.id),
        [p.id],
      );
    });

    test('demo sees the shared network and can put a port on it', async () => {
      const seen = await demo.network.getNetwork(networkId);
      assert.equal(seen.shared, true, 'shared from demo point of view');
      assert.ok((await demo.network.listNetworks({ id: networkId }).toArray()).length === 1);
      const port = await demo.network.createPort({ networkId });
      cleanup.add(`port ${port.id}`, () => admin.network.deletePort(port.id, { ignoreMissing: true }));
      assert.equal(port.projectId, demoProjectId);
      // the share cannot be withdrawn while demo uses it
      await assert.rejects(
        admin.network.deleteRbacPolicy(policyId),
        (e: unknown) => (e as { status?: number }).status === 409,
      );
      await demo.network.deletePort(port);
    });

    test('move the share to another project (update target_tenant), then delete it', async () => {
      const other = randomBytes(16).toString('hex');
      const u = await admin.network.updateRbacPolicy(policyId, { targetTenant: other });
      assert.equal(u.targetTenant, other);
      await assert.rejects(demo.network.getNetwork(networkId), NotFoundError);
      await admin.network.deleteRbacPolicy(policyId);
      await assert.rejects(admin.network.getRbacPolicy(policyId), NotFoundError);
      await admin.network.deleteNetwork(networkId);
    });
  });
});
