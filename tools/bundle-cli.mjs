#!/usr/bin/env node
// Bundles the `ostack` CLI (src/cli/run.ts and everything it imports, commander, yaml and the
// table and progress libraries included) into dist/ostack/cli.js, one CommonJS file, and its
// entry src/cli/bin.ts into dist/ostack/ostack.js, which runs the bundle with V8's code cache.
// Start-up is most of a CLI call: one bundle instead of ~250 ES modules from dist/ and
// node_modules, and compiled code kept between runs (bench/ workload 4c; the figures are in
// docs/guides/startup-and-bundle-size.md).
// undici stays external: the transport loads two of its files directly (src/transport/http-client.ts).
//
//   node tools/bundle-cli.mjs [outdir]     # default dist/ostack
//   OSTACK_BUNDLE_META=meta.json node tools/bundle-cli.mjs   # also write esbuild's metafile (the chunk graph)
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
// the CLI is CommonJS: vm.Script can run it with V8's code cache (src/cli/code-cache.ts), which
// Node 20 offers for no ES module
writeFileSync(join(outdir, 'package.json'), '{ "type": "commonjs" }\n');
const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['undici'],
  // dynamic import() of a built-in becomes require(): a vm.Script has no ES module loader
  supported: { 'dynamic-import': false },
  logLevel: 'warning',
  legalComments: 'none',
};
// one file: Node's ES loader cost ~0.7 ms per chunk, and the code cache covers one script. A
// command group, a service and yaml still run only when used (esbuild's lazy module wrappers).
const result = await build({
  ...common,
  entryPoints: [join(root, 'src', 'cli', 'run.ts')],
  outfile: join(outdir, 'cli.js'),
  // the transport's createRequire(import.meta.url) finds undici next to the bundle
  define: { 'import.meta.url': '__ostackBundleUrl' },
  banner: { js: "const __ostackBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  metafile: !!process.env.OSTACK_BUNDLE_META,
  plugins: [lazyChildProcess],
});
if (process.env.OSTACK_BUNDLE_META) writeFileSync(process.env.OSTACK_BUNDLE_META, JSON.stringify(result.metafile));
// the entry names the bundle's content hash: a rebuilt bundle never takes an older code cache
const id = createHash('sha256').update(readFileSync(join(outdir, 'cli.js'))).digest('hex').slice(0, 16);
await build({
  ...common,
  entryPoints: [join(root, 'src', 'cli', 'bin.ts')],
  outfile: join(outdir, 'ostack.js'),
  define: { __OSTACK_BUNDLE_ID__: JSON.stringify(id) },
});
