import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { ResourceFailureError, TimeoutError, ValidationError } from '../../../../src/errors/errors.js';
import { ComputeV2 } from '../../../../src/services/compute/proxy.js';
import { bodyOf, type FakeService, json, reply, route, startFake } from '../../../support/fake-service.js';

const SID = 'srv-1';

describe('compute proxy requests (offline)', () => {
  let nova: FakeService;
  /** Statuses the fake server walks through on GET /servers/srv-1. */
  let states: [string, string | null][] = [];
  const compute = (microversion?: string) => nova.proxy(ComputeV2, { microversion });
  const zones = { availabilityZoneInfo: [{ zoneName: 'nova', zoneState: { available: true }, hosts: null }] };
  const flavorAccess = { flavor_access: [{ flavor_id: '42', tenant_id: 'p1' }] };
  const quotaSet = { quota_set: { id: 'p1', instances: 10, cores: 20 } };

  before(async () => {
    nova = await startFake('compute', [
      route('GET', `/servers/${SID}`, (_c, res) => {
        const [status, task] = states.shift() ?? ['ACTIVE', null];
        json(res, 200, {
          server: { id: SID, status, 'OS-EXT-STS:task_state': task, fault: { code: 500, message: 'boom' } },
        });
      }),
      reply('GET', '/servers/web(1)', 404, {
        itemNotFound: { code: 404, message: 'Instance web(1) could not be found.' },
      }),
      reply('GET', '/servers/detail', 200, {
        servers: [
          { id: 'a', name: 'web(1)' },
          { id: 'b', name: 'web(1)-old' },
        ],
      }),
      reply('GET', `/servers/${SID}/metadata/k`, 200, { meta: { k: 'v' } }),
      route('PUT', `/servers/${SID}/metadata/k`, (c, res) => json(res, 200, bodyOf(c))),
      reply('GET', `/servers/${SID}/ips`, 200, {
        addresses: { private: [{ addr: '10.0.0.3', version: 4 }] },
      }),
      reply('GET', `/servers/${SID}/ips/private`, 200, { private: [{ addr: '10.0.0.3', version: 4 }] }),
      reply('GET', '/flavors/42/os-extra_specs', 200, { extra_specs: { 'hw:a': '1' } }),
      reply('POST', '/flavors/42/os-extra_specs', 200, { extra_specs: { 'hw:a': '1' } }),
      reply('PUT', '/flavors/42/os-extra_specs/hw%3Aa', 200, { 'hw:a': '2' }),
      reply('GET', '/flavors/42/os-extra_specs/hw%3Aa', 200, { 'hw:a': '2' }),
      reply('POST', '/flavors/42/action', 200, flavorAccess),
      reply('GET', '/flavors/42/os-flavor-access', 200, flavorAccess),
      route('POST', '/os-server-groups', (c, res) =>
        json(res, 200, { server_group: { id: 'g1', ...JSON.parse(c.body).server_group, members: [] } }),
      ),
      reply('GET', '/os-quota-sets/p1', 200, quotaSet),
      reply('GET', '/os-quota-sets/p1/defaults', 200, quotaSet),
      reply('GET', '/os-quota-sets/p1/detail', 200, {
        quota_set: { id: 'p1', instances: { limit: 10, in_use: 1, reserved: 0 } },
      }),
      reply('PUT', '/os-quota-sets/p1', 200, { quota_set: { instances: 7, cores: 20 } }),
      route('PUT', '/os-services/svc-1', (c, res) =>
        json(res, 200, { service: { id: 'svc-1', binary: 'nova-compute', ...JSON.parse(c.body) } }),
      ),
      reply('GET', '/os-availability-zone', 200, zones),
      reply('GET', '/os-availability-zone/detail', 200, zones),
      reply('GET', '/limits', 200, { limits: { absolute: { maxTotalInstances: 10 }, rate: [] } }),
      reply('GET', `/servers/${SID}/os-volume_attachments`, 200, {
        volumeAttachments: [{ volumeId: 'v1', serverId: SID, device: '/dev/vdb' }],
      }),
      reply('POST', `/servers/${SID}/os-interface`, 200, {
        interfaceAttachment: { port_id: 'port-1', net_id: 'n1', port_state: 'ACTIVE' },
      }),
      reply('*', '*', 202),
    ]);
  });
  beforeEach(() => {
    nova.reset();
    states = [];
  });
  after(() => nova.close());

  const last = () => nova.calls.at(-1);

  test('waitForServerIdle waits for the task to end, not only for the status', async () => {
    states = [
      ['PAUSED', null],
      ['ACTIVE', 'unpausing'],
      ['ACTIVE', null],
    ];
    const polls: (string | undefined)[] = [];
    const s = await compute().waitForServerIdle(SID, 'active', {
      intervalMs: 1,
      onPoll: (st) => polls.push(st),
    });
    assert.equal(s.status, 'ACTIVE');
    assert.deepEqual(polls, ['PAUSED', 'ACTIVE/unpausing', 'ACTIVE']);
  });

  test('waitForServerIdle fails on ERROR with the fault, and times out', async () => {
    states = [['ERROR', null]];
    await assert.rejects(
      compute().waitForServerIdle(SID, 'ACTIVE', { intervalMs: 1 }),
      (e: unknown) => e instanceof ResourceFailureError && /boom/.test(e.message),
    );
    states = Array.from({ length: 50 }, () => ['ACTIVE', 'rebooting'] as [string, string]);
    await assert.rejects(
      compute().waitForServerIdle(SID, 'ACTIVE', { intervalMs: 5, timeoutMs: 30 }),
      (e: unknown) => e instanceof TimeoutError && /task rebooting/.test(e.message),
    );
  });

  test('findServer anchors and escapes the name nova matches as a regular expression', async () => {
    const c = compute();
    const s = await c.findServer('web(1)', { query: { allTenants: true } });
    assert.equal(s.id, 'a');
    const list = nova.calls.at(-1)!;
    assert.equal(new URL(list.url, 'http://x').searchParams.get('name'), '^web\\(1\\)$');
    assert.equal(new URL(list.url, 'http://x').searchParams.get('all_tenants'), 'true');
  });

  test('metadata items and addresses', async () => {
    const c = compute();
    assert.equal(await c.getServerMetadataItem(SID, 'k'), 'v');
    await c.setServerMetadataItem(SID, 'k', 'v2');
    assert.deepEqual(bodyOf(last()), { meta: { k: 'v2' } });
    await c.deleteServerMetadataItem(SID, 'k');
    assert.equal(`${last()?.method} ${last()?.url}`, `DELETE /v2.1/servers/${SID}/metadata/k`);
    assert.deepEqual(await c.listServerAddresses(SID), { private: [{ addr: '10.0.0.3', version: 4 }] });
    assert.deepEqual(await c.getServerAddresses(SID, 'private'), [{ addr: '10.0.0.3', version: 4 }]);
  });

  test('flavor extra specs and access', async () => {
    const c = compute();
    assert.deepEqual(await c.getFlavorExtraSpecs('42'), { 'hw:a': '1' });
    await c.setFlavorExtraSpecs('42', { 'hw:a': '1' });
    assert.deepEqual(bodyOf(last()), { extra_specs: { 'hw:a': '1' } });
    assert.equal(await c.updateFlavorExtraSpec('42', 'hw:a', '2'), '2');
    assert.deepEqual(bodyOf(last()), { 'hw:a': '2' });
    assert.equal(last()?.url, '/v2.1/flavors/42/os-extra_specs/hw%3Aa');
    const access = await c.addFlavorAccess('42', 'p1');
    assert.deepEqual(bodyOf(last()), { addTenantAccess: { tenant: 'p1' } });
    assert.equal(access[0]?.flavorId, '42');
    assert.equal(access[0]?.projectId, 'p1');
    await c.removeFlavorAccess('42', 'p1');
    assert.deepEqual(bodyOf(last()), { removeTenantAccess: { tenant: 'p1' } });
    const listed = await c.listFlavorAccess('42').toArray();
    assert.deepEqual(
      listed.map((a) => a.id),
      ['p1'],
    );
  });

  test('server groups: policy from 2.64, policies before', async () => {
    const g = await compute().createServerGroup({
      name: 'g',
      policy: 'anti-affinity',
      rules: { max_server_per_host: 2 },
    });
    assert.deepEqual(bodyOf(last()), {
      server_group: { name: 'g', policy: 'anti-affinity', rules: { max_server_per_host: 2 } },
    });
    assert.equal(g.id, 'g1');
    await compute('2.63').createServerGroup({ name: 'g', policies: ['affinity'] });
    assert.deepEqual(bodyOf(last()), { server_group: { name: 'g', policies: ['affinity'] } });
    nova.reset();
    await assert.rejects(compute().createServerGroup({ name: 'g' }), /server group\.policy/);
    await assert.rejects(compute('2.63').createServerGroup({ name: 'g' }), /server group\.policies/);
    await assert.rejects(compute().createServerGroup({ name: 'g', policies: ['affinity'] }), /2\.63/);
    assert.equal(nova.calls.length, 0);
  });

  test('quotas: get, defaults, detail, update with user_id, revert', async () => {
    const c = compute();
    assert.equal((await c.getQuotaSet('p1', { userId: 'u1' })).instances, 10);
    assert.equal(last()?.url, '/v2.1/os-quota-sets/p1?user_id=u1');
    assert.equal((await c.getQuotaSetDefaults('p1')).cores, 20);
    assert.deepEqual((await c.getQuotaSetDetail('p1')).instances, { limit: 10, in_use: 1, reserved: 0 });
    const u = await c.updateQuotaSet('p1', { instances: 7, force: true }, { userId: 'u1' });
    assert.equal(last()?.url, '/v2.1/os-quota-sets/p1?user_id=u1');
    assert.deepEqual(bodyOf(last()), { quota_set: { instances: 7, force: true } });
    assert.equal(u.instances, 7);
    assert.equal(u.id, 'p1');
    await c.revertQuotaSet('p1');
    assert.equal(`${last()?.method} ${last()?.url}`, 'DELETE /v2.1/os-quota-sets/p1');
    nova.reset();
    await assert.rejects(c.updateQuotaSet('p1', { injectedFiles: 1 }), /2\.56/);
    await assert.rejects(c.updateQuotaSet('p1', { id: 'x' } as never), ValidationError);
    assert.equal(nova.calls.length, 0);
  });

  test('compute services are changed with a bare body (2.53+)', async () => {
    const c = compute();
    const s = await c.disableComputeService('svc-1', { reason: 'maint' });
    assert.deepEqual(bodyOf(last()), { status: 'disabled', disabled_reason: 'maint' });
    assert.equal(s.status, 'disabled');
    await c.enableComputeService('svc-1');
    assert.deepEqual(bodyOf(last()), { status: 'enabled' });
    await c.forceDownComputeService('svc-1');
    assert.deepEqual(bodyOf(last()), { forced_down: true });
    nova.reset();
    await assert.rejects(compute('2.52').enableComputeService('svc-1'), /2\.53/);
    assert.equal(nova.calls.length, 0);
  });

  test('availability zones, limits', async () => {
    const c = compute();
    assert.equal((await c.listAvailabilityZones().toArray())[0]?.name, 'nova');
    assert.equal(last()?.url, '/v2.1/os-availability-zone');
    await c.listAvailabilityZones({ detailed: true }).toArray();
    assert.equal(last()?.url, '/v2.1/os-availability-zone/detail');
    const l = await c.getLimits({ projectId: 'p1', reserved: true });
    assert.equal(last()?.url, '/v2.1/limits?tenant_id=p1&reserved=1');
    assert.equal(l.absolute?.maxTotalInstances, 10);
  });

  test('nested resources: paths from the server id', async () => {
    const c = compute();
    const atts = await c.listVolumeAttachments({}, { parent: { serverId: SID } }).toArray();
    assert.equal(atts[0]?.id, 'v1');
    assert.equal(atts[0]?.serverId, SID);
    await c.createVolumeAttachment({ serverId: SID, volumeId: 'v2', tag: 'data' });
    assert.equal(last()?.url, `/v2.1/servers/${SID}/os-volume_attachments`);
    assert.deepEqual(bodyOf(last()), { volumeAttachment: { volumeId: 'v2', tag: 'data' } });
    const i = await c.attachServerInterface(SID, { netId: 'n1', fixedIps: [{ ip_address: '10.0.0.9' }] });
    assert.deepEqual(bodyOf(last()), {
      interfaceAttachment: { net_id: 'n1', fixed_ips: [{ ip_address: '10.0.0.9' }] },
    });
    assert.equal(i.id, 'port-1');
    await c.detachServerInterface(SID, 'port-1');
    assert.equal(`${last()?.method} ${last()?.url}`, `DELETE /v2.1/servers/${SID}/os-interface/port-1`);
    await c.deleteServerMigration('3', { parent: { serverId: SID } });
    assert.equal(`${last()?.method} ${last()?.url}`, `DELETE /v2.1/servers/${SID}/migrations/3`);
    nova.reset();
    await assert.rejects(
      compute('2.78').createVolumeAttachment({ serverId: SID, volumeId: 'v', deleteOnTermination: true }),
      (e: unknown) => e instanceof ValidationError && /deleteOnTermination.*2\.79/.test(e.message),
    );
    assert.equal(nova.calls.length, 0);
  });
});
