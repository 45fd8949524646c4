#!/usr/bin/env node
// Builds the ES module entry points Node.js loads into dist/node/ (run after tsc):
//   index.js                 the root entry: the whole SDK in one file (its dependencies stay
//                            packages of their own)
//   <service>.js             each service subpath: the root's namespace of that service, re-exported
//                            name by name, so every class exists once and `instanceof` holds across
//                            subpaths
// Why one file: Node 20's ES module loader spends about 0.7 ms of CPU on each file it loads. The
// per-module build (dist/**/*.js, ~260 modules behind the root) made `import('openstack-sdk')`
// cost ~180 ms over `node -e 0`, esbuild's code splitting (the root plus ~40 shared chunks) ~59 ms,
// one file ~45 ms. A subpath alone now loads the root too; a program needs the root anyway (Session,
// the auth plugins and Connection live only there). Browsers, workers, Deno, Bun and bundlers
// aiming at them keep the per-module build, which tree-shakes module by module.
// The package's "exports" map sends the `node` condition here (tools/package-subpaths.mjs).
//
//   node tools/build-node-esm.mjs
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { SERVICE_SUBPATHS } from './package-subpaths.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'node');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// dependencies stay packages of their own; the transport finds undici's files through
// createRequire(import.meta.url), which resolves from dist/node/ as from dist/
const external = Object.keys(pkg.dependencies ?? {}).filter((d) => d !== '@noble/hashes');

/**
 * @noble/hashes is six small modules the root imports at once, each a file for Node's ES loader
 * (~0.7 ms each): they go into one file of their own, dist/node/noble.js, which the root imports.
 * Not into the root itself, whose source map would then name files this package does not ship.
 */
const NOBLE_MODULES = ['hmac', 'legacy', 'sha2', 'utils'];
const nobleFile = {
  name: 'noble-file',
  setup(b) {
    b.onResolve({ filter: /^@noble\/hashes\// }, () => ({ path: './noble.js', external: true }));
  },
};

/** The file name (without .js) of a subpath's entry in dist/node/. */
function nodeEntryName(s) {
  return s.subpath.replace(/^\.\//, '');
}

rmSync(out, { recursive: true, force: true });
await build({
  stdin: {
    contents: NOBLE_MODULES.map((m) => `export * from '@noble/hashes/${m}.js';`).join('\n'),
    resolveDir: root,
    loader: 'js',
  },
  outfile: join(out, 'noble.js'),
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  legalComments: 'none',
});
const result = await build({
  entryPoints: { index: join(root, 'src', 'index.ts') },
  outdir: out,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
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
  plugins: [nobleFile],
});

// The names each subpath exports: what esbuild finds its index.ts exporting at run time (types
// vanish). Only read from the metafile, nothing written.
const analysis = await build({
  entryPoints: Object.fromEntries(
    SERVICE_SUBPATHS.map((s) => [nodeEntryName(s), join(root, 'src', 'services', s.folder, 'index.ts')]),
  ),
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  write: false,
  metafile: true,
  logLevel: 'warning',
});
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
for (const s of SERVICE_SUBPATHS) {
  const file = join(out, `${nodeEntryName(s)}.js`);
  const output = Object.values(analysis.metafile.outputs).find(
    (o) => o.entryPoint === `src/services/${s.folder}/index.ts`,
  );
  if (!output) throw new Error(`build-node-esm: esbuild reported no output for src/services/${s.folder}/index.ts`);
  const bad = output.exports.filter((n) => !IDENTIFIER.test(n) || n === 'default');
  if (bad.length > 0)
    throw new Error(
      `build-node-esm: src/services/${s.folder}/index.ts exports ${bad.join(', ')}, which a destructuring re-export cannot name: export it under an identifier`,
    );
  writeFileSync(
    file,
    `// The ${s.subpath.slice(2)} subpath: the root's \`${s.namespace}\` namespace (one copy of every class).\n` +
      `import { ${s.namespace} as ns } from './index.js';\nexport const { ${output.exports.join(', ')} } = ns;\n`,
  );
  // a name the namespace lacks would be exported as undefined: check the file against the namespace
  const loaded = await import(pathToFileURL(file).href);
  const missing = output.exports.filter((n) => loaded[n] === undefined);
  if (missing.length > 0)
    throw new Error(`build-node-esm: the root's ${s.namespace} namespace has no ${missing.join(', ')} for ${s.subpath}`);
}

const files = Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js'));
const bytes = files.reduce((n, f) => n + result.metafile.outputs[f].bytes, 0);
console.log(
  `build-node-esm: the root entry in one file (${(bytes / 1024).toFixed(0)} KiB) and ${SERVICE_SUBPATHS.length} subpaths re-exporting its namespaces in dist/node/`,
);
