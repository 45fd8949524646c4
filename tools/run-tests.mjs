#!/usr/bin/env node
// Runs node's built-in test runner over our TypeScript tests through tsx.
// Node 20's --test does not expand globs itself, so the files are listed here.
//
//   node tools/run-tests.mjs [unit|functional|all] [node --test options…]
//
// Unit files run two at a time. Functional files share one dev cloud: the core seven's run one at a
// time; the services the dev cloud runs as plugins (tools/devcloud/services/: DNS, load balancer,
// orchestration, key manager, shared file systems, bare metal) touch nothing the core tests use,
// so their folders (SDK and CLI tests alike) form a second lane beside the first, also one file at
// a time: two files of one service at once (barbican's orders from its SDK and its CLI tests) made
// its worker lose SQLite write races it does not retry. The second lane's output is held back and
// printed whole when both lanes are done, so the two never interleave.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const which = process.argv[2] ?? 'all';
const extra = process.argv.slice(3);
// test/functional/<dir> of the plugin services: the second lane
const PLUGIN_SERVICE_DIRS = new Set([
  'dns',
  'load-balancer',
  'orchestration',
  'key-manager',
  'shared-file-system',
  'baremetal',
  // real guests on 2 cores: in the lane that runs one file at a time
  'dataplane',
]);

function walk(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

/** Runs one `node --test` over `files`; resolves with its exit status (and its output if held). */
function run(files, concurrency, hold) {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--test',
        `--test-concurrency=${concurrency}`,
        // a test that hangs fails after 10 minutes instead of stalling CI; handles a test leaves open do not keep it alive
        '--test-timeout=600000',
        '--test-force-exit',
        '--test-reporter=spec',
        ...extra,
        ...files,
      ],
      { stdio: hold ? ['ignore', 'pipe', 'pipe'] : 'inherit' },
    );
    const chunks = [];
    if (hold) {
      child.stdout.on('data', (c) => chunks.push(c));
      child.stderr.on('data', (c) => chunks.push(c));
    }
    child.on('close', (code, signal) => resolve({ status: code ?? (signal ? 1 : 0), output: Buffer.concat(chunks) }));
  });
}

const unit = which === 'unit' || which === 'all' ? walk('test/unit') : [];
const functional = which === 'functional' || which === 'all' ? walk('test/functional') : [];
if (!['unit', 'functional', 'all'].includes(which)) {
  console.error(`usage: run-tests.mjs [unit|functional|all] (got ${which})`);
  process.exit(2);
}
if (unit.length + functional.length === 0) {
  console.error(`no test files for ${which}`);
  process.exit(1);
}

let failed = false;
if (unit.length) failed = (await run(unit, 2, false)).status !== 0 || failed;
if (functional.length) {
  const isPlugin = (f) => PLUGIN_SERVICE_DIRS.has(f.split(/[\\/]/)[2] ?? '');
  const core = functional.filter((f) => !isPlugin(f));
  const plugins = functional.filter(isPlugin);
  const started = Date.now();
  const [a, b] = await Promise.all([
    core.length ? run(core, 1, false) : { status: 0, output: Buffer.alloc(0) },
    plugins.length ? run(plugins, 1, true) : { status: 0, output: Buffer.alloc(0) },
  ]);
  if (plugins.length) {
    const secs = Math.round((Date.now() - started) / 1000);
    process.stdout.write(`\n=== functional tests of the plugin services (second lane, ${plugins.length} files, done within ${secs}s) ===\n`);
    process.stdout.write(b.output);
  }
  failed = a.status !== 0 || b.status !== 0 || failed;
}
process.exit(failed ? 1 : 0);
