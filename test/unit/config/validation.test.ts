import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadCloudConfig } from '../../../src/config/load.js';
import type { LoadCloudOptions } from '../../../src/config/types.js';
import { CERT_PEM, configError, sandbox } from './helpers.js';

const SECRET = 'Sup3r-Secret-Pa55word';
const AUTH = { auth_url: 'https://k/v3', username: 'u', password: SECRET, project_name: 'p' };

/** Each case: a clouds.yaml cloud "bad" (auth as given), the field, and text the fix must contain. */
interface Case {
  name: string;
  cloud: Record<string, unknown>;
  field: string;
  fix: RegExp;
  extra?: LoadCloudOptions;
}

const cases: Case[] = [
  {
    name: 'missing auth_url for password',
    cloud: { auth: { username: 'u', password: SECRET } },
    field: 'auth.auth_url',
    fix: /Fix: set auth\.auth_url .*for cloud "bad" in .*clouds\.yaml/,
  },
  {
    name: 'missing auth_url for token',
    cloud: { auth_type: 'token', auth: { token: 't', password: SECRET } },
    field: 'auth.auth_url',
    fix: /Fix: set auth\.auth_url/,
  },
  {
    name: 'missing auth_url for application credentials',
    cloud: { auth: { application_credential_id: 'i', application_credential_secret: SECRET } },
    field: 'auth.auth_url',
    fix: /Fix: set auth\.auth_url/,
  },
  {
    name: 'password auth without password',
    cloud: { auth: { auth_url: 'https://k/v3', username: 'u' } },
    field: 'auth.password',
    fix: /Fix: set auth\.password for cloud "bad" in .*clouds\.yaml or in secure\.yaml, or pass options\.auth\.password/,
  },
  {
    name: 'password auth without username or user_id',
    cloud: { auth: { auth_url: 'https://k/v3', password: SECRET } },
    field: 'auth.username',
    fix: /Fix: set auth\.username/,
  },
  {
    name: 'v2password without a user',
    cloud: { identity_api_version: '2', auth: { auth_url: 'https://k/v2.0', password: SECRET } },
    field: 'auth.username',
    fix: /Fix: set auth\.username/,
  },
  {
    name: 'token auth without a token',
    cloud: { auth_type: 'v3token', auth: { auth_url: 'https://k/v3', password: SECRET } },
    field: 'auth.token',
    fix: /Fix: set auth\.token/,
  },
  {
    name: 'application credential without secret',
    cloud: {
      auth_type: 'v3applicationcredential',
      auth: { auth_url: 'https://k/v3', application_credential_id: 'i', password: SECRET },
    },
    field: 'auth.application_credential_secret',
    fix: /Fix: set auth\.application_credential_secret .*secure\.yaml/,
  },
  {
    name: 'application credential with neither id nor name',
    cloud: { auth: { auth_url: 'https://k/v3', application_credential_secret: SECRET } },
    field: 'auth.application_credential_id',
    fix: /Fix: set auth\.application_credential_id/,
  },
  {
    name: 'application credential by name without a user',
    cloud: {
      auth: {
        auth_url: 'https://k/v3',
        application_credential_name: 'n',
        application_credential_secret: SECRET,
      },
    },
    field: 'auth.username',
    fix: /Fix: set auth\.username .*or auth\.user_id .*application_credential_id/,
  },
  {
    name: 'admin_token without an endpoint',
    cloud: { auth_type: 'admin_token', auth: { token: SECRET } },
    field: 'endpoint',
    fix: /Fix: set endpoint \(OS_ENDPOINT\) or a <service>_endpoint_override/,
  },
  {
    name: 'none without an endpoint',
    cloud: { auth_type: 'none', auth: { password: SECRET } },
    field: 'endpoint',
    fix: /Fix: set endpoint/,
  },
  {
    name: 'admin_token without a token',
    cloud: { auth_type: 'admin_token', endpoint: 'http://svc', auth: { password: SECRET } },
    field: 'auth.token',
    fix: /Fix: set auth\.token/,
  },
  {
    name: 'bad interface',
    cloud: { interface: 'private', auth: AUTH },
    field: 'interface',
    fix: /Fix: set interface \(or OS_INTERFACE\) to one of: public, internal, admin/,
  },
  {
    name: 'verify as a path',
    cloud: { verify: '/etc/ssl/ca.pem', auth: AUTH },
    field: 'verify',
    fix: /Fix: set verify: true or verify: false, and give a CA bundle path as cacert/,
  },
  {
    name: 'verify as a number',
    cloud: { verify: 1, auth: AUTH },
    field: 'verify',
    fix: /Fix: set verify: true or verify: false/,
  },
  {
    name: 'cacert that does not exist',
    cloud: { cacert: '/no/such/ca-bundle.pem', auth: AUTH },
    field: 'cacert',
    fix: /Fix: point cacert \(or OS_CACERT\) at an existing PEM file/,
  },
  {
    name: 'unknown auth_type',
    cloud: { auth_type: 'kerberos', auth: AUTH },
    field: 'auth_type',
    fix: /Fix: set auth_type to one of: /,
  },
  {
    name: 'region not among the regions',
    cloud: { regions: ['A', 'B'], auth: AUTH },
    field: 'region_name',
    fix: /Fix: use one of: A, B/,
    extra: { options: { region_name: 'C' } },
  },
];

function loadBad(c: Case) {
  const s = sandbox();
  // JSON is YAML flow style: the .yaml name sends it through the YAML reader.
  s.write(`${s.cwd}/clouds.yaml`, JSON.stringify({ clouds: { bad: c.cloud } }));
  return () => loadCloudConfig(s.opts(c.extra));
}

describe('validation errors', () => {
  for (const c of cases) {
    test(c.name, () => {
      const e = configError(loadBad(c));
      assert.equal(e.field, c.field);
      assert.equal(e.cloud, 'bad');
      assert.match(e.message, c.fix);
      assert.ok(!e.message.includes(SECRET), 'the password must not appear in the message');
    });
  }

  test('the same cases from secure.yaml + options never leak the password either', () => {
    // (supplying the password fixes the "without password" case, so it is left out)
    for (const c of cases.filter((x) => x.field !== 'auth.password')) {
      const s = sandbox();
      s.write(`${s.cwd}/clouds.yaml`, JSON.stringify({ clouds: { bad: c.cloud } }));
      s.write(`${s.cwd}/secure.yaml`, `clouds:\n  bad:\n    auth:\n      password: ${SECRET}\n`);
      const e = configError(() =>
        loadCloudConfig(s.opts({ ...c.extra, options: { ...c.extra?.options, password: SECRET } })),
      );
      assert.equal(e.field, c.field, c.name);
      assert.ok(!e.message.includes(SECRET), c.name);
      assert.ok(!String(e.stack).includes(SECRET), c.name);
    }
  });

  test('a cacert is resolved against cwd and ~; it is only checked when verification is on', () => {
    const s = sandbox();
    s.write(`${s.cwd}/certs/ca.pem`, CERT_PEM);
    s.write(`${s.home}/ca-home.pem`, CERT_PEM);
    const rel = loadCloudConfig(s.opts({ options: { auth: AUTH, cacert: 'certs/ca.pem' } }));
    assert.equal(rel.cacert, `${s.cwd}/certs/ca.pem`);
    const home = loadCloudConfig(s.opts({ options: { auth: AUTH, cacert: '~/ca-home.pem' } }));
    assert.equal(home.cacert, `${s.home}/ca-home.pem`);
    const insecure = loadCloudConfig(
      s.opts({ options: { auth: AUTH, cacert: '/missing.pem', verify: false } }),
    );
    assert.equal(insecure.verify, false);
    assert.equal(insecure.cacert, '/missing.pem');
  });

  test('verify accepts booleans and the strings true/false; insecure wins over verify', () => {
    const s = sandbox();
    assert.equal(loadCloudConfig(s.opts({ options: { auth: AUTH, verify: 'False' } })).verify, false);
    assert.equal(loadCloudConfig(s.opts({ options: { auth: AUTH, verify: 'true' } })).verify, true);
    assert.equal(
      loadCloudConfig(s.opts({ options: { auth: AUTH, verify: true, insecure: true } })).verify,
      false,
    );
    s.write(
      `${s.cwd}/clouds.yaml`,
      'clouds:\n  c:\n    verify: false\n    auth: {auth_url: "https://k/v3", username: u, password: p}\n',
    );
    assert.equal(loadCloudConfig(s.opts()).verify, false);
  });

  test('interface publicURL / internalURL / adminURL are accepted', () => {
    const s = sandbox();
    for (const [given, want] of [
      ['publicURL', 'public'],
      ['internalURL', 'internal'],
      ['adminURL', 'admin'],
    ]) {
      assert.equal(loadCloudConfig(s.opts({ options: { auth: AUTH, interface: given } })).interface, want);
    }
  });

  test('an environment cloud missing auth_url says which variable to set', () => {
    const s = sandbox();
    const e = configError(() => loadCloudConfig(s.opts({ env: { OS_USERNAME: 'u', OS_PASSWORD: SECRET } })));
    assert.equal(e.cloud, 'envvars');
    assert.equal(e.field, 'auth.auth_url');
    assert.match(e.message, /Fix: set OS_AUTH_URL/);
    assert.ok(!e.message.includes(SECRET));
  });

  test('nothing configured at all: the error says where configuration can come from', () => {
    const s = sandbox();
    const e = configError(() => loadCloudConfig(s.opts()));
    assert.equal(e.cloud, 'options');
    assert.equal(e.field, 'auth.auth_url');
    assert.match(e.message, /Fix: pass options\.auth\.auth_url .*OS_AUTH_URL.*clouds\.yaml/);
  });

  test('admin_token / none are satisfied by any service endpoint override', () => {
    const s = sandbox();
    const cfg = loadCloudConfig(
      s.opts({ options: { auth_type: 'none', baremetal_endpoint_override: 'http://i:6385' } }),
    );
    assert.equal(cfg.authType, 'none');
    assert.deepEqual(cfg.endpointOverrides, { baremetal: 'http://i:6385' });
  });
});
