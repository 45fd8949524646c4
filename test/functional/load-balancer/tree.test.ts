/**
 * Octavia on the dev cloud as the demo member: a load balancer and everything under it
 * (listener, pool, members, health monitor, L7 policy and rule), each created, read, listed,
 * updated and deleted, with the provisioning waiters between steps (octavia refuses a change
 * while the load balancer is PENDING_UPDATE), pagination, stats, the status tree and the
 * cascade delete.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { BadRequestError, ConflictError, NotFoundError } from '../../../src/index.js';
import type { LoadBalancerResource, PoolResource } from '../../../src/services/load-balancer/index.js';
import { functionalSuite } from '../../support/cloud.js';

const FAST = { intervalMs: 500, timeoutMs: 120_000 };

functionalSuite('load balancer: the object tree (demo)', { timeout: 600_000 }, (suite) => {
  const conn = suite.demo();
  const lbApi = conn.loadBalancer;
  let subnetId: string;
  let lb: LoadBalancerResource;
  let listenerId: string;
  let pool: PoolResource;
  const active = () => lbApi.waitForLoadBalancer(lb, 'ACTIVE', FAST);

  before(async () => {
    const net = await conn.network.findNetwork('private');
    assert.ok(net, 'the dev cloud seeds the demo network "private"');
    const subnet = (await conn.network.listSubnets({ networkId: net.id }).toArray())[0];
    assert.ok(subnet, 'network "private" has a subnet');
    subnetId = subnet.id;
  });

  test('load balancer: create, wait through PENDING_CREATE, get, find, list, update', async () => {
    const name = suite.name('lb');
    const created = await lbApi.createLoadBalancer({
      name,
      vipSubnetId: subnetId,
      description: 'functional',
    });
    suite.cleanup.add(`load balancer ${name}`, async () => {
      await lbApi.deleteLoadBalancer(created.id, { cascade: true, ignoreMissing: true });
      await lbApi.waitForLoadBalancerDelete(created.id, FAST);
    });
    assert.match(created.provisioningStatus, /^PENDING_CREATE|ACTIVE$/, 'a new load balancer is pending');
    lb = await lbApi.waitForLoadBalancer(created, 'ACTIVE', FAST);
    assert.equal(lb.vipSubnetId, subnetId, 'the VIP is on the subnet asked for');
    assert.ok(lb.vipAddress, 'a VIP address was allocated');
    assert.equal((await lbApi.getLoadBalancer(lb.id)).name, name, 'get by id');
    assert.equal((await lbApi.findLoadBalancer(name))?.id, lb.id, 'find by name');
    const listed = await lbApi.listLoadBalancers({ name }).toArray();
    assert.deepEqual(
      listed.map((x) => x.id),
      [lb.id],
      'a name filter lists exactly it',
    );
    await lbApi.updateLoadBalancer(lb, { description: 'updated' });
    lb = await active();
    assert.equal(lb.description, 'updated', 'the update is applied once ACTIVE again');
  });

  test('listener: create, a change while PENDING_UPDATE is a 409, update, stats', async () => {
    const listener = await lbApi.createListener({
      name: suite.name('listener'),
      loadbalancerId: lb.id,
      protocol: 'HTTP',
      protocolPort: 80,
    });
    listenerId = listener.id;
    // the load balancer is PENDING_UPDATE right after: octavia refuses another change
    await assert.rejects(
      lbApi.updateLoadBalancer(lb, { description: 'too early' }),
      ConflictError,
      'a change while the load balancer is PENDING_UPDATE is refused',
    );
    await lbApi.waitForListener(listener, 'ACTIVE', FAST);
    await active();
    await lbApi.updateListener(listenerId, {
      connectionLimit: 1000,
      insertHeaders: { 'X-Forwarded-For': 'true' },
    });
    await active();
    const got = await lbApi.getListener(listenerId);
    assert.equal(got.connectionLimit, 1000, 'connection_limit updated');
    assert.equal(got.insertHeaders?.['X-Forwarded-For'], 'true', 'insert_headers updated');
    assert.deepEqual(got.loadbalancers, [{ id: lb.id }], 'the listener reports its load balancer');
    const stats = await lbApi.getListenerStats(listenerId);
    assert.equal(typeof stats.total_connections, 'number', 'listener stats carry counters');
  });

  test('pool and members: create, paginate, update, delete', async () => {
    pool = await lbApi.createPool({
      name: suite.name('pool'),
      listenerId,
      protocol: 'HTTP',
      lbAlgorithm: 'ROUND_ROBIN',
    });
    pool = await lbApi.waitForPool(pool, 'ACTIVE', FAST);
    await active();
    assert.equal((await lbApi.getListener(listenerId)).defaultPoolId, pool.id, 'the listener’s default pool');
    await lbApi.updatePool(pool, { lbAlgorithm: 'LEAST_CONNECTIONS' });
    await active();
    assert.equal((await lbApi.getPool(pool.id)).lbAlgorithm, 'LEAST_CONNECTIONS', 'pool algorithm updated');

    const parent = { poolId: pool.id };
    const ids: string[] = [];
    for (const host of [11, 12, 13]) {
      const m = await lbApi.createMember(
        { address: `10.0.0.${host}`, protocolPort: 8080, name: suite.name(`m${host}`) },
        { parent },
      );
      ids.push(m.id);
      await lbApi.waitForMember(m.id, 'ACTIVE', { ...FAST, parent });
      await active();
    }
    const pages: number[] = [];
    for await (const page of lbApi.listMembers({ limit: 2 }, { parent }).pages()) pages.push(page.length);
    assert.deepEqual(pages, [2, 1], 'three members come in pages of two by links');
    await lbApi.updateMember(ids[0]!, { weight: 5, backup: true }, { parent });
    await active();
    const m0 = await lbApi.getMember(ids[0]!, { parent });
    assert.equal(m0.weight, 5, 'member weight updated');
    assert.equal(m0.backup, true, 'member backup flag updated');
    await lbApi.deleteMember(ids[2]!, { parent });
    await lbApi.waitForMemberDelete(ids[2]!, { ...FAST, parent });
    await active();
    const left = await lbApi.listMembers({}, { parent }).toArray();
    assert.deepEqual(left.map((m) => m.id).sort(), ids.slice(0, 2).sort(), 'the deleted member is gone');
  });

  test('health monitor: create, update, list, delete', async () => {
    const hm = await lbApi.createHealthMonitor({
      name: suite.name('hm'),
      poolId: pool.id,
      type: 'HTTP',
      delay: 5,
      timeout: 3,
      maxRetries: 2,
      urlPath: '/healthz',
    });
    await lbApi.waitForHealthMonitor(hm, 'ACTIVE', FAST);
    await active();
    assert.equal((await lbApi.getPool(pool.id)).healthmonitorId, hm.id, 'the pool names its monitor');
    await lbApi.updateHealthMonitor(hm, { delay: 10, expectedCodes: '200,204' });
    await active();
    const got = await lbApi.getHealthMonitor(hm.id);
    assert.equal(got.delay, 10, 'delay updated');
    assert.equal(got.expectedCodes, '200,204', 'expected_codes updated');
    const listed = await lbApi.listHealthMonitors({ poolId: pool.id }).toArray();
    assert.deepEqual(
      listed.map((x) => x.id),
      [hm.id],
      'filtered by pool',
    );
    await lbApi.deleteHealthMonitor(hm);
    await lbApi.waitForHealthMonitorDelete(hm.id, FAST);
    await active();
  });

  test('L7 policy and rule: create, update, list, delete', async () => {
    const policy = await lbApi.createL7Policy({
      name: suite.name('l7p'),
      listenerId,
      action: 'REDIRECT_TO_URL',
      redirectUrl: 'https://example.com/',
    });
    await lbApi.waitForL7Policy(policy, 'ACTIVE', FAST);
    await active();
    const parent = { l7policyId: policy.id };
    const rule = await lbApi.createL7Rule(
      { type: 'PATH', compareType: 'STARTS_WITH', value: '/old' },
      { parent },
    );
    await lbApi.waitForL7Rule(rule.id, 'ACTIVE', { ...FAST, parent });
    await active();
    await lbApi.updateL7Rule(rule.id, { value: '/legacy', invert: true }, { parent });
    await active();
    const gotRule = await lbApi.getL7Rule(rule.id, { parent });
    assert.equal(gotRule.value, '/legacy', 'rule value updated');
    assert.equal(gotRule.invert, true, 'rule invert updated');
    await lbApi.updateL7Policy(policy, { action: 'REDIRECT_TO_POOL', redirectPoolId: pool.id });
    await active();
    const gotPolicy = await lbApi.getL7Policy(policy.id);
    assert.equal(gotPolicy.redirectPoolId, pool.id, 'the policy now redirects to the pool');
    assert.deepEqual(gotPolicy.rules, [{ id: rule.id }], 'the policy lists its rule');
    const listed = await lbApi.listL7Policies({ listenerId }).toArray();
    assert.ok(
      listed.some((p) => p.id === policy.id),
      'the listener’s policies include it',
    );
    await lbApi.deleteL7Rule(rule.id, { parent });
    await active();
    await assert.rejects(lbApi.getL7Rule(rule.id, { parent }), NotFoundError, 'the rule is gone');
    await lbApi.deleteL7Policy(policy);
    await lbApi.waitForL7PolicyDelete(policy.id, FAST);
    await active();
  });

  test('stats, status tree, cascade delete', async () => {
    const stats = await lbApi.getLoadBalancerStats(lb);
    assert.equal(typeof stats.bytes_in, 'number', 'stats carry byte counters');
    const tree = await lbApi.getLoadBalancerStatuses(lb);
    assert.equal(tree.id, lb.id, 'the tree starts at the load balancer');
    assert.equal(tree.listeners?.[0]?.pools?.[0]?.members?.length, 2, 'the tree reaches the members');
    await assert.rejects(
      lbApi.deleteLoadBalancer(lb),
      (e: unknown) => e instanceof BadRequestError && /has children/.test(e.message),
      'a load balancer with listeners is refused without cascade (octavia answers 400)',
    );
    await lbApi.deleteLoadBalancer(lb, { cascade: true });
    await lbApi.waitForLoadBalancerDelete(lb, FAST);
    await assert.rejects(lbApi.getPool(pool.id), NotFoundError, 'cascade took the pool along');
  });
});
