/**
 * Heat on the dev cloud, as demo: template versions and functions, resource types and their
 * schemas, software configs and deployments, and abandoning a stack (enabled on the dev cloud).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NotFoundError } from '../../../src/index.js';
import { functionalSuite } from '../../support/cloud.js';

const WAIT = { intervalMs: 1000, timeoutMs: 120_000 };

functionalSuite(
  'orchestration: templates, resource types, software configs',
  { timeout: 240_000 },
  (suite) => {
    const orch = suite.demo().orchestration;
    const net = suite.demo().network;

    test('template versions and their functions', async () => {
      const versions = await orch.listTemplateVersions();
      const hot = versions.find((v) => v.version === 'heat_template_version.2018-08-31');
      assert.ok(hot, `heat knows HOT 2018-08-31 (got ${versions.map((v) => v.version).join(', ')})`);
      assert.equal(hot.type, 'hot');
      const fns = await orch.listTemplateFunctions(hot.version);
      assert.ok(
        fns.some((f) => f.functions === 'get_param'),
        'get_param is a function of the version',
      );
    });

    test('resource types and one schema', async () => {
      const all = await orch.listResourceTypes({ name: 'OS::Neutron::.*' });
      const names = all.map((t) => t.resourceType);
      assert.ok(names.includes('OS::Neutron::Port'), 'the name filter keeps neutron types');
      assert.ok(!names.includes('OS::Nova::Server'), 'and only those');
      const described = await orch.listResourceTypes({ name: 'OS::Nova::Server$', withDescription: true });
      assert.equal(described.length, 1, 'one match for an anchored pattern');
      assert.ok(described[0]!.description, 'with a description when asked');
      const schema = await orch.getResourceType('OS::Neutron::Port');
      assert.equal(schema.resourceType, 'OS::Neutron::Port');
      assert.ok('network' in schema.properties, 'the network property is in the schema');
      assert.ok('fixed_ips' in schema.attributes, 'the fixed_ips attribute is in the schema');
      const tpl = await orch.getResourceTypeTemplate('OS::Neutron::Net');
      assert.ok('resources' in tpl, 'the generated template has resources');
      await assert.rejects(orch.getResourceType('OS::No::Such'), NotFoundError, 'an unknown type is a 404');
    });

    test('software configs: create, get, list, delete', async () => {
      const name = suite.name('config');
      const cfg = await orch.createSoftwareConfig({
        name,
        group: 'script',
        config: '#!/bin/sh\necho hello > /tmp/hello\n',
        inputs: [{ name: 'who', type: 'String', default: 'world' }],
        outputs: [{ name: 'result' }],
      });
      suite.cleanup.add(`software config ${cfg.id}`, () =>
        orch.deleteSoftwareConfig(cfg.id, { ignoreMissing: true }),
      );
      const got = await orch.getSoftwareConfig(cfg.id);
      assert.equal(got.name, name);
      assert.equal(got.group, 'script');
      assert.match(String(got.config), /echo hello/, 'the config text is kept');
      assert.equal(got.inputs?.[0]?.name, 'who', 'its inputs are kept');
      const listed = await orch.listSoftwareConfigs().toArray();
      assert.ok(
        listed.some((c) => c.id === cfg.id),
        'the list has it',
      );

      const serverId = '5f6e4c6e-0b35-4a4b-9d2c-000000000001';
      const dep = await orch.createSoftwareDeployment({
        configId: cfg.id,
        serverId,
        action: 'CREATE',
        status: 'IN_PROGRESS',
        statusReason: 'deploying',
        inputValues: { who: 'heat' },
        outputValues: {},
      });
      suite.cleanup.add(`software deployment ${dep.id}`, () =>
        orch.deleteSoftwareDeployment(dep.id, { ignoreMissing: true }),
      );
      assert.equal(dep.status, 'IN_PROGRESS');
      const meta = await orch.getSoftwareDeploymentMetadata(serverId);
      assert.ok(meta.length >= 1, 'the server gets the deployment in its metadata');
      // what a server's agent does when it has run the config
      await orch.updateSoftwareDeployment(dep, {
        status: 'COMPLETE',
        statusReason: 'done',
        outputValues: { result: 'ok' },
      });
      const done = await orch.waitForSoftwareDeployment(dep, 'COMPLETE', WAIT);
      assert.deepEqual(done.outputValues, { result: 'ok' }, 'the outputs are stored');
      const deps = await orch.listSoftwareDeployments({ serverId }).toArray();
      assert.deepEqual(
        deps.map((d) => d.id),
        [dep.id],
        'the server filter finds it',
      );
      await orch.deleteSoftwareDeployment(dep);
      await orch.deleteSoftwareConfig(cfg);
      await assert.rejects(orch.getSoftwareConfig(cfg.id), NotFoundError, 'the config is gone');
    });

    test('abandon leaves the resources behind', async () => {
      const name = suite.name('abandon');
      let netId: string | undefined;
      suite.cleanup.add(`abandoned network of ${name}`, async () => {
        if (netId) await net.deleteNetwork(netId, { ignoreMissing: true });
      });
      suite.cleanup.add(`stack ${name}`, async () => {
        await orch.deleteStack(name, { ignoreMissing: true });
        await orch.waitForStackDelete(name, WAIT);
      });
      const created = await orch.createStack({
        name,
        template: { heat_template_version: '2018-08-31', resources: { net: { type: 'OS::Neutron::Net' } } },
      });
      await orch.waitForStack(created, 'CREATE_COMPLETE', WAIT);
      netId = (await orch.getStackResource(created, 'net')).physicalResourceId;
      const data = await orch.abandonStack(created);
      assert.equal(data.name, name, 'the abandon data names the stack');
      assert.ok(data.resources && typeof data.resources === 'object', 'and carries its resources');
      await orch.waitForStackDelete(created, WAIT);
      assert.equal((await net.getNetwork(netId)).id, netId, 'the network outlives the stack');
    });
  },
);
