#!/usr/bin/env node
// Builds the ES module entry points Node.js loads into dist/node/ (run after tsc):
//   index.js, <service>.js   one file per entry point of "exports" (the root and each service
//                            subpath), the code they share split into chunks/, so every class
//                            exists once and `instanceof` holds across subpaths
// Why: Node 20's ES module loader spends about 0.7 ms on each file it loads, and the per-module
// build (dist/**/*.js, ~260 modules behind the root) made `import('openstack-sdk')` cost ~180 ms
// over `node -e 0`; a few chunks cost a third of that. Browsers, workers, Deno, Bun and bundlers
// aiming at them keep the per-module build, which tree-shakes module by module.
// The package's "exports" map sends the `node` condition here (tools/package-subpaths.mjs).
//
//   node tools/build-node-esm.mjs
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { SERVICE_SUBPATHS } from './package-subpaths.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'node');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const entryPoints = { index: join(root, 'src', 'index.ts') };
for (const s of SERVICE_SUBPATHS) entryPoints[nodeEntryName(s)] = join(root, 'src', 'services', s.folder, 'index.ts');

/** The file name (without .js) of a subpath's entry in dist/node/. */
function nodeEntryName(s) {
  return s.subpath.replace(/^\.\//, '');
}

// chunk names carry a content hash: clear out the previous build's
rmSync(out, { recursive: true, force: true });
const result = await build({
  entryPoints,
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  // dependencies stay packages of their own; the transport finds undici's files through
  // createRequire(import.meta.url), which resolves from dist/node/ as from dist/
  external: Object.keys(pkg.dependencies ?? {}),
  // esbuild turns `require` into a stub that throws in ES module output ("Dynamic require of "yaml"
  // is not supported"); the config loader's synchronous require('yaml') needs Node's own
  banner: { js: "import { createRequire as __ossdkCreateRequire } from 'node:module';\nconst require = __ossdkCreateRequire(import.meta.url);" },
  // whitespace and syntax only: names stay readable in stack traces; the map leads to src/
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: true,
  sourcesContent: false, // the map points into the shipped src/ instead
  logLevel: 'warning',
  legalComments: 'none',
  metafile: true,
});
const files = Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js'));
const bytes = files.reduce((n, f) => n + result.metafile.outputs[f].bytes, 0);
console.log(
  `build-node-esm: ${Object.keys(entryPoints).length} entry points and ${files.length - Object.keys(entryPoints).length} chunks in dist/node/ (${(bytes / 1024).toFixed(0)} KiB)`,
);
