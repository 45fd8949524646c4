/**
 * Bare metal nodes on the dev cloud's ironic (fake-hardware, all interfaces fake), as admin:
 * CRUD with JSON Patch, the provision state machine through every waiter (manage, inspect,
 * provide, deploy, rescue, unrescue, undeploy), power on/off/reboot, maintenance, validation
 * and traits, and ironic's refusals as typed errors.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { before, test } from 'node:test';
import { BadRequestError, ConflictError, NotFoundError, ValidationError } from '../../../src/index.js';
import type { NodeResource } from '../../../src/services/baremetal/index.js';
import { functionalSuite } from '../../support/cloud.js';
import { removeNode } from './helpers.js';

const WAIT = { wait: { timeoutMs: 120_000, intervalMs: 500 } };

functionalSuite('baremetal: a node through its whole life (admin)', { timeout: 300_000 }, (suite) => {
  const bm = suite.admin().baremetal;
  const name = suite.name('node');
  const trait = `CUSTOM_OSSDK_${randomBytes(3).toString('hex').toUpperCase()}`;
  let node: NodeResource;

  before(async () => {
    node = await bm.createNode({
      name,
      driver: 'fake-hardware',
      resourceClass: 'ossdk-test',
      properties: { cpus: 2, memory_mb: 1024 },
      driverInfo: { ipmi_address: '10.0.0.1' },
    });
    suite.cleanup.add(`node ${node.uuid}`, () => removeNode(bm, node.uuid));
  });

  test('negotiates the default microversion', async () => {
    assert.equal(await bm.microversion(), '1.78', "the SDK default, below Zed's 1.80");
  });

  test('create, get by name, find, list and update', async () => {
    assert.equal(node.provisionState, 'enroll', `a new node is enrolled (got ${node.provisionState})`);
    assert.equal(node.driver, 'fake-hardware', 'the driver is kept');
    assert.equal(node.networkInterface, 'noop', 'the dev cloud defaults to the noop network interface');
    const byName = await bm.getNode(name);
    assert.equal(byName.uuid, node.uuid, 'ironic looks nodes up by name');
    assert.equal((await bm.findNode(name)).uuid, node.uuid, 'find by name');
    const listed = await bm.listNodes({ driver: 'fake-hardware', provisionState: 'enroll' }).toArray();
    assert.ok(
      listed.some((n) => n.uuid === node.uuid && n.driver === 'fake-hardware'),
      'the filtered detail listing has the node with its fields',
    );
    const updated = await bm.updateNode(node, { description: 'rack 1, slot 4', extras: { owner: 'ossdk' } });
    assert.equal(updated.description, 'rack 1, slot 4', 'the patch sets the description');
    assert.deepEqual(updated.extras, { owner: 'ossdk' }, 'and extra');
    const cleared = await bm.updateNode(node, { description: null });
    assert.equal(cleared.description ?? null, null, 'null removes the description');
  });

  test('a transition ironic refuses is a BadRequestError naming the state', async () => {
    await assert.rejects(
      bm.deployNode(node),
      (e) => e instanceof BadRequestError && /"enroll"/.test(e.message),
      'deploying an enrolled node is refused with its state in the message',
    );
  });

  test('validate reports every interface', async () => {
    const v = await bm.validateNode(node);
    assert.equal(v.power?.result, true, `the fake power interface is valid: ${JSON.stringify(v.power)}`);
    assert.equal(v.deploy?.result, true, `the fake deploy interface is valid: ${JSON.stringify(v.deploy)}`);
  });

  test('manage, inspect and provide wait for each stable state', async () => {
    const managed = await bm.manageNode(node, WAIT);
    assert.equal(managed.provisionState, 'manageable', 'manage ends manageable');
    const inspected = await bm.inspectNode(node, WAIT);
    assert.equal(inspected.provisionState, 'manageable', 'inspect returns to manageable');
    assert.ok(inspected.inspectionFinishedAt, 'and records when inspection finished');
    const provided = await bm.provideNode(node, WAIT);
    assert.equal(provided.provisionState, 'available', 'provide ends available (no cleaning steps)');
  });

  test('power off, on and reboot wait for power_state', async () => {
    assert.equal((await bm.powerOffNode(node, WAIT)).powerState, 'power off', 'powered off');
    assert.equal((await bm.powerOnNode(node, WAIT)).powerState, 'power on', 'powered on');
    assert.equal((await bm.rebootNode(node, WAIT)).powerState, 'power on', 'on again after a reboot');
    const waited = await bm.waitForNodePowerState(node, 'power on', { timeoutMs: 10_000 });
    assert.equal(waited.powerState, 'power on', 'a wait on the current state returns at once');
  });

  test('deploy, rescue, unrescue and undeploy', async () => {
    const active = await bm.deployNode(node, {}, WAIT);
    assert.equal(active.provisionState, 'active', 'deploy ends active');
    assert.equal(active.targetProvisionState, null, 'and stable');
    const rescued = await bm.rescueNode(node, 'rescue-pw-ossdk', WAIT);
    assert.equal(rescued.provisionState, 'rescue', 'rescue ends in rescue');
    assert.equal((await bm.unrescueNode(node, WAIT)).provisionState, 'active', 'unrescue ends active');
    await assert.rejects(
      bm.deleteNode(node),
      (e) => e instanceof ConflictError,
      'an active node cannot be deleted',
    );
    const back = await bm.undeployNode(node, WAIT);
    assert.equal(back.provisionState, 'available', 'undeploy goes through cleaning back to available');
  });

  test('maintenance set and unset', async () => {
    await bm.setNodeMaintenance(node, 'replacing a DIMM');
    const m = await bm.getNode(node);
    assert.equal(m.maintenance, true, 'in maintenance');
    assert.equal(m.maintenanceReason, 'replacing a DIMM', 'with the reason');
    await bm.unsetNodeMaintenance(node);
    const u = await bm.getNode(node);
    assert.equal(u.maintenance, false, 'out of maintenance');
    assert.equal(u.maintenanceReason, null, 'the reason is gone');
  });

  test('traits: add, list, replace, remove', async () => {
    await bm.addNodeTrait(node, trait);
    assert.deepEqual(await bm.listNodeTraits(node), [trait], 'the trait was added');
    await bm.setNodeTraits(node, [trait, 'HW_CPU_X86_VMX']);
    assert.deepEqual(
      (await bm.listNodeTraits(node)).sort(),
      ['HW_CPU_X86_VMX', trait].sort(),
      'the traits were replaced',
    );
    assert.ok((await bm.getNode(node)).traits?.includes(trait), 'the node shows its traits');
    await bm.removeNodeTrait(node, trait);
    assert.deepEqual(await bm.listNodeTraits(node), ['HW_CPU_X86_VMX'], 'the trait was removed');
    await assert.rejects(bm.removeNodeTrait(node, trait), NotFoundError, 'a trait the node lacks is a 404');
    await assert.rejects(
      bm.addNodeTrait(node, ''),
      ValidationError,
      'an empty trait is refused before sending',
    );
    await bm.setNodeTraits(node, []);
  });

  test('delete', async () => {
    await bm.deleteNode(node);
    await assert.rejects(bm.getNode(node.uuid), NotFoundError, 'the node is gone');
  });
});
