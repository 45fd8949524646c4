#!/usr/bin/env node
// Type-checks every ```ts block inside an `@example` of a TSDoc comment in src/**/*.ts against the
// BUILT package (run `npm run build` first), the way tools/check-docs.mjs checks the Markdown: an
// example shown in the API reference must compile in a user's strict project.
//
//   node tools/check-tsdoc-examples.mjs          (npm run docs:examples)
//
// Each example is a module body that may use `conn`, an open `Connection`: the checker declares it
// unless the example makes its own `conn`. Anything else the example uses it imports itself, at
// its top, from 'openstack-sdk'. A block that does not compile fails with its source file and line.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { snippetProject } from './snippet-project.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function sources(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/**
 * ```ts blocks of the @example tags of a file: { line (1-based, first code line), code }, and the
 * lines of @example tags without one (code outside a ```ts fence would escape the check).
 */
function examplesOf(text) {
  const lines = text.split('\n');
  const out = [];
  const unfenced = [];
  let pending = null;
  let inComment = false;
  let inExample = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (!inComment && /^\s*\/\*\*/.test(raw)) inComment = true;
    if (!inComment) continue;
    const ends = raw.includes('*/');
    const body = raw.replace(/^\s*\/\*\*\s?/, '').replace(/^\s*\*(?!\/) ?/, '').replace(/\s*\*\/\s*$/, '');
    if (/^@\w+/.test(body.trim())) {
      if (pending) unfenced.push(pending);
      inExample = body.trim().startsWith('@example');
      pending = inExample ? i + 1 : null;
    }
    const open = inExample && /^\s*```(ts|typescript)\b/.exec(body);
    if (open) {
      const code = [];
      let j = i + 1;
      for (; j < lines.length; j++) {
        const b = lines[j].replace(/^\s*\*(?!\/) ?/, '');
        if (/^\s*```\s*$/.test(b) || lines[j].includes('*/')) break;
        code.push(b);
      }
      out.push({ line: i + 2, code: code.join('\n') });
      pending = null;
      i = j;
      continue;
    }
    if (ends) {
      if (pending) unfenced.push(pending);
      pending = null;
      inComment = false;
      inExample = false;
    }
  }
  return { examples: out, unfenced };
}

if (!existsSync(join(root, 'dist', 'index.d.ts'))) {
  console.error('check-tsdoc-examples: dist/index.d.ts is missing; run `npm run build` first');
  process.exit(2);
}

const project = snippetProject(root, 'ossdk-tsdoc-examples');

const PRELUDE = "import type { Connection as ExampleConnection } from 'openstack-sdk';\ndeclare const conn: ExampleConnection;\n";
const snippets = [];
const unfenced = [];
for (const src of sources(join(root, 'src'))) {
  const rel = relative(root, src);
  const found = examplesOf(readFileSync(src, 'utf8'));
  for (const line of found.unfenced) unfenced.push(`${rel}:${line}: @example without a \`\`\`ts block`);
  for (const ex of found.examples) {
    const ownConn = /\b(?:const|let|var)\s+conn\b/.test(ex.code);
    const prelude = ownConn ? '' : PRELUDE;
    const file = `${rel.replace(/[/\\.]/g, '_')}_L${ex.line}.ts`;
    project.add(file, `${prelude}${ex.code}`);
    snippets.push({ source: rel, line: ex.line, file, offset: prelude.split('\n').length - 1 });
  }
}
if (unfenced.length) {
  console.error(unfenced.join('\n'));
  process.exit(1);
}
if (!snippets.length) {
  console.log('check-tsdoc-examples: no @example blocks in src/');
  process.exit(0);
}
const tsc = project.compile(snippets);
const files = new Set(snippets.map((s) => s.source)).size;
if (!tsc.ok) {
  console.error(tsc.output);
  console.error(`check-tsdoc-examples: ${snippets.length} @example blocks in ${files} files: type errors above`);
  process.exit(1);
}
console.log(
  `check-tsdoc-examples: ${snippets.length} @example blocks in ${files} files compile (strict, built package) in ${tsc.ms} ms`,
);
