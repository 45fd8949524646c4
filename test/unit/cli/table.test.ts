/** The plain ASCII table renderer (src/cli/table.ts) against cli-table3 (src/cli/table-full.ts). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { formatList, formatOne } from '../../../src/cli/output.js';
import { type Align, plainTable } from '../../../src/cli/table.js';
import { fullTable } from '../../../src/cli/table-full.js';

const printable = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
});

describe('plain table', () => {
  test('draws what cli-table3 draws for any one-line printable ASCII table', () => {
    const tables = fc.integer({ min: 1, max: 5 }).chain((n) =>
      fc.record({
        head: fc.array(printable, { minLength: n, maxLength: n }),
        rows: fc.array(fc.array(printable, { minLength: n, maxLength: n }), { maxLength: 6 }),
        aligns: fc.array(fc.constantFrom<Align>('left', 'right'), { minLength: n, maxLength: n }),
      }),
    );
    fc.assert(
      fc.property(tables, ({ head, rows, aligns }) => {
        const plain = plainTable(head, rows, aligns);
        assert.ok(plain !== undefined, 'printable ASCII must take the plain path');
        assert.equal(plain, fullTable(head, rows, aligns), 'the plain table must match cli-table3 exactly');
      }),
      { numRuns: 300, seed: 16 },
    );
  });

  test('line breaks, wide, combining and control characters are left to cli-table3', () => {
    for (const c of ['two\nlines', '名前', 'e\u0301', 'tab\there', '\x1b[31mred\x1b[0m', 'caf\u00e9'])
      assert.equal(plainTable(['H'], [[c]]), undefined, `${JSON.stringify(c)} must not take the plain path`);
  });

  test('formatList and formatOne fall back to cli-table3 and measure display width', async () => {
    const wide = await formatList([{ Name: '名前', ID: 'a' }], ['ID', 'Name'], { format: 'table' });
    assert.equal(
      wide,
      ['+----+------+', '| ID | Name |', '+----+------+', '| a  | 名前 |', '+----+------+'].join('\n'),
      'a two-column character is counted as two',
    );
    const multi = await formatOne({ fault: 'first\nsecond' }, { format: 'table' });
    assert.match(multi, /\| fault \| first {2}\|\n\| {7}\| second \|/, 'a multi-line value spans lines');
  });
});
