import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { envCloudFromEnv, envCloudName } from '../../../src/config/env.js';
import { loadCloudConfig } from '../../../src/config/load.js';
import { CERT_PEM, KEY_PEM, sandbox } from './helpers.js';

const BASE = { OS_AUTH_URL: 'https://k:5000/v3', OS_USERNAME: 'u', OS_PASSWORD: 'pw' };

function fromEnv(env: Record<string, string>) {
  const s = sandbox();
  return loadCloudConfig(s.opts({ env }));
}

describe('OS_* environment variables', () => {
  test('envCloudFromEnv lower-cases OS_<NAME> into <name> and skips selectors and test vars', () => {
    assert.deepEqual(
      envCloudFromEnv({
        OS_AUTH_URL: 'a',
        OS_CLOUD: 'x',
        OS_TEST_PATH: 't',
        OS_LOG_CAPTURE: '1',
        PATH: '/bin',
      }),
      { auth_url: 'a' },
    );
    assert.equal(envCloudFromEnv({ OS_REGION_NAME: 'R', OS_CLOUD: 'x' }), undefined);
    assert.deepEqual(envCloudFromEnv({ OS_REGION_NAME: 'R', OS_USERNAME: 'u' }), {
      region_name: 'R',
      username: 'u',
    });
    assert.equal(envCloudName({}), 'envvars');
    assert.equal(envCloudName({ OS_CLOUD_NAME: 'mine' }), 'mine');
  });

  test('auth variables land in auth', () => {
    const cfg = fromEnv({
      ...BASE,
      OS_USER_ID: 'uid',
      OS_PROJECT_ID: 'pid',
      OS_PROJECT_NAME: 'pname',
      OS_USER_DOMAIN_NAME: 'UD',
      OS_USER_DOMAIN_ID: 'udid',
      OS_PROJECT_DOMAIN_NAME: 'PD',
      OS_PROJECT_DOMAIN_ID: 'pdid',
      OS_SYSTEM_SCOPE: 'all',
    });
    assert.deepEqual(cfg.auth, {
      auth_url: 'https://k:5000/v3',
      username: 'u',
      password: 'pw',
      user_id: 'uid',
      project_id: 'pid',
      project_name: 'pname',
      user_domain_name: 'UD',
      user_domain_id: 'udid',
      project_domain_name: 'PD',
      project_domain_id: 'pdid',
      system_scope: 'all',
    });
  });

  test('OS_TENANT_NAME / OS_TENANT_ID become project_name / project_id', () => {
    const cfg = fromEnv({ ...BASE, OS_TENANT_NAME: 'tn', OS_TENANT_ID: 'tid' });
    assert.equal(cfg.auth.project_name, 'tn');
    assert.equal(cfg.auth.project_id, 'tid');
    assert.equal(cfg.auth.tenant_name, undefined);
  });

  test('OS_PROJECT_NAME wins over OS_TENANT_NAME', () => {
    assert.equal(fromEnv({ ...BASE, OS_TENANT_NAME: 'tn', OS_PROJECT_NAME: 'pn' }).auth.project_name, 'pn');
  });

  test('OS_DOMAIN_NAME fills user and project domains of a project-scoped cloud', () => {
    const cfg = fromEnv({
      ...BASE,
      OS_PROJECT_NAME: 'p',
      OS_DOMAIN_NAME: 'Default',
      OS_USER_DOMAIN_NAME: 'Users',
    });
    assert.equal(cfg.auth.user_domain_name, 'Users');
    assert.equal(cfg.auth.project_domain_name, 'Default');
    assert.equal(cfg.auth.domain_name, undefined);
  });

  test('OS_DOMAIN_ID without a project is a domain scope', () => {
    const cfg = fromEnv({ ...BASE, OS_DOMAIN_ID: 'did' });
    assert.equal(cfg.auth.domain_id, 'did');
    assert.equal(cfg.auth.user_domain_id, undefined);
  });

  test('OS_TOKEN (and the old OS_AUTH_TOKEN) give a token cloud', () => {
    const a = fromEnv({ OS_AUTH_URL: 'https://k/v3', OS_TOKEN: 'tok' });
    assert.equal(a.authType, 'token');
    assert.equal(a.auth.token, 'tok');
    const b = fromEnv({ OS_AUTH_URL: 'https://k/v3', OS_AUTH_TOKEN: 'old-tok' });
    assert.equal(b.auth.token, 'old-tok');
    assert.equal(b.auth.auth_token, undefined);
  });

  test('OS_APPLICATION_CREDENTIAL_* give an application credential cloud', () => {
    const cfg = fromEnv({
      OS_AUTH_URL: 'https://k/v3',
      OS_APPLICATION_CREDENTIAL_ID: 'acid',
      OS_APPLICATION_CREDENTIAL_SECRET: 'acsecret',
    });
    assert.equal(cfg.authType, 'v3applicationcredential');
    assert.equal(cfg.auth.application_credential_id, 'acid');
    assert.equal(cfg.auth.application_credential_secret, 'acsecret');
    const named = fromEnv({
      OS_AUTH_URL: 'https://k/v3',
      OS_AUTH_TYPE: 'v3applicationcredential',
      OS_APPLICATION_CREDENTIAL_NAME: 'acname',
      OS_APPLICATION_CREDENTIAL_SECRET: 's',
      OS_USERNAME: 'u',
    });
    assert.equal(named.auth.application_credential_name, 'acname');
  });

  test('OS_AUTH_TYPE=admin_token with OS_ENDPOINT and OS_TOKEN', () => {
    const cfg = fromEnv({ OS_AUTH_TYPE: 'admin_token', OS_ENDPOINT: 'http://ironic:6385', OS_TOKEN: 't' });
    assert.equal(cfg.authType, 'admin_token');
    assert.equal(cfg.auth.endpoint, 'http://ironic:6385');
  });

  test('OS_REGION_NAME, OS_INTERFACE and OS_IDENTITY_API_VERSION', () => {
    const cfg = fromEnv({
      ...BASE,
      OS_REGION_NAME: 'RegionTwo',
      OS_INTERFACE: 'internal',
      OS_IDENTITY_API_VERSION: '3',
    });
    assert.equal(cfg.regionName, 'RegionTwo');
    assert.equal(cfg.interface, 'internal');
    assert.equal(cfg.identityApiVersion, '3');
    assert.equal(cfg.apiVersions.identity, '3');
  });

  test('OS_ENDPOINT_TYPE=publicURL becomes interface public; OS_INTERFACE wins over it', () => {
    assert.equal(fromEnv({ ...BASE, OS_ENDPOINT_TYPE: 'internalURL' }).interface, 'internal');
    assert.equal(
      fromEnv({ ...BASE, OS_ENDPOINT_TYPE: 'internalURL', OS_INTERFACE: 'admin' }).interface,
      'admin',
    );
  });

  test('OS_<SERVICE>_API_VERSION map to canonical service types', () => {
    const cfg = fromEnv({
      ...BASE,
      OS_COMPUTE_API_VERSION: '2.79',
      OS_VOLUME_API_VERSION: '3.59',
      OS_IMAGE_API_VERSION: '2',
      OS_NETWORK_API_VERSION: '2.0',
      OS_OBJECT_STORE_API_VERSION: '1',
      OS_PLACEMENT_API_VERSION: '1.36',
      OS_LOAD_BALANCER_API_VERSION: '2.0',
    });
    assert.deepEqual(cfg.apiVersions, {
      compute: '2.79',
      'block-storage': '3.59',
      image: '2',
      network: '2.0',
      'object-store': '1',
      placement: '1.36',
      'load-balancer': '2.0',
    });
  });

  test('OS_CACERT, OS_CERT, OS_KEY are kept; OS_INSECURE=true turns verify off', () => {
    const s = sandbox();
    const ca = s.write('ca.pem', CERT_PEM);
    const cert = s.write('tls/c.pem', CERT_PEM);
    const key = s.write('tls/k.pem', KEY_PEM);
    const cfg = loadCloudConfig(s.opts({ env: { ...BASE, OS_CACERT: ca, OS_CERT: cert, OS_KEY: key } }));
    assert.equal(cfg.cacert, ca);
    assert.equal(cfg.cert, cert);
    assert.equal(cfg.key, key);
    assert.equal(cfg.verify, true);
    assert.equal(fromEnv({ ...BASE, OS_INSECURE: 'true' }).verify, false);
    assert.equal(fromEnv({ ...BASE, OS_INSECURE: 'false' }).verify, true);
  });

  test('OS_COMPUTE_ENDPOINT_OVERRIDE sets an endpoint override', () => {
    const cfg = fromEnv({ ...BASE, OS_COMPUTE_ENDPOINT_OVERRIDE: 'http://nova:8774/v2.1' });
    assert.deepEqual(cfg.endpointOverrides, { compute: 'http://nova:8774/v2.1' });
  });
});
