/**
 * Replays the upstream API samples for every resource bound in ./bindings/*.ts and reports
 * coverage: samples replayed / samples bound to declared resources.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { replay, type SampleBinding } from './harness.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'bindings');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .sort();
const totals = { candidates: 0, replayed: 0, responses: 0, requests: 0, readChecked: 0, readFull: 0 };
const perService = new Map<string, { candidates: number; replayed: number }>();

for (const file of files) {
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { bindings: SampleBinding[] };
  describe(`api-samples conformance: ${file.replace(/\.ts$/, '')}`, () => {
    for (const b of mod.bindings) {
      test(`${b.service} ${b.def.name} (${b.hints.join(', ')})`, () => {
        const s = replay(b);
        assert.ok(s.candidates > 0, `no samples bound to ${b.def.name}: check hints ${b.hints.join(', ')}`);
        assert.ok(s.replayed > 0, `none of the ${s.candidates} samples for ${b.def.name} carried its body`);
        totals.candidates += s.candidates;
        totals.replayed += s.replayed;
        totals.responses += s.responses;
        totals.requests += s.requests;
        totals.readChecked += s.readChecked;
        totals.readFull += s.readFull;
        const p = perService.get(b.service) ?? { candidates: 0, replayed: 0 };
        p.candidates += s.candidates;
        p.replayed += s.replayed;
        perService.set(b.service, p);
      });
    }
  });
}

// declared last, so it runs after every binding above
test('api-samples coverage report', (t) => {
  const lines = [...perService].map(([s, p]) => `${s}: ${p.replayed}/${p.candidates}`);
  const summary =
    `api-samples coverage: ${totals.replayed} replayed / ${totals.candidates} samples for declared resources ` +
    `(${totals.responses} responses, ${totals.requests} requests); ${lines.join(', ')}; ` +
    `read types checked on ${totals.readChecked} response samples (${totals.readFull} as full representations)`;
  t.diagnostic(summary);
  console.log(summary);
  assert.ok(totals.candidates > 0, 'no samples bound at all: check test/fixtures/api-samples');
  assert.ok(
    totals.readChecked === totals.responses,
    `every replayed response is checked for its read type: ${summary}`,
  );
  // every bound sample that carries the resource's body must replay; the few that do not are explained in the bindings
  assert.ok(totals.replayed / totals.candidates > 0.95, summary);
});
