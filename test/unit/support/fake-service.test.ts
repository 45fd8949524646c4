/**
 * The shared fake cloud's own contract, which every proxy test leans on: discovery per service
 * type, route matching (string patterns on the path, RegExps on path and query), fall-through on
 * `false`, the service's own 404, the call log, and an intercept that sees discovery too.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { ComputeV2 } from '../../../src/services/compute/proxy.js';
import {
  type FakeService,
  fakeStarter,
  fileFake,
  json,
  reply,
  route,
  startFake,
} from '../../support/fake-service.js';

const nova = await startFake('compute', [], { max: '2.60' });
after(() => nova.close());

async function get(path: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${nova.url}${path}`);
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

describe('fake service', () => {
  test('answers discovery like nova and leaves it out of calls', async () => {
    nova.reset();
    const doc = await get('/');
    assert.equal(doc.status, 300, 'nova answers its version document with 300');
    const v = (doc.body as { versions: { id: string; version: string }[] }).versions[0];
    assert.deepEqual([v?.id, v?.version], ['v2.1', '2.60'], 'the max given to startFake');
    assert.equal(nova.calls.length, 0, 'discovery is not a call');
    assert.equal(nova.requests.length, 1, 'but it is a request');
  });

  test('string patterns bind params on the path below the API root; RegExps see the query', async () => {
    nova.routes.length = 0;
    nova.on(
      route('GET', '/servers/:id/ips/*net', (c, res) => json(res, 200, c.params)),
      reply('GET', /^\/flavors\?is_public=none$/, 200, { flavors: [] }),
    );
    assert.deepEqual((await get('/v2.1/servers/a%20b/ips/x/y')).body, { id: 'a b', net: 'x/y' }, 'decoded');
    assert.equal((await get('/v2.1/flavors?is_public=none')).status, 200, 'the query matched');
    assert.equal((await get('/v2.1/flavors?is_public=true')).status, 404, 'another query did not');
  });

  test('a route returning false passes to the next; nothing left is nova’s 404', async () => {
    nova.routes.length = 0;
    nova.on(
      route('*', '*', () => false),
      reply('GET', '/limits', 200, { limits: {} }),
    );
    assert.equal((await get('/v2.1/limits')).status, 200, 'the second route answered');
    const miss = await get('/v2.1/nowhere');
    assert.equal(miss.status, 404, 'unrouted');
    assert.match(
      JSON.stringify(miss.body),
      /itemNotFound.*no route for GET \/v2\.1\/nowhere/,
      'in nova’s error format',
    );
  });

  test('a real proxy on the fake: lines() are relative to the API root', async () => {
    nova.routes.length = 0;
    nova.reset();
    nova.on(reply('GET', '/os-keypairs', 200, { keypairs: [] }));
    await nova.proxy(ComputeV2).listKeypairs().toArray();
    assert.deepEqual(nova.lines(), ['GET /os-keypairs'], 'one call after discovery');
    assert.equal(nova.calls[0]?.headers['x-auth-token'], 'tok', 'the fixed token was sent');
  });

  test('intercept is tried before discovery too, and passes on what it returns false for', async () => {
    nova.routes.length = 0;
    nova.on(reply('GET', '/limits', 200, { limits: {} }));
    nova.intercept = (c, res) => c.url === '/' && json(res, 503, { down: true });
    try {
      assert.equal((await get('/')).status, 503, 'the intercept answered discovery');
      assert.equal((await get('/v2.1/limits')).status, 200, 'the route answered what it passed on');
    } finally {
      nova.intercept = undefined;
    }
    assert.equal((await get('/')).status, 300, 'discovery is back once the intercept is unset');
  });

  describe('fileFake', async () => {
    const f = await fileFake('network');
    test('a first test leaves a route and a call behind', async () => {
      f.on(reply('GET', '/ports', 200, { ports: [] }));
      assert.equal((await fetch(`${f.url}/v2.0/ports`)).status, 200, 'the route answered');
      assert.equal(f.calls.length, 1, 'the call was recorded');
    });
    test('the next test starts with neither', () => {
      assert.deepEqual(
        [f.routes.length, f.calls.length],
        [0, 0],
        'routes and calls cleared before each test',
      );
    });
  });

  describe('fakeStarter', () => {
    const start = fakeStarter();
    let started: FakeService | undefined;
    test('starts a fake like startFake', async () => {
      started = await start('placement', [reply('GET', '/traits', 200, { traits: [] })]);
      assert.equal((await fetch(`${started.url}/traits`)).status, 200, 'the initial routes answer');
    });
    after(async () => {
      // the starter's own after hook, registered first, has closed it by now
      await assert.rejects(fetch(`${started?.url}/traits`), TypeError, 'the started fake is closed');
    });
  });
});
