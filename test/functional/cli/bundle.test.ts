/**
 * The `ostack` users install is the esbuild bundle (package.json "bin" → dist/ostack/ostack.js,
 * which runs dist/ostack/cli.js with V8's code cache), not src/: bundle it from the current
 * sources into a scratch directory inside the checkout (so `undici`, left external, resolves from
 * node_modules) and drive the dev cloud with it. The code cache goes to a scratch directory too.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { modulesRun, servicesRun } from '../../support/bundle-coverage.js';
import { adminConnection } from '../../support/cloud.js';
import { root } from './helpers.js';

describe('cli: the bundled ostack binary', () => {
  let dir = '';
  const run = (...args: string[]) => runWith({}, ...args);
  const runWith = (env: Record<string, string>, ...args: string[]) =>
    spawnSync(process.execPath, [join(dir, 'ostack.js'), ...args], {
      encoding: 'utf8',
      env: { ...process.env, OS_CLOUD: '', NODE_COMPILE_CACHE: join(dir, 'code-cache'), ...env },
    });

  before(() => {
    // a fresh clone has no node_modules/.cache yet
    const scratch = join(root, 'node_modules', '.cache');
    mkdirSync(scratch, { recursive: true });
    dir = mkdtempSync(join(scratch, 'ostack-bundle-'));
    const r = spawnSync(process.execPath, [join(root, 'tools', 'bundle-cli.mjs'), dir], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('package.json points its bin at the bundle the build writes', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    assert.equal(pkg.bin.ostack, './dist/ostack/ostack.js');
    assert.match(pkg.scripts.build, /tools\/bundle-cli\.mjs/);
    assert.match(readFileSync(join(dir, 'ostack.js'), 'utf8'), /^#!\/usr\/bin\/env node\n/);
  });

  test('the program is one CommonJS file beside its entry', () => {
    assert.deepEqual(readdirSync(dir).sort(), ['cli.js', 'ostack.js', 'package.json']);
  });

  test('--help runs without a cloud', () => {
    const r = run('--help');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /flavor/);
    assert.match(r.stdout, /--os-cloud/);
  });

  test('flavor list against the dev cloud matches the SDK', async () => {
    const r = run('--os-cloud', 'devcloud', 'flavor', 'list', '-f', 'json');
    assert.equal(r.status, 0, r.stderr);
    const names = (JSON.parse(r.stdout) as { Name: string }[]).map((f) => f.Name).sort();
    const conn = adminConnection();
    try {
      const sdk = (await conn.compute.listFlavors().toArray()).map((f) => f.name as string).sort();
      assert.deepEqual(names, sdk);
      assert.ok(names.includes('m1.tiny'));
    } finally {
      await conn.close();
    }
  });

  test('flavor list runs compute’s code and no other service’s; its code cache is written, then used', () => {
    const coverage = join(dir, 'coverage');
    const r = runWith(
      { NODE_V8_COVERAGE: coverage },
      '--os-cloud',
      'devcloud',
      'flavor',
      'list',
      '-f',
      'value',
    );
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(servicesRun(modulesRun(coverage, join(dir, 'cli.js'))), ['compute']);
    const caches = readdirSync(join(dir, 'code-cache')).filter((f) => f.endsWith('.bin'));
    assert.equal(caches.length, 1, `one cache file for this bundle: ${caches.join(' ')}`);
    const again = runWith({}, '--os-cloud', 'devcloud', 'flavor', 'list', '-f', 'value');
    assert.equal(again.status, 0, again.stderr);
    assert.equal(again.stdout, r.stdout, 'the same answer with the cache');
  });

  test('API errors keep their status and request id through the bundle', () => {
    const r = run('--os-cloud', 'devcloud', 'server', 'show', '00000000-0000-0000-0000-00000000dead');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /No server|not found|Could not find/i);
  });

  test('the scratch bundle exists only for this test', () => {
    assert.ok(existsSync(join(dir, 'ostack.js')), 'the scratch entry exists until after()');
  });
});
