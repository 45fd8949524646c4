#!/usr/bin/env node
// Checks what `npm pack` would put in the published tarball (run `npm run build` first):
// the entry points and their types, the CLI, README/LICENSE/CHANGELOG, and nothing that is only
// for developing the SDK (tests, benchmarks, tools, sources, the generated API docs, secrets).
// Prints the file count and the packed / unpacked size.
//
//   node tools/check-pack.mjs          (npm run pack:check)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// Generous: today's tarball is about a quarter of this; crossing it means something unplanned got in.
const MAX_PACKED_BYTES = 2 * 1024 * 1024;

if (!existsSync(join(root, 'dist', 'index.d.ts'))) {
  console.error('check-pack: dist/index.d.ts is missing: run `npm run build` first');
  process.exit(2);
}

// --ignore-scripts: check what is in dist/ now, without `prepack` rebuilding it underneath other checks
const npm = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
  cwd: root,
  encoding: 'utf8',
});
if (npm.status !== 0) {
  console.error(`check-pack: npm pack --dry-run failed (exit ${npm.status}):\n${npm.stderr}`);
  process.exit(1);
}
const [info] = JSON.parse(npm.stdout);
const files = info.files.map((f) => f.path);
const have = new Set(files);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const problems = [];

const norm = (p) => p.replace(/^\.\//, '');
const required = new Set([
  'package.json',
  'README.md',
  'LICENSE',
  'CHANGELOG.md',
  norm(pkg.main),
  norm(pkg.types),
]);
for (const target of Object.values(pkg.bin ?? {})) required.add(norm(target));
for (const [key, value] of Object.entries(pkg.exports ?? {})) {
  const targets = typeof value === 'string' ? [value] : Object.values(value);
  for (const t of targets) if (typeof t === 'string') required.add(norm(t));
  if (typeof value === 'object' && !value.types) problems.push(`exports["${key}"] has no "types" condition`);
}
for (const r of required) if (!have.has(r)) problems.push(`missing: ${r}`);

const forbidden = [
  [/^(src|test|tests|bench|tools|examples|api|docs)\//, 'development-only directory'],
  [/(^|\/)__tests__\/|\.(test|spec)\.[cm]?[jt]s$/, 'a test'],
  [/\.ts$/, 'TypeScript source'],
  [/\.map$/, 'source map (the sources it points to are not shipped)'],
  [/(^|\/)(clouds|secure)\.ya?ml$|(^|\/)\.env/, 'cloud credentials'],
  [/(^|\/)node_modules\/|\.tgz$|\.log$/, 'build or install leftover'],
];
for (const f of files) {
  if (/\.d\.ts$/.test(f) && f.startsWith('dist/')) continue;
  const hit = forbidden.find(([re]) => re.test(f));
  if (hit) problems.push(`${f}: ${hit[1]} must not be published`);
}

// Types present: every module a user can import has its declaration file next to it.
// dist/ostack/ is the CLI bundle (run, never imported), so it has none.
for (const f of files) {
  if (!f.startsWith('dist/') || f.startsWith('dist/ostack/') || !f.endsWith('.js')) continue;
  const dts = f.replace(/\.js$/, '.d.ts');
  if (!have.has(dts)) problems.push(`${f}: no ${dts}`);
  // tsc never deletes output: a compiled file whose source is gone would still be published
  const src = f.replace(/^dist\//, 'src/').replace(/\.js$/, '.ts');
  if (!existsSync(join(root, src)))
    problems.push(`${f}: stale build output (no ${src}): rebuild from an empty dist/`);
}
const bin = Object.values(pkg.bin ?? {})[0];
if (
  bin &&
  existsSync(join(root, bin)) &&
  !readFileSync(join(root, bin), 'utf8').startsWith('#!/usr/bin/env node')
) {
  problems.push(`${norm(bin)}: the CLI entry point has no #!/usr/bin/env node line`);
}
if (info.size > MAX_PACKED_BYTES) {
  problems.push(
    `packed size ${kib(info.size)} is over the ${kib(MAX_PACKED_BYTES)} budget in tools/check-pack.mjs`,
  );
}

function kib(n) {
  return `${(n / 1024).toFixed(1)} KiB`;
}
const dts = files.filter((f) => f.endsWith('.d.ts')).length;
const cli = files.filter((f) => f.startsWith('dist/ostack/')).length;
const summary =
  `${info.filename}: ${info.entryCount} files (${dts} .d.ts, ${cli} in the CLI bundle), ` +
  `packed ${kib(info.size)}, unpacked ${kib(info.unpackedSize)}`;
if (problems.length) {
  console.error(problems.map((p) => `  ${p}`).join('\n'));
  console.error(`check-pack: ${summary}: ${problems.length} problems above`);
  process.exit(1);
}
console.log(`check-pack: ${summary}: contents OK`);
