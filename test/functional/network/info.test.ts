/** Read-only admin views: extensions, availability zones, agents (the dev cloud runs none), rule types. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NotFoundError, ResourceNotFoundError } from '../../../src/errors/errors.js';
import { functionalSuite } from '../../support/cloud.js';

functionalSuite('network: extensions, availability zones, agents (admin)', (suite) => {
  const conn = suite.admin();
  const net = conn.network;
  test('extensions: list, get by alias, find, hasExtension', async () => {
    const all = await net.listExtensions().toArray();
    const aliases = all.map((e) => e.alias);
    for (const a of ['router', 'qos', 'external-net', 'standard-attr-tag', 'pagination', 'sorting'])
      assert.ok(aliases.includes(a), `extension ${a} loaded`);
    assert.equal(new Set(aliases).size, aliases.length);
    const qos = await net.getExtension('qos');
    assert.equal(qos.alias, 'qos');
    assert.ok(qos.name && qos.description);
    assert.ok(Array.isArray(qos.links));
    assert.equal(qos.id, 'qos', 'the alias is the id');
    assert.equal((await net.findExtension('qos')).alias, 'qos');
    await assert.rejects(net.getExtension('no-such-extension'), NotFoundError);
    await assert.rejects(net.findExtension('no-such-extension'), ResourceNotFoundError);
    assert.equal(await net.hasExtension('router'), true);
    assert.equal(await net.hasExtension('no-such-extension'), false);
  });

  test('availability zones: a list (the data plane zone, if it runs)', async () => {
    const azs = await net.listAvailabilityZones().toArray();
    assert.ok(Array.isArray(azs));
    for (const z of azs) {
      assert.ok(z.name);
      assert.ok(['network', 'router'].includes(z.resource!));
    }
    assert.ok(Array.isArray(await net.listAvailabilityZones({ resource: 'router' }).toArray()));
  });

  test('agents: a list (the data plane host agents, if any), also per network and router', async () => {
    const agents = await net.listAgents().toArray();
    assert.ok(Array.isArray(agents));
    for (const a of agents) assert.ok(a.agentType && a.host);
    assert.ok(Array.isArray(await net.listAgents({ agentType: 'DHCP agent', alive: true }).toArray()));
    const pub = await net.findNetwork('public');
    assert.ok(Array.isArray(await net.listNetworkDhcpAgents(pub).toArray()));
    const r = await net.findRouter('router1', { ignoreMissing: true });
    if (r) assert.ok(Array.isArray(await net.listRouterL3Agents(r).toArray()));
    await assert.rejects(net.getAgent('00000000-0000-0000-0000-000000000000'), NotFoundError);
  });

  test('QoS rule types: list and details', async () => {
    const types = await net.listQosRuleTypes().toArray();
    assert.ok(Array.isArray(types));
    const all = await net.listQosRuleTypes({ allRules: true }).toArray();
    assert.ok(
      all.some((t) => t.type === 'bandwidth_limit'),
      'all_rules lists every rule type',
    );
    const bw = await net.getQosRuleType('bandwidth_limit');
    assert.equal(bw.type, 'bandwidth_limit');
    assert.ok(Array.isArray(bw.drivers));
  });
});
