import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadCloudConfig } from '../../../src/config/load.js';
import { configError, passwordCloud, sandbox } from './helpers.js';

function oneCloud(extra = '') {
  const s = sandbox();
  s.write(`${s.cwd}/clouds.yaml`, `clouds:\n${passwordCloud('c', 'https://file/v3', extra)}`);
  return s;
}

describe('programmatic options', () => {
  test('override clouds.yaml and secure.yaml, keeping the other file values', () => {
    const s = oneCloud('    region_name: R1\n    interface: internal\n');
    s.write(`${s.cwd}/secure.yaml`, 'clouds:\n  c:\n    auth:\n      password: secure-pw\n');
    const cfg = loadCloudConfig(
      s.opts({ options: { region_name: 'R1', interface: 'admin', auth: { password: 'option-pw' } } }),
    );
    assert.equal(cfg.auth.password, 'option-pw');
    assert.equal(cfg.auth.username, 'demo');
    assert.equal(cfg.interface, 'admin');
    assert.equal(cfg.regionName, 'R1');
  });

  test('override the environment cloud', () => {
    const s = sandbox();
    const cfg = loadCloudConfig(
      s.opts({
        env: { OS_AUTH_URL: 'https://env/v3', OS_USERNAME: 'u', OS_PASSWORD: 'p', OS_REGION_NAME: 'EnvR' },
        options: { regionName: 'EnvR', auth: { authUrl: 'https://opt/v3' } },
      }),
    );
    assert.equal(cfg.auth.auth_url, 'https://opt/v3');
    assert.equal(cfg.auth.username, 'u');
  });

  test('camelCase keys are converted, values are left alone', () => {
    const s = oneCloud();
    const cfg = loadCloudConfig(
      s.opts({
        options: {
          identityApiVersion: 3,
          computeApiVersion: '2.79',
          objectStoreEndpointOverride: 'http://swift/v1/AUTH_x',
          auth: { projectName: 'camelProject', userDomainName: 'someDomain' },
        },
      }),
    );
    assert.equal(cfg.auth.project_name, 'camelProject');
    assert.equal(cfg.auth.user_domain_name, 'someDomain');
    assert.equal(cfg.identityApiVersion, '3');
    assert.equal(cfg.apiVersions.compute, '2.79');
    assert.equal(cfg.endpointOverrides['object-store'], 'http://swift/v1/AUTH_x');
  });

  test('dashed keys and os_ prefixes are accepted', () => {
    const s = oneCloud();
    const cfg = loadCloudConfig(s.opts({ options: { 'region-name': 'Dash', 'os-interface': 'internal' } }));
    assert.equal(cfg.regionName, 'Dash');
    assert.equal(cfg.interface, 'internal');
  });

  test('auth settings at the top level of options override auth from the file', () => {
    const s = oneCloud();
    const cfg = loadCloudConfig(
      s.opts({ options: { password: 'top-level', projectName: 'p2', authUrl: 'https://o/v3' } }),
    );
    assert.equal(cfg.auth.password, 'top-level');
    assert.equal(cfg.auth.project_name, 'p2');
    assert.equal(cfg.auth.auth_url, 'https://o/v3');
    assert.equal(cfg.raw.password, undefined);
  });

  test('top-level auth keys in clouds.yaml move into auth', () => {
    const s = sandbox();
    s.write(
      `${s.cwd}/clouds.yaml`,
      'clouds:\n  c:\n    auth_url: https://top/v3\n    username: top-user\n    password: top-pw\n    project_name: top-p\n',
    );
    const cfg = loadCloudConfig(s.opts());
    assert.deepEqual(cfg.auth, {
      auth_url: 'https://top/v3',
      username: 'top-user',
      password: 'top-pw',
      project_name: 'top-p',
    });
  });

  test('unknown keys are kept in raw, numbers as strings, api_timeout as a number', () => {
    const s = oneCloud('    api_timeout: 30\n    my_setting: 7\n');
    const cfg = loadCloudConfig(s.opts({ options: { otherThing: 5 } }));
    assert.equal(cfg.raw.my_setting, '7');
    assert.equal(cfg.raw.other_thing, '5');
    assert.equal(cfg.raw.api_timeout, 30);
    assert.equal(cfg.raw.image_format, 'qcow2');
  });

  test('defaults: interface public, verify true, network v2 and object-store v1', () => {
    const cfg = loadCloudConfig(oneCloud().opts());
    assert.equal(cfg.interface, 'public');
    assert.equal(cfg.verify, true);
    assert.equal(cfg.apiVersions.network, '2');
    assert.equal(cfg.apiVersions['object-store'], '1');
    assert.equal(cfg.regionName, undefined);
  });
});

describe('regions', () => {
  const regions =
    '    regions:\n      - RegionOne\n      - name: RegionTwo\n        values:\n          interface: internal\n          compute_api_version: 2.60\n';

  test('the first region is used by default', () => {
    const cfg = loadCloudConfig(oneCloud(regions).opts());
    assert.equal(cfg.regionName, 'RegionOne');
    assert.equal(cfg.interface, 'public');
    assert.equal(cfg.raw.regions, undefined);
  });

  test('options.region_name picks a region and applies its values', () => {
    const cfg = loadCloudConfig(oneCloud(regions).opts({ options: { regionName: 'RegionTwo' } }));
    assert.equal(cfg.regionName, 'RegionTwo');
    assert.equal(cfg.interface, 'internal');
    assert.equal(cfg.apiVersions.compute, '2.60');
  });

  test('options still beat region values', () => {
    const cfg = loadCloudConfig(
      oneCloud(regions).opts({ options: { regionName: 'RegionTwo', interface: 'admin' } }),
    );
    assert.equal(cfg.interface, 'admin');
  });

  test('a region not in the list is a ConfigError on region_name', () => {
    const e = configError(() =>
      loadCloudConfig(oneCloud(regions).opts({ options: { region_name: 'Nope' } })),
    );
    assert.equal(e.field, 'region_name');
    assert.equal(e.cloud, 'c');
    assert.match(e.message, /RegionOne, RegionTwo/);
  });

  test('region_name of the cloud is its only known region: another one is refused (as openstacksdk)', () => {
    const e = configError(() =>
      loadCloudConfig(oneCloud('    region_name: R1\n').opts({ options: { region_name: 'R2' } })),
    );
    assert.equal(e.field, 'region_name');
    assert.match(e.message, /"R2"/);
  });

  test('a comma-separated region_name is a list of regions, the first being the default', () => {
    const s = oneCloud('    region_name: R1,R2\n');
    assert.equal(loadCloudConfig(s.opts()).regionName, 'R1');
    assert.equal(loadCloudConfig(s.opts({ options: { region_name: 'R2' } })).regionName, 'R2');
  });

  test('a malformed region entry is a ConfigError on regions', () => {
    const e = configError(() =>
      loadCloudConfig(oneCloud('    regions:\n      - name: R\n        bogus: 1\n').opts()),
    );
    assert.equal(e.field, 'regions');
  });
});

describe('vendor profiles', () => {
  test('profile: is read from a local clouds-public.yaml, under the cloud entry', () => {
    const s = sandbox();
    s.write(
      `${s.userDir}/clouds-public.yaml`,
      'public-clouds:\n  acme:\n    auth:\n      auth_url: https://acme/v3\n    region_name: AcmeR\n    identity_api_version: 3\n',
    );
    s.write(
      `${s.cwd}/clouds.yaml`,
      'clouds:\n  mine:\n    profile: acme\n    region_name: Mine\n    auth:\n      username: u\n      password: p\n',
    );
    const cfg = loadCloudConfig(s.opts());
    assert.equal(cfg.auth.auth_url, 'https://acme/v3');
    assert.equal(cfg.regionName, 'Mine');
    assert.equal(cfg.identityApiVersion, '3');
    assert.equal(cfg.raw.profile, undefined);
  });

  test('an unknown profile (or the old cloud: key) is a clear ConfigError, nothing is downloaded', () => {
    for (const key of ['profile', 'cloud']) {
      const s = sandbox();
      s.write(
        `${s.cwd}/clouds.yaml`,
        `clouds:\n  mine:\n    ${key}: vexxhost\n    auth:\n      password: pw-vendor\n`,
      );
      const e = configError(() => loadCloudConfig(s.opts()));
      assert.equal(e.field, 'profile');
      assert.equal(e.cloud, 'mine');
      assert.match(e.message, /vexxhost/);
      assert.match(e.message, /Fix: .*clouds-public\.yaml/);
      assert.ok(!e.message.includes('pw-vendor'));
    }
  });
});
