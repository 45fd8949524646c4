/** Quotas (admin): get, defaults, details, update, list, reset; on a scratch project id so no one else is affected. */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { functionalSuite } from '../../support/cloud.js';

functionalSuite('network/quota', (suite) => {
  const admin = suite.admin();
  const demo = suite.demo();
  const { cleanup } = suite;
  const net = admin.network;

  describe('network: quotas (admin)', () => {
    // neutron keeps quotas per project id without asking keystone: a fresh id is a private sandbox
    const projectId = randomBytes(16).toString('hex');

    test('defaults and current quotas of a project without overrides', async () => {
      const d = await net.getQuotaDefault(projectId);
      assert.equal(d.projectId, projectId);
      for (const k of [
        'network',
        'subnet',
        'port',
        'router',
        'floatingip',
        'securityGroup',
        'securityGroupRule',
      ] as const)
        assert.equal(typeof d[k], 'number', k);
      const q = await net.getQuota(projectId);
      assert.equal(q.id, projectId);
      assert.equal(q.network, d.network);
      assert.equal(q.port, d.port);
    });

    test('update, list, details, reset', async () => {
      cleanup.add(`quota ${projectId}`, () => net.deleteQuota(projectId, { ignoreMissing: true }));
      const u = await net.updateQuota(projectId, { network: 7, port: 33, securityGroupRule: -1 });
      assert.equal(u.network, 7);
      assert.equal(u.port, 33);
      assert.equal(u.securityGroupRule, -1);
      const q = await net.getQuota(projectId);
      assert.equal(q.network, 7);
      assert.equal(q.securityGroupRule, -1);

      const listed = await net.listQuotas().toArray();
      const mine = listed.find((x) => x.projectId === projectId);
      assert.ok(mine, 'a project with overrides is listed');
      assert.equal(mine.network, 7);

      const details = await net.getQuotaDetails(projectId);
      assert.deepEqual(details.network, { limit: 7, used: 0, reserved: 0 });
      assert.equal(details.port?.limit, 33);

      await net.deleteQuota(projectId);
      const d = await net.getQuotaDefault(projectId);
      assert.equal((await net.getQuota(projectId)).network, d.network);
      assert.ok(!(await net.listQuotas().toArray()).some((x) => x.projectId === projectId));
    });

    test('details count what a real project uses', async () => {
      const demoProject = (await demo.authorize()).projectId!;
      const details = await net.getQuotaDetails(demoProject);
      assert.ok(details.network!.used >= 1, 'demo owns the seeded private network');
      assert.ok(details.router!.used >= 1, 'and router1');
      assert.equal(typeof details.securityGroupRule?.limit, 'number');
      // a member reads its own quota
      assert.equal((await demo.network.getQuota(demoProject)).projectId, demoProject);
    });
  });
});
