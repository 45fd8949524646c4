import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { listCloudNames, loadCloudConfig, loadConfigFiles } from '../../../src/config/load.js';
import { configError, passwordCloud, sandbox } from './helpers.js';

const clouds = (...entries: string[]) => `clouds:\n${entries.join('')}`;

describe('which clouds.yaml is used', () => {
  const cases: Array<{ present: Array<'cwd' | 'user' | 'etc'>; wins: 'cwd' | 'user' | 'etc' }> = [
    { present: ['cwd', 'user', 'etc'], wins: 'cwd' },
    { present: ['cwd', 'etc'], wins: 'cwd' },
    { present: ['user', 'etc'], wins: 'user' },
    { present: ['etc'], wins: 'etc' },
    { present: ['cwd', 'user'], wins: 'cwd' },
  ];
  for (const c of cases) {
    test(`present in ${c.present.join('+')}: the ${c.wins} file wins`, () => {
      const s = sandbox();
      const dirs = { cwd: s.cwd, user: s.userDir, etc: s.etcDir };
      for (const where of c.present) {
        s.write(`${dirs[where]}/clouds.yaml`, clouds(passwordCloud('c', `https://${where}:5000/v3`)));
      }
      const cfg = loadCloudConfig(s.opts({ cloud: 'c' }));
      assert.equal(cfg.auth.auth_url, `https://${c.wins}:5000/v3`);
      assert.equal(loadConfigFiles(s.opts()).configFile, `${dirs[c.wins]}/clouds.yaml`);
    });
  }

  test('files are not merged: a cloud only in /etc is invisible when ./clouds.yaml exists', () => {
    const s = sandbox();
    s.write(`${s.cwd}/clouds.yaml`, clouds(passwordCloud('local', 'https://cwd/v3')));
    s.write(`${s.etcDir}/clouds.yaml`, clouds(passwordCloud('site', 'https://etc/v3')));
    assert.deepEqual(listCloudNames(s.opts()), ['local']);
    const e = configError(() => loadCloudConfig(s.opts({ cloud: 'site' })));
    assert.equal(e.cloud, 'site');
  });

  test('clouds.yml and clouds.json are found; .yaml beats .yml in the same directory', () => {
    const s = sandbox();
    s.write(
      `${s.userDir}/clouds.json`,
      JSON.stringify({ clouds: { j: { auth: { auth_url: 'https://json/v3' } } } }),
    );
    assert.deepEqual(listCloudNames(s.opts()), ['j']);
    s.write(`${s.userDir}/clouds.yml`, clouds(passwordCloud('yml', 'https://yml/v3')));
    assert.deepEqual(listCloudNames(s.opts()), ['yml']);
    s.write(`${s.userDir}/clouds.yaml`, clouds(passwordCloud('yaml', 'https://yaml/v3')));
    assert.deepEqual(listCloudNames(s.opts()), ['yaml']);
  });

  test('XDG_CONFIG_HOME/openstack beats ~/.config/openstack', () => {
    const s = sandbox();
    s.write(`${s.userDir}/clouds.yaml`, clouds(passwordCloud('c', 'https://home/v3')));
    s.write(`${s.root}/xdg/openstack/clouds.yaml`, clouds(passwordCloud('c', 'https://xdg/v3')));
    const cfg = loadCloudConfig(s.opts({ env: { XDG_CONFIG_HOME: `${s.root}/xdg` } }));
    assert.equal(cfg.auth.auth_url, 'https://xdg/v3');
  });

  test('OS_CLIENT_CONFIG_FILE beats every searched location', () => {
    const s = sandbox();
    s.write(`${s.cwd}/clouds.yaml`, clouds(passwordCloud('c', 'https://cwd/v3')));
    const custom = s.write('custom/my-clouds.yaml', clouds(passwordCloud('c', 'https://custom/v3')));
    const cfg = loadCloudConfig(s.opts({ env: { OS_CLIENT_CONFIG_FILE: custom } }));
    assert.equal(cfg.auth.auth_url, 'https://custom/v3');
  });

  test('OS_CLIENT_CONFIG_FILE naming a missing file falls back to the search (as openstacksdk)', () => {
    const s = sandbox();
    s.write(`${s.userDir}/clouds.yaml`, clouds(passwordCloud('c', 'https://home/v3')));
    const cfg = loadCloudConfig(s.opts({ env: { OS_CLIENT_CONFIG_FILE: `${s.root}/missing.yaml` } }));
    assert.equal(cfg.auth.auth_url, 'https://home/v3');
  });

  test('configFiles replaces the search', () => {
    const s = sandbox();
    s.write(`${s.cwd}/clouds.yaml`, clouds(passwordCloud('c', 'https://cwd/v3')));
    const explicit = s.write('explicit.yaml', clouds(passwordCloud('c', 'https://explicit/v3')));
    assert.equal(loadCloudConfig(s.opts({ configFiles: [explicit] })).auth.auth_url, 'https://explicit/v3');
  });
});

describe('listCloudNames', () => {
  test('is empty when there is no file and no OS_* variable', () => {
    assert.deepEqual(listCloudNames(sandbox().opts()), []);
  });

  test('lists clouds in file order', () => {
    const s = sandbox();
    s.write(
      `${s.etcDir}/clouds.yaml`,
      clouds(passwordCloud('z', 'https://z/v3'), passwordCloud('a', 'https://a/v3')),
    );
    assert.deepEqual(listCloudNames(s.opts()), ['z', 'a']);
  });
});

describe('secure.yaml', () => {
  test('is deep-merged into the same cloud, secure wins', () => {
    const s = sandbox();
    s.write(
      `${s.cwd}/clouds.yaml`,
      'clouds:\n  c:\n    region_name: R1\n    auth:\n      auth_url: https://k/v3\n      username: demo\n      password: from-clouds\n      project_name: p\n',
    );
    s.write(`${s.cwd}/secure.yaml`, 'clouds:\n  c:\n    auth:\n      password: from-secure\n');
    const cfg = loadCloudConfig(s.opts());
    assert.equal(cfg.auth.password, 'from-secure');
    assert.equal(cfg.auth.username, 'demo');
    assert.equal(cfg.auth.project_name, 'p');
    assert.equal(cfg.regionName, 'R1');
  });

  test('is searched on its own: secure.yaml in ~/.config with clouds.yaml in cwd', () => {
    const s = sandbox();
    s.write(
      `${s.cwd}/clouds.yaml`,
      'clouds:\n  c:\n    auth:\n      auth_url: https://k/v3\n      username: demo\n',
    );
    s.write(`${s.userDir}/secure.yaml`, 'clouds:\n  c:\n    auth:\n      password: home-secret\n');
    s.write(`${s.etcDir}/secure.yaml`, 'clouds:\n  c:\n    auth:\n      password: etc-secret\n');
    assert.equal(loadCloudConfig(s.opts()).auth.password, 'home-secret');
    const files = loadConfigFiles(s.opts());
    assert.equal(files.secureFile, `${s.userDir}/secure.yaml`);
  });

  test('OS_CLIENT_SECURE_FILE selects the secure file', () => {
    const s = sandbox();
    s.write(
      `${s.cwd}/clouds.yaml`,
      'clouds:\n  c:\n    auth:\n      auth_url: https://k/v3\n      username: demo\n',
    );
    s.write(`${s.cwd}/secure.yaml`, 'clouds:\n  c:\n    auth:\n      password: cwd-secret\n');
    const sec = s.write('vault/secure.yaml', 'clouds:\n  c:\n    auth:\n      password: vault-secret\n');
    assert.equal(
      loadCloudConfig(s.opts({ env: { OS_CLIENT_SECURE_FILE: sec } })).auth.password,
      'vault-secret',
    );
  });

  test('merges after key normalisation: project-name in clouds.yaml, project_name in secure.yaml', () => {
    const s = sandbox();
    s.write(
      `${s.cwd}/clouds.yaml`,
      'clouds:\n  c:\n    auth:\n      auth-url: https://k/v3\n      username: u\n      password: p\n      project-name: old\n',
    );
    s.write(`${s.cwd}/secure.yaml`, 'clouds:\n  c:\n    auth:\n      project_name: new\n');
    const cfg = loadCloudConfig(s.opts());
    assert.equal(cfg.auth.project_name, 'new');
    assert.equal(cfg.auth.auth_url, 'https://k/v3');
  });

  test('a cloud only in secure.yaml is still a cloud (openstacksdk merges the whole document)', () => {
    const s = sandbox();
    s.write(`${s.cwd}/clouds.yaml`, clouds(passwordCloud('a', 'https://a/v3')));
    s.write(`${s.cwd}/secure.yaml`, clouds(passwordCloud('b', 'https://b/v3')));
    assert.deepEqual(listCloudNames(s.opts()), ['a', 'b']);
  });
});
