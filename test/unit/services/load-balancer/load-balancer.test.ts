/**
 * What is special about octavia on the wire: envelope keys that are not the resource's name
 * (`loadbalancer`, `healthmonitor`, `rule`), camelCase ↔ snake_case bodies, members and L7
 * rules under their parent, the cascade delete, and waiters that watch `provisioning_status`
 * and fail on ERROR. A scripted octavia on the fake cloud.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ResourceFailureError, ValidationError } from '../../../../src/index.js';
import { LoadBalancerV2 } from '../../../../src/services/load-balancer/proxy.js';
import { fakeStarter, json, route } from '../../../support/fake-service.js';

const startFake = fakeStarter();

const LB = {
  id: 'lb1',
  name: 'web',
  description: '',
  provisioning_status: 'PENDING_CREATE',
  operating_status: 'OFFLINE',
  admin_state_up: true,
  project_id: 'p1',
  vip_address: '10.0.0.10',
  vip_port_id: 'port1',
  vip_subnet_id: 'sub1',
  vip_network_id: 'net1',
  listeners: [],
  pools: [],
  provider: 'amphora',
  flavor_id: null,
  availability_zone: null,
  vip_qos_policy_id: null,
  tags: [],
};

describe('load balancer v2 proxy', () => {
  test('create sends the loadbalancer envelope with API names', async () => {
    const fake = await startFake('load-balancer', [
      route('POST', '/lbaas/loadbalancers', (_c, res) => json(res, 201, { loadbalancer: LB })),
    ]);
    const lb = await fake.proxy(LoadBalancerV2).createLoadBalancer({ name: 'web', vipSubnetId: 'sub1' });
    assert.deepEqual(
      fake.bodies()[0],
      { loadbalancer: { name: 'web', vip_subnet_id: 'sub1' } },
      'snake_case body',
    );
    assert.equal(lb.vipAddress, '10.0.0.10', 'vip_address read back as vipAddress');
    assert.equal(lb.provisioningStatus, 'PENDING_CREATE', 'the provisioning status is read');
  });

  test('members and L7 rules live under their parent', async () => {
    const fake = await startFake('load-balancer', [
      route('POST', '/lbaas/pools/:pool/members', (_c, res) =>
        json(res, 201, { member: { id: 'm1', address: '10.0.0.5', protocol_port: 80 } }),
      ),
      route('GET', '/lbaas/l7policies/:pol/rules', (_c, res) =>
        json(res, 200, {
          rules: [{ id: 'r1', type: 'PATH', compare_type: 'EQUAL_TO', value: '/x' }],
          rules_links: [],
        }),
      ),
    ]);
    const px = fake.proxy(LoadBalancerV2);
    await px.createMember({ address: '10.0.0.5', protocolPort: 80 }, { parent: { poolId: 'pool1' } });
    const rules = await px.listL7Rules({}, { parent: { l7policyId: 'pol1' } }).toArray();
    assert.deepEqual(
      fake.lines(),
      ['POST /lbaas/pools/pool1/members', 'GET /lbaas/l7policies/pol1/rules'],
      'the parent ids are in the paths',
    );
    assert.deepEqual(fake.bodies()[0], { member: { address: '10.0.0.5', protocol_port: 80 } }, 'member body');
    assert.equal(rules[0]?.compareType, 'EQUAL_TO', 'compare_type read as compareType');
  });

  test('a member without its pool is a ValidationError before any request', async () => {
    const fake = await startFake('load-balancer', []);
    await assert.rejects(
      fake.proxy(LoadBalancerV2).createMember({ address: '10.0.0.5', protocolPort: 80 }),
      (e: unknown) => e instanceof Error && /pool_id/.test(e.message),
      'names the missing pool id',
    );
    assert.equal(fake.calls.length, 0, 'nothing was sent');
  });

  test('cascade delete adds ?cascade=true; a plain delete does not', async () => {
    const fake = await startFake('load-balancer', [
      route('DELETE', '/lbaas/loadbalancers/:id', (_c, res) => {
        res.writeHead(204).end();
      }),
    ]);
    const px = fake.proxy(LoadBalancerV2);
    await px.deleteLoadBalancer('lb1', { cascade: true });
    await px.deleteLoadBalancer('lb1');
    assert.deepEqual(
      fake.lines(),
      ['DELETE /lbaas/loadbalancers/lb1?cascade=true', 'DELETE /lbaas/loadbalancers/lb1'],
      'cascade only when asked',
    );
  });

  test('deleteLoadBalancer without an id is a ValidationError', async () => {
    const fake = await startFake('load-balancer', []);
    await assert.rejects(
      fake.proxy(LoadBalancerV2).deleteLoadBalancer(''),
      ValidationError,
      'an empty id is refused before sending',
    );
  });

  test('the waiter walks PENDING_* to ACTIVE', async () => {
    const seen = ['PENDING_CREATE', 'PENDING_UPDATE', 'ACTIVE'];
    let i = 0;
    const fake = await startFake('load-balancer', [
      route('GET', '/lbaas/loadbalancers/:id', (_c, res) =>
        json(res, 200, { loadbalancer: { ...LB, provisioning_status: seen[Math.min(i++, 2)] } }),
      ),
    ]);
    const lb = await fake.proxy(LoadBalancerV2).waitForLoadBalancer('lb1', 'ACTIVE', { intervalMs: 1 });
    assert.equal(lb.provisioningStatus, 'ACTIVE', 'ends on ACTIVE');
    assert.equal(fake.calls.length, 3, 'polled through both pending states');
  });

  test('the waiter fails on ERROR, naming the load balancer and the status', async () => {
    const fake = await startFake('load-balancer', [
      route('GET', '/lbaas/loadbalancers/:id', (_c, res) =>
        json(res, 200, { loadbalancer: { ...LB, provisioning_status: 'ERROR' } }),
      ),
    ]);
    await assert.rejects(
      fake.proxy(LoadBalancerV2).waitForLoadBalancer('lb1', 'ACTIVE', { intervalMs: 1 }),
      (e: unknown) =>
        e instanceof ResourceFailureError &&
        /load balancer lb1 went to ERROR/.test(e.message) &&
        e.status === 'ERROR',
      'a ResourceFailureError naming lb1 and ERROR',
    );
  });

  test('quota updates go to the project id with the quota envelope', async () => {
    const fake = await startFake('load-balancer', [
      route('PUT', '/lbaas/quotas/:id', (c, res) =>
        json(res, 202, { quota: { ...JSON.parse(c.body).quota, listener: null, project_id: c.params.id } }),
      ),
    ]);
    const q = await fake.proxy(LoadBalancerV2).updateQuota('proj1', { loadBalancer: 5, healthMonitor: 2 });
    assert.deepEqual(fake.bodies()[0], { quota: { load_balancer: 5, health_monitor: 2 } }, 'API names');
    assert.equal(q.loadBalancer, 5, 'read back');
    assert.equal(q.projectId, 'proj1', 'the id is the project id');
  });
});
