/**
 * Issue 19, "Config": every bad value is a ConfigError at construction (Connection, fromCloud,
 * fromEnv), naming cloud, field and fix, quoting no secret, and sending nothing: each case runs
 * against a stub Keystone on 127.0.0.1 that counts requests.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Connection } from '../../../src/connection.js';
import { ConfigError } from '../../../src/errors/errors.js';
import { type StubCloud, startStubCloud, stubConfig } from '../transport/stub-cloud.js';
import { CERT_PEM, KEY_PEM, sandbox } from './helpers.js';

const SECRET = 'Pa55-w0rd-that-must-never-show';
/** A second secret, pasted into a field where it does not belong. */
const PASTED = 'gAAAAABpasted-token-9d8c7b6a';

let stub: StubCloud;
before(async () => {
  stub = await startStubCloud();
});
after(() => stub.close());

interface Case {
  name: string;
  /** Options merged over a complete, valid password cloud (with password SECRET). */
  config?: Record<string, unknown>;
  /** Replaces `auth` keys of the valid cloud. */
  auth?: Record<string, unknown>;
  /** Connection options other than config. */
  conn?: Record<string, unknown>;
  /** Files to write in the sandbox before (name → content); `$dir` in values is the sandbox root. */
  files?: Record<string, string>;
  field: string;
  fix: RegExp;
  /** Values that must not appear anywhere in the error (SECRET always). */
  hidden?: string[];
}

const groups: Record<string, Case[]> = {
  urls: [
    {
      name: 'auth_url without a scheme',
      auth: { auth_url: 'keystone.example.com:5000/v3' },
      field: 'auth.auth_url',
      fix: /has no scheme.*Fix: set auth\.auth_url to an http:\/\/ or https:\/\/ URL/,
    },
    {
      name: 'auth_url as a number',
      auth: { auth_url: 5000 },
      field: 'auth.auth_url',
      fix: /a number.*Fix: set auth\.auth_url to an http/,
    },
    {
      name: 'auth_url with an ftp scheme',
      auth: { auth_url: 'ftp://k/v3' },
      field: 'auth.auth_url',
      fix: /"ftp:".*Fix: set auth\.auth_url/,
    },
    {
      name: 'auth_url holding a pasted token',
      auth: { auth_url: PASTED },
      field: 'auth.auth_url',
      fix: /Fix: set auth\.auth_url/,
      hidden: [PASTED],
    },
    {
      name: 'auth_url as a mapping',
      auth: { auth_url: { url: 'https://k' } },
      field: 'auth.auth_url',
      fix: /Fix: write auth\.auth_url as one string value/,
    },
    {
      name: 'compute_endpoint_override without a scheme',
      config: { compute_endpoint_override: 'nova.example.com/v2.1' },
      field: 'compute_endpoint_override',
      fix: /Fix: set compute_endpoint_override to an http:\/\/ or https:\/\/ URL/,
    },
    {
      name: 'network_endpoint_override as a number',
      config: { network_endpoint_override: 9696 },
      field: 'network_endpoint_override',
      fix: /a number.*Fix: set network_endpoint_override/,
    },
    {
      name: 'volume_endpoint_override as a mapping',
      config: { volume_endpoint_override: { url: 'http://c' } },
      field: 'volume_endpoint_override',
      fix: /Fix: write volume_endpoint_override as one value/,
    },
    {
      name: 'an endpoint (admin_token) with a bad scheme and a pasted secret',
      config: { auth_type: 'admin_token', endpoint: `javascript:${PASTED}` },
      auth: { token: SECRET },
      field: 'endpoint',
      fix: /"javascript:".*Fix: set endpoint to an http/,
      hidden: [PASTED],
    },
  ],
  types: [
    {
      name: 'region_name as a mapping',
      config: { region_name: { name: 'RegionOne' } },
      field: 'region_name',
      fix: /a mapping.*Fix: set region_name to one region name/,
    },
    {
      name: 'timeoutMs as a string',
      conn: { timeoutMs: '2000' },
      field: 'timeoutMs',
      fix: /Fix: pass timeoutMs as a number/,
    },
    {
      name: 'timeoutMs negative',
      conn: { timeoutMs: -1 },
      field: 'timeoutMs',
      fix: /got -1.*Fix: pass timeoutMs as a number/,
    },
    {
      name: 'timeoutMs NaN',
      conn: { timeoutMs: Number.NaN },
      field: 'timeoutMs',
      fix: /Fix: pass timeoutMs/,
    },
    {
      name: 'api_timeout not a number',
      config: { api_timeout: 'soon' },
      field: 'api_timeout',
      fix: /"soon".*Fix: set api_timeout to a number of seconds/,
    },
    {
      name: 'verify as a mapping',
      config: { verify: { ca: '/x' } },
      field: 'verify',
      fix: /Fix: write verify as one value/,
    },
    {
      name: 'verify as a word',
      config: { verify: 'maybe' },
      field: 'verify',
      fix: /"maybe".*Fix: set verify: true or verify: false/,
    },
    {
      name: 'insecure as a word',
      config: { insecure: 'sometimes' },
      field: 'insecure',
      fix: /"sometimes".*Fix: set insecure \(or OS_INSECURE\) to true or false/,
    },
    {
      name: 'interface as a mapping',
      config: { interface: { public: true } },
      field: 'interface',
      fix: /Fix: write interface as one value/,
    },
    {
      name: 'compute_interface as a list',
      config: { compute_interface: ['public'] },
      field: 'compute_interface',
      fix: /Fix: write compute_interface as one value/,
    },
    {
      name: 'compute_api_version as a mapping',
      config: { compute_api_version: { min: '2.1' } },
      field: 'compute_api_version',
      fix: /Fix: write compute_api_version as one value \(a string such as "2\.79"\)/,
    },
    {
      name: 'compute_api_version not a version',
      config: { compute_api_version: 'two' },
      field: 'compute_api_version',
      fix: /"two".*Fix: set compute_api_version to a version number/,
    },
    {
      name: 'identity_api_version not a version',
      config: { identity_api_version: 'three' },
      field: 'identity_api_version',
      fix: /"three".*Fix: set identity_api_version to a version number such as "3"/,
    },
    {
      name: 'auth_type as a mapping',
      config: { auth_type: { password: true } },
      field: 'auth_type',
      fix: /Fix: write auth_type as one value/,
    },
    {
      name: 'auth as a string (a pasted secret)',
      config: { auth: PASTED },
      field: 'auth',
      fix: /a string of \d+ characters.*Fix: write auth: as a mapping/,
      hidden: [PASTED],
    },
    {
      name: 'auth.password as a mapping',
      auth: { password: { value: SECRET } },
      field: 'auth.password',
      fix: /a mapping.*Fix: write auth\.password as one string value/,
    },
    {
      name: 'auth.username as a mapping holding a secret',
      auth: { username: { name: PASTED } },
      field: 'auth.username',
      fix: /Fix: write auth\.username/,
      hidden: [PASTED],
    },
    {
      name: 'logger without warn',
      conn: { logger: { debug() {} } },
      field: 'logger',
      fix: /Fix: pass a Logger/,
    },
    {
      name: 'microversions with a number',
      conn: { microversions: { compute: 2.79 } },
      field: 'microversions',
      fix: /Fix: pass e\.g\. microversions: \{ compute: '2\.79' \}/,
    },
    {
      name: 'retry.maxRetries as a string',
      conn: { retry: { maxRetries: 'x' } },
      field: 'retry.maxRetries',
      fix: /Fix: pass retry\.maxRetries as a number/,
    },
    {
      name: 'userAgent as a number',
      conn: { userAgent: 7 },
      field: 'userAgent',
      fix: /Fix: pass userAgent as a string/,
    },
    {
      name: 'tokenCache as a string',
      conn: { tokenCache: 'yes' },
      field: 'tokenCache',
      fix: /Fix: pass tokenCache: true, false/,
    },
  ],
  files: [
    {
      name: 'cacert missing',
      config: { cacert: '$dir/no-ca.pem' },
      field: 'cacert',
      fix: /does not exist.*Fix: point cacert \(or OS_CACERT\) at an existing PEM file/,
    },
    {
      name: 'cacert is a directory',
      config: { cacert: '$dir' },
      field: 'cacert',
      fix: /is not a file.*Fix: point cacert/,
    },
    {
      name: 'cacert is not PEM',
      files: { 'ca.der': '0\u0082\u0001\n' },
      config: { cacert: '$dir/ca.der' },
      field: 'cacert',
      fix: /holds no PEM certificate.*openssl x509 -inform der/,
    },
    {
      name: 'cert missing',
      files: { 'k.pem': KEY_PEM },
      config: { cert: '$dir/no-cert.pem', key: '$dir/k.pem' },
      field: 'cert',
      fix: /client certificate .* does not exist.*Fix: point cert \(or OS_CERT\)/,
    },
    {
      name: 'key missing',
      files: { 'c.pem': CERT_PEM },
      config: { cert: '$dir/c.pem', key: '$dir/no-key.pem' },
      field: 'key',
      fix: /client key .* does not exist.*Fix: point key \(or OS_KEY\)/,
    },
    {
      name: 'key file holding no PEM key (content never quoted)',
      files: { 'c.pem': CERT_PEM, 'k.txt': `${PASTED}\n` },
      config: { cert: '$dir/c.pem', key: '$dir/k.txt' },
      field: 'key',
      fix: /holds no PEM private key.*Fix: point key/,
      hidden: [PASTED],
    },
    {
      name: 'key without cert',
      files: { 'k.pem': KEY_PEM },
      config: { key: '$dir/k.pem' },
      field: 'cert',
      fix: /without its certificate.*Fix: set cert \(or OS_CERT\)/,
    },
    {
      name: 'cert without key',
      files: { 'c.pem': CERT_PEM },
      config: { cert: '$dir/c.pem' },
      field: 'key',
      fix: /without its private key.*Fix: set key \(or OS_KEY\)/,
    },
  ],
};

function build(c: Case): () => Connection {
  const s = sandbox();
  for (const [name, text] of Object.entries(c.files ?? {})) s.write(name, text);
  const sub = (v: unknown): unknown => (typeof v === 'string' ? v.replace('$dir', s.root) : v);
  const base = stubConfig(stub.authUrl, SECRET);
  const config: Record<string, unknown> = { ...base, auth: { ...base.auth, ...c.auth } };
  for (const [k, v] of Object.entries(c.config ?? {})) config[k] = sub(v);
  return () => new Connection({ ...s.opts(), config, ...c.conn });
}

function check(c: Case, e: unknown) {
  assert.ok(e instanceof ConfigError, `${c.name}: expected a ConfigError, got ${String(e)}`);
  assert.equal(e.field, c.field, `${c.name}: field`);
  assert.equal(e.cloud, 'options', `${c.name}: cloud`);
  assert.match(e.message, c.fix, `${c.name}: the message names the fix`);
  for (const h of [SECRET, ...(c.hidden ?? [])]) {
    assert.ok(!e.message.includes(h), `${c.name}: a secret appears in the message`);
    assert.ok(!String(e.stack).includes(h), `${c.name}: a secret appears in the stack`);
  }
}

describe('config validated at construction, nothing sent', () => {
  test('control: the valid cloud does reach the stub (so a count of 0 means something)', async () => {
    const conn = build({ name: 'valid', field: '', fix: /./ })();
    const before = stub.count();
    await conn.authorize();
    await conn.close();
    assert.ok(stub.count() > before, 'the valid cloud authenticated against the stub');
  });

  for (const [group, cases] of Object.entries(groups)) {
    describe(group, () => {
      for (const c of cases) {
        test(c.name, () => {
          const before = stub.count();
          let caught: unknown;
          try {
            build(c)();
          } catch (e) {
            caught = e;
          }
          check(c, caught);
          assert.equal(stub.count(), before, `${c.name}: no request was sent`);
        });
      }
    });
  }

  test('fromCloud and fromEnv validate the same way', () => {
    const s = sandbox();
    const file = s.write(
      'clouds.yaml',
      `clouds:\n  bad:\n    region_name: {name: RegionOne}\n    auth: {auth_url: "${stub.authUrl}", username: u, password: "${SECRET}", project_name: p}\n`,
    );
    const before = stub.count();
    const { cwd, home, systemDirs } = s.opts();
    assert.throws(
      () => Connection.fromCloud('bad', { configFiles: [file], env: {}, cwd, home, systemDirs }),
      (e: unknown) =>
        e instanceof ConfigError &&
        e.cloud === 'bad' &&
        e.field === 'region_name' &&
        !e.message.includes(SECRET),
      'fromCloud: a mapping region_name',
    );
    assert.throws(
      () =>
        Connection.fromEnv({
          env: {
            OS_AUTH_URL: '127.0.0.1:5000/v3',
            OS_USERNAME: 'u',
            OS_PASSWORD: SECRET,
            OS_PROJECT_NAME: 'p',
          },
          cwd,
          home,
          systemDirs,
        }),
      (e: unknown) =>
        e instanceof ConfigError &&
        e.cloud === 'envvars' &&
        e.field === 'auth.auth_url' &&
        !e.message.includes(SECRET),
      'fromEnv: OS_AUTH_URL without a scheme',
    );
    assert.throws(
      () =>
        Connection.fromEnv({
          env: {
            OS_AUTH_URL: stub.authUrl,
            OS_USERNAME: 'u',
            OS_PASSWORD: SECRET,
            OS_PROJECT_NAME: 'p',
            OS_CACERT: `${s.root}/nope.pem`,
          },
          cwd,
          home,
          systemDirs,
        }),
      (e: unknown) => e instanceof ConfigError && e.field === 'cacert' && /OS_CACERT/.test(e.message),
      'fromEnv: OS_CACERT missing',
    );
    assert.equal(stub.count(), before, 'nothing was sent');
  });

  test('a safe field quotes a short bad value; a long one, or an unsafe field, only its shape', () => {
    const long = `x${'y'.repeat(200)}`;
    let e: unknown;
    try {
      build({ name: 'long interface', config: { interface: long }, field: 'interface', fix: /./ })();
    } catch (x) {
      e = x;
    }
    assert.ok(e instanceof ConfigError, 'a ConfigError for the interface');
    assert.ok(!e.message.includes('xyyyy'), 'no part of the 201-character value is quoted');
    assert.match(e.message, /a string of 201 characters/, 'its shape is described');
    try {
      build({ name: 'short interface', config: { interface: 'privat' }, field: 'interface', fix: /./ })();
    } catch (x) {
      e = x;
    }
    assert.ok(
      e instanceof ConfigError && e.message.includes('"privat"'),
      `a short safe value is quoted: ${String(e)}`,
    );
    try {
      build({
        name: 'pasted username',
        auth: { username: ['a', { pw: PASTED }] },
        field: 'auth.username',
        fix: /./,
      })();
    } catch (x) {
      e = x;
    }
    assert.ok(
      e instanceof ConfigError && /a list of 2 items/.test(e.message),
      `the shape is described: ${String(e)}`,
    );
  });

  test('a cert file holding the key too is accepted as both', () => {
    const s = sandbox();
    const both = s.write('both.pem', CERT_PEM + KEY_PEM);
    const { cwd, home, systemDirs } = s.opts();
    const conn = new Connection({
      env: {},
      cwd,
      home,
      systemDirs,
      config: stubConfig(stub.authUrl, SECRET, { cert: both }),
    });
    assert.equal(conn.config.cert, both, 'cert');
    assert.equal(conn.config.key, both, 'the key is read from the cert file');
  });
});
