#!/usr/bin/env node
// Runs node's built-in test runner over our TypeScript tests through tsx.
// Node 20's --test does not expand globs itself, so the files are listed here.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const which = process.argv[2] ?? 'all';
const roots = which === 'all' ? ['test/unit', 'test/functional'] : [`test/${which}`];

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const files = roots.flatMap((r) => walk(r));
if (files.length === 0) {
  console.error(`no test files under ${roots.join(', ')}`);
  process.exit(1);
}
// Functional tests share one dev cloud; run files one at a time so they do not starve it.
const concurrency = which === 'unit' ? '2' : '1';
const extra = process.argv.slice(3);
const r = spawnSync(
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
  { stdio: 'inherit' },
);
process.exit(r.status ?? 1);
