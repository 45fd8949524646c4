/**
 * Tables through cli-table3, for cells the plain renderer (table.ts) leaves alone: several lines,
 * or characters whose display width is not one column. Loaded only when such a table is drawn.
 */
import Table from 'cli-table3';
import type { Align } from './table.js';

/** openstackclient's table look: ASCII borders, a line under the header, none between rows. */
const TABLE_STYLE = {
  style: { head: [], border: [], compact: true },
  chars: {
    top: '-',
    'top-mid': '+',
    'top-left': '+',
    'top-right': '+',
    bottom: '-',
    'bottom-mid': '+',
    'bottom-left': '+',
    'bottom-right': '+',
    left: '|',
    'left-mid': '+',
    mid: '-',
    'mid-mid': '+',
    right: '|',
    'right-mid': '+',
    middle: '|',
  },
};

/** The table as text, measured by display width. */
export function fullTable(head: string[], rows: string[][], aligns?: Align[]): string {
  const t = new Table({ head, ...(aligns ? { colAligns: aligns } : {}), ...TABLE_STYLE });
  for (const r of rows) t.push(r);
  return t.toString();
}
