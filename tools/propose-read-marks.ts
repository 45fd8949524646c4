/**
 * Proposes read-type marks for resource declarations from the vendored upstream API samples:
 * per bound resource, the fields present in every full response sample (candidates for
 * `.always()`) and the fields null in some sample (candidates for `.returnsNull()`), plus the
 * samples much smaller than the others (candidates for a binding's `partial`). The
 * declarations stay the source of truth: review each proposal against the API reference
 * (policy-dependent and admin-only keys appear in every sample yet not in every answer).
 *
 *   node --import tsx tools/propose-read-marks.ts [filter] [--all]
 *
 * `filter` keeps resources whose service or name contains it; `--all` also lists resources
 * with nothing to propose.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { apiName, type FieldSpec } from '../src/resource/field.js';
import { candidates, type SampleBinding } from '../test/unit/conformance/harness.js';
import { readsNull } from '../test/unit/conformance/read-shape.js';
import { readSample } from '../test/support/api-samples.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bindingsDir = join(root, 'test/unit/conformance/bindings');
const args = process.argv.slice(2);
const filter = args.find((a) => !a.startsWith('--'));
const showAll = args.includes('--all');

interface Seen {
  service: string;
  bodies: { path: string; keys: Set<string>; full: boolean }[];
  nullIn: Map<string, string>;
}

/** Response bodies of a binding's samples (one per listed item), with the sample path. */
function bodies(b: SampleBinding): { path: string; body: Record<string, unknown> }[] {
  const out: { path: string; body: Record<string, unknown> }[] = [];
  for (const e of candidates(b)) {
    if (e.kind !== 'response') continue;
    const doc = readSample(e) as Record<string, unknown> | null;
    if (!doc || typeof doc !== 'object') continue;
    const one = b.def.resourceKey ? doc[b.def.resourceKey] : doc;
    const many = b.def.resourcesKey ? doc[b.def.resourcesKey] : Array.isArray(doc) ? doc : undefined;
    const items = Array.isArray(many) ? many : one && typeof one === 'object' && !Array.isArray(one) ? [one] : [];
    for (const it of items) if (it && typeof it === 'object') out.push({ path: e.path, body: it as Record<string, unknown> });
  }
  return out;
}

const seen = new Map<SampleBinding['def'], Seen>();
for (const file of readdirSync(bindingsDir).filter((f) => f.endsWith('.ts')).sort()) {
  const mod = (await import(pathToFileURL(join(bindingsDir, file)).href)) as { bindings: SampleBinding[] };
  for (const b of mod.bindings) {
    const s: Seen = seen.get(b.def) ?? { service: b.service, bodies: [], nullIn: new Map() };
    for (const { path, body } of bodies(b)) {
      s.bodies.push({ path, keys: new Set(Object.keys(body)), full: !b.partial?.test(path) });
      for (const [k, v] of Object.entries(body)) if (v === null && !s.nullIn.has(k)) s.nullIn.set(k, path);
    }
    seen.set(b.def, s);
  }
}

for (const [def, s] of seen) {
  if (filter && !s.service.includes(filter) && !def.name.includes(filter)) continue;
  const full = s.bodies.filter((x) => x.full);
  const always: string[] = [];
  const nulls: string[] = [];
  for (const [name, spec] of Object.entries(def.fields as Record<string, FieldSpec>)) {
    if (spec.location !== 'body') continue;
    const api = apiName(name, spec);
    const gated = !!(spec.minVersion || spec.maxVersion);
    if (!spec.alwaysPresent && !gated && full.length > 0 && full.every((x) => x.keys.has(api)))
      always.push(`${name} (${api})`);
    const nullPath = s.nullIn.get(api);
    if (nullPath && !readsNull(spec)) nulls.push(`${name} (${api}) null in ${nullPath}`);
  }
  const most = Math.max(0, ...full.map((x) => x.keys.size));
  const small = [...new Set(full.filter((x) => x.keys.size * 2 < most).map((x) => `${x.path} (${x.keys.size}/${most} keys)`))];
  if (!showAll && !always.length && !nulls.length && !small.length) continue;
  console.log(`\n${s.service} ${def.name}: ${full.length} full bodies of ${s.bodies.length}`);
  if (always.length) console.log(`  always?      ${always.join(', ')}`);
  if (nulls.length) console.log(`  returnsNull? ${nulls.join('\n               ')}`);
  if (small.length) console.log(`  partial?     ${small.join('\n               ')}`);
}
