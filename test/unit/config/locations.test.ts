import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  cloudsFileCandidates,
  configCandidateFiles,
  configSearchContext,
  configSearchDirs,
  defaultSystemDirs,
  expandConfigPath,
  findFirstConfigFile,
  secureFileCandidates,
  vendorFileCandidates,
} from '../../../src/config/locations.js';
import { sandbox } from './helpers.js';

describe('config search locations', () => {
  test('directories in openstacksdk order: cwd, XDG config home, ~/.config, site dirs, /etc/openstack', () => {
    const dirs = configSearchDirs({ env: {}, cwd: '/w', home: '/h', platform: 'linux' });
    assert.deepEqual(dirs, ['/w', '/h/.config/openstack', '/etc/xdg/openstack', '/etc/openstack']);
  });

  test('XDG_CONFIG_HOME is searched before ~/.config/openstack', () => {
    const dirs = configSearchDirs({
      env: { XDG_CONFIG_HOME: '/x' },
      cwd: '/w',
      home: '/h',
      platform: 'linux',
    });
    assert.deepEqual(dirs.slice(0, 3), ['/w', '/x/openstack', '/h/.config/openstack']);
  });

  test('XDG_CONFIG_DIRS entries become the site directories', () => {
    assert.deepEqual(defaultSystemDirs({ XDG_CONFIG_DIRS: '/a:/b' }), [
      '/a/openstack',
      '/b/openstack',
      '/etc/openstack',
    ]);
    assert.deepEqual(defaultSystemDirs({}), ['/etc/xdg/openstack', '/etc/openstack']);
  });

  test('SNAP_REAL_HOME replaces the home of ~/.config/openstack', () => {
    const dirs = configSearchDirs({
      env: { SNAP_REAL_HOME: '/real' },
      cwd: '/w',
      home: '/snap/h',
      platform: 'linux',
    });
    assert.ok(dirs.includes('/real/.config/openstack'));
  });

  test('macOS adds ~/Library/Application Support/openstack before ~/.config/openstack', () => {
    const dirs = configSearchDirs({ env: {}, cwd: '/w', home: '/h', platform: 'darwin', systemDirs: [] });
    assert.deepEqual(dirs, ['/w', '/h/Library/Application Support/openstack', '/h/.config/openstack']);
  });

  test('injected systemDirs replace /etc, duplicates are dropped', () => {
    const dirs = configSearchDirs({
      env: {},
      cwd: '/w',
      home: '/h',
      systemDirs: ['/w', '/s'],
      platform: 'linux',
    });
    assert.deepEqual(dirs, ['/w', '/h/.config/openstack', '/s']);
  });

  test('every directory is tried with .yaml, .yml then .json', () => {
    assert.deepEqual(configCandidateFiles(['/a', '/b'], 'clouds'), [
      '/a/clouds.yaml',
      '/a/clouds.yml',
      '/a/clouds.json',
      '/b/clouds.yaml',
      '/b/clouds.yml',
      '/b/clouds.json',
    ]);
  });

  test('OS_CLIENT_CONFIG_FILE is put first, relative paths resolve against cwd', () => {
    const ctx = { env: { OS_CLIENT_CONFIG_FILE: 'conf/my.yaml' }, cwd: '/w', home: '/h', systemDirs: [] };
    const list = cloudsFileCandidates(ctx);
    assert.equal(list[0], '/w/conf/my.yaml');
    assert.equal(list[1], '/w/clouds.yaml');
  });

  test('OS_CLIENT_SECURE_FILE (or OS_SECURE_FILE) is put first for secure.yaml, with ~ expanded', () => {
    const base = { cwd: '/w', home: '/h', systemDirs: [] };
    assert.equal(
      secureFileCandidates({ ...base, env: { OS_CLIENT_SECURE_FILE: '~/s.yaml' } })[0],
      '/h/s.yaml',
    );
    assert.equal(secureFileCandidates({ ...base, env: { OS_SECURE_FILE: '/abs/s.yaml' } })[0], '/abs/s.yaml');
    assert.equal(secureFileCandidates({ ...base, env: {} })[0], '/w/secure.yaml');
  });

  test('explicit file lists replace the search', () => {
    const ctx = { env: {}, cwd: '/w', home: '/h' };
    assert.deepEqual(cloudsFileCandidates(ctx, ['/only.yaml']), ['/only.yaml']);
    assert.deepEqual(vendorFileCandidates(ctx, ['/v.yaml']), ['/v.yaml']);
    assert.equal(vendorFileCandidates({ ...ctx, systemDirs: [] })[0], '/w/clouds-public.yaml');
  });

  test('expandConfigPath expands ~ and ~/ only', () => {
    assert.equal(expandConfigPath('~', '/h'), '/h');
    assert.equal(expandConfigPath('~/a', '/h'), '/h/a');
    assert.equal(expandConfigPath('/x/~', '/h'), '/x/~');
  });

  test('findFirstConfigFile skips missing files and directories', () => {
    const s = sandbox();
    mkdirSync(join(s.cwd, 'clouds.yaml'));
    const real = s.write(`${s.userDir}/clouds.yml`, 'clouds: {}\n');
    assert.equal(
      findFirstConfigFile([
        join(s.root, 'missing.yaml'),
        join(s.cwd, 'clouds.yaml'),
        real,
        s.write('x.yaml', ''),
      ]),
      real,
    );
    assert.equal(findFirstConfigFile([join(s.root, 'nope')]), undefined);
  });

  test('configSearchContext uses the given env, cwd and home', () => {
    const ctx = configSearchContext({ env: { A: '1' }, cwd: '/c', home: '/h', systemDirs: ['/s'] });
    assert.deepEqual(ctx, { env: { A: '1' }, cwd: '/c', home: '/h', systemDirs: ['/s'] });
  });
});
