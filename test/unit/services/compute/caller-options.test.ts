/**
 * The caller's request options reach the wire whole: server metadata items, addresses,
 * rebuild and the idle waiter each dropped some of them (headers, microversion,
 * maxBodyBytes) while copying options field by field.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { InvalidResponseError } from '../../../../src/errors/errors.js';
import { type FakeNova, sendJson, startNova } from './helpers.js';

const SID = '11111111-2222-3333-4444-555555555555';
const HEADERS = { 'x-caller': 'kept' };

describe('compute: caller options are passed on whole', () => {
  let nova: FakeNova;

  before(async () => {
    nova = await startNova((req, res) => {
      if (req.url === `/v2.1/servers/${SID}/metadata/role`) {
        sendJson(res, 200, { meta: { role: 'web' } });
        return;
      }
      if (req.url === `/v2.1/servers/${SID}/ips`) {
        sendJson(res, 200, { addresses: { private: [{ addr: '10.0.0.5', version: 4 }] } });
        return;
      }
      if (req.url === `/v2.1/servers/${SID}/ips/private`) {
        sendJson(res, 200, { private: [{ addr: '10.0.0.5', version: 4 }] });
        return;
      }
      if (req.method === 'POST' && req.url === `/v2.1/servers/${SID}/action`) {
        sendJson(res, 202, { server: { id: SID, status: 'REBUILD' } });
        return;
      }
      if (req.method === 'GET' && req.url === `/v2.1/servers/${SID}`) {
        sendJson(res, 200, {
          server: { id: SID, status: 'ACTIVE', 'OS-EXT-STS:task_state': null, padding: 'x'.repeat(4096) },
        });
        return;
      }
      sendJson(res, 404, { itemNotFound: { message: `unexpected ${req.method} ${req.url}` } });
    });
  });
  beforeEach(() => nova.reset());
  after(() => nova.close());

  function lastHeaders(): Record<string, unknown> {
    const r = nova.calls.at(-1);
    assert.ok(r, 'a request was sent');
    return r.headers;
  }

  const calls: [string, (c: ReturnType<FakeNova['compute']>) => Promise<unknown>][] = [
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
      await call(nova.compute());
      const h = lastHeaders();
      assert.equal(h['x-caller'], 'kept', `${name} must send the caller's headers`);
      assert.equal(h['openstack-api-version'], 'compute 2.26', `${name} must send the caller's microversion`);
    });
  }

  test("rebuildServer takes the request options apart from the rebuild's fields", async () => {
    // maxBodyBytes used to land among the rebuild fields and fail validation as an unknown name
    const s = await nova
      .compute()
      .rebuildServer(SID, 'img-1', { name: 'web1', maxBodyBytes: 1_000_000, headers: HEADERS });
    assert.equal(s.status, 'REBUILD', 'the rebuild answer is returned');
    assert.equal(lastHeaders()['x-caller'], 'kept', "rebuild must send the caller's headers");
  });

  test("waitForServerIdle applies the caller's maxBodyBytes to every poll", async () => {
    await assert.rejects(
      nova.compute().waitForServerIdle(SID, 'ACTIVE', { maxBodyBytes: 512, intervalMs: 1 }),
      (e: unknown) => e instanceof InvalidResponseError && e.reason === 'too-large',
      'a poll answer over the caller cap must be refused',
    );
    assert.equal(nova.calls.length, 1, 'the first poll already fails');
  });
});
