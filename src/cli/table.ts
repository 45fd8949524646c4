/**
 * openstackclient's table look (ASCII borders, a rule under the header, none between rows) for the
 * common case, written directly: every cell one line of printable ASCII, so a character is a
 * column. That is what listings of ids, names and numbers are, and it spares each run loading
 * cli-table3 and its Unicode width tables (about 50 M instructions, valgrind). Anything else (line
 * breaks, wide or combining characters, escapes) goes to cli-table3 (table-full.ts), which measures
 * display width; a unit test checks the two draw the same table where both apply.
 */

/** Column alignment: numbers are right-aligned, as openstackclient does. */
export type Align = 'left' | 'right';

const PLAIN = /^[\x20-\x7e]*$/;

/** The table as text, or undefined when some cell is not one line of printable ASCII. */
export function plainTable(head: string[], rows: string[][], aligns: Align[] = []): string | undefined {
  const widths = head.map((h) => h.length);
  for (const r of [head, ...rows]) {
    if (r.length !== head.length) return undefined;
    for (let i = 0; i < r.length; i++) {
      const c = r[i]!;
      if (!PLAIN.test(c)) return undefined;
      if (c.length > widths[i]!) widths[i] = c.length;
    }
  }
  const rule = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+`;
  const line = (r: string[]) =>
    `|${r.map((c, i) => ` ${aligns[i] === 'right' ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)} `).join('|')}|`;
  // cli-table3 closes a table without rows with the rule under the header alone
  return [rule, line(head), rule, ...(rows.length ? [...rows.map(line), rule] : [])].join('\n');
}
