/**
 * `conn.network`'s hand-written methods pass the caller's options on whole: they used to copy
 * only signal, timeout and headers, so a caller's `maxBodyBytes` was silently dropped. Ids are
 * checked by the shared `requireId`, naming the resource and the parameter.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InvalidResponseError, ValidationError } from '../../../../src/errors/errors.js';
import type { NetworkV2 } from '../../../../src/services/network/index.js';
import { fileFake, json, route } from '../../../support/fake-service.js';

const m = await fileFake('network');
const net: NetworkV2 = m.connection().network;

const tooLarge = (what: string) => (e: unknown) => {
  assert.ok(e instanceof InvalidResponseError, `${what}: expected an InvalidResponseError, got ${e}`);
  assert.equal(e.reason, 'too-large', `${what}: ${e.message}`);
  return true;
};

test('maxBodyBytes reaches the actions, quotas and bulk creates', async () => {
  const big = 'x'.repeat(4_000);
  m.on(
    route('*', '/subnetpools/*rest', (_c, res) => json(res, 200, { prefixes: [big] })),
    route('*', '/quotas/*rest', (_c, res) => json(res, 200, { quota: { project_id: 'p', note: big } })),
    route('*', '/ports', (_c, res) => json(res, 201, { ports: [{ id: 'p1', name: big }] })),
  );
  await assert.rejects(
    net.addSubnetPoolPrefixes('pool-1', ['10.0.0.0/24'], { maxBodyBytes: 1_000 }),
    tooLarge('addSubnetPoolPrefixes'),
  );
  await assert.rejects(net.getQuota('p', { maxBodyBytes: 1_000 }), tooLarge('getQuota'));
  await assert.rejects(
    net.createPorts([{ networkId: 'n1' }], { maxBodyBytes: 1_000 }),
    tooLarge('createPorts'),
  );
  // without the cap the same answers are read
  const prefixes = await net.addSubnetPoolPrefixes('pool-1', ['10.0.0.0/24']);
  assert.equal(prefixes[0], big, 'the uncapped answer is read whole');
});

test('a missing id names the resource and the parameter, and nothing is sent', async () => {
  const before = m.calls.length;
  await assert.rejects(net.addRouterToL3Agent(undefined as never, 'r1'), (e: unknown) => {
    assert.ok(e instanceof ValidationError, `expected a ValidationError, got ${e}`);
    assert.equal(e.field, 'agent', e.message);
    assert.match(e.message, /agent id is required \(got undefined\)/);
    return true;
  });
  await assert.rejects(net.addRouterToL3Agent('a1', ''), /router id is required/);
  assert.equal(m.calls.length, before, 'no request was sent');
});
