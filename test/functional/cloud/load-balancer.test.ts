/**
 * `conn.cloud.createLoadBalancer` on the dev cloud (demo): the whole stack (load balancer,
 * listener, pool, two members, health monitor) ACTIVE in one call, and the rollback when the
 * API rejects a step mid-way (an invalid member address): the load balancer and everything
 * created under it are gone afterwards.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { BadRequestError, NotFoundError, ValidationError } from '../../../src/index.js';
import { functionalSuite } from '../../support/cloud.js';

const FAST = { intervalMs: 500, timeoutMs: 120_000 };

functionalSuite('cloud: createLoadBalancer (demo)', { timeout: 300_000 }, (suite) => {
  const conn = suite.demo();
  const lbApi = conn.loadBalancer;
  let subnetId: string;

  before(async () => {
    const net = await conn.network.findNetwork('private');
    assert.ok(net, 'the dev cloud seeds the demo network "private"');
    const subnet = (await conn.network.listSubnets({ networkId: net.id }).toArray())[0];
    assert.ok(subnet, 'network "private" has a subnet');
    subnetId = subnet.id;
  });

  test('builds load balancer, listener, pool, members and monitor, all ACTIVE', async () => {
    const name = suite.name('stack');
    const stages: string[] = [];
    suite.cleanup.add(`load balancer ${name}`, async () => {
      const [lb] = await lbApi.listLoadBalancers({ name }).toArray();
      if (!lb) return;
      await lbApi.deleteLoadBalancer(lb, { cascade: true, ignoreMissing: true });
      await lbApi.waitForLoadBalancerDelete(lb, FAST);
    });
    const out = await conn.cloud.createLoadBalancer({
      name,
      vipSubnetId: subnetId,
      listener: { protocol: 'HTTP', protocolPort: 8080 },
      pool: { lbAlgorithm: 'LEAST_CONNECTIONS' },
      members: [
        { address: '10.0.0.21', protocolPort: 80 },
        { address: '10.0.0.22', protocolPort: 80, weight: 3 },
      ],
      healthMonitor: { type: 'HTTP', urlPath: '/healthz' },
      wait: FAST,
      onProgress: (stage) => stages.push(stage),
    });
    assert.deepEqual(
      stages,
      ['load-balancer', 'listener', 'pool', 'member', 'member', 'health-monitor'],
      'each step reported once ACTIVE, in order',
    );
    assert.equal(out.loadBalancer.provisioningStatus, 'ACTIVE', 'the load balancer is ACTIVE at the end');
    assert.equal(out.listener?.protocolPort, 8080, 'the listener port');
    assert.equal(out.pool?.protocol, 'HTTP', 'the pool takes the listener’s protocol');
    assert.equal(out.pool?.lbAlgorithm, 'LEAST_CONNECTIONS', 'the pool algorithm');
    assert.deepEqual(
      out.members.map((m) => [m.address, m.weight, m.provisioningStatus]),
      [
        ['10.0.0.21', 1, 'ACTIVE'],
        ['10.0.0.22', 3, 'ACTIVE'],
      ],
      'both members ACTIVE with their weights',
    );
    assert.equal(out.healthMonitor?.urlPath, '/healthz', 'the monitor path');
    assert.deepEqual(
      out.created.map((c) => c.type),
      ['load-balancer'],
      'the load balancer is what the call created (the rest is under it)',
    );
    const tree = await lbApi.getLoadBalancerStatuses(out.loadBalancer);
    assert.equal(tree.listeners?.[0]?.pools?.[0]?.members?.length, 2, 'the status tree shows both members');
  });

  test('an invalid member address mid-way rolls everything back', async () => {
    const name = suite.name('rollback');
    suite.cleanup.add(`load balancer ${name}`, async () => {
      const [lb] = await lbApi.listLoadBalancers({ name }).toArray();
      if (!lb) return;
      await lbApi.deleteLoadBalancer(lb, { cascade: true, ignoreMissing: true });
    });
    const stages: [string, string][] = [];
    await assert.rejects(
      conn.cloud.createLoadBalancer({
        name,
        vipSubnetId: subnetId,
        listener: { protocol: 'TCP', protocolPort: 5432 },
        pool: {},
        members: [
          { address: '10.0.0.31', protocolPort: 5432 },
          { address: 'not-an-ip-address', protocolPort: 5432 },
        ],
        wait: FAST,
        onProgress: (stage, id) => stages.push([stage, id]),
      }),
      (e: unknown) => e instanceof BadRequestError && /address/i.test(e.message),
      'the API’s 400 on the member address is rethrown',
    );
    assert.deepEqual(
      stages.map(([s]) => s),
      ['load-balancer', 'listener', 'pool', 'member'],
      'it failed after the first member',
    );
    const [lbId, listenerId, poolId] = stages.map(([, id]) => id);
    await assert.rejects(lbApi.getLoadBalancer(lbId!), NotFoundError, 'the load balancer is gone');
    await assert.rejects(lbApi.getListener(listenerId!), NotFoundError, 'its listener is gone');
    await assert.rejects(lbApi.getPool(poolId!), NotFoundError, 'its pool is gone');
    assert.equal(
      (await lbApi.listLoadBalancers({ name }).toArray()).length,
      0,
      'nothing is left under its name',
    );
  });

  test('inconsistent input is refused before anything is created', async () => {
    const name = suite.name('invalid');
    await assert.rejects(
      conn.cloud.createLoadBalancer({
        name,
        vipSubnetId: subnetId,
        members: [{ address: '10.0.0.1', protocolPort: 80 }],
      }),
      (e: unknown) => e instanceof ValidationError && e.field === 'createLoadBalancer.members',
      'members without a pool name the field',
    );
    await assert.rejects(
      conn.cloud.createLoadBalancer({
        name,
        vipSubnetId: subnetId,
        listener: { protocol: 'HTTP', protocolPort: 0 },
      }),
      (e: unknown) => e instanceof ValidationError && e.field === 'createLoadBalancer.listener.protocolPort',
      'port 0 names the field',
    );
    assert.equal((await lbApi.listLoadBalancers({ name }).toArray()).length, 0, 'nothing was created');
  });
});
