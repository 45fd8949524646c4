/**
 * The tag and metadata helpers pass the caller's whole options object on: headers, microversion
 * and timeoutMs reach the wire on every method (they used to forward only `signal`, dropping the
 * rest without a word).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { StaticTokenAuth } from '../../../src/auth/static-token.js';
import { TimeoutError } from '../../../src/errors/errors.js';
import {
  defineResource,
  deletePath,
  f,
  headResource,
  MetadataMixin,
  resourceAction,
  TagsMixin,
} from '../../../src/resource/index.js';
import { computeV2Spec } from '../../../src/services/specs.js';
import { ServiceClient } from '../../../src/session/service-client.js';
import { Session } from '../../../src/session/session.js';
import { type Recorded, sendJson, startMockServer } from '../../support/mock-server.js';

type Mock = Awaited<ReturnType<typeof startMockServer>>;
let nova: Mock;
let session: Session;
let client: ServiceClient;
const seen: Recorded[] = [];

before(async () => {
  nova = await startMockServer((req, res) => {
    if (req.url === '/') {
      sendJson(res, 300, {
        versions: [
          {
            id: 'v2.1',
            status: 'CURRENT',
            version: '2.93',
            min_version: '2.1',
            links: [{ rel: 'self', href: `${nova.url}/v2.1/` }],
          },
        ],
      });
      return;
    }
    seen.push(req);
    // the stalled path never answers: only the caller's timeoutMs can end the call
    if (req.url.includes('/stall/')) return;
    if (req.method === 'DELETE' || (req.method === 'PUT' && /\/tags\/./.test(req.url))) {
      res.writeHead(204).end();
      return;
    }
    if (req.url.endsWith('/action')) {
      res.writeHead(202).end();
      return;
    }
    if (req.url.includes('/tags')) sendJson(res, 200, { tags: ['a'] });
    else sendJson(res, 200, { metadata: { k: 'v' } });
  });
  session = new Session({
    auth: new StaticTokenAuth('admin_token', 'tok'),
    endpointOverrides: { compute: nova.url },
    http: { retry: { maxRetries: 0 } },
  });
  client = new ServiceClient(session, computeV2Spec);
});
after(async () => {
  await session.close();
  await nova.close();
});

const opts = { headers: { 'x-probe': 'caller' }, microversion: '2.26', timeoutMs: 5_000 };

/** Runs `call` and asserts the one request it sent carried the caller's header and microversion. */
async function carries(what: string, call: () => Promise<unknown>): Promise<void> {
  const before = seen.length;
  await call();
  const sent = seen.slice(before);
  assert.equal(sent.length, 1, `${what}: expected one request, got ${sent.length}`);
  assert.equal(sent[0]!.headers['x-probe'], 'caller', `${what} dropped the caller's headers`);
  assert.match(
    String(sent[0]!.headers['openstack-api-version']),
    /2\.26/,
    `${what} dropped the caller's microversion (sent ${sent[0]!.headers['openstack-api-version']})`,
  );
}

describe('mixins pass the caller options on', () => {
  test('every TagsMixin method', async () => {
    const tags = new TagsMixin(client, '/servers');
    await carries('tags.list', () => tags.list('s1', opts));
    await carries('tags.set', () => tags.set('s1', ['a'], opts));
    await carries('tags.add', () => tags.add('s1', 'a', opts));
    await carries('tags.remove', () => tags.remove('s1', 'a', opts));
    await carries('tags.has', () => tags.has('s1', 'a', opts));
    await carries('tags.clear', () => tags.clear('s1', opts));
  });

  test('every MetadataMixin method and resourceAction', async () => {
    const md = new MetadataMixin(client, '/servers');
    await carries('metadata.get', () => md.get('s1', opts));
    await carries('metadata.replace', () => md.replace('s1', { k: 'v' }, opts));
    await carries('metadata.update', () => md.update('s1', { k: 'v' }, opts));
    await carries('metadata.deleteItem', () => md.deleteItem('s1', 'k', opts));
    await carries('resourceAction', () =>
      resourceAction(client, '/servers', 's1', 'reboot', { type: 'SOFT' }, opts),
    );
  });

  test("a caller's timeoutMs bounds a tag and a metadata call", { timeout: 20_000 }, async () => {
    const check = (e: unknown) => {
      assert.ok(e instanceof TimeoutError, `expected a TimeoutError, got ${e}`);
      return true;
    };
    await assert.rejects(new TagsMixin(client, '/stall').list('s1', { timeoutMs: 200 }), check);
    await assert.rejects(
      new MetadataMixin(client, '/stall').replace('s1', { k: 'v' }, { timeoutMs: 200 }),
      check,
    );
  });
});

describe('resource verbs pass the caller options on', () => {
  const Thing = defineResource({
    name: 'thing',
    basePath: '/things',
    resourceKey: 'thing',
    fields: { id: f.string({ readOnly: true }) },
  });

  test('headResource (it used to forward only signal and timeoutMs)', async () => {
    await carries('headResource', () => headResource(client, Thing, 't1', opts));
  });

  test('deletePath', async () => {
    await carries('deletePath', () => deletePath(client, '/things/t1', opts));
  });
});
