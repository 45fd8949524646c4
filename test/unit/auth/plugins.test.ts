import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ConfigError,
  HttpClient,
  Session,
  StaticTokenAuth,
  UnauthorizedError,
  V2PasswordAuth,
  V3ApplicationCredentialAuth,
  V3PasswordAuth,
  V3TokenAuth,
} from '../../../src/index.js';
import { type Recorded, sendJson, startMockServer } from '../../support/mock-server.js';

/** A keystone stand-in: issues numbered tokens with a configurable lifetime, serves a catalog. */
async function fakeKeystone(opts: { lifetimeMs?: number; delayMs?: number } = {}) {
  let issued = 0;
  let validToken = '';
  const s = await startMockServer(async (req: Recorded, res) => {
    if (req.url === '/' || req.url === '/identity/') {
      return sendJson(res, 300, {
        versions: {
          values: [
            { id: 'v3.14', status: 'stable', links: [{ rel: 'self', href: `${s.url}/identity/v3/` }] },
          ],
        },
      });
    }
    if (req.method === 'POST' && req.url.endsWith('/v3/auth/tokens')) {
      if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
      issued++;
      validToken = `tok-${issued}`;
      const expires = new Date(Date.now() + (opts.lifetimeMs ?? 3_600_000)).toISOString();
      return sendJson(
        res,
        201,
        {
          token: {
            expires_at: expires,
            methods: ['password'],
            project: { id: 'p1', name: 'demo', domain: { id: 'default' } },
            user: { id: 'u1', name: 'demo' },
            roles: [{ id: 'r', name: 'member' }],
            catalog: [
              {
                type: 'compute',
                endpoints: [{ interface: 'public', region_id: 'RegionOne', url: `${s.url}/compute/v2.1` }],
              },
            ],
          },
        },
        { 'x-subject-token': validToken },
      );
    }
    if (req.method === 'POST' && req.url.endsWith('/v2.0/tokens')) {
      issued++;
      return sendJson(res, 200, {
        access: {
          token: {
            id: `v2tok-${issued}`,
            expires: new Date(Date.now() + 3600_000).toISOString(),
            tenant: { id: 't1', name: 'demo' },
          },
          user: { id: 'u1', name: 'demo', roles: [{ name: 'member' }] },
          serviceCatalog: [
            {
              type: 'volumev3',
              name: 'cinderv3',
              endpoints: [
                { region: 'R1', publicURL: `${s.url}/volume/v3/t1`, internalURL: 'http://internal' },
              ],
            },
          ],
        },
      });
    }
    if (req.url.startsWith('/compute/')) {
      if (req.headers['x-auth-token'] !== validToken)
        return sendJson(res, 401, {
          error: { message: 'The request you have made requires authentication.', code: 401 },
        });
      return sendJson(res, 200, { servers: [], token: req.headers['x-auth-token'] });
    }
    sendJson(res, 404, {});
  });
  return { ...s, issued: () => issued, revoke: () => (validToken = 'revoked') };
}

const pw = {
  username: 'demo',
  password: 's3cr3t-pw',
  project_name: 'demo',
  user_domain_name: 'Default',
  project_domain_name: 'Default',
};

describe('keystone v3 password', () => {
  let ks: Awaited<ReturnType<typeof fakeKeystone>>;
  before(async () => {
    ks = await fakeKeystone();
  });
  after(() => ks.close());

  test('sends a scoped password request and parses token, scope and catalog', async () => {
    const auth = new V3PasswordAuth({ auth_url: `${ks.url}/identity/v3`, ...pw });
    const http = new HttpClient();
    const a = await auth.getAccess(http);
    assert.match(a.token, /^tok-/);
    assert.equal(a.projectId, 'p1');
    assert.deepEqual(a.roles, ['member']);
    assert.equal(a.catalog[0]?.type, 'compute');
    const body = JSON.parse(ks.requests.at(-1)!.body);
    assert.deepEqual(body, {
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: 'demo', domain: { name: 'Default' }, password: 's3cr3t-pw' } },
        },
        scope: { project: { name: 'demo', domain: { name: 'Default' } } },
      },
    });
    await http.close();
  });

  test('an unversioned auth_url is discovered from the version document', async () => {
    const auth = new V3PasswordAuth({ auth_url: ks.url, ...pw });
    const http = new HttpClient();
    await auth.getAccess(http);
    assert.ok(ks.requests.some((r) => r.method === 'GET' && r.url === '/'));
    assert.equal(ks.requests.at(-1)!.url, '/identity/v3/auth/tokens');
    await http.close();
  });

  test('a cached token is reused; concurrent callers share one authentication', async () => {
    const auth = new V3PasswordAuth({ auth_url: `${ks.url}/identity/v3`, ...pw });
    const http = new HttpClient();
    const results = await Promise.all(Array.from({ length: 10 }, () => auth.getAccess(http)));
    assert.equal(new Set(results.map((r) => r.token)).size, 1);
    assert.equal(auth.authCount, 1);
    await auth.getAccess(http);
    assert.equal(auth.authCount, 1);
    await http.close();
  });

  test('unscoped when no project, domain or system is given', async () => {
    const auth = new V3PasswordAuth({
      auth_url: `${ks.url}/identity/v3`,
      username: 'demo',
      password: 'x',
      user_domain_id: 'default',
    });
    const http = new HttpClient();
    await auth.getAccess(http);
    assert.equal(JSON.parse(ks.requests.at(-1)!.body).auth.scope, undefined);
    await http.close();
  });
});

describe('token expiry and re-authentication', () => {
  test('a token about to expire is replaced before use', async () => {
    const ks = await fakeKeystone({ lifetimeMs: 30_000 }); // inside the 60 s margin
    const auth = new V3PasswordAuth({ auth_url: `${ks.url}/identity/v3`, ...pw });
    const http = new HttpClient();
    const a = await auth.getAccess(http);
    const b = await auth.getAccess(http);
    assert.notEqual(a.token, b.token);
    assert.equal(auth.authCount, 2);
    await http.close();
    await ks.close();
  });

  test('401 from a service: re-authenticate once and retry, then succeed', async () => {
    const ks = await fakeKeystone();
    const session = new Session({ auth: new V3PasswordAuth({ auth_url: `${ks.url}/identity/v3`, ...pw }) });
    const url = await session.endpointUrl('compute');
    await (await session.request({ method: 'GET', url: `${url}/servers` })).body.dump();
    ks.revoke();
    const res = await session.request({ method: 'GET', url: `${url}/servers` });
    const body = (await res.json()) as { token: string };
    assert.equal(body.token, 'tok-2');
    assert.equal(ks.issued(), 2);
    await session.close();
    await ks.close();
  });

  test('a second 401 after re-authentication is surfaced, not looped', async () => {
    const ks = await fakeKeystone();
    const auth = new V3PasswordAuth({ auth_url: `${ks.url}/identity/v3`, ...pw });
    const session = new Session({ auth });
    const url = await session.endpointUrl('compute');
    const orig = auth.getAccess.bind(auth);
    // every new token is immediately revoked
    auth.getAccess = async (h, o) => {
      const a = await orig(h, o);
      ks.revoke();
      return a;
    };
    await assert.rejects(session.request({ method: 'GET', url: `${url}/servers` }), UnauthorizedError);
    assert.equal(ks.issued(), 2);
    await session.close();
    await ks.close();
  });
});

describe('other plugins', () => {
  let ks: Awaited<ReturnType<typeof fakeKeystone>>;
  before(async () => {
    ks = await fakeKeystone();
  });
  after(() => ks.close());

  test('token plugin scopes an existing token', async () => {
    const auth = new V3TokenAuth({
      auth_url: `${ks.url}/identity/v3`,
      token: 'unscoped-1',
      project_id: 'p1',
    });
    const http = new HttpClient();
    await auth.getAccess(http);
    assert.deepEqual(JSON.parse(ks.requests.at(-1)!.body).auth, {
      identity: { methods: ['token'], token: { id: 'unscoped-1' } },
      scope: { project: { id: 'p1' } },
    });
    await http.close();
  });

  test('application credential by id sends no scope; by name needs the user', async () => {
    const auth = new V3ApplicationCredentialAuth({
      auth_url: `${ks.url}/identity/v3`,
      application_credential_id: 'ac1',
      application_credential_secret: 'sec',
    });
    const http = new HttpClient();
    await auth.getAccess(http);
    assert.deepEqual(JSON.parse(ks.requests.at(-1)!.body).auth, {
      identity: { methods: ['application_credential'], application_credential: { id: 'ac1', secret: 'sec' } },
    });
    assert.throws(
      () =>
        new V3ApplicationCredentialAuth({
          auth_url: 'http://x/v3',
          application_credential_name: 'n',
          application_credential_secret: 's',
        }),
      (e: any) => e instanceof ConfigError && e.field === 'auth.username',
    );
    await http.close();
  });

  test('v2.0 password: tenant scope and a v2 catalog normalised to interfaces', async () => {
    const auth = new V2PasswordAuth({
      auth_url: `${ks.url}/identity/v2.0`,
      username: 'demo',
      password: 'pw2',
      tenant_name: 'demo',
    });
    const http = new HttpClient();
    const a = await auth.getAccess(http);
    assert.match(a.token, /^v2tok-/);
    assert.equal(a.projectId, 't1');
    assert.deepEqual(JSON.parse(ks.requests.at(-1)!.body), {
      auth: { passwordCredentials: { username: 'demo', password: 'pw2' }, tenantName: 'demo' },
    });
    const session = new Session({ auth, http, regionName: 'R1' });
    assert.equal(await session.endpointUrl('block-storage'), `${ks.url}/volume/v3/t1`);
    assert.equal(await session.endpointUrl('volumev3', { interface: 'internal' }), 'http://internal');
    await http.close();
  });

  test('admin_token sends the fixed token to the endpoint override; no catalog needed', async () => {
    const s = await startMockServer((req, res) => sendJson(res, 200, { token: req.headers['x-auth-token'] }));
    const session = new Session({
      auth: new StaticTokenAuth('admin_token', 'ADMIN'),
      endpointOverrides: { compute: `${s.url}/v2.1` },
    });
    const url = await session.endpointUrl('compute');
    const res = await session.request({ method: 'GET', url });
    assert.deepEqual(await res.json(), { token: 'ADMIN' });
    await assert.rejects(session.endpointUrl('network'), /no endpoint override for "network"/);
    await session.close();
    await s.close();
  });

  test('missing fields are ConfigErrors naming the field, before any request', () => {
    const n = ks.requests.length;
    assert.throws(
      () => new V3PasswordAuth({ auth_url: 'http://x/v3', username: 'u', user_domain_id: 'd' }),
      (e: any) => e.field === 'auth.password',
    );
    assert.throws(
      () => new V3PasswordAuth({ username: 'u', password: 'p' }),
      (e: any) => e.field === 'auth.auth_url',
    );
    assert.throws(
      () =>
        new V3PasswordAuth({
          auth_url: 'http://x/v3',
          username: 'u',
          password: 'p',
          user_domain_id: 'd',
          project_name: 'p',
        }),
      (e: any) => e.field === 'auth.project_domain_name' && /Fix:/.test(e.message),
    );
    assert.equal(ks.requests.length, n);
  });
});
