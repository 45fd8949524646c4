/**
 * Offline tests of the bare metal proxy's own logic: JSON Patch updates, ironic's two version
 * headers, the provision and power waiters' failure reasons, the allocation waiter, input checks
 * before any request, ironic's error format and the secrets of its bodies.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { NotFoundError, ResourceFailureError, ValidationError } from '../../../../src/index.js';
import { BaremetalV1 } from '../../../../src/services/baremetal/proxy.js';
import { redactJson } from '../../../../src/transport/redact.js';
import { bodyOf, fakeStarter, json, type Route, reply, route } from '../../../support/fake-service.js';

const startFake = fakeStarter();
const NODE = '6d85703a-565d-469a-96ce-30b6de53079d';

/** A fake ironic answering `routes`, and a proxy on it at `microversion`. */
async function ironic(routes: Route[], microversion?: string) {
  const f = await startFake('baremetal', routes);
  return Object.assign(f, { bm: f.proxy(BaremetalV1, { microversion }) });
}

function node(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    uuid: NODE,
    name: 'rack1-n01',
    driver: 'fake-hardware',
    provision_state: 'available',
    target_provision_state: null,
    power_state: 'power off',
    target_power_state: null,
    maintenance: false,
    last_error: null,
    ...over,
  };
}

/** GET /nodes/{id} answers each of `states` in turn (the last one for ever after). */
function nodeSequence(states: Record<string, unknown>[]): Route {
  let i = 0;
  return route('GET', new RegExp(`^/nodes/(${NODE}|rack1-n01)$`), (_c, res) =>
    json(res, 200, node(states[Math.min(i++, states.length - 1)])),
  );
}

const provision = reply('PUT', /^\/nodes\/[^/]+\/states\/provision$/, 202);
const power = reply('PUT', /^\/nodes\/[^/]+\/states\/power$/, 202);

describe('nodes', () => {
  test('an update is a JSON Patch with both version headers', async () => {
    const f = await ironic([
      route('PATCH', `/nodes/${NODE}`, (_c, res) => json(res, 200, node({ description: 'x' }))),
    ]);
    const n = await f.bm.updateNode(NODE, { description: 'x', extras: { rack: 1 } });
    const call = f.calls[0]!;
    assert.equal(call.method, 'PATCH', 'updates are PATCH');
    assert.equal(
      call.headers['content-type'],
      'application/json',
      'ironic takes JSON Patch as application/json',
    );
    assert.equal(call.headers['openstack-api-version'], 'baremetal 1.78', 'the default microversion is 1.78');
    assert.equal(call.headers['x-openstack-ironic-api-version'], '1.78', 'ironic reads its own header');
    assert.deepEqual(
      bodyOf(call),
      [
        { op: 'add', path: '/description', value: 'x' },
        { op: 'add', path: '/extra', value: { rack: 1 } },
      ],
      'each field is one operation under its API name',
    );
    assert.equal(n.description, 'x', 'the answer is the updated node');
  });

  test("listing reads /nodes/detail and follows ironic's next link", async () => {
    const f = await ironic([
      route('GET', /^\/nodes\/detail/, (c, res) =>
        c.url.includes('marker=b')
          ? json(res, 200, { nodes: [] })
          : c.url.includes('marker=')
            ? json(res, 200, { nodes: [node({ uuid: 'b', name: 'n2' })] })
            : json(res, 200, { nodes: [node()], next: `${f.url}/v1/nodes/detail?limit=1&marker=${NODE}` }),
      ),
    ]);
    const names = (await f.bm.listNodes({ limit: 1 }).toArray()).map((n) => n.name);
    assert.deepEqual(names, ['rack1-n01', 'n2'], 'both pages are read');
  });

  test('a field newer than the pinned microversion is refused before any request', async () => {
    const f = await ironic([], '1.40');
    await assert.rejects(
      f.bm.createNode({ driver: 'fake-hardware', owner: 'p' }),
      (e) => e instanceof ValidationError && /1\.50/.test(e.message),
      'owner needs 1.50',
    );
    assert.equal(f.calls.length, 0, 'nothing but discovery was sent');
  });

  test("ironic's fault string inside error_message is the error's message", async () => {
    const f = await ironic([]);
    await assert.rejects(
      f.bm.getNode('nope'),
      (e) =>
        e instanceof NotFoundError &&
        e.message.includes('no route for GET /v1/nodes/nope') &&
        !e.message.includes('faultcode'),
      'the faultstring, not the JSON around it',
    );
  });
});

describe('provision state waiters', () => {
  test('deploy waits through deploying to active', async () => {
    const f = await ironic([
      provision,
      nodeSequence([
        { provision_state: 'deploying', target_provision_state: 'active' },
        { provision_state: 'active' },
      ]),
    ]);
    const n = await f.bm.deployNode(NODE, {}, { wait: { intervalMs: 5 } });
    assert.equal(n.provisionState, 'active', 'the wait ends in active');
    assert.deepEqual(bodyOf(f.calls[0]!), { target: 'active' }, 'deploy is target active');
  });

  test('a failed deploy names the node, the target and last_error', async () => {
    const f = await ironic([
      provision,
      nodeSequence([
        { provision_state: 'deploying', target_provision_state: 'active' },
        { provision_state: 'deploy failed', target_provision_state: 'active', last_error: 'no image_source' },
      ]),
    ]);
    await assert.rejects(
      f.bm.deployNode(NODE, {}, { wait: { intervalMs: 5 } }),
      (e) =>
        e instanceof ResourceFailureError &&
        e.message.includes('rack1-n01') &&
        e.message.includes('"active"') &&
        e.message.includes('no image_source') &&
        e.status === 'deploy failed' &&
        e.fault === 'no image_source',
      'the error says which node, where it was going and why it failed',
    );
  });

  test('a manage that falls back to enroll with last_error fails at once', async () => {
    const f = await ironic([
      provision,
      nodeSequence([{ provision_state: 'enroll', last_error: 'BMC unreachable' }]),
    ]);
    const started = Date.now();
    await assert.rejects(
      f.bm.manageNode(NODE, { wait: { intervalMs: 5, timeoutMs: 60_000 } }),
      (e) =>
        e instanceof ResourceFailureError &&
        /manageable/.test(e.message) &&
        /BMC unreachable/.test(e.message),
      'ironic gave up: the wait must not run to its timeout',
    );
    assert.ok(Date.now() - started < 5_000, 'failed fast, not at the timeout');
  });

  test('an unknown target is refused before any request', async () => {
    const f = await ironic([provision]);
    await assert.rejects(
      f.bm.setNodeProvisionState(NODE, 'explode' as never),
      (e) => e instanceof ValidationError && e.field === 'target',
      'the error names the field',
    );
    assert.equal(f.calls.length, 0, 'nothing was sent');
  });

  test('rescue needs a password, and the password is a secret in logs', async () => {
    const f = await ironic([provision, nodeSequence([{ provision_state: 'rescue' }])]);
    await assert.rejects(
      f.bm.rescueNode(NODE, ''),
      (e) => e instanceof ValidationError && e.field === 'rescuePassword',
      'an empty password is refused',
    );
    await f.bm.rescueNode(NODE, 's3cret-pw', { wait: { intervalMs: 5 } });
    const sent = bodyOf(f.calls[0]!) as Record<string, unknown>;
    assert.equal(sent.rescue_password, 's3cret-pw', 'the password is sent');
    const logged = JSON.stringify(redactJson(sent));
    assert.ok(!logged.includes('s3cret-pw'), `rescue_password is redacted: ${logged}`);
    const bmc = JSON.stringify(
      redactJson({ driver_info: { ipmi_password: 'hunter22', ipmi_address: '10.0.0.1' } }),
    );
    assert.ok(!bmc.includes('hunter22') && bmc.includes('10.0.0.1'), `BMC passwords are redacted: ${bmc}`);
  });
});

describe('power waiters', () => {
  test('power on waits for power_state', async () => {
    const f = await ironic([
      power,
      nodeSequence([{ target_power_state: 'power on' }, { power_state: 'power on' }]),
    ]);
    const n = await f.bm.powerOnNode(NODE, { wait: { intervalMs: 5 } });
    assert.equal(n.powerState, 'power on', 'the wait ends powered on');
    assert.deepEqual(bodyOf(f.calls[0]!), { target: 'power on' }, 'the target is sent');
  });

  test('a soft reboot with a timeout sends both; a bad timeout is refused', async () => {
    const f = await ironic([power, nodeSequence([{ power_state: 'power on' }])]);
    await f.bm.rebootNode(NODE, { soft: true, powerTimeout: 30 });
    assert.deepEqual(bodyOf(f.calls[0]!), { target: 'soft rebooting', timeout: 30 }, 'soft reboot body');
    await assert.rejects(
      f.bm.rebootNode(NODE, { powerTimeout: -1 }),
      (e) => e instanceof ValidationError && e.field === 'powerTimeout',
      'a negative timeout is refused',
    );
  });

  test('a power change ironic gave up on fails with last_error', async () => {
    const f = await ironic([power, nodeSequence([{ power_state: 'power off', last_error: 'IPMI timeout' }])]);
    await assert.rejects(
      f.bm.powerOnNode(NODE, { wait: { intervalMs: 5 } }),
      (e) =>
        e instanceof ResourceFailureError && /power on/.test(e.message) && /IPMI timeout/.test(e.message),
      'the reason is in the error',
    );
  });
});

describe('allocations', () => {
  test('the allocation waiter reports last_error of an allocation in error', async () => {
    const f = await ironic([
      reply('GET', /^\/allocations\/a1$/, 200, {
        uuid: 'a1',
        state: 'error',
        last_error: 'no available nodes match the resource class x',
        node_uuid: null,
      }),
    ]);
    await assert.rejects(
      f.bm.waitForAllocation('a1', { intervalMs: 5 }),
      (e) => e instanceof ResourceFailureError && /no available nodes/.test(e.message),
      "ironic's reason is in the error",
    );
  });
});
