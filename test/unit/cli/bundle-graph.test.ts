/**
 * What the `ostack` bundle runs for a command that needs no cloud, proved from V8's coverage of a
 * real run (the bundle is one file, so "loaded" means "its code ran"): `flavor --help` builds the
 * command tree and runs no service's code, and commander's node:child_process stays unloaded.
 * test/functional/cli/bundle.test.ts does the same for `flavor list` against the dev cloud.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { modulesRun, servicesRun } from '../../support/bundle-coverage.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');

describe('bundle: what flavor --help runs', () => {
  let dir = '';
  let out = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'ostack-graph-'));
    out = join(dir, 'out');
    const r = spawnSync(process.execPath, [join(root, 'tools', 'bundle-cli.mjs'), out], { encoding: 'utf8' });
    assert.equal(r.status, 0, `bundling should succeed: ${r.stderr}`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('the bundle is CommonJS: one program file and its entry', () => {
    assert.deepEqual(JSON.parse(readFileSync(join(out, 'package.json'), 'utf8')), { type: 'commonjs' });
    const entry = readFileSync(join(out, 'ostack.js'), 'utf8');
    assert.match(entry, /^#!\/usr\/bin\/env node\n/, 'the entry runs as a program');
    assert.match(entry, /cli\.js/, 'the entry loads cli.js');
    assert.match(entry, /"[0-9a-f]{16}"/, 'the entry names the bundle’s content hash');
  });

  test('no service code runs, and commander’s node:child_process is not loaded', () => {
    // a preload that prints the Node built-ins loaded by the time the process exits
    const preload = join(dir, 'builtins.cjs');
    writeFileSync(
      preload,
      "process.on('exit', () => process.stderr.write(JSON.stringify(process.moduleLoadList)));",
    );
    const coverage = join(dir, 'coverage');
    const r = spawnSync(process.execPath, ['-r', preload, join(out, 'ostack.js'), 'flavor', '--help'], {
      encoding: 'utf8',
      env: { ...process.env, NODE_V8_COVERAGE: coverage, NODE_COMPILE_CACHE: join(dir, 'cc') },
    });
    assert.equal(r.status, 0, `ostack flavor --help should succeed: ${r.stderr}`);
    assert.match(r.stdout, /Usage: ostack flavor/, 'the help is printed, so commander ran');
    const loaded = JSON.parse(r.stderr.slice(r.stderr.indexOf('['))) as string[];
    assert.ok(loaded.includes('NativeModule events'), 'the preload sees the built-ins commander loads');
    assert.ok(
      !loaded.includes('NativeModule child_process'),
      'child_process should not be loaded: ostack has no executable subcommands',
    );
    const ran = modulesRun(coverage, join(out, 'cli.js'));
    assert.ok(ran.has('src/cli/program.ts'), `the command tree ran: ${[...ran].join(' ')}`);
    assert.deepEqual(servicesRun(ran), [], 'help needs no service');
    assert.ok(!ran.has('src/connection-core.ts'), 'nor a connection');
    assert.ok(![...ran].some((m) => m.startsWith('node_modules/yaml/')), 'nor the YAML parser');
  });
});
