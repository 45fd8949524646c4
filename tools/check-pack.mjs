#!/usr/bin/env node
// Checks what `npm pack` would put in the published tarball (run `npm run build` first):
// the entry points (ESM and CommonJS, every subpath of "exports") and their types, the CLI,
// README/LICENSE/CHANGELOG, the library's sources that its source and declaration maps point to,
// and nothing that is only for developing the SDK (tests, benchmarks, tools, the generated API
// docs, secrets).
// Prints the file count and the packed / unpacked size.
//
//   node tools/check-pack.mjs          (npm run pack:check)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportsEntry, SERVICE_SUBPATHS } from './package-subpaths.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// Crossing it means something unplanned got in. The tarball was ~2.2 MiB when Node's chunked ESM
// build (dist/node/, ~0.3 MiB packed) joined the per-module, CommonJS and CLI builds.
const MAX_PACKED_BYTES = 3 * 1024 * 1024;

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
  // conditions nest (import/require → types/default): every leaf must be shipped
  const leaves = (v) => (typeof v === 'string' ? [v] : Object.values(v).flatMap(leaves));
  for (const t of leaves(value)) required.add(norm(t));
  // a condition whose targets are files (not more conditions) must name its types
  const checkTypes = (v, path) => {
    if (typeof v !== 'object') return;
    const values = Object.values(v);
    if (values.every((x) => typeof x === 'string')) {
      if (!v.types) problems.push(`exports["${key}"]${path} has no "types" condition`);
      return;
    }
    for (const [cond, target] of Object.entries(v)) checkTypes(target, `${path}.${cond}`);
  };
  if (typeof value === 'object') for (const [cond, target] of Object.entries(value)) checkTypes(target, `.${cond}`);
}
// the subpath list the CommonJS build uses and the "exports" map must agree
for (const s of SERVICE_SUBPATHS) {
  if (JSON.stringify(pkg.exports?.[s.subpath]) !== JSON.stringify(exportsEntry(s)))
    problems.push(`exports["${s.subpath}"] differs from tools/package-subpaths.mjs: ${JSON.stringify(exportsEntry(s))}`);
}
for (const r of required) if (!have.has(r)) problems.push(`missing: ${r}`);

const forbidden = [
  [/^(test|tests|bench|tools|examples|api|docs)\//, 'development-only directory'],
  [/(^|\/)__tests__\/|\.(test|spec)\.[cm]?[jt]s$/, 'a test'],
  // src/ is shipped for the maps: only the library's modules, not the CLI's (bundled, no maps)
  [/^src\/cli\//, 'CLI source (the CLI is a bundle without maps)'],
  [/^(?!src\/).*\.ts$/, 'TypeScript source outside src/'],
  [/(^|\/)(clouds|secure)\.ya?ml$|(^|\/)\.env/, 'cloud credentials'],
  [/(^|\/)node_modules\/|\.tgz$|\.log$/, 'build or install leftover'],
];
for (const f of files) {
  if (/\.d\.c?ts(\.map)?$/.test(f) && f.startsWith('dist/')) continue;
  const hit = forbidden.find(([re]) => re.test(f));
  if (hit) problems.push(`${f}: ${hit[1]} must not be published`);
}

// Types present: every module a user can import has its declaration file next to it.
// dist/ostack/ is the CLI bundle (run, never imported), so it has none; dist/node/ (Node's one-file
// ES modules) shares the per-module build's declarations through the "exports" map.
for (const f of files) {
  if (!f.startsWith('dist/') || /^dist\/(ostack|cjs|node)\//.test(f) || !f.endsWith('.js')) continue;
  const dts = f.replace(/\.js$/, '.d.ts');
  if (!have.has(dts)) problems.push(`${f}: no ${dts}`);
  // tsc never deletes output: a compiled file whose source is gone would still be published
  const src = f.replace(/^dist\//, 'src/').replace(/\.js$/, '.ts');
  if (!existsSync(join(root, src)))
    problems.push(`${f}: stale build output (no ${src}): rebuild from an empty dist/`);
}
// Maps: every ESM module and declaration of the library has one, and the source it names is shipped.
for (const f of files) {
  if (!f.startsWith('dist/') || f.startsWith('dist/ostack/') || !/\.(js|d\.ts|cjs)$/.test(f)) continue;
  // one-line subpath re-exports (CommonJS and Node's ES build) and the rolled-up types
  if (/^dist\/cjs\/(?!index\.cjs$)/.test(f) || /^dist\/node\/(?!index\.js$)/.test(f)) continue;
  if (!have.has(`${f}.map`)) problems.push(`${f}: no ${f}.map`);
}
for (const f of files.filter((x) => x.endsWith('.map') && have.has(x.replace(/\.map$/, '')))) {
  const map = JSON.parse(readFileSync(join(root, f), 'utf8'));
  for (const s of map.sources ?? []) {
    const target = norm(join(dirname(f), s));
    if (!have.has(target)) problems.push(`${f}: names ${target}, which is not shipped`);
  }
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
const dts = files.filter((f) => /\.d\.c?ts$/.test(f)).length;
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
