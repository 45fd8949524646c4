/**
 * A microversion-gated field is optional in the read type whatever the service promises at
 * the versions that have it, so its TSDoc (shown on the property) must say the range: every
 * field declaration under src/services with `minVersion`/`maxVersion` needs a TSDoc comment
 * right above it naming each bound.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The end of the expression that starts at `i`: the first `,` or closing bracket at depth 0. */
function expressionEnd(s: string, i: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let j = i; j < s.length; j++) {
    const c = s[j]!;
    if (quote) {
      if (c === '\\') j++;
      else if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if ('([{<'.includes(c)) depth++;
    else if (c === '>' && s[j - 1] === '=') continue;
    else if (')]}>'.includes(c)) {
      if (depth === 0) return j;
      depth--;
    } else if (c === ',' && depth === 0) return j;
  }
  return s.length;
}

/** The TSDoc comment right above position `i` (only whitespace between), if any. */
function docAbove(s: string, i: number): string | undefined {
  const before = s.slice(0, i).trimEnd();
  if (!before.endsWith('*/')) return undefined;
  const start = before.lastIndexOf('/**');
  return start < 0 ? undefined : before.slice(start);
}

/** Every gated field declaration of a file, with what its TSDoc lacks. */
export function undocumentedGates(file: string): string[] {
  const s = readFileSync(file, 'utf8');
  const out: string[] = [];
  const field = /^([ \t]*)([A-Za-z_$][\w$]*|'[^']+'):\s*f\s*\.?/gm;
  for (let m = field.exec(s); m; m = field.exec(s)) {
    const start = m.index + m[1]!.length;
    const expr = s.slice(start, expressionEnd(s, s.indexOf(':', start) + 1));
    const bounds = [...expr.matchAll(/(minVersion|maxVersion):\s*'([^']+)'/g)].map((b) => b[2]!);
    if (!bounds.length) continue;
    const doc = docAbove(s, start);
    const line = s.slice(0, start).split('\n').length;
    const where = `${relative(root, file)}:${line} ${m[2]}`;
    if (!doc) {
      out.push(`${where}: no TSDoc (it must name ${bounds.join(' and ')})`);
      continue;
    }
    for (const v of bounds) {
      const named = new RegExp(`(?<![\\d.])${v.replace('.', '\\.')}(?![\\d])`).test(doc);
      if (!named) out.push(`${where}: its TSDoc does not name microversion ${v}`);
    }
  }
  return out;
}

test('every microversion-gated field has TSDoc naming its range', () => {
  const files = tsFiles(join(root, 'src/services'));
  const problems = files.flatMap(undocumentedGates);
  const gated = files.reduce(
    (n, f) => n + (readFileSync(f, 'utf8').match(/(minVersion|maxVersion):\s*'/g)?.length ?? 0),
    0,
  );
  assert.ok(gated > 50, `the scan must find the gated fields (found ${gated} bounds): check the regex`);
  assert.deepEqual(problems, [], `gated fields without their range in TSDoc:\n${problems.join('\n')}`);
});

test('the scan reports a gated field without TSDoc and one whose TSDoc misses a bound', () => {
  const probe = join(root, 'test/unit/resource/fixtures/gated-fields.txt');
  const problems = undocumentedGates(probe);
  assert.ok(
    problems.some((p) => /plain: no TSDoc/.test(p)),
    `undocumented field: ${problems}`,
  );
  assert.ok(
    problems.some((p) => /ranged: its TSDoc does not name microversion 2\.67/.test(p)),
    `half-documented: ${problems}`,
  );
  assert.ok(!problems.some((p) => / documented:/.test(p)), `a documented field passes: ${problems}`);
  assert.equal(problems.length, 2, `exactly two problems: ${problems.join('; ')}`);
});
