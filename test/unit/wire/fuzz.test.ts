/**
 * Property-based fuzzing of the decoding step. Real response bodies from the upstream API
 * samples (test/fixtures/api-samples) are mutated (truncation, wrong types, nulls, extra nesting,
 * HTML, huge strings, non-UTF-8 bytes, odd statuses), served from a stub server and read
 * through the SDK's own verbs. Every outcome is classified against a reference reading of
 * the bytes served:
 *
 * - parsed: the verb returned exactly what a strict reader finds in the body;
 * - typed: the verb threw an OpenStackError subclass;
 * - untyped: it threw anything else;
 * - hang: it did not settle within the per-case timeout;
 * - silent: it returned although the body is unreadable, or returned something else than
 *   the body holds (fewer rows, another resource).
 *
 * Only parsed and typed are allowed. Seeded and reproducible: OSSDK_FUZZ_SEED (default
 * 19019; group n runs with seed + n), OSSDK_FUZZ_RUNS cases per group (default 100, under 10 s for the whole file); set
 * OSSDK_FUZZ_RUNS=2000 for a long run. The summary line gives cases per group and outcomes.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { type Connection, OpenStackError } from '../../../src/index.js';
import { sampleIndex, samplesDir } from '../../support/api-samples.js';
import { startWireStub, type WireAnswer, type WireStub } from '../../support/wire-stub.js';

const RUNS = Number(process.env.OSSDK_FUZZ_RUNS ?? 100);
const SEED = Number(process.env.OSSDK_FUZZ_SEED ?? 19019);
const CASE_TIMEOUT_MS = 5000;

type Outcome = 'parsed' | 'typed' | 'untyped' | 'hang' | 'silent';

type Verb = 'list' | 'get';

interface Group {
  name: string;
  service: string;
  verb: Verb;
  /** The resources key (list) or resource key (get) in the document; null: the document itself. */
  key: string | null;
  /** Whether the verb takes `maxBodyBytes`. */
  capped: boolean;
  /** Run the verb; resolves with the raw rows it returned (list) or the one raw resource (get). */
  run(conn: Connection, opts: { signal: AbortSignal; maxBodyBytes?: number }): Promise<unknown[] | unknown>;
  /** Compare only these fields of each row (swift rows are rebuilt from headers and names). */
  compare?: (row: unknown) => unknown;
}

const raw = (r: { raw: unknown }) => r.raw;

const groups: Group[] = [
  {
    name: 'compute.listFlavors',
    service: 'compute',
    verb: 'list',
    key: 'flavors',
    capped: true,
    run: async (c, o) => (await c.compute.listFlavors({}, o).toArray()).map(raw),
  },
  {
    name: 'compute.getFlavor',
    service: 'compute',
    verb: 'get',
    key: 'flavor',
    capped: true,
    run: async (c, o) => raw(await c.compute.getFlavor('f1', o)),
  },
  {
    name: 'compute.listServers',
    service: 'compute',
    verb: 'list',
    key: 'servers',
    capped: true,
    run: async (c, o) => (await c.compute.listServers({}, o).toArray()).map(raw),
  },
  {
    name: 'compute.getServer',
    service: 'compute',
    verb: 'get',
    key: 'server',
    capped: true,
    run: async (c, o) => raw(await c.compute.getServer('s1', o)),
  },
  {
    name: 'network.listNetworks',
    service: 'network',
    verb: 'list',
    key: 'networks',
    capped: true,
    run: async (c, o) => (await c.network.listNetworks({}, o).toArray()).map(raw),
  },
  {
    name: 'network.getPort',
    service: 'network',
    verb: 'get',
    key: 'port',
    capped: true,
    run: async (c, o) => raw(await c.network.getPort('p1', o)),
  },
  {
    name: 'network.listPorts',
    service: 'network',
    verb: 'list',
    key: 'ports',
    capped: true,
    run: async (c, o) => (await c.network.listPorts({}, o).toArray()).map(raw),
  },
  {
    name: 'blockStorage.listVolumes',
    service: 'block-storage',
    verb: 'list',
    key: 'volumes',
    capped: true,
    run: async (c, o) => (await c.blockStorage.listVolumes({}, o).toArray()).map(raw),
  },
  {
    name: 'blockStorage.getVolume',
    service: 'block-storage',
    verb: 'get',
    key: 'volume',
    capped: true,
    run: async (c, o) => raw(await c.blockStorage.getVolume('v1', o)),
  },
  {
    name: 'image.getImage',
    service: 'image',
    verb: 'get',
    key: null,
    capped: true,
    run: async (c, o) => raw(await c.image.getImage('i1', o)),
  },
  {
    name: 'identity.listProjects',
    service: 'identity',
    verb: 'list',
    key: 'projects',
    capped: true,
    run: async (c, o) => (await c.identity.listProjects({}, o).toArray()).map(raw),
  },
  {
    name: 'objectStore.listObjects',
    service: 'object-store',
    verb: 'list',
    key: null,
    capped: false,
    run: async (c, o) =>
      (await c.objectStore.listObjects('c', {}, { signal: o.signal }).toArray()).map((r) => r.name),
    compare: (row) => (row as { name?: unknown }).name,
  },
];

/** The sample documents of a group: responses whose document has the group's key of the right shape. */
function samplesFor(g: Group): unknown[] {
  const out: unknown[] = [];
  for (const e of sampleIndex()) {
    if (e.service !== g.service || e.kind !== 'response' || e.format !== 'json' || e.valid_json === false)
      continue;
    let d: unknown;
    try {
      d = JSON.parse(readFileSync(join(samplesDir(), e.path), 'utf8'));
    } catch {
      continue;
    }
    const holder = g.key === null ? d : (d as Record<string, unknown> | null)?.[g.key];
    const ok =
      g.verb === 'list'
        ? Array.isArray(holder) &&
          holder.length > 0 &&
          (g.key !== null || holder.every((r) => r !== null && typeof r === 'object' && 'name' in r))
        : holder !== null &&
          typeof holder === 'object' &&
          !Array.isArray(holder) &&
          (g.key !== null || 'disk_format' in (holder as object));
    if (!ok || typeof d !== 'object' || d === null) continue;
    if (g.verb === 'list' && !Array.isArray(d)) {
      // the stub serves one page: links to other pages (example.com hosts) are dropped
      const o = { ...(d as Record<string, unknown>) };
      for (const k of Object.keys(o)) if (k.endsWith('_links') || k === 'links' || k === 'next') delete o[k];
      d = o;
    }
    out.push(d);
  }
  return out;
}

// ------------------------------------------------------------------ mutations

type Mutation =
  | { kind: 'none' }
  | { kind: 'truncate'; at: number }
  | { kind: 'junk-suffix'; junk: string }
  | { kind: 'retype-key'; value: unknown }
  | { kind: 'drop-key' }
  | { kind: 'null-row'; index: number }
  | { kind: 'retype-row'; index: number; value: unknown }
  | { kind: 'retype-field'; index: number; field: number; value: unknown }
  | { kind: 'nest'; how: 'array' | 'data' | 'double-key' }
  | { kind: 'html'; contentType: string | null }
  | { kind: 'huge'; size: number; capBelow: boolean }
  | { kind: 'bytes'; at: number; bytes: number[] }
  | { kind: 'status'; status: 204 | 300 | 202 | 200 };

const jsonValue = fc.jsonValue({ maxDepth: 2 });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant<Mutation>({ kind: 'none' }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    kind: fc.constant('junk-suffix' as const),
    junk: fc.constantFrom('x', ',', '}', '{"a":', '<html>', ']'),
  }),
  fc.record({ kind: fc.constant('retype-key' as const), value: jsonValue }),
  fc.constant<Mutation>({ kind: 'drop-key' }),
  fc.record({ kind: fc.constant('null-row' as const), index: fc.nat(50) }),
  fc.record({ kind: fc.constant('retype-row' as const), index: fc.nat(50), value: jsonValue }),
  fc.record({
    kind: fc.constant('retype-field' as const),
    index: fc.nat(50),
    field: fc.nat(40),
    value: jsonValue,
  }),
  fc.record({
    kind: fc.constant('nest' as const),
    how: fc.constantFrom('array' as const, 'data' as const, 'double-key' as const),
  }),
  fc.record({
    kind: fc.constant('html' as const),
    contentType: fc.constantFrom('text/html; charset=UTF-8', 'application/json', null),
  }),
  fc.record({
    kind: fc.constant('huge' as const),
    size: fc.integer({ min: 64 * 1024, max: 768 * 1024 }),
    capBelow: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('bytes' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    bytes: fc.array(fc.integer({ min: 0x80, max: 0xff }), { minLength: 1, maxLength: 4 }),
  }),
  fc.record({
    kind: fc.constant('status' as const),
    status: fc.constantFrom(204 as const, 300 as const, 202 as const, 200 as const),
  }),
);

interface Served {
  answer: WireAnswer;
  /** The byte length of the body. */
  size: number;
  maxBodyBytes?: number;
}

/** The rows (list) or resource (get) holder of a document, to mutate in place. */
function rowsOf(g: Group, doc: unknown): unknown[] | undefined {
  const h = g.key === null ? doc : (doc as Record<string, unknown>)[g.key];
  return Array.isArray(h) ? h : undefined;
}

function targetObject(g: Group, doc: unknown, index: number): Record<string, unknown> | undefined {
  if (g.verb === 'get')
    return (g.key === null ? doc : (doc as Record<string, unknown>)[g.key]) as Record<string, unknown>;
  const rows = rowsOf(g, doc);
  return rows?.length ? (rows[index % rows.length] as Record<string, unknown>) : undefined;
}

function serve(g: Group, sample: unknown, m: Mutation): Served {
  const doc: any = structuredClone(sample);
  let text: string | Buffer | undefined;
  let status = 200;
  let contentType: string | null = 'application/json';
  let maxBodyBytes: number | undefined;
  switch (m.kind) {
    case 'none':
      break;
    case 'truncate': {
      const t = JSON.stringify(doc);
      text = t.slice(0, Math.floor(m.at * (t.length - 1)));
      break;
    }
    case 'junk-suffix':
      text = JSON.stringify(doc) + m.junk;
      break;
    case 'retype-key':
      if (g.key === null) text = JSON.stringify(m.value);
      else doc[g.key] = m.value;
      break;
    case 'drop-key':
      if (g.key === null) text = '{}';
      else delete doc[g.key];
      break;
    case 'null-row': {
      const rows = rowsOf(g, doc);
      if (rows?.length) rows[m.index % rows.length] = null;
      else if (g.key !== null) doc[g.key] = null;
      else text = 'null';
      break;
    }
    case 'retype-row': {
      const rows = rowsOf(g, doc);
      if (rows?.length) rows[m.index % rows.length] = m.value;
      else if (g.key !== null) doc[g.key] = m.value;
      else text = JSON.stringify(m.value);
      break;
    }
    case 'retype-field': {
      const o = targetObject(g, doc, m.index);
      const keys = o ? Object.keys(o) : [];
      if (o && keys.length) o[keys[m.field % keys.length]!] = m.value;
      break;
    }
    case 'nest':
      if (m.how === 'array') text = JSON.stringify([doc]);
      else if (m.how === 'data') text = JSON.stringify({ data: doc });
      else text = JSON.stringify(g.key === null ? { item: doc } : { [g.key]: doc });
      break;
    case 'html':
      contentType = m.contentType;
      text = '<!DOCTYPE html><html><head><title>503</title></head><body>upstream unavailable</body></html>';
      break;
    case 'huge': {
      const o = targetObject(g, doc, 0);
      if (o) o.name = 'x'.repeat(m.size);
      text = JSON.stringify(doc);
      const size = Buffer.byteLength(text);
      maxBodyBytes = m.capBelow ? Math.floor(size / 2) : size + 1024;
      break;
    }
    case 'bytes': {
      const b = Buffer.from(JSON.stringify(doc));
      const at = Math.floor(m.at * b.length);
      text = Buffer.concat([b.subarray(0, at), Buffer.from(m.bytes), b.subarray(at)]);
      break;
    }
    case 'status':
      status = m.status;
      if (m.status === 204 || m.status === 200) text = '';
      break;
  }
  const body = text ?? JSON.stringify(doc);
  return {
    answer: { status, contentType, body },
    size: Buffer.byteLength(body),
    maxBodyBytes: g.capped ? maxBodyBytes : undefined,
  };
}

// ------------------------------------------------------------------ the reference reader

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** What a strict reader finds in the served bytes: the rows / resource, or undefined when unreadable. */
function reference(g: Group, s: Served): { value: unknown } | undefined {
  const { status, body } = s.answer;
  if (s.maxBodyBytes !== undefined && s.size > s.maxBodyBytes) return undefined;
  if (g.service === 'object-store' && status === 204) return { value: [] };
  if (status !== 200 && status !== 202) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(
      Buffer.isBuffer(body) ? body : Buffer.from(body ?? ''),
    );
  } catch {
    return undefined;
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  const holder = g.key === null ? doc : isObj(doc) ? doc[g.key] : undefined;
  if (g.verb === 'get') return isObj(holder) ? { value: holder } : undefined;
  if (!Array.isArray(holder) || !holder.every(isObj)) return undefined;
  if (g.service === 'object-store') {
    const last = holder.at(-1);
    if (
      last &&
      !(typeof last.name === 'string' && last.name) &&
      !(typeof last.subdir === 'string' && last.subdir)
    )
      return undefined;
    return { value: holder.map((r) => g.compare!(r)) };
  }
  return { value: holder };
}

// ------------------------------------------------------------------ the run

let stub: WireStub;
before(async () => {
  stub = await startWireStub();
});
after(() => stub.close());

test(`fuzz: mutated api-samples through the SDK verbs (seed ${SEED}, ${RUNS} runs per group)`, async (t) => {
  const counts: Record<string, Record<Outcome, number>> = {};
  const byKind: Record<string, number> = {};
  /** Typed errors for bodies the reference reader could read: strictness beyond the reference. */
  let typedReadable = 0;
  const bad: string[] = [];
  let current: Served | undefined;
  stub.answer((req) => {
    // swift pages on by marker: the page after the served one is the end
    if (req.url.includes('marker=')) return { body: '[]' };
    return current!.answer;
  });
  for (const [gi, g] of groups.entries()) {
    const samples = samplesFor(g);
    assert.ok(samples.length > 0, `${g.name}: api samples found`);
    const c: Record<Outcome, number> = { parsed: 0, typed: 0, untyped: 0, hang: 0, silent: 0 };
    counts[g.name] = c;
    const result = await fc.check(
      fc.asyncProperty(fc.nat(samples.length - 1), mutation, async (i, m) => {
        current = serve(g, samples[i], m);
        const expected = reference(g, current);
        const ac = new AbortController();
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<'hang'>((r) => {
          timer = setTimeout(() => {
            ac.abort();
            r('hang');
          }, CASE_TIMEOUT_MS);
        });
        let outcome: Outcome;
        let detail = '';
        try {
          const got = await Promise.race([
            g.run(stub.conn, { signal: ac.signal, maxBodyBytes: current.maxBodyBytes }),
            timeout,
          ]);
          if (got === 'hang') outcome = 'hang';
          else if (!expected) {
            outcome = 'silent';
            detail = `returned ${JSON.stringify(got).slice(0, 120)} for an unreadable body`;
          } else {
            try {
              assert.deepEqual(got, expected.value);
              outcome = 'parsed';
            } catch {
              outcome = 'silent';
              detail = `returned ${JSON.stringify(got).slice(0, 120)}, the body holds ${JSON.stringify(expected.value).slice(0, 120)}`;
            }
          }
        } catch (e) {
          outcome = e instanceof OpenStackError ? 'typed' : 'untyped';
          if (outcome === 'untyped') detail = String((e as Error)?.stack ?? e).slice(0, 300);
        } finally {
          clearTimeout(timer);
        }
        c[outcome]++;
        byKind[m.kind] = (byKind[m.kind] ?? 0) + 1;
        if (outcome === 'typed' && expected) typedReadable++;
        if (outcome !== 'parsed' && outcome !== 'typed') {
          bad.push(`${g.name} sample ${i} ${JSON.stringify(m).slice(0, 100)}: ${outcome} ${detail}`);
          return false;
        }
        return true;
      }),
      { numRuns: RUNS, seed: SEED + gi, endOnFailure: true },
    );
    if (result.failed) bad.push(`${g.name}: ${fc.defaultReportMessage(result)?.slice(0, 600)}`);
  }
  const total: Record<Outcome, number> = { parsed: 0, typed: 0, untyped: 0, hang: 0, silent: 0 };
  for (const c of Object.values(counts)) for (const k of Object.keys(total) as Outcome[]) total[k] += c[k];
  const perGroup = Object.entries(counts)
    .map(([n, c]) => `${n}=${Object.values(c).reduce((a, b) => a + b, 0)}`)
    .join(' ');
  const kinds = Object.entries(byKind)
    .map(([k, n]) => `${k}=${n}`)
    .join(' ');
  const line =
    `fuzz summary (seed ${SEED}): cases per group: ${perGroup}; per mutation: ${kinds}; ` +
    `outcomes: parsed=${total.parsed} typed=${total.typed} (of which readable by the reference: ${typedReadable}) ` +
    `untyped=${total.untyped} hang=${total.hang} silent=${total.silent}`;
  t.diagnostic(line);
  assert.deepEqual(bad, [], `every outcome is parsed or typed:\n${bad.join('\n')}`);
});
