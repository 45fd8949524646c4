#!/usr/bin/env node
// The public API report (api/openstack-sdk.api.md): API Extractor's summary of everything
// dist/index.d.ts exports, checked in so that a change to the public surface shows up in review.
//
//   node tools/api-report.mjs check [--no-build]   fail if the report differs from the current tree (CI)
//   node tools/api-report.mjs update [--no-build]  rewrite the report
//
// Both first run `tsc -p tsconfig.build.json` so the report is computed from the current sources;
// --no-build skips that when dist/ was just built (CI builds once, then runs several checks at once,
// and a second tsc writing dist/ while another check reads it could race).
// Settings (which API Extractor messages matter, and why) are in api-extractor.json.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const mode = args.find((a) => !a.startsWith('--'));
if (mode !== 'check' && mode !== 'update') {
  console.error('usage: node tools/api-report.mjs check|update [--no-build]');
  process.exit(2);
}

if (!args.includes('--no-build')) {
  const tsc = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')],
    {
      stdio: 'inherit',
    },
  );
  if (tsc.status !== 0) {
    console.error('api-report: `tsc -p tsconfig.build.json` failed: fix the compile errors first');
    process.exit(1);
  }
}
if (!existsSync(join(root, 'dist', 'index.d.ts'))) {
  console.error('api-report: dist/index.d.ts is missing: run `npm run build` (or drop --no-build)');
  process.exit(2);
}

const config = ExtractorConfig.loadFileAndPrepare(join(root, 'api-extractor.json'));
const report = config.reportConfigs.find((r) => r.variant === 'complete') ?? config.reportConfigs[0];
const reportPath = join(config.reportFolder, report.fileName);
const tempPath = join(config.reportTempFolder, report.fileName);
const rel = (p) => relative(root, p);

// API Extractor's own notes on the report are replaced by the messages below; its analysis
// warnings (those api-extractor.json leaves on) are printed as they come.
const replaced = new Set([
  'console-preamble',
  'console-compiler-version-notice',
  'console-api-report-copied',
  'console-api-report-created',
  'console-api-report-not-copied',
  'console-api-report-unchanged',
  'console-api-report-diff',
  'console-writing-api-report',
]);
const started = Date.now();
const result = Extractor.invoke(config, {
  localBuild: mode === 'update',
  showVerboseMessages: false,
  messageCallback: (message) => {
    if (replaced.has(message.messageId)) message.handled = true;
  },
});
const took = `${((Date.now() - started) / 1000).toFixed(1)} s`;

if (result.errorCount > 0 || result.warningCount > 0) {
  // API Extractor counts its own "the report changed" notice (check: not copied; update: copied) as a
  // warning too; only the other warnings are about the analysis
  const analysis = result.warningCount - (result.apiReportChanged ? 1 : 0);
  if (result.errorCount > 0 || analysis > 0) {
    console.error(
      `api-report: API Extractor reported ${result.errorCount} errors and ${analysis} warnings (above); ` +
        'fix them, or if a message is noise, configure it in api-extractor.json and say why',
    );
    process.exit(1);
  }
}

if (mode === 'update') {
  const size = readFileSync(reportPath).length;
  console.log(
    `api-report: ${rel(reportPath)} ${result.apiReportChanged ? 'updated' : 'unchanged'} (${size} bytes, ${took}); ` +
      (result.apiReportChanged
        ? 'commit it with the change that altered the public API'
        : 'nothing to commit'),
  );
  process.exit(0);
}

if (!result.apiReportChanged) {
  console.log(`api-report: public API matches ${rel(reportPath)} (${took})`);
  process.exit(0);
}
if (existsSync(reportPath)) {
  const diff = spawnSync(
    'diff',
    ['-u', '--label', `${rel(reportPath)} (committed)`, '--label', 'current tree', reportPath, tempPath],
    {
      encoding: 'utf8',
    },
  );
  const lines = (diff.stdout || '').split('\n');
  const shown = 200;
  console.error(lines.slice(0, shown).join('\n'));
  if (lines.length > shown)
    console.error(`... ${lines.length - shown} more diff lines (full report: ${rel(tempPath)})`);
} else {
  console.error(`api-report: ${rel(reportPath)} does not exist yet`);
}
console.error(
  `api-report: the public API (dist/index.d.ts) differs from ${rel(reportPath)} (diff above).\n` +
    '  If the change is deliberate: run `npm run api:update`, commit the report with the change, and add a\n' +
    '  CHANGELOG.md entry under [Unreleased] (Added, Changed or Removed). If it is not: undo the export change.',
);
process.exit(1);
