#!/usr/bin/env node
// Counts documented / all exported symbols of the API reference, from TypeDoc's JSON output:
//
//   npx typedoc --json /tmp/api.json && node tools/docs-coverage.mjs /tmp/api.json
//
// "Symbols" are what `npm run docs` requires to be documented (typedoc.json
// requiredToBeDocumented, plus properties declared on exported classes and interfaces, see
// tools/typedoc-verbs.mjs); the members of inferred object types (a resource's fields) are
// not counted.
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node tools/docs-coverage.mjs <typedoc.json output>');
  process.exit(2);
}
const project = JSON.parse(readFileSync(file, 'utf8'));

// ReflectionKind values (typedoc/models/kind)
const K = {
  Namespace: 4,
  Enum: 8,
  EnumMember: 16,
  Variable: 32,
  Function: 64,
  Class: 128,
  Interface: 256,
  Constructor: 512,
  Property: 1024,
  Method: 2048,
  Accessor: 262144,
  TypeAlias: 2097152,
};
const REQUIRED = new Set([K.Namespace, K.Enum, K.EnumMember, K.Variable, K.Function, K.Class, K.Interface, K.Method, K.Accessor, K.TypeAlias]);

const has = (c) => Boolean(c && ((c.summary && c.summary.length) || (c.blockTags && c.blockTags.length)));
function documented(r) {
  if (has(r.comment)) return true;
  const sigs = r.signatures ?? (r.getSignature ? [r.getSignature] : r.type?.declaration?.signatures);
  return Boolean(sigs?.length && sigs.every((s) => has(s.comment)));
}

const counts = { required: [0, 0] };
const missing = [];
function walk(r, parent, path) {
  const name = path ? `${path}.${r.name}` : r.name;
  const declared = r.kind === K.Property && parent && (parent.kind === K.Class || parent.kind === K.Interface);
  const isErrorName = declared && r.name === 'name' && parent.name.endsWith('Error');
  if (!r.inheritedFrom && !isErrorName && (REQUIRED.has(r.kind) || declared)) {
    const ok = documented(r);
    counts.required[1]++;
    if (ok) counts.required[0]++;
    else missing.push(name);
  }
  for (const c of r.children ?? []) walk(c, r, name);
}
for (const c of project.children ?? []) walk(c, project, '');

const [d, a] = counts.required;
console.log(`documented exported symbols: ${d} / ${a}`);
if (missing.length) console.log(`undocumented:\n  ${missing.join('\n  ')}`);
