/**
 * `ostack baremetal ...` on the dev cloud's ironic: a node through create, set/unset, manage,
 * provide, power, deploy and undeploy with --wait, maintenance, validate and delete; ports,
 * port groups, chassis and allocations; and the list columns and rows of openstackclient's
 * ironic plugin on the same cloud.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { ADMIN_CLOUD, functionalSuite } from '../../support/cloud.js';
import { openstackJson, ostack, ostackJson } from '../cli/helpers.js';
import { removeNode } from './helpers.js';

const admin = ['--os-cloud', ADMIN_CLOUD];

/** Run ostack and fail with its stderr when it exits non-zero. */
async function ok(...args: string[]): Promise<string> {
  const r = await ostack(...admin, ...args);
  assert.equal(r.status, 0, `ostack ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

functionalSuite('cli/baremetal', { timeout: 300_000 }, (suite) => {
  const bm = suite.admin().baremetal;
  const name = suite.name('clinode');
  const tag = randomBytes(3).toString('hex');
  const rc = `ossdk-cli-${tag}`;

  test('node: create, set, unset, the state machine with --wait, delete', async () => {
    const created = await ostackJson(
      ...admin,
      ...['baremetal', 'node', 'create', '--driver', 'fake-hardware', '--name', name],
      ...['--resource-class', rc, '--property', 'cpus=4'],
    );
    suite.cleanup.add(`node ${name}`, () => removeNode(bm, created.uuid));
    assert.equal(created.provision_state, 'enroll', 'create shows the enrolled node');
    await ok('baremetal', 'node', 'set', name, '--description', 'cli test', '--extra', 'rack=r1');
    await ok('baremetal', 'node', 'unset', name, '--property', 'cpus');
    const shown = await ostackJson(...admin, 'baremetal', 'node', 'show', name);
    assert.equal(shown.description, 'cli test', 'set --description is stored');
    assert.deepEqual(shown.extra, { rack: 'r1' }, 'set --extra is stored');
    assert.deepEqual(shown.properties, {}, 'unset --property removed the key');
    await ok('baremetal', 'node', 'manage', name, '--wait', '60');
    await ok('baremetal', 'node', 'provide', name, '--wait', '60');
    await ok('baremetal', 'node', 'power', 'on', name);
    await ok('baremetal', 'node', 'deploy', name, '--wait', '60');
    const rows = await ostackJson<Record<string, unknown>[]>(
      ...admin,
      'baremetal',
      'node',
      'list',
      '--provision-state',
      'active',
    );
    const row = rows.find((r) => r.Name === name);
    assert.ok(row, `node list --provision-state active shows the node: ${JSON.stringify(rows)}`);
    assert.equal(row['Power State'], 'power on', 'power on took effect');
    const theirs = openstackJson<Record<string, unknown>[]>(
      '--os-cloud',
      ADMIN_CLOUD,
      'baremetal',
      'node',
      'list',
      '--provision-state',
      'active',
    );
    assert.deepEqual(
      rows.find((r) => r.UUID === created.uuid),
      theirs.find((r) => r.UUID === created.uuid),
      'the same row under the same columns as openstack baremetal node list',
    );
    const validation = await ostackJson<Record<string, unknown>[]>(
      ...admin,
      'baremetal',
      'node',
      'validate',
      name,
    );
    assert.ok(
      validation.some((v) => v.Interface === 'power' && v.Result === true),
      'validate lists power as valid',
    );
    await ok('baremetal', 'node', 'maintenance', 'set', name, '--reason', 'cli');
    assert.equal((await bm.getNode(name)).maintenanceReason, 'cli', 'maintenance set stored the reason');
    await ok('baremetal', 'node', 'maintenance', 'unset', name);
    await ok('baremetal', 'node', 'undeploy', name, '--wait', '60');
    await ok('baremetal', 'node', 'power', 'off', name);
    assert.equal(
      (await bm.getNode(name)).provisionState,
      'available',
      'undeploy --wait returned once available',
    );
  });

  test('ports, port groups, chassis and allocations', async () => {
    const chassis = await ostackJson(
      ...admin,
      'baremetal',
      'chassis',
      'create',
      '--description',
      `cli ${tag}`,
    );
    suite.cleanup.add(`chassis ${chassis.uuid}`, () =>
      bm.deleteChassis(chassis.uuid, { ignoreMissing: true }),
    );
    const listed = await ostackJson<Record<string, unknown>[]>(...admin, 'baremetal', 'chassis', 'list');
    assert.ok(
      listed.some((c) => c.UUID === chassis.uuid && c.Description === `cli ${tag}`),
      'chassis list shows it',
    );
    const node = await bm.findNode(name);
    const group = await ostackJson(
      ...admin,
      'baremetal',
      'port',
      'group',
      'create',
      '--node',
      node.uuid,
      '--name',
      `bond-${tag}`,
    );
    suite.cleanup.add(`port group ${group.uuid}`, () =>
      bm.deletePortGroup(group.uuid, { ignoreMissing: true }),
    );
    const mac = `52:54:00:${tag.slice(0, 2)}:${tag.slice(2, 4)}:${tag.slice(4, 6)}`;
    const port = await ostackJson(
      ...admin,
      ...['baremetal', 'port', 'create', mac, '--node', node.uuid, '--port-group', `bond-${tag}`],
    );
    suite.cleanup.add(`port ${port.uuid}`, () => bm.deletePort(port.uuid, { ignoreMissing: true }));
    assert.equal(port.portgroup_uuid, group.uuid, 'the port group name was resolved');
    const ours = await ostackJson<Record<string, unknown>[]>(
      ...admin,
      'baremetal',
      'port',
      'list',
      '--node',
      node.uuid,
    );
    const theirs = openstackJson('--os-cloud', ADMIN_CLOUD, 'baremetal', 'port', 'list', '--node', node.uuid);
    assert.deepEqual(ours, theirs, 'port list: the same rows as openstack');
    const alloc = await ostackJson(
      ...admin,
      ...[
        'baremetal',
        'allocation',
        'create',
        '--resource-class',
        rc,
        '--name',
        `alloc-${tag}`,
        '--wait',
        '60',
      ],
    );
    suite.cleanup.add(`allocation ${alloc.uuid}`, () =>
      bm.deleteAllocation(alloc.uuid, { ignoreMissing: true }),
    );
    assert.equal(alloc.state, 'active', 'allocation create --wait returns it active');
    assert.equal(alloc.node_uuid, node.uuid, 'on our node');
    await ok('baremetal', 'allocation', 'delete', `alloc-${tag}`);
    await ok('baremetal', 'port', 'delete', port.uuid);
    await ok('baremetal', 'port', 'group', 'delete', `bond-${tag}`);
    await ok('baremetal', 'chassis', 'delete', chassis.uuid);
    await ok('baremetal', 'node', 'delete', name);
    const after = await ostackJson<Record<string, unknown>[]>(...admin, 'baremetal', 'node', 'list');
    assert.ok(!after.some((n) => n.Name === name), 'the node is gone');
  });
});
