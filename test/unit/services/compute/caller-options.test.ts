/**
 * The caller's request options reach the wire whole: server metadata items, addresses,
 * rebuild and the idle waiter each dropped some of them (headers, microversion,
 * maxBodyBytes) while copying options field by field.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { InvalidResponseError } from '../../../../src/errors/errors.js';
import { ComputeV2 } from '../../../../src/services/compute/proxy.js';
import { type FakeService, reply, startFake } from '../../../support/fake-service.js';

const SID = '11111111-2222-3333-4444-555555555555';
const HEADERS = { 'x-caller': 'kept' };

describe('compute: caller options are passed on whole', () => {
  let nova: FakeService;

  const compute = (microversion?: string) => nova.proxy(ComputeV2, { microversion });

  before(async () => {
    nova = await startFake('compute', [
      reply('*', `/servers/${SID}/metadata/role`, 200, { meta: { role: 'web' } }),
      reply('*', `/servers/${SID}/ips`, 200, { addresses: { private: [{ addr: '10.0.0.5', version: 4 }] } }),
      reply('*', `/servers/${SID}/ips/private`, 200, { private: [{ addr: '10.0.0.5', version: 4 }] }),
      reply('POST', `/servers/${SID}/action`, 202, { server: { id: SID, status: 'REBUILD' } }),
      reply('GET', `/servers/${SID}`, 200, {
        server: { id: SID, status: 'ACTIVE', 'OS-EXT-STS:task_state': null, padding: 'x'.repeat(4096) },
      }),
    ]);
  });
  beforeEach(() => nova.reset());
  after(() => nova.close());

  function lastHeaders(): Record<string, unknown> {
    const r = nova.calls.at(-1);
    assert.ok(r, 'a request was sent');
    return r.headers;
  }

  const calls: [string, (c: ComputeV2) => Promise<unknown>][] = [
    [
      'getServerMetadataItem',
      (c) => c.getServerMetadataItem(SID, 'role', { headers: HEADERS, microversion: '2.26' }),
    ],
    [
      'setServerMetadataItem',
      (c) => c.setServerMetadataItem(SID, 'role', 'web', { headers: HEADERS, microversion: '2.26' }),
    ],
    ['listServerAddresses', (c) => c.listServerAddresses(SID, { headers: HEADERS, microversion: '2.26' })],
    [
      'getServerAddresses',
      (c) => c.getServerAddresses(SID, 'private', { headers: HEADERS, microversion: '2.26' }),
    ],
  ];
  for (const [name, call] of calls) {
    test(`${name} sends the caller's headers and microversion`, async () => {
      await call(compute());
      const h = lastHeaders();
      assert.equal(h['x-caller'], 'kept', `${name} must send the caller's headers`);
      assert.equal(h['openstack-api-version'], 'compute 2.26', `${name} must send the caller's microversion`);
    });
  }

  test("rebuildServer takes the request options apart from the rebuild's fields", async () => {
    // maxBodyBytes used to land among the rebuild fields and fail validation as an unknown name
    const s = await compute().rebuildServer(SID, 'img-1', {
      name: 'web1',
      maxBodyBytes: 1_000_000,
      headers: HEADERS,
    });
    assert.equal(s.status, 'REBUILD', 'the rebuild answer is returned');
    assert.equal(lastHeaders()['x-caller'], 'kept', "rebuild must send the caller's headers");
  });

  test("waitForServerIdle applies the caller's maxBodyBytes to every poll", async () => {
    await assert.rejects(
      compute().waitForServerIdle(SID, 'ACTIVE', { maxBodyBytes: 512, intervalMs: 1 }),
      (e: unknown) => e instanceof InvalidResponseError && e.reason === 'too-large',
      'a poll answer over the caller cap must be refused',
    );
    assert.equal(nova.calls.length, 1, 'the first poll already fails');
  });
});
