/**
 * `ostack loadbalancer ...` on the dev cloud against Debian's `openstack` (octavia plugin): the
 * same list columns, and a whole stack built and torn down through the CLI with `--wait`
 * (load balancer, listener, pool, member, health monitor), then the admin commands (amphorae,
 * quotas). Every ostack run costs a process start, so the SDK's own tests cover the rest.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { ADMIN_CLOUD, DEMO_CLOUD, functionalSuite } from '../../support/cloud.js';
import { openstackJson, ostack, ostackJson } from '../cli/helpers.js';

functionalSuite('cli/loadbalancer', { timeout: 600_000 }, (suite) => {
  const demo = ['--os-cloud', DEMO_CLOUD];
  const admin = ['--os-cloud', ADMIN_CLOUD];
  const name = suite.name('cli-lb');
  let subnetId: string;

  before(async () => {
    const conn = suite.demo();
    const net = await conn.network.findNetwork('private');
    assert.ok(net, 'the dev cloud seeds the demo network "private"');
    subnetId = (await conn.network.listSubnets({ networkId: net.id }).toArray())[0]!.id;
    suite.cleanup.add(`load balancer ${name}`, async () => {
      const lb = conn.loadBalancer;
      for (const x of await lb.listLoadBalancers({ name }).toArray()) {
        await lb.deleteLoadBalancer(x, { cascade: true, ignoreMissing: true });
        await lb.waitForLoadBalancerDelete(x, { intervalMs: 500 });
      }
    });
  });

  test('list columns match openstackclient’s', async () => {
    for (const args of [
      ['loadbalancer', 'list'],
      ['loadbalancer', 'provider', 'list'],
    ]) {
      const ours = await ostackJson<Record<string, unknown>[]>(...admin, ...args);
      const theirs = openstackJson<Record<string, unknown>[]>('--os-cloud', ADMIN_CLOUD, ...args);
      assert.deepEqual(
        Object.keys(ours[0] ?? {}),
        Object.keys(theirs[0] ?? {}),
        `${args.join(' ')}: same columns`,
      );
    }
  });

  test('a stack built and torn down with --wait', async () => {
    const lb = await ostackJson(
      ...demo,
      'loadbalancer',
      'create',
      '--name',
      name,
      '--vip-subnet-id',
      subnetId,
      '--wait',
    );
    assert.equal(lb.provisioning_status, 'ACTIVE', 'create --wait returns it ACTIVE');
    const listener = await ostackJson(
      ...demo,
      'loadbalancer',
      'listener',
      'create',
      name,
      '--name',
      `${name}-l`,
      '--protocol',
      'HTTP',
      '--protocol-port',
      '80',
      '--wait',
    );
    assert.equal(listener.provisioning_status, 'ACTIVE', 'listener ACTIVE');
    const pool = await ostackJson(
      ...demo,
      'loadbalancer',
      'pool',
      'create',
      '--listener',
      `${name}-l`,
      '--name',
      `${name}-p`,
      '--protocol',
      'HTTP',
      '--lb-algorithm',
      'ROUND_ROBIN',
      '--wait',
    );
    assert.equal(pool.lb_algorithm, 'ROUND_ROBIN', 'pool algorithm');
    const member = await ostackJson(
      ...demo,
      'loadbalancer',
      'member',
      'create',
      `${name}-p`,
      '--address',
      '10.0.0.40',
      '--protocol-port',
      '8080',
      '--weight',
      '4',
      '--wait',
    );
    assert.equal(member.weight, 4, 'member weight');
    const members = await ostackJson<Record<string, unknown>[]>(
      ...demo,
      'loadbalancer',
      'member',
      'list',
      `${name}-p`,
    );
    assert.deepEqual(
      Object.keys(members[0] ?? {}),
      [
        'id',
        'name',
        'project_id',
        'provisioning_status',
        'address',
        'protocol_port',
        'operating_status',
        'weight',
      ],
      'member list columns as the octavia plugin’s',
    );
    const hm = await ostackJson(
      ...demo,
      'loadbalancer',
      'healthmonitor',
      'create',
      `${name}-p`,
      '--delay',
      '5',
      '--timeout',
      '3',
      '--max-retries',
      '2',
      '--type',
      'HTTP',
      '--name',
      `${name}-hm`,
      '--wait',
    );
    assert.equal(hm.type, 'HTTP', 'monitor type');
    const set = await ostack(...demo, 'loadbalancer', 'set', name, '--description', 'via cli', '--wait');
    assert.equal(set.status, 0, `loadbalancer set: ${set.stderr}`);
    const shown = await ostackJson(...demo, 'loadbalancer', 'show', name);
    assert.equal(shown.description, 'via cli', 'set applied');
    assert.equal(shown.id, lb.id, 'show by name');

    const refused = await ostack(...demo, 'loadbalancer', 'delete', name);
    assert.notEqual(refused.status, 0, 'a load balancer with children is not deleted without --cascade');
    const del = await ostack(...demo, 'loadbalancer', 'delete', name, '--cascade', '--wait');
    assert.equal(del.status, 0, `delete --cascade --wait: ${del.stderr}`);
    assert.deepEqual(await ostackJson(...demo, 'loadbalancer', 'list', '--name', name), [], 'gone');
  });

  test('admin: amphorae, quotas', async () => {
    const amph = await ostack(...admin, 'loadbalancer', 'amphora', 'list', '-f', 'json');
    assert.equal(amph.status, 0, `amphora list: ${amph.stderr}`);
    const project = (await suite.demo().authorize()).projectId!;
    suite.cleanup.add('demo quota', async () => {
      await ostack(...admin, 'loadbalancer', 'quota', 'reset', project);
    });
    const set = await ostackJson(...admin, 'loadbalancer', 'quota', 'set', project, '--pool', '9');
    assert.equal(set.pool, 9, 'quota set answers the new limit');
    const shown = await ostackJson(...admin, 'loadbalancer', 'quota', 'show', 'demo');
    assert.equal(shown.pool, 9, 'quota show by project name');
    const reset = await ostack(...admin, 'loadbalancer', 'quota', 'reset', project);
    assert.equal(reset.status, 0, `quota reset: ${reset.stderr}`);
    const defaults = await ostackJson(...admin, 'loadbalancer', 'quota', 'defaults', 'show');
    assert.equal(
      (await ostackJson(...admin, 'loadbalancer', 'quota', 'show', project)).pool,
      defaults.pool,
      'reset',
    );
  });
});
