#!/usr/bin/env node
// Bundles the `ostack` CLI (src/cli/main.ts and everything it imports, commander, yaml and the
// table and progress libraries included) into dist/ostack/, one file per lazily loaded command
// group. Start-up is most of a CLI call: one bundle instead of ~250 ES modules from dist/ and
// node_modules saves about a third of the CPU time before the first request (bench/ workload 4).
// undici stays external: the transport loads two of its files directly (src/transport/http-client.ts).
//
//   node tools/bundle-cli.mjs [outdir]     # default dist/ostack
//   OSTACK_BUNDLE_META=meta.json node tools/bundle-cli.mjs   # also write esbuild's metafile (the chunk graph)
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = process.argv[2] ?? join(root, 'dist', 'ostack');

/**
 * commander requires node:child_process at load, for executable subcommands, which ostack has
 * none of: loading it anyway costs every run ~7 M instructions (valgrind). Commander gets an
 * object that loads the module on first use instead.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer)
        ? { path: 'child_process', namespace: 'lazy-child-process' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents:
        "let m; module.exports = new Proxy({}, { get: (_t, k) => (m ??= require('node:child_process'))[k] });",
      loader: 'js',
    }));
  },
};

// chunk names carry content hashes: start empty so no stale chunk is shipped
rmSync(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints: { ostack: join(root, 'src', 'cli', 'main.ts') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['undici'],
  // CommonJS dependencies (cli-table3, cli-progress) call require() for node built-ins
  banner: { js: "import { createRequire as __ostackRequire } from 'node:module'; const require = __ostackRequire(import.meta.url);" },
  logLevel: 'warning',
  legalComments: 'none',
  metafile: !!process.env.OSTACK_BUNDLE_META,
  plugins: [lazyChildProcess],
});
if (process.env.OSTACK_BUNDLE_META) writeFileSync(process.env.OSTACK_BUNDLE_META, JSON.stringify(result.metafile));
