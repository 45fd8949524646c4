#!/usr/bin/env node
// Builds the CommonJS entry points into dist/cjs/ (run after tsc, which writes the ESM build):
//   index.cjs        one bundle of src/index.ts (the dependencies stay external: they are required)
//   index.d.cts      the declarations rolled into one file by API Extractor, so a `require` consumer
//                    gets CommonJS-flavoured types that import no ES module
//   <service>.cjs    each service subpath, as the matching namespace of index.cjs (one copy of every
//                    class, so `instanceof NotFoundError` holds across subpaths), and its .d.cts
// The package's "exports" map points `require` here and `import` at the ESM build (see package.json).
//
//   node tools/build-cjs.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';
import { build } from 'esbuild';
import { SERVICE_SUBPATHS } from './package-subpaths.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'cjs');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
mkdirSync(out, { recursive: true });

await build({
  entryPoints: [join(root, 'src', 'index.ts')],
  outfile: join(out, 'index.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: Object.keys(pkg.dependencies ?? {}),
  // the transport finds undici's files through createRequire(import.meta.url): give CommonJS the same URL
  define: { 'import.meta.url': '__ossdkModuleUrl' },
  banner: { js: "const __ossdkModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  sourcemap: true,
  sourcesContent: false, // the map points into the shipped src/ instead
  logLevel: 'warning',
  legalComments: 'none',
});

const configPath = join(root, 'api-extractor.json');
const config = ExtractorConfig.loadFile(configPath);
config.apiReport = { ...config.apiReport, enabled: false };
config.dtsRollup = { enabled: true, untrimmedFilePath: join(out, 'index.d.cts'), omitTrimmingComments: true };
const result = Extractor.invoke(
  ExtractorConfig.prepare({
    configObject: config,
    configObjectFullPath: configPath,
    packageJsonFullPath: join(root, 'package.json'),
  }),
  {
    localBuild: true,
    // the report run (tools/api-report.mjs) shows API Extractor's messages; here only failure matters
    messageCallback: (m) => {
      if (m.logLevel === 'error') console.error(m.text);
      m.handled = true;
    },
  },
);
if (!result.succeeded) {
  console.error('build-cjs: API Extractor could not roll up dist/index.d.ts');
  process.exit(1);
}

for (const { subpath, namespace } of SERVICE_SUBPATHS) {
  const file = subpath.replace(/^\.\//, '');
  writeFileSync(join(out, `${file}.cjs`), `'use strict';\nmodule.exports = require('./index.cjs').${namespace};\n`);
  writeFileSync(join(out, `${file}.d.cts`), `import { ${namespace} } from './index.cjs';\nexport = ${namespace};\n`);
}
