/** The persistent token cache: FileTokenStore on disk, its key, and CachingAuthPlugin using it. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { accessFromV3 } from '../../../src/auth/v3.js';
import {
  type AccessInfo,
  authFromConfig,
  type CloudConfig,
  defaultTokenCacheDir,
  EXPIRY_MARGIN_MS,
  FileTokenStore,
  HttpClient,
  Session,
  StaticTokenAuth,
  type TokenStore,
  tokenCacheKey,
  V3ApplicationCredentialAuth,
  V3PasswordAuth,
} from '../../../src/index.js';
import { type Recorded, sendJson, startMockServer } from '../../support/mock-server.js';

const PASSWORD = 's3cr3t-pw-7f1c';
const AC_SECRET = 'ac-s3cr3t-99e2';

const roots: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'ostack-token-cache-'));
  roots.push(d);
  return d;
}
const savedXdg = process.env.XDG_CACHE_HOME;
before(() => {
  // nothing in this file may touch the real ~/.cache
  process.env.XDG_CACHE_HOME = tempDir();
});
after(() => {
  if (savedXdg === undefined) delete process.env.XDG_CACHE_HOME;
  else process.env.XDG_CACHE_HOME = savedXdg;
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

/** A keystone stand-in issuing numbered tokens, with a compute endpoint that checks them. */
async function fakeKeystone(opts: { lifetimeMs?: number } = {}) {
  let issued = 0;
  let validToken = '';
  const s = await startMockServer(async (req: Recorded, res) => {
    if (req.method === 'POST' && req.url.endsWith('/v3/auth/tokens')) {
      issued++;
      validToken = `tok-${issued}`;
      const expires = new Date(Date.now() + (opts.lifetimeMs ?? 3_600_000)).toISOString();
      return sendJson(res, 201, tokenBody(s.url, expires), { 'x-subject-token': validToken });
    }
    if (req.url.startsWith('/compute/')) {
      if (req.headers['x-auth-token'] !== validToken) return sendJson(res, 401, { error: { code: 401 } });
      return sendJson(res, 200, { servers: [], token: req.headers['x-auth-token'] });
    }
    sendJson(res, 404, {});
  });
  return { ...s, issued: () => issued, revoke: () => (validToken = 'revoked') };
}

function tokenBody(base: string, expires: string) {
  return {
    token: {
      expires_at: expires,
      methods: ['password'],
      project: { id: 'p1', name: 'demo', domain: { id: 'default' } },
      user: { id: 'u1', name: 'demo', domain: { id: 'default' } },
      roles: [
        { id: 'r1', name: 'member' },
        { id: 'r2', name: 'reader' },
      ],
      catalog: [
        {
          type: 'compute',
          id: 'c1',
          name: 'nova',
          endpoints: [{ id: 'e1', interface: 'public', region_id: 'RegionOne', url: `${base}/compute/v2.1` }],
        },
      ],
    },
  };
}

const pwAuth = (url: string, password = PASSWORD) => ({
  auth_url: `${url}/identity/v3`,
  username: 'demo',
  password,
  project_name: 'demo',
  user_domain_name: 'Default',
  project_domain_name: 'Default',
});

function sampleAccess(lifetimeMs = 3_600_000): AccessInfo {
  return accessFromV3('tok-sample', tokenBody('http://x', new Date(Date.now() + lifetimeMs).toISOString()));
}

const KEY = tokenCacheKey('password', { auth_url: 'http://x/v3', username: 'demo', password: PASSWORD });

/** Every byte under dir, concatenated. */
function allBytes(dir: string): string {
  return readdirSync(dir, { recursive: true })
    .map((f) => join(dir, String(f)))
    .filter((p) => statSync(p).isFile())
    .map((p) => readFileSync(p, 'latin1'))
    .join('\n');
}

describe('tokenCacheKey', () => {
  const base = { auth_url: 'https://ks/v3', username: 'demo', password: 'a', project_name: 'demo' };
  test('a sha256 hex digest, independent of key order and trailing slashes of auth_url', () => {
    const k = tokenCacheKey('password', base);
    assert.match(k, /^[0-9a-f]{64}$/);
    const reordered = { project_name: 'demo', password: 'a', username: 'demo', auth_url: 'https://ks/v3/' };
    assert.equal(tokenCacheKey('password', reordered), k);
    assert.equal(tokenCacheKey('password', { ...base, user_id: '' }), k, 'empty values are not part of it');
  });
  test('the same key as before the JS hash: sha256 of the canonical description, as node:crypto computes it', () => {
    const auth = { auth_url: 'https://ks/v3/', username: 'démo', password: 'pä$$' };
    const canonical = JSON.stringify({
      v: 1,
      authType: 'password',
      auth: [
        ['auth_url', 'https://ks/v3'],
        ['password', 'pä$$'],
        ['username', 'démo'],
      ],
    });
    assert.equal(
      tokenCacheKey('password', auth),
      createHash('sha256').update(canonical, 'utf8').digest('hex'),
      'a key that changes would orphan every cached token',
    );
  });
  test('a changed password, secret, scope, user, URL or auth type is another key', () => {
    const k = tokenCacheKey('password', base);
    const others = [
      tokenCacheKey('password', { ...base, password: 'b' }),
      tokenCacheKey('password', { ...base, project_name: 'other' }),
      tokenCacheKey('password', { ...base, project_domain_name: 'Default' }),
      tokenCacheKey('password', { ...base, username: 'alt' }),
      tokenCacheKey('password', { ...base, auth_url: 'https://ks2/v3' }),
      tokenCacheKey('v2password', base),
      tokenCacheKey('password', { ...base, system_scope: 'all' }),
    ];
    for (const o of others) assert.notEqual(o, k);
    assert.equal(new Set(others).size, others.length);
    const ac = { auth_url: 'https://ks/v3', application_credential_id: 'ac1' };
    assert.notEqual(
      tokenCacheKey('v3applicationcredential', { ...ac, application_credential_secret: 'x' }),
      tokenCacheKey('v3applicationcredential', { ...ac, application_credential_secret: 'y' }),
    );
  });
});

describe('FileTokenStore on disk', () => {
  test('default directory: $XDG_CACHE_HOME/openstack-sdk/auth, else ~/.cache (relative XDG ignored)', () => {
    assert.equal(defaultTokenCacheDir({ XDG_CACHE_HOME: '/x/c' }, '/h'), '/x/c/openstack-sdk/auth');
    assert.equal(defaultTokenCacheDir({}, '/h'), '/h/.cache/openstack-sdk/auth');
    assert.equal(defaultTokenCacheDir({ XDG_CACHE_HOME: 'rel' }, '/h'), '/h/.cache/openstack-sdk/auth');
    assert.equal(
      new FileTokenStore().dir,
      join(process.env.XDG_CACHE_HOME!, 'openstack-sdk', 'auth'),
      'reads process.env by default',
    );
  });

  test('round trip: everything of the AccessInfo comes back', () => {
    const store = new FileTokenStore({ dir: join(tempDir(), 'auth') });
    const a = sampleAccess();
    a.domainId = 'd1';
    store.save(KEY, a);
    const b = store.load(KEY);
    assert.ok(b);
    assert.deepEqual(b, a);
    assert.ok(b.expiresAt instanceof Date);
    assert.equal(b.catalog[0]?.endpoints[0]?.region, 'RegionOne');
    assert.equal(store.load(tokenCacheKey('password', { auth_url: 'http://other/v3' })), undefined);
  });

  test('directory is created 0700 (nested too), files are 0600, no temp file is left', () => {
    const root = tempDir();
    const dir = join(root, 'deep', 'openstack-sdk', 'auth');
    const store = new FileTokenStore({ dir });
    store.save(KEY, sampleAccess());
    assert.equal(statSync(dir).mode & 0o777, 0o700);
    assert.equal(statSync(join(root, 'deep')).mode & 0o777, 0o700);
    assert.equal(statSync(store.pathFor(KEY)).mode & 0o777, 0o600);
    assert.deepEqual(readdirSync(dir), [`${KEY}.json`]);
  });

  test('an existing directory that is too open is tightened to 0700', () => {
    const dir = join(tempDir(), 'auth');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    new FileTokenStore({ dir }).save(KEY, sampleAccess());
    assert.equal(statSync(dir).mode & 0o777, 0o700);
  });

  test('saving again replaces the entry', () => {
    const store = new FileTokenStore({ dir: join(tempDir(), 'auth') });
    store.save(KEY, sampleAccess());
    store.save(KEY, { ...sampleAccess(), token: 'tok-newer' });
    assert.equal(store.load(KEY)?.token, 'tok-newer');
    assert.equal(readdirSync(store.dir).length, 1);
  });

  test('an expired file is ignored and removed', () => {
    const store = new FileTokenStore({ dir: join(tempDir(), 'auth') });
    store.save(KEY, sampleAccess(-1000));
    assert.ok(existsSync(store.pathFor(KEY)));
    assert.equal(store.load(KEY), undefined);
    assert.equal(existsSync(store.pathFor(KEY)), false);
  });

  test('a token without expiry is not stored', () => {
    const store = new FileTokenStore({ dir: join(tempDir(), 'auth') });
    store.save(KEY, { ...sampleAccess(), expiresAt: undefined });
    assert.equal(existsSync(store.pathFor(KEY)), false);
  });

  for (const [what, text] of [
    ['not JSON', '{"version":1,"key'],
    ['empty', ''],
    ['JSON of another shape', '[1,2,3]'],
    ['missing the token', JSON.stringify({ version: 1, key: KEY, expiresAt: '2999-01-01T00:00:00Z' })],
    [
      'of another format version',
      JSON.stringify({ version: 99, key: KEY, token: 't', expiresAt: '2999-01-01T00:00:00Z' }),
    ],
  ] as const) {
    test(`a corrupt file (${what}) is ignored and removed, never an error`, () => {
      const store = new FileTokenStore({ dir: join(tempDir(), 'auth') });
      mkdirSync(store.dir, { recursive: true, mode: 0o700 });
      writeFileSync(store.pathFor(KEY), text, { mode: 0o600 });
      assert.equal(store.load(KEY), undefined);
      assert.equal(existsSync(store.pathFor(KEY)), false);
    });
  }

  test('a file stored for another key (renamed) is ignored', () => {
    const store = new FileTokenStore({ dir: join(tempDir(), 'auth') });
    const other = tokenCacheKey('password', { auth_url: 'http://y/v3' });
    store.save(other, sampleAccess());
    writeFileSync(store.pathFor(KEY), readFileSync(store.pathFor(other)), { mode: 0o600 });
    assert.equal(store.load(KEY), undefined);
    assert.ok(store.load(other));
  });

  for (const mode of [0o640, 0o604, 0o644, 0o660]) {
    test(`a file with mode 0${mode.toString(8)} is ignored and removed`, () => {
      const store = new FileTokenStore({ dir: join(tempDir(), 'auth') });
      store.save(KEY, sampleAccess());
      chmodSync(store.pathFor(KEY), mode);
      assert.equal(store.load(KEY), undefined);
      assert.equal(existsSync(store.pathFor(KEY)), false);
    });
  }

  test('a file owned by another user is ignored and left alone', { skip: process.getuid?.() !== 0 }, () => {
    const store = new FileTokenStore({ dir: join(tempDir(), 'auth') });
    store.save(KEY, sampleAccess());
    chownSync(store.pathFor(KEY), 65534, 65534);
    assert.equal(store.load(KEY), undefined);
    assert.ok(existsSync(store.pathFor(KEY)), 'not ours: not removed');
    store.remove(KEY);
    assert.ok(existsSync(store.pathFor(KEY)), 'remove() leaves foreign files alone too');
  });

  test('a symlink in place of the file is not followed', () => {
    const store = new FileTokenStore({ dir: join(tempDir(), 'auth') });
    const elsewhere = new FileTokenStore({ dir: join(tempDir(), 'auth') });
    elsewhere.save(KEY, sampleAccess());
    mkdirSync(store.dir, { recursive: true, mode: 0o700 });
    symlinkSync(elsewhere.pathFor(KEY), store.pathFor(KEY));
    assert.equal(store.load(KEY), undefined);
    assert.ok(existsSync(elsewhere.pathFor(KEY)), 'the target is untouched');
  });

  test('an unusable directory: save and load do nothing, and do not throw', () => {
    const root = tempDir();
    const file = join(root, 'not-a-dir');
    writeFileSync(file, 'x');
    const store = new FileTokenStore({ dir: join(file, 'auth') });
    store.save(KEY, sampleAccess());
    assert.equal(store.load(KEY), undefined);
    store.remove(KEY);
  });
});

describe('CachingAuthPlugin with a token store', () => {
  let ks: Awaited<ReturnType<typeof fakeKeystone>>;
  let http: HttpClient;
  before(async () => {
    ks = await fakeKeystone();
    http = new HttpClient();
  });
  after(async () => {
    await http.close();
    await ks.close();
  });

  const plugin = (store: TokenStore, password = PASSWORD) => {
    const o = pwAuth(ks.url, password);
    return new V3PasswordAuth(o).useTokenStore(store, tokenCacheKey('password', o));
  };

  test('a second plugin instance with the same store does not authenticate', async () => {
    const store = new FileTokenStore({ dir: join(tempDir(), 'auth') });
    const first = plugin(store);
    const n = ks.issued();
    const a = await first.getAccess(http);
    assert.equal(first.authCount, 1);
    assert.equal(ks.issued(), n + 1);
    const second = plugin(new FileTokenStore({ dir: store.dir }));
    const b = await second.getAccess(http);
    assert.equal(second.authCount, 0);
    assert.equal(ks.issued(), n + 1, 'no request to keystone');
    assert.equal(b.token, a.token);
    // the same, up to keys whose value is undefined (not kept in JSON)
    assert.deepEqual(JSON.parse(JSON.stringify(b)), JSON.parse(JSON.stringify(a)));
    // and the stored catalog works for requests
    const session = new Session({ auth: second, http });
    const url = await session.endpointUrl('compute');
    const body = (await (await session.request({ method: 'GET', url: `${url}/servers` })).json()) as any;
    assert.equal(body.token, a.token);
  });

  test('concurrent callers share one store read / one authentication', async () => {
    const store = new FileTokenStore({ dir: join(tempDir(), 'auth') });
    const p = plugin(store);
    const all = await Promise.all(Array.from({ length: 5 }, () => p.getAccess(http)));
    assert.equal(new Set(all.map((a) => a.token)).size, 1);
    assert.equal(p.authCount, 1);
  });

  test('the password and secret never appear in the cache files', async () => {
    const dir = join(tempDir(), 'auth');
    await plugin(new FileTokenStore({ dir })).getAccess(http);
    const ac = {
      auth_url: `${ks.url}/identity/v3`,
      application_credential_id: 'ac1',
      application_credential_secret: AC_SECRET,
    };
    await new V3ApplicationCredentialAuth(ac)
      .useTokenStore(new FileTokenStore({ dir }), tokenCacheKey('v3applicationcredential', ac))
      .getAccess(http);
    assert.equal(readdirSync(dir).length, 2);
    const bytes = allBytes(dir);
    assert.ok(bytes.includes('tok-'), 'the files hold the tokens');
    assert.ok(!bytes.includes(PASSWORD));
    assert.ok(!bytes.includes(AC_SECRET));
  });

  test('a changed password is another entry: the old token is not reused', async () => {
    const store = new FileTokenStore({ dir: join(tempDir(), 'auth') });
    await plugin(store).getAccess(http);
    const changed = plugin(store, 'another-password');
    await changed.getAccess(http);
    assert.equal(changed.authCount, 1);
    assert.equal(readdirSync(store.dir).length, 2);
  });

  test('a stored token within EXPIRY_MARGIN_MS of expiry counts as expired and is replaced', async () => {
    const store = new FileTokenStore({ dir: join(tempDir(), 'auth') });
    const o = pwAuth(ks.url);
    const key = tokenCacheKey('password', o);
    store.save(key, { ...sampleAccess(EXPIRY_MARGIN_MS / 2), token: 'tok-almost-expired' });
    const p = plugin(store);
    const a = await p.getAccess(http);
    assert.equal(p.authCount, 1);
    assert.notEqual(a.token, 'tok-almost-expired');
    assert.equal(store.load(key)?.token, a.token, 'the fresh token replaced it');
  });

  test('invalidate() removes the stored entry; the next call authenticates', async () => {
    const store = new FileTokenStore({ dir: join(tempDir(), 'auth') });
    const p = plugin(store);
    const a = await p.getAccess(http);
    const path = store.pathFor(tokenCacheKey('password', pwAuth(ks.url)));
    assert.ok(existsSync(path));
    p.invalidate();
    assert.equal(existsSync(path), false);
    const b = await p.getAccess(http);
    assert.equal(p.authCount, 2);
    assert.notEqual(b.token, a.token);
    assert.equal(store.load(tokenCacheKey('password', pwAuth(ks.url)))?.token, b.token);
  });

  test('a revoked stored token: 401, the entry is dropped, re-authentication saves the new one', async () => {
    const store = new FileTokenStore({ dir: join(tempDir(), 'auth') });
    const key = tokenCacheKey('password', pwAuth(ks.url));
    const a = await plugin(store).getAccess(http);
    ks.revoke();
    const p = plugin(store);
    const session = new Session({ auth: p, http });
    const url = await session.endpointUrl('compute');
    assert.equal(p.authCount, 0);
    const body = (await (await session.request({ method: 'GET', url: `${url}/servers` })).json()) as any;
    assert.equal(p.authCount, 1);
    assert.notEqual(body.token, a.token);
    assert.equal(store.load(key)?.token, body.token);
  });

  test('a token rejected by invalidate() is not taken back from a store that still has it', async () => {
    const saved = new Map<string, AccessInfo>();
    // a store whose remove() does nothing (e.g. async and not done yet, or read-only)
    const sticky: TokenStore = {
      load: (k) => saved.get(k),
      save: (k, a) => void saved.set(k, a),
      remove: () => {},
    };
    const p = plugin(sticky);
    const a = await p.getAccess(http);
    p.invalidate();
    const b = await p.getAccess(http);
    assert.notEqual(b.token, a.token);
    assert.equal(p.authCount, 2);
  });

  test('an async store works, and a failing store only costs authentication', async () => {
    const saved = new Map<string, AccessInfo>();
    const asyncStore: TokenStore = {
      load: async (k) => saved.get(k),
      save: async (k, a) => void saved.set(k, a),
      remove: async (k) => void saved.delete(k),
    };
    await plugin(asyncStore).getAccess(http);
    const again = plugin(asyncStore);
    await again.getAccess(http);
    assert.equal(again.authCount, 0);

    const broken: TokenStore = {
      load: () => {
        throw new Error('load');
      },
      save: async () => {
        throw new Error('save');
      },
      remove: () => {
        throw new Error('remove');
      },
    };
    const p = plugin(broken);
    assert.match((await p.getAccess(http)).token, /^tok-/);
    p.invalidate();
    await p.getAccess(http);
    assert.equal(p.authCount, 2);
  });

  test('useTokenStore needs a key', () => {
    assert.throws(
      () => new V3PasswordAuth(pwAuth(ks.url)).useTokenStore(new FileTokenStore(), ''),
      TypeError,
    );
  });
});

describe('authFromConfig with a token store', () => {
  const cfg = (over: Partial<CloudConfig>): CloudConfig => ({
    name: 'c',
    authType: 'password',
    auth: { auth_url: 'http://ks/v3', username: 'demo', password: PASSWORD, user_domain_name: 'Default' },
    interface: 'public',
    apiVersions: {},
    endpointOverrides: {},
    verify: true,
    authCache: false,
    raw: {},
    ...over,
  });

  test('keystone plugins get the store, keyed by auth type and every auth field', () => {
    const store = new FileTokenStore({ dir: join(tempDir(), 'auth') });
    const p = authFromConfig(cfg({}), { tokenStore: store }) as V3PasswordAuth;
    assert.equal(p.tokenStore, store);
    assert.equal(authFromConfig(cfg({})) instanceof V3PasswordAuth, true);
    assert.equal((authFromConfig(cfg({})) as V3PasswordAuth).tokenStore, undefined);
    // the key is the one tokenCacheKey gives, so the same identity finds the same file
    store.save(tokenCacheKey('password', cfg({}).auth), sampleAccess());
    const viaConfig = authFromConfig(cfg({}), { tokenStore: store }) as V3PasswordAuth;
    return viaConfig.getAccess(new HttpClient()).then((a) => {
      assert.equal(a.token, 'tok-sample');
      assert.equal(viaConfig.authCount, 0);
    });
  });

  test('admin_token and none never use the store', () => {
    const dir = join(tempDir(), 'auth');
    const store = new FileTokenStore({ dir });
    for (const authType of ['admin_token', 'none'] as const) {
      const p = authFromConfig(cfg({ authType, auth: { token: 'ADMIN' } }), { tokenStore: store });
      assert.ok(p instanceof StaticTokenAuth);
      assert.equal('tokenStore' in p, false);
    }
    assert.equal(existsSync(dir), false);
  });
});
