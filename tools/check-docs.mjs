#!/usr/bin/env node
// Type-checks every TypeScript code block in README.md, CONTRIBUTING.md and docs/**/*.md against
// the BUILT package (run `npm run build` first), as a user's strict project would see it, and runs
// the blocks marked to run against the cloud in OS_CLIENT_CONFIG_FILE.
//
//   node tools/check-docs.mjs            type-check every block (CI)
//   node tools/check-docs.mjs --run      also run the blocks whose fence says `ts run`
//   node tools/check-docs.mjs FILE.md…   only these files
//
// Fences: ```ts / ```typescript = a complete ES module that must compile with --strict;
// ```ts run = the same, and `--run` executes it (in file order, each block a fresh process);
// anything else (bash, yaml, text, ```ts-fragment for excerpts of the SDK's own sources shown in the
// contributor guide) is not compiled. A block that does not compile fails with its Markdown file and line.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { snippetProject } from './snippet-project.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const run = args.includes('--run');
const only = args.filter((a) => !a.startsWith('--')).map((a) => resolve(a));

function markdownFiles() {
  if (only.length) return only;
  const out = [];
  for (const top of ['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md']) if (existsSync(join(root, top))) out.push(join(root, top));
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) {
        if (p !== join(root, 'docs', 'api')) walk(p);
      } else if (name.endsWith('.md')) out.push(p);
    }
  };
  if (existsSync(join(root, 'docs'))) walk(join(root, 'docs'));
  return out;
}

/** Fenced blocks of a Markdown text: { lang, flags, line (1-based line of the first code line), code }. */
function blocksOf(text) {
  const lines = text.split('\n');
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)\s*(.*)$/.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, lang, rest] = open;
    const body = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      if (lines[j].trimStart().startsWith(fence) && lines[j].trim() === fence.padEnd(lines[j].trim().length, fence[0])) break;
      body.push(lines[j].startsWith(indent) ? lines[j].slice(indent.length) : lines[j]);
    }
    blocks.push({ lang: lang.toLowerCase(), flags: rest.split(/\s+/).filter(Boolean), line: i + 2, code: body.join('\n') });
    i = j;
  }
  return blocks;
}

if (!existsSync(join(root, 'dist', 'index.d.ts'))) {
  console.error('check-docs: dist/index.d.ts is missing; run `npm run build` first');
  process.exit(2);
}

const project = snippetProject(root, 'ossdk-docs-check');
const work = project.dir;

const snippets = [];
for (const md of markdownFiles()) {
  const rel = relative(root, md);
  for (const b of blocksOf(readFileSync(md, 'utf8'))) {
    if (b.lang !== 'ts' && b.lang !== 'typescript') continue;
    const file = `${rel.replace(/[/\\.]/g, '_')}_L${b.line}.ts`;
    project.add(file, b.code);
    snippets.push({ source: rel, line: b.line, file, run: b.flags.includes('run') });
  }
}
if (snippets.length === 0) {
  console.log('check-docs: no TypeScript blocks in the files given');
  process.exit(0);
}
const tsc = project.compile(snippets);
const files = new Set(snippets.map((s) => s.source)).size;
if (!tsc.ok) {
  console.error(tsc.output);
  console.error(`check-docs: ${snippets.length} TypeScript blocks in ${files} files: type errors above`);
  process.exit(1);
}
console.log(`check-docs: ${snippets.length} TypeScript blocks in ${files} files compile (strict, built package) in ${tsc.ms} ms`);

if (run) {
  let failed = 0;
  const runs = snippets.filter((s) => s.run);
  for (const s of runs) {
    const t0 = Date.now();
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(work, s.file)], {
      cwd: root,
      encoding: 'utf8',
      timeout: 300_000,
      env: { ...process.env, OS_CLOUD: process.env.OS_CLOUD ?? process.env.OSSDK_TEST_DEMO_CLOUD ?? 'devcloud-demo' },
    });
    const ok = r.status === 0;
    if (!ok) failed++;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${s.source}:${s.line} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    if (!ok) console.log(`${r.stdout}${r.stderr}${r.error ? String(r.error) : ''}`.trim().replace(/^/gm, '     '));
  }
  console.log(`check-docs --run: ${runs.length - failed} passed, ${failed} failed`);
  if (failed) process.exit(1);
}
