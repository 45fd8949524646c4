import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { listCloudNames, loadCloudConfig } from '../../../src/config/load.js';
import { configError, passwordCloud, sandbox } from './helpers.js';

const ENV_AUTH = {
  OS_AUTH_URL: 'https://env:5000/v3',
  OS_USERNAME: 'env-user',
  OS_PASSWORD: 'env-pass',
  OS_PROJECT_NAME: 'env-project',
};

function twoClouds() {
  const s = sandbox();
  s.write(
    `${s.cwd}/clouds.yaml`,
    `clouds:\n${passwordCloud('one', 'https://one/v3', '    region_name: R1\n')}${passwordCloud('two', 'https://two/v3')}`,
  );
  return s;
}

describe('cloud selection', () => {
  test('the cloud option beats OS_CLOUD', () => {
    const s = twoClouds();
    const cfg = loadCloudConfig(s.opts({ cloud: 'two', env: { OS_CLOUD: 'one' } }));
    assert.equal(cfg.name, 'two');
    assert.equal(cfg.auth.auth_url, 'https://two/v3');
  });

  test('options.cloud selects a cloud too', () => {
    const s = twoClouds();
    assert.equal(loadCloudConfig(s.opts({ options: { cloud: 'two' } })).name, 'two');
  });

  test('OS_CLOUD selects the cloud', () => {
    const s = twoClouds();
    const cfg = loadCloudConfig(s.opts({ env: { OS_CLOUD: 'one' } }));
    assert.equal(cfg.name, 'one');
    assert.equal(cfg.regionName, 'R1');
  });

  test('a named cloud takes no values from OS_* variables (openstacksdk does not merge them)', () => {
    const s = twoClouds();
    const cfg = loadCloudConfig(
      s.opts({ env: { OS_CLOUD: 'one', ...ENV_AUTH, OS_REGION_NAME: 'EnvRegion', OS_INTERFACE: 'admin' } }),
    );
    assert.equal(cfg.auth.auth_url, 'https://one/v3');
    assert.equal(cfg.auth.username, 'demo');
    assert.equal(cfg.auth.password, 'secret-one');
    assert.equal(cfg.regionName, 'R1');
    assert.equal(cfg.interface, 'public');
  });

  test('with OS_CLOUD unset, OS_* variables make the "envvars" cloud, even next to a single-cloud clouds.yaml', () => {
    const s = sandbox();
    s.write(`${s.cwd}/clouds.yaml`, `clouds:\n${passwordCloud('only', 'https://only/v3')}`);
    const cfg = loadCloudConfig(s.opts({ env: ENV_AUTH }));
    assert.equal(cfg.name, 'envvars');
    assert.equal(cfg.auth.auth_url, 'https://env:5000/v3');
    assert.deepEqual(listCloudNames(s.opts({ env: ENV_AUTH })), ['only', 'envvars']);
  });

  test('OS_CLOUD=envvars selects the environment cloud explicitly', () => {
    const s = twoClouds();
    assert.equal(
      loadCloudConfig(s.opts({ env: { ...ENV_AUTH, OS_CLOUD: 'envvars' } })).auth.username,
      'env-user',
    );
  });

  test('OS_CLOUD_NAME renames the environment cloud', () => {
    const s = sandbox();
    const env = { ...ENV_AUTH, OS_CLOUD_NAME: 'from-env' };
    assert.equal(loadCloudConfig(s.opts({ env })).name, 'from-env');
    assert.deepEqual(listCloudNames(s.opts({ env })), ['from-env']);
  });

  test('a file cloud with the environment cloud name is an error when OS_* are set', () => {
    const s = sandbox();
    s.write(`${s.cwd}/clouds.yaml`, `clouds:\n${passwordCloud('envvars', 'https://x/v3')}`);
    const e = configError(() => loadCloudConfig(s.opts({ env: ENV_AUTH })));
    assert.equal(e.cloud, 'envvars');
    assert.match(e.message, /OS_CLOUD_NAME/);
    // without OS_* variables there is no clash
    assert.equal(loadCloudConfig(s.opts()).name, 'envvars');
  });

  test('selectors alone (OS_CLOUD, OS_REGION_NAME, file overrides) do not make an environment cloud', () => {
    const s = sandbox();
    s.write(`${s.cwd}/clouds.yaml`, `clouds:\n${passwordCloud('only', 'https://only/v3')}`);
    const env = {
      OS_REGION_NAME: 'R9',
      OS_CLIENT_SECURE_FILE: '/nonexistent',
      OS_TEST_TIMEOUT: '60',
      OS_STDOUT_CAPTURE: '1',
    };
    const cfg = loadCloudConfig(s.opts({ env }));
    assert.equal(cfg.name, 'only');
    assert.equal(cfg.regionName, undefined);
    assert.deepEqual(listCloudNames(s.opts({ env })), ['only']);
  });

  test('empty OS_* variables count as unset', () => {
    const s = sandbox();
    s.write(`${s.cwd}/clouds.yaml`, `clouds:\n${passwordCloud('only', 'https://only/v3')}`);
    assert.equal(loadCloudConfig(s.opts({ env: { OS_AUTH_URL: '', OS_CLOUD: '' } })).name, 'only');
  });

  test('the only cloud of clouds.yaml is used when nothing is named', () => {
    const s = sandbox();
    s.write(`${s.userDir}/clouds.yaml`, `clouds:\n${passwordCloud('solo', 'https://solo/v3')}`);
    assert.equal(loadCloudConfig(s.opts()).name, 'solo');
  });

  test('several clouds and none named: ConfigError listing them', () => {
    const s = twoClouds();
    const e = configError(() => loadCloudConfig(s.opts()));
    assert.equal(e.field, 'cloud');
    assert.match(e.message, /one, two/);
    assert.match(e.message, /Fix: .*OS_CLOUD/);
  });

  test('several clouds and none named, but complete options: the "options" cloud', () => {
    const s = twoClouds();
    const cfg = loadCloudConfig(
      s.opts({ options: { auth: { authUrl: 'https://opt/v3', username: 'u', password: 'p' } } }),
    );
    assert.equal(cfg.name, 'options');
    assert.equal(cfg.auth.auth_url, 'https://opt/v3');
  });

  test('unknown cloud: ConfigError naming it, the available clouds and the file', () => {
    const s = twoClouds();
    const e = configError(() => loadCloudConfig(s.opts({ env: { OS_CLOUD: 'three' } })));
    assert.equal(e.cloud, 'three');
    assert.equal(e.field, 'cloud');
    assert.match(e.message, /"three"/);
    assert.match(e.message, /from OS_CLOUD/);
    assert.match(e.message, /available clouds: one, two/);
    assert.ok(e.message.includes(`${s.cwd}/clouds.yaml`));
    assert.ok(!e.message.includes('secret-one'));
  });

  test('unknown cloud with no clouds.yaml at all lists the places searched', () => {
    const s = sandbox();
    const e = configError(() => loadCloudConfig(s.opts({ cloud: 'nowhere' })));
    assert.equal(e.cloud, 'nowhere');
    assert.match(e.message, /no clouds\.yaml was found/);
    assert.ok(e.message.includes(`${s.etcDir}/clouds.yaml`));
    assert.ok(e.message.includes(`${s.userDir}/clouds.yaml`));
  });

  test('no files, no environment: the cloud is built from the options alone', () => {
    const s = sandbox();
    const cfg = loadCloudConfig(
      s.opts({ options: { auth: { auth_url: 'https://o/v3', user_id: 'uid', password: 'p' } } }),
    );
    assert.equal(cfg.name, 'options');
    assert.equal(cfg.auth.user_id, 'uid');
  });

  test('a cloud entry that is not a mapping is an error', () => {
    const s = sandbox();
    s.write(`${s.cwd}/clouds.yaml`, 'clouds:\n  bad: just-a-string\n');
    const e = configError(() => loadCloudConfig(s.opts()));
    assert.equal(e.cloud, 'bad');
    assert.equal(e.field, 'clouds.bad');
  });
});
