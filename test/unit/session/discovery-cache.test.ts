/**
 * Version discovery kept with the token (src/auth/version-cache.ts, src/session/discovery-cache.ts):
 * a process that takes its token from the token cache sends no discovery request, and a range
 * that the cloud proves stale is discovered again.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { tokenCacheKey } from '../../../src/auth/token-store.js';
import { ConfigError, FileTokenStore, HttpClient, Session, V3PasswordAuth } from '../../../src/index.js';
import { computeV2Spec } from '../../../src/services/specs.js';
import { ServiceClient } from '../../../src/session/service-client.js';
import { type Recorded, sendJson, startMockServer } from '../../support/mock-server.js';

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Keystone issuing tokens and a nova whose version document says `max`, refusing anything above it with 406. */
async function fakeCloud() {
  const cloud = { max: '2.95' };
  const s = await startMockServer(async (req: Recorded, res) => {
    if (req.method === 'POST' && req.url === '/identity/v3/auth/tokens') {
      const expires = new Date(Date.now() + 3_600_000).toISOString();
      return sendJson(res, 201, tokenBody(s.url, expires), { 'x-subject-token': 'tok-1' });
    }
    if (req.url === '/compute/') {
      return sendJson(res, 200, {
        versions: [
          {
            id: 'v2.1',
            status: 'CURRENT',
            version: cloud.max,
            min_version: '2.1',
            links: [{ rel: 'self', href: `${s.url}/compute/v2.1/` }],
          },
        ],
      });
    }
    if (req.url.startsWith('/compute/v2.1/flavors')) {
      const asked = String(req.headers['openstack-api-version'] ?? '').replace('compute ', '');
      const [, minor] = asked.split('.');
      if (Number(minor) > Number(cloud.max.split('.')[1]))
        return sendJson(res, 406, {
          computeFault: { code: 406, message: `Version ${asked} is not supported by the API.` },
        });
      return sendJson(res, 200, { flavors: [{ id: '42', name: 'm1.nano' }], asked });
    }
    sendJson(res, 404, {});
  });
  return { ...s, cloud };
}

function tokenBody(base: string, expires: string) {
  return {
    token: {
      expires_at: expires,
      issued_at: new Date().toISOString(),
      methods: ['password'],
      project: { id: 'p1', name: 'demo', domain: { id: 'default' } },
      user: { id: 'u1', name: 'demo', domain: { id: 'default' } },
      roles: [{ id: 'r1', name: 'member' }],
      catalog: [
        {
          type: 'compute',
          id: 'c1',
          endpoints: [{ id: 'e1', interface: 'public', region_id: 'R', url: `${base}/compute/v2.1` }],
        },
      ],
    },
  };
}

/**
 * What one CLI process does: a fresh plugin on the shared cache directory, a session, compute's
 * client (pinned or not), one listing; the requests it sent and the microversion it used.
 */
async function oneProcess(url: string, dir: string, pin?: string) {
  const auth = {
    auth_url: `${url}/identity/v3`,
    username: 'demo',
    password: 'pw',
    project_name: 'demo',
    user_domain_name: 'Default',
    project_domain_name: 'Default',
  };
  const plugin = new V3PasswordAuth(auth).useTokenStore(
    new FileTokenStore({ dir }),
    tokenCacheKey('password', auth),
  );
  const session = new Session({ auth: plugin, http: new HttpClient({ retry: { maxRetries: 0 } }) });
  const client = new ServiceClient(session, computeV2Spec, pin);
  try {
    const body = await client.json('GET', '/flavors/detail');
    return { body, microversion: client.microversion };
  } finally {
    await session.close();
  }
}

function cacheDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'ostack-discovery-cache-'));
  dirs.push(d);
  return d;
}

/** The one cache file of `dir`, parsed, with its mode. */
function cacheFile(dir: string): { data: Record<string, any>; mode: number } {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  assert.equal(files.length, 1, `one cache file expected, got ${files.join(', ')}`);
  const path = join(dir, files[0]!);
  return { data: JSON.parse(readFileSync(path, 'utf8')), mode: statSync(path).mode & 0o777 };
}

/** Wait for the write-back of a discovery result (it is not awaited by the request). */
async function settled(): Promise<void> {
  await new Promise((r) => setTimeout(r, 20));
}

const lines = (reqs: Recorded[]) => reqs.map((r) => `${r.method} ${r.url}`);

describe('version discovery kept with the token', () => {
  test('a second process with the cached token sends no discovery request', async (t) => {
    const fake = await fakeCloud();
    t.after(() => fake.close());
    const dir = cacheDir();

    await oneProcess(fake.url, dir);
    assert.deepEqual(
      lines(fake.requests),
      ['POST /identity/v3/auth/tokens', 'GET /compute/', 'GET /compute/v2.1/flavors/detail'],
      'the first process authenticates, discovers and lists',
    );
    await settled();
    const { data, mode } = cacheFile(dir);
    assert.equal(mode, 0o600, 'the versions share the token file and its mode');
    assert.deepEqual(
      data.versions,
      {
        [`2 ${fake.url}/compute/v2.1`]: {
          baseUrl: `${fake.url}/compute/v2.1`,
          versionId: 'v2.1',
          minMicroversion: '2.1',
          maxMicroversion: '2.95',
        },
      },
      'the version document of the endpoint is kept beside the token, keyed by its catalog URL',
    );

    fake.requests.length = 0;
    const second = await oneProcess(fake.url, dir);
    assert.deepEqual(
      lines(fake.requests),
      ['GET /compute/v2.1/flavors/detail'],
      'the cached run sends the listing only: no token request, no discovery',
    );
    assert.equal(second.microversion, '2.90', 'the SDK default, negotiated against the cached range');
  });

  test('a 406 for the microversion negotiated from a stale range discovers again and resends once', async (t) => {
    const fake = await fakeCloud();
    t.after(() => fake.close());
    const dir = cacheDir();
    await oneProcess(fake.url, dir);
    await settled();

    fake.cloud.max = '2.60'; // the cloud was rolled back: the kept range (max 2.95) is stale
    fake.requests.length = 0;
    const run = await oneProcess(fake.url, dir);
    assert.deepEqual(
      lines(fake.requests),
      ['GET /compute/v2.1/flavors/detail', 'GET /compute/', 'GET /compute/v2.1/flavors/detail'],
      'refused with 406, then one discovery and one resend',
    );
    assert.equal(run.microversion, '2.60', 'renegotiated against the range the cloud offers now');
    assert.equal((run.body as { asked: string }).asked, '2.60', 'the resend carries the new microversion');
    await settled();
    assert.equal(
      cacheFile(dir).data.versions[`2 ${fake.url}/compute/v2.1`].maxMicroversion,
      '2.60',
      'the kept range is replaced',
    );

    fake.requests.length = 0;
    await oneProcess(fake.url, dir);
    assert.deepEqual(
      lines(fake.requests),
      ['GET /compute/v2.1/flavors/detail'],
      'the next run trusts it again',
    );
  });

  test('a pin above the cached range asks the cloud before refusing it', async (t) => {
    const fake = await fakeCloud();
    t.after(() => fake.close());
    const dir = cacheDir();
    fake.cloud.max = '2.90';
    await oneProcess(fake.url, dir);
    await settled();

    fake.cloud.max = '2.96'; // upgraded since the range was kept
    fake.requests.length = 0;
    const run = await oneProcess(fake.url, dir, '2.96');
    assert.equal(run.microversion, '2.96', 'the pin is used');
    assert.deepEqual(
      lines(fake.requests),
      ['GET /compute/', 'GET /compute/v2.1/flavors/detail'],
      'one discovery refreshed the range, then the listing',
    );
    await settled();
    assert.equal(cacheFile(dir).data.versions[`2 ${fake.url}/compute/v2.1`].maxMicroversion, '2.96');
  });

  test('a pin the cloud does not offer, even after a refresh, is a ConfigError naming the field', async (t) => {
    const fake = await fakeCloud();
    t.after(() => fake.close());
    const dir = cacheDir();
    fake.cloud.max = '2.80';
    await oneProcess(fake.url, dir);
    await settled();
    fake.requests.length = 0;
    await assert.rejects(
      oneProcess(fake.url, dir, '2.93'),
      (e: unknown) => e instanceof ConfigError && /compute_api_version/.test(String(e.message) + e.fix),
      'a ConfigError about compute_api_version, not an HTTP error',
    );
    assert.deepEqual(
      lines(fake.requests),
      ['GET /compute/'],
      'the refresh asked the cloud; nothing else was sent',
    );
  });

  test('malformed entries in the file are dropped: that endpoint is discovered again', async (t) => {
    const fake = await fakeCloud();
    t.after(() => fake.close());
    const dir = cacheDir();
    await oneProcess(fake.url, dir);
    await settled();
    const file = join(dir, readdirSync(dir).find((f) => f.endsWith('.json'))!);
    const data = JSON.parse(readFileSync(file, 'utf8'));
    data.versions[`2 ${fake.url}/compute/v2.1`] = { baseUrl: 'not a url', maxMicroversion: 2.95 };
    writeFileSync(file, JSON.stringify(data), { mode: 0o600 });

    fake.requests.length = 0;
    await oneProcess(fake.url, dir);
    assert.deepEqual(
      lines(fake.requests),
      ['GET /compute/', 'GET /compute/v2.1/flavors/detail'],
      'the token is still used; the bad entry costs one discovery',
    );
  });
});
