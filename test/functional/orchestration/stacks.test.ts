/**
 * Heat on the dev cloud, as demo: a HOT template that makes a network, a subnet, a port and a
 * server (fake nova driver) through heat-engine; its outputs, resources and events; an update;
 * check, suspend and resume; a failing template whose waiter names the failing resource; delete.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { BadRequestError, ValidationError } from '../../../src/index.js';
import { StackFailureError, type StackInstance } from '../../../src/services/orchestration/index.js';
import { functionalSuite } from '../../support/cloud.js';

const TEMPLATE = `
heat_template_version: 2018-08-31
description: ossdk functional stack
parameters:
  net_name: {type: string}
  port_name: {type: string, default: p1}
resources:
  net:
    type: OS::Neutron::Net
    properties: {name: {get_param: net_name}}
  subnet:
    type: OS::Neutron::Subnet
    properties: {network: {get_resource: net}, cidr: 10.199.0.0/24}
  port:
    type: OS::Neutron::Port
    properties:
      name: {get_param: port_name}
      network: {get_resource: net}
      fixed_ips: [{subnet: {get_resource: subnet}}]
  server:
    type: OS::Nova::Server
    properties:
      flavor: m1.nano
      image: cirros
      networks: [{port: {get_resource: port}}]
outputs:
  net_id: {value: {get_resource: net}}
  port_ip: {value: {get_attr: [port, fixed_ips, 0, ip_address]}}
`;

const WAIT = { intervalMs: 1000, timeoutMs: 120_000 };

functionalSuite('orchestration: a stack of a network, port and server', { timeout: 300_000 }, (suite) => {
  const orch = suite.demo().orchestration;
  const net = suite.demo().network;
  const name = suite.name('stack');
  const badName = suite.name('badstack');
  let stack: StackInstance;

  before(() => {
    suite.cleanup.add(`stack ${name}`, async () => {
      await orch.deleteStack(name, { ignoreMissing: true });
      await orch.waitForStackDelete(name, WAIT);
    });
    suite.cleanup.add(`stack ${badName}`, async () => {
      await orch.deleteStack(badName, { ignoreMissing: true });
      await orch.waitForStackDelete(badName, WAIT);
    });
  });

  test('validates the template and lists its parameters', async () => {
    const v = await orch.validateTemplate({ template: TEMPLATE });
    assert.deepEqual(Object.keys(v.parameters).sort(), ['net_name', 'port_name'], 'both parameters are read');
    assert.equal(v.description, 'ossdk functional stack', 'the description is the template one');
    await assert.rejects(
      orch.validateTemplate({
        template: 'heat_template_version: 2018-08-31\nresources: {x: {type: OS::No::Such}}\n',
      }),
      (e) => e instanceof BadRequestError && /OS::No::Such/.test(e.message),
      'an unknown resource type is a 400 naming the type',
    );
    await assert.rejects(
      orch.validateTemplate({}),
      ValidationError,
      'a missing template is refused before sending',
    );
  });

  test('previews the stack without creating it', async () => {
    const p = await orch.previewStack({ name, template: TEMPLATE, parameters: { net_name: `${name}-net` } });
    const types = p.resources.map((r) => r.resource_type).sort();
    assert.deepEqual(types, [
      'OS::Neutron::Net',
      'OS::Neutron::Port',
      'OS::Neutron::Subnet',
      'OS::Nova::Server',
    ]);
    assert.equal(await orch.findStack(name, { ignoreMissing: true }), undefined, 'a preview creates nothing');
  });

  test('creates the stack and waits for CREATE_COMPLETE', async () => {
    const created = await orch.createStack({
      name,
      template: TEMPLATE,
      parameters: { net_name: `${name}-net` },
      tags: ['ossdk', 'functional'],
    });
    assert.ok(created.id, 'heat answers the new id');
    stack = await orch.waitForStack(created, 'CREATE_COMPLETE', WAIT);
    assert.equal(stack.name, name);
    assert.equal(stack.status, 'CREATE_COMPLETE');
    assert.deepEqual(stack.tags, ['ossdk', 'functional'], 'tags are sent as heat expects');
    const listed = await orch.listStacks({ name }).toArray();
    assert.deepEqual(
      listed.map((s) => s.id),
      [stack.id],
      'the list filter by name finds it',
    );
    const byId = await orch.getStack(stack.id);
    assert.equal(byId.name, name, 'a stack is found by its id alone');
  });

  test('its outputs, resources and events', async () => {
    const outputs = await orch.listStackOutputs(stack);
    assert.deepEqual(outputs.map((o) => o.outputKey).sort(), ['net_id', 'port_ip']);
    const netId = (await orch.getStackOutput(stack, 'net_id')).outputValue;
    assert.equal((await net.getNetwork(String(netId))).name, `${name}-net`, 'the output is the real network');
    const ip = (await orch.getStackOutput(name, 'port_ip')).outputValue;
    assert.match(String(ip), /^10\.199\.0\./, 'the port got an address of the subnet');

    const resources = await orch.listStackResources(stack).toArray();
    assert.deepEqual(resources.map((r) => r.resourceName).sort(), ['net', 'port', 'server', 'subnet']);
    assert.ok(
      resources.every((r) => r.status === 'CREATE_COMPLETE'),
      'every resource is created',
    );
    const port = await orch.getStackResource(stack, 'port');
    assert.equal(port.resourceType, 'OS::Neutron::Port');
    assert.equal(
      (await net.getPort(port.physicalResourceId)).name,
      'p1',
      'the physical id is the neutron port',
    );

    const events = await orch.listStackEvents(stack).toArray();
    assert.ok(events.length >= 10, `events of the stack and each resource (got ${events.length})`);
    assert.ok(
      events.some((e) => e.resourceName === 'server' && e.status === 'CREATE_COMPLETE'),
      'the server has its CREATE_COMPLETE event',
    );
    const serverEvents = await orch.listStackEvents(stack, { resource: 'server' }).toArray();
    assert.ok(
      serverEvents.every((e) => e.resourceName === 'server'),
      'the per-resource listing is filtered',
    );
    const one = await orch.getStackEvent(stack, 'server', serverEvents[0]!.id);
    assert.equal(one.id, serverEvents[0]!.id);
    const tpl = await orch.getStackTemplate(stack);
    assert.ok('resources' in tpl, 'the stored template has its resources');
  });

  test('updates a parameter in place (PATCH, existing)', async () => {
    await orch.updateStack(stack, { existing: true, parameters: { port_name: 'p2' } });
    const updated = await orch.waitForStack(stack, 'UPDATE_COMPLETE', WAIT);
    assert.equal(updated.parameters?.port_name, 'p2', 'the new parameter value is kept');
    const port = await orch.getStackResource(stack, 'port');
    assert.equal((await net.getPort(port.physicalResourceId)).name, 'p2', 'the port was renamed in place');
  });

  test('checks, suspends and resumes the stack', async () => {
    await orch.checkStack(stack);
    await orch.waitForStack(stack, 'CHECK_COMPLETE', WAIT);
    await orch.suspendStack(stack);
    await orch.waitForStack(stack, 'SUSPEND_COMPLETE', WAIT);
    await orch.resumeStack(stack);
    const resumed = await orch.waitForStack(stack, 'RESUME_COMPLETE', WAIT);
    assert.equal(resumed.status, 'RESUME_COMPLETE');
  });

  test('a failing template: the waiter names the failed resource and its reason', async () => {
    const bad = `
heat_template_version: 2018-08-31
resources:
  good_net: {type: OS::Neutron::Net}
  good_subnet:
    type: OS::Neutron::Subnet
    properties: {network: {get_resource: good_net}, cidr: 10.198.0.0/24}
  bad_port:
    type: OS::Neutron::Port
    properties:
      network: {get_resource: good_net}
      fixed_ips: [{subnet: {get_resource: good_subnet}, ip_address: 10.198.7.7}]
`;
    const created = await orch.createStack({ name: badName, template: bad });
    const err = await orch.waitForStack(created, 'CREATE_COMPLETE', WAIT).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err instanceof StackFailureError, `a StackFailureError (got ${String(err)})`);
    assert.equal(err.status, 'CREATE_FAILED');
    assert.match(err.message, /bad_port/, 'the message names the failing resource');
    assert.match(err.message, /10\.198\.7\.7/, "the message carries neutron's reason");
    assert.deepEqual(
      err.failedResources.map((r) => r.resourceName),
      ['bad_port'],
    );
    await orch.deleteStack(created);
    await orch.waitForStackDelete(created, WAIT);
    assert.equal(
      await orch.findStack(badName, { ignoreMissing: true }),
      undefined,
      'the failed stack is gone',
    );
  });

  test('deletes the stack and its resources', async () => {
    const netId = String((await orch.getStackOutput(stack, 'net_id')).outputValue);
    await orch.deleteStack(stack);
    await orch.waitForStackDelete(stack, WAIT);
    assert.equal(await orch.findStack(name, { ignoreMissing: true }), undefined, 'the stack is gone');
    assert.equal(
      await net.findNetwork(netId, { ignoreMissing: true }),
      undefined,
      'its network went with it',
    );
    await orch.deleteStack(name, { ignoreMissing: true });
  });
});
