import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadCloudConfig } from '../../../src/config/load.js';
import { configError, sandbox } from './helpers.js';

const PW = { auth_url: 'https://k/v3', username: 'u', password: 'pw', project_name: 'p' };

function load(options: Record<string, unknown>) {
  return loadCloudConfig(sandbox().opts({ options }));
}

describe('auth_type normalisation', () => {
  const table: Array<[string, Record<string, unknown>, string]> = [
    ['password', { auth: PW }, 'password'],
    ['v3password', { auth: PW }, 'password'],
    ['v2password', { auth: PW }, 'v2password'],
    ['token', { auth: { auth_url: 'https://k/v3', token: 't' } }, 'token'],
    ['v3token', { auth: { auth_url: 'https://k/v3', token: 't' } }, 'token'],
    [
      'v3applicationcredential',
      {
        auth: {
          auth_url: 'https://k/v3',
          application_credential_id: 'i',
          application_credential_secret: 's',
        },
      },
      'v3applicationcredential',
    ],
    [
      'application_credential',
      {
        auth: {
          auth_url: 'https://k/v3',
          application_credential_id: 'i',
          application_credential_secret: 's',
        },
      },
      'v3applicationcredential',
    ],
    ['admin_token', { auth: { token: 't', endpoint: 'http://svc' } }, 'admin_token'],
    ['token_endpoint', { auth: { token: 't', endpoint: 'http://svc' } }, 'admin_token'],
    ['none', { endpoint: 'http://ironic:6385' }, 'none'],
  ];
  for (const [given, rest, expected] of table) {
    test(`${given} → ${expected}`, () => {
      assert.equal(load({ ...rest, auth_type: given }).authType, expected);
    });
  }

  test('auth_type defaults to password', () => {
    const cfg = load({ auth: PW });
    assert.equal(cfg.authType, 'password');
    assert.equal(cfg.raw.auth_type, 'password');
  });

  test('identity_api_version 2 or 2.0 turns password into v2password with tenant names', () => {
    for (const v of ['2', '2.0', 2]) {
      const cfg = load({ auth: { ...PW, project_id: 'pid' }, identity_api_version: v });
      assert.equal(cfg.authType, 'v2password');
      assert.equal(cfg.auth.tenant_name, 'p');
      assert.equal(cfg.auth.tenant_id, 'pid');
      assert.equal(cfg.auth.project_name, undefined);
    }
    assert.equal(load({ auth: PW, identity_api_version: '3' }).authType, 'password');
  });

  test('identity_api_version 2.0 from YAML stays "2.0" and selects v2password', () => {
    const s = sandbox();
    s.write(
      `${s.cwd}/clouds.yaml`,
      'clouds:\n  old:\n    identity_api_version: 2.0\n    auth:\n      auth_url: https://k/v2.0\n      username: u\n      password: p\n      tenant_name: t\n',
    );
    const cfg = loadCloudConfig(s.opts());
    assert.equal(cfg.identityApiVersion, '2.0');
    assert.equal(cfg.authType, 'v2password');
    assert.equal(cfg.auth.tenant_name, 't');
  });

  test('inferred v3applicationcredential when a secret is present and auth_type is not set', () => {
    const cfg = load({
      auth: { auth_url: 'https://k/v3', application_credential_id: 'i', application_credential_secret: 's' },
    });
    assert.equal(cfg.authType, 'v3applicationcredential');
  });

  test('inferred token when only a token is given; password wins when both are', () => {
    assert.equal(load({ auth: { auth_url: 'https://k/v3', token: 't' } }).authType, 'token');
    assert.equal(load({ auth: { ...PW, token: 't' } }).authType, 'password');
  });

  test('an explicit auth_type is not overridden by inference', () => {
    const e = configError(() =>
      load({ auth_type: 'password', auth: { auth_url: 'https://k/v3', application_credential_secret: 's' } }),
    );
    assert.equal(e.field, 'auth.username');
  });

  test('auth_plugin is the old name of auth_type', () => {
    assert.equal(
      load({ auth_plugin: 'v3token', auth: { auth_url: 'https://k/v3', token: 't' } }).authType,
      'token',
    );
  });

  test('an unknown auth_type is a ConfigError on auth_type listing the accepted ones', () => {
    const e = configError(() => load({ auth_type: 'v3oidcpassword', auth: PW }));
    assert.equal(e.field, 'auth_type');
    assert.equal(e.cloud, 'options');
    assert.match(e.message, /"v3oidcpassword"/);
    assert.match(e.message, /Fix: .*password.*v3applicationcredential.*admin_token.*none/);
  });

  test('for admin_token the endpoint belongs in auth; for password it stays at the top level', () => {
    const a = load({ auth_type: 'admin_token', endpoint: 'http://svc', auth: { token: 't' } });
    assert.equal(a.auth.endpoint, 'http://svc');
    const p = load({ auth: PW, endpoint: 'http://somewhere' });
    assert.equal(p.auth.endpoint, undefined);
    assert.equal(p.raw.endpoint, 'http://somewhere');
  });
});
