/** Core against the real dev cloud: keystone tokens, catalog, discovery, microversions, errors, redaction. */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import {
  Connection,
  type Logger,
  NotFoundError,
  V3PasswordAuth,
  V3TokenAuth,
  ValidationError,
} from '../../../src/index.js';
import { ADMIN_CLOUD, adminConnection, DEMO_CLOUD, demoConnection } from '../../support/cloud.js';

const conns: Connection[] = [];
function track(c: Connection): Connection {
  conns.push(c);
  return c;
}
after(async () => {
  for (const c of conns) await c.close();
});

describe('authentication against keystone', () => {
  test('password auth from clouds.yaml yields a scoped token and a catalog', async () => {
    const conn = track(demoConnection());
    const a = await conn.authorize();
    assert.equal(a.projectName, 'demo');
    assert.ok(a.roles.includes('member'));
    assert.ok(a.expiresAt && a.expiresAt.getTime() > Date.now());
    const types = a.catalog.map((s) => s.type);
    for (const t of [
      'identity',
      'compute',
      'network',
      'image',
      'object-store',
      'placement',
      'block-storage',
    ]) {
      assert.ok(types.includes(t), `catalog has ${t}`);
    }
  });

  test('unscoped password token, then scoped through the token plugin', async () => {
    const conn = track(demoConnection());
    const cfg = conn.config.auth;
    const unscoped = new V3PasswordAuth({
      auth_url: cfg.auth_url,
      username: cfg.username,
      password: cfg.password,
      user_domain_name: cfg.user_domain_name,
      // demo has a default project, which keystone would scope to unless told otherwise
      unscoped: 'true',
    });
    const u = await unscoped.getAccess(conn.session.http);
    assert.equal(u.unscoped, true);
    assert.equal(u.catalog.length, 0);
    const scoped = new V3TokenAuth({
      auth_url: cfg.auth_url,
      token: u.token,
      project_name: 'demo',
      project_domain_name: 'Default',
    });
    const s = await scoped.getAccess(conn.session.http);
    assert.equal(s.unscoped, false);
    assert.equal(s.projectName, 'demo');
    assert.notEqual(s.token, u.token);
    const viaToken = track(new Connection({ cloud: DEMO_CLOUD, auth: scoped }));
    const flavors = await viaToken.compute.listFlavors().toArray();
    assert.ok(flavors.some((f) => f.name === 'm1.tiny'));
  });

  test("a wrong password is an UnauthorizedError with keystone's message and a request id", async () => {
    const conn = track(
      new Connection({ cloud: DEMO_CLOUD, config: { auth: { password: 'wrong-password-123' } } }),
    );
    await assert.rejects(conn.authorize(), (e: any) => {
      assert.equal(e.status, 401);
      assert.ok(e.requestId?.startsWith('req-'), `request id ${e.requestId}`);
      assert.ok(!e.message.includes('wrong-password-123'));
      return true;
    });
  });

  test('one token serves concurrent requests', async () => {
    const conn = track(demoConnection());
    await Promise.all(Array.from({ length: 8 }, () => conn.compute.listFlavors().toArray()));
    assert.equal((conn.session.auth as V3PasswordAuth).authCount, 1);
  });
});

describe('discovery and microversions', () => {
  test('each service resolves to its versioned base URL', async () => {
    const conn = track(adminConnection());
    const a = await conn.authorize();
    assert.equal(await conn.compute.baseUrl(), 'http://127.0.0.1:8774/v2.1');
    assert.equal(await conn.network.baseUrl(), 'http://127.0.0.1:9696/v2.0');
    assert.equal(await conn.image.baseUrl(), 'http://127.0.0.1:9292/v2');
    assert.equal(await conn.placement.baseUrl(), 'http://127.0.0.1:8778');
    assert.equal(await conn.blockStorage.baseUrl(), `http://127.0.0.1:8776/v3/${a.projectId}`);
    assert.equal(await conn.objectStore.baseUrl(), `http://127.0.0.1:8080/v1/AUTH_${a.projectId}`);
    assert.equal(await conn.identity.baseUrl(), 'http://127.0.0.1:5000/v3');
  });

  test('the default microversion is sent and echoed by nova; a pin overrides it', async () => {
    const conn = track(adminConnection());
    const res = await conn.compute.request('GET', '/flavors');
    await res.body.dump();
    assert.equal(res.headers['openstack-api-version'], 'compute 2.90');
    assert.equal(await conn.blockStorage.microversion(), '3.60');
    assert.equal(await conn.placement.microversion(), '1.36');
    const pinned = track(adminConnection({ microversions: { compute: '2.53' } }));
    const r2 = await pinned.compute.request('GET', '/flavors');
    await r2.body.dump();
    assert.equal(r2.headers['openstack-api-version'], 'compute 2.53');
  });

  test('a pin beyond what the cloud offers fails with a ConfigError before any compute call', async () => {
    const conn = track(adminConnection({ microversions: { compute: '2.95' } }));
    await assert.rejects(conn.compute.microversion(), /not offered by this cloud's compute \(2\.1–2\.93\)/);
  });

  test('a field newer than the pinned microversion is rejected before sending', async () => {
    const conn = track(adminConnection({ microversions: { compute: '2.50' } }));
    await conn.compute.microversion();
    await assert.rejects(
      conn.compute.createServer({ name: 'never-created', flavorRef: '42', networks: 'none', tags: ['x'] }),
      (e: any) => e instanceof ValidationError && e.field === 'server.tags' && /2\.52/.test(e.message),
    );
    const left = await conn.compute.listServers({ name: 'never-created', allTenants: true }).toArray();
    assert.equal(left.length, 0);
  });
});

describe('errors from real services', () => {
  test('404 carries status, the service message and the request id', async () => {
    const conn = track(demoConnection());
    await assert.rejects(conn.compute.getFlavor('no-such-flavor'), (e: any) => {
      assert.ok(e instanceof NotFoundError);
      assert.equal(e.status, 404);
      assert.match(e.serviceMessage ?? '', /could not be found/i);
      assert.match(e.requestId ?? '', /^req-/);
      assert.match(e.url, /\/flavors\/no-such-flavor$/);
      return true;
    });
  });
});

describe('logging', () => {
  test('debug logs of real traffic contain no password or token', async () => {
    const lines: string[] = [];
    const record = (m: string, d?: Record<string, unknown>) =>
      lines.push(`${m} ${JSON.stringify(d?.headers ?? {})} ${typeof d?.body === 'string' ? d.body : ''}`);
    const logger: Logger = { debug: record, warn: record };
    const conn = track(Connection.fromCloud(ADMIN_CLOUD, { logger }));
    const a = await conn.authorize();
    await conn.compute.listFlavors().toArray();
    const text = lines.join('\n');
    assert.ok(lines.length >= 4);
    assert.ok(text.includes('/v3/auth/tokens'));
    assert.ok(!text.includes(a.token), 'token leaked');
    // the admin password equals the user name here, so check the password's own slot
    assert.ok(text.includes('"password":"***"'), 'the auth body was logged with the password redacted');
    assert.ok(!text.includes(`"password":"${conn.config.auth.password}"`), 'password leaked');
  });
});
