/**
 * The read-type marks of a field declaration: `always` (required in the read type) and
 * `returnsNull` (`T | null`), and the read-shape check the conformance replay runs with them.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defineResource } from '../../../src/resource/definition.js';
import { f } from '../../../src/resource/field.js';
import { readProblems } from '../conformance/read-shape.js';

const Thing = defineResource({
  name: 'thing',
  basePath: '/things',
  fields: {
    id: f.string({ readOnly: true, always: true }),
    name: f.string().always(),
    size: f.integer({ readOnly: true }).always().returnsNull(),
    note: f.string({ nullable: true }),
    tags: f.array<string>().readOnly(),
  },
});

test('always and returnsNull are kept on the spec, by option and by modifier', () => {
  assert.equal(Thing.fields.id.alwaysPresent, true, 'the always option marks the field');
  assert.equal(Thing.fields.name.alwaysPresent, true, '.always() marks the field');
  assert.equal(Thing.fields.size.mayReturnNull, true, '.returnsNull() marks the field');
  assert.equal(Thing.fields.size.writable, 'ro', 'modifiers keep the other options');
  assert.equal(Thing.fields.tags.alwaysPresent, false, 'unmarked fields are not always');
});

test('a microversion-gated field cannot be always: refused when declared', () => {
  assert.throws(
    () => f.string({ minVersion: '2.19', always: true }),
    /gated by microversion \(2\.19\.\.\).*drop always/,
    'the option on a gated field',
  );
  assert.throws(
    () => f.array<string>({ maxVersion: '2.56' }).always(),
    /gated by microversion \(\.\.2\.56\)/,
    'the modifier on a gated field',
  );
});

test('readProblems: a full body that fits has no problem', () => {
  const problems = readProblems(
    Thing,
    { id: 'a', name: 'x', size: null, note: null, tags: [], more: 1 },
    true,
  );
  assert.deepEqual(problems, [], 'nulls where declared, undeclared keys and optional fields are fine');
});

test('readProblems names the field of a missing always, a stray null and a wrong kind', () => {
  const problems = readProblems(Thing, { id: 'a', size: '3', tags: null }, true);
  assert.ok(
    problems.some((p) => /^name \(name\) is declared always but missing/.test(p)),
    `missing always field: ${problems}`,
  );
  assert.ok(
    problems.some((p) => /^size \(size\) must be an integer, got string/.test(p)),
    `wrong kind: ${problems}`,
  );
  assert.ok(
    problems.some((p) => /^tags \(tags\) is null but its read type has no null/.test(p)),
    `stray null: ${problems}`,
  );
  assert.equal(problems.length, 3, `exactly the three problems: ${problems}`);
});

test('readProblems: a partial body needs no always field', () => {
  assert.deepEqual(
    readProblems(Thing, { id: 'a' }, false),
    [],
    'partial answers are checked for kinds and nulls only',
  );
});
