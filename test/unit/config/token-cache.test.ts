/** `cache: { auth: true }` in clouds.yaml, ConnectionOptions.tokenCache and ostack's --token-cache. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CliContext, type GlobalOptions } from '../../../src/cli/context.js';
import { buildProgram } from '../../../src/cli/program.js';
import { loadCloudConfig } from '../../../src/config/load.js';
import {
  type CachingAuthPlugin,
  Connection,
  FileTokenStore,
  StaticTokenAuth,
  type TokenStore,
} from '../../../src/index.js';
import { configError, passwordCloud, sandbox } from './helpers.js';

const clouds = (...entries: string[]) => `clouds:\n${entries.join('')}`;
const cacheLine = (v: string) => `    cache:\n      auth: ${v}\n`;

const savedEnv = {
  XDG_CACHE_HOME: process.env.XDG_CACHE_HOME,
  OS_CLIENT_CONFIG_FILE: process.env.OS_CLIENT_CONFIG_FILE,
};
let xdg: string;
before(() => {
  xdg = mkdtempSync(join(tmpdir(), 'ostack-token-cache-cfg-'));
  process.env.XDG_CACHE_HOME = xdg;
});
after(() => {
  for (const [k, v] of Object.entries(savedEnv)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  rmSync(xdg, { recursive: true, force: true });
});

describe('cache.auth in clouds.yaml', () => {
  test('off by default', () => {
    const s = sandbox();
    s.write(`${s.userDir}/clouds.yaml`, clouds(passwordCloud('c', 'https://ks/v3')));
    assert.equal(loadCloudConfig(s.opts({ cloud: 'c' })).authCache, false);
  });

  test('the top-level cache: section applies to every cloud', () => {
    const s = sandbox();
    s.write(
      `${s.userDir}/clouds.yaml`,
      `cache:\n  auth: true\n  expiration_time: 3600\n${clouds(passwordCloud('a', 'https://a/v3'), passwordCloud('b', 'https://b/v3'))}`,
    );
    assert.equal(loadCloudConfig(s.opts({ cloud: 'a' })).authCache, true);
    assert.equal(loadCloudConfig(s.opts({ cloud: 'b' })).authCache, true);
  });

  test("the cloud's own cache.auth wins over the top-level section, both ways", () => {
    const s = sandbox();
    s.write(
      `${s.userDir}/clouds.yaml`,
      `cache:\n  auth: true\n${clouds(
        passwordCloud('off', 'https://a/v3', cacheLine('false')),
        passwordCloud('inherit', 'https://b/v3'),
      )}`,
    );
    assert.equal(loadCloudConfig(s.opts({ cloud: 'off' })).authCache, false);
    assert.equal(loadCloudConfig(s.opts({ cloud: 'inherit' })).authCache, true);

    const t = sandbox();
    t.write(
      `${t.userDir}/clouds.yaml`,
      `cache:\n  auth: false\n${clouds(passwordCloud('on', 'https://a/v3', cacheLine('true')))}`,
    );
    assert.equal(loadCloudConfig(t.opts({ cloud: 'on' })).authCache, true);
  });

  test('PyYAML booleans (yes/no/on/off) are understood; anything else is a ConfigError', () => {
    const s = sandbox();
    s.write(
      `${s.userDir}/clouds.yaml`,
      clouds(
        passwordCloud('yes', 'https://a/v3', cacheLine('yes')),
        passwordCloud('off', 'https://a/v3', cacheLine('off')),
        passwordCloud('bad', 'https://a/v3', cacheLine('sometimes')),
      ),
    );
    assert.equal(loadCloudConfig(s.opts({ cloud: 'yes' })).authCache, true);
    assert.equal(loadCloudConfig(s.opts({ cloud: 'off' })).authCache, false);
    const e = configError(() => loadCloudConfig(s.opts({ cloud: 'bad' })));
    assert.equal(e.field, 'cache.auth');
    assert.equal(e.cloud, 'bad');
  });

  test('a top-level cache: section in secure.yaml counts too', () => {
    const s = sandbox();
    s.write(`${s.userDir}/clouds.yaml`, clouds(passwordCloud('c', 'https://a/v3')));
    s.write(`${s.userDir}/secure.yaml`, 'cache:\n  auth: true\n');
    assert.equal(loadCloudConfig(s.opts({ cloud: 'c' })).authCache, true);
  });

  test('programmatic options override the file (cache: { auth })', () => {
    const s = sandbox();
    s.write(
      `${s.userDir}/clouds.yaml`,
      `cache:\n  auth: true\n${clouds(passwordCloud('c', 'https://a/v3'))}`,
    );
    assert.equal(
      loadCloudConfig(s.opts({ cloud: 'c', options: { cache: { auth: false } } })).authCache,
      false,
    );
  });
});

describe('ConnectionOptions.tokenCache', () => {
  const storeOf = (c: Connection) => (c.session.auth as CachingAuthPlugin).tokenStore;

  test('config on: a FileTokenStore under $XDG_CACHE_HOME; tokenCache: false turns it off', () => {
    const s = sandbox();
    s.write(
      `${s.userDir}/clouds.yaml`,
      `cache:\n  auth: true\n${clouds(passwordCloud('c', 'https://a/v3'))}`,
    );
    const on = new Connection(s.opts({ cloud: 'c' }));
    const store = storeOf(on);
    assert.ok(store instanceof FileTokenStore);
    assert.equal(store.dir, join(xdg, 'openstack-sdk', 'auth'));
    assert.equal(storeOf(new Connection({ ...s.opts({ cloud: 'c' }), tokenCache: false })), undefined);
  });

  test('config off: tokenCache: true turns it on, a TokenStore instance is used as given', () => {
    const s = sandbox();
    s.write(`${s.userDir}/clouds.yaml`, clouds(passwordCloud('c', 'https://a/v3')));
    assert.equal(storeOf(new Connection(s.opts({ cloud: 'c' }))), undefined);
    assert.ok(
      storeOf(new Connection({ ...s.opts({ cloud: 'c' }), tokenCache: true })) instanceof FileTokenStore,
    );
    const mine: TokenStore = { load: () => undefined, save: () => {}, remove: () => {} };
    assert.equal(storeOf(new Connection({ ...s.opts({ cloud: 'c' }), tokenCache: mine })), mine);
  });

  test('admin_token clouds never cache, whatever is asked', () => {
    const s = sandbox();
    s.write(
      `${s.userDir}/clouds.yaml`,
      `cache:\n  auth: true\nclouds:\n  a:\n    auth_type: admin_token\n    auth:\n      token: ADMIN\n    compute_endpoint_override: http://nova/v2.1\n`,
    );
    const c = new Connection({ ...s.opts({ cloud: 'a' }), tokenCache: true });
    assert.ok(c.session.auth instanceof StaticTokenAuth);
  });
});

describe('ostack --token-cache / --no-token-cache', () => {
  const parse = (args: string[]) => {
    const p = buildProgram();
    p.parseOptions(args);
    return p.opts().tokenCache as boolean | undefined;
  };

  test('parsed as true / false / not given', () => {
    assert.equal(parse(['--token-cache']), true);
    assert.equal(parse(['--no-token-cache']), false);
    assert.equal(parse([]), undefined);
  });

  test('the flag overrides clouds.yaml in the connection the CLI builds', async () => {
    const s = sandbox();
    process.env.OS_CLIENT_CONFIG_FILE = s.write(
      `${s.userDir}/clouds.yaml`,
      clouds(passwordCloud('on', 'https://a/v3', cacheLine('true')), passwordCloud('off', 'https://b/v3')),
    );
    const storeFor = async (o: Partial<GlobalOptions>) => {
      const ctx = new CliContext({ format: 'table', ...o });
      const conn = await ctx.connection();
      await ctx.close();
      return (conn.session.auth as CachingAuthPlugin).tokenStore;
    };
    assert.ok((await storeFor({ osCloud: 'on' })) instanceof FileTokenStore);
    assert.equal(await storeFor({ osCloud: 'on', tokenCache: false }), undefined);
    assert.equal(await storeFor({ osCloud: 'off' }), undefined);
    assert.ok((await storeFor({ osCloud: 'off', tokenCache: true })) instanceof FileTokenStore);
  });
});
