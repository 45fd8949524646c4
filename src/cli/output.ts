/**
 * Output formatting shared by every command: table, json, yaml, value, with column selection
 * (`-c`), the way openstackclient's cliff formatters behave: tables and `value` show lists
 * as `a, b` and dicts as `k='v', k2='v2'`; json and yaml keep the values as they are.
 */
import Table from 'cli-table3';
import { stringify } from 'yaml';
import { ValidationError } from '../errors/errors.js';

import type { OutputFormat } from './output-formats.js';

export { OUTPUT_FORMATS, type OutputFormat } from './output-formats.js';

export interface OutputOptions {
  format: OutputFormat;
  columns?: string[];
}

export type Row = Record<string, unknown>;

/** One value as text, openstackclient style (pure). */
export function cell(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v))
    return v.map((x) => (x !== null && typeof x === 'object' ? cell(x) : String(x))).join(', ');
  if (typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${k}='${x !== null && typeof x === 'object' ? JSON.stringify(x) : String(x ?? '')}'`)
      .join(', ');
  }
  return String(v);
}

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

function checkColumns(asked: string[] | undefined, available: string[]): void {
  const unknown = (asked ?? []).filter((c) => !available.includes(c));
  if (unknown.length) {
    throw new ValidationError(`no column ${unknown.map((c) => `"${c}"`).join(', ')}`, {
      field: '-c',
      fix: `choose from: ${available.join(', ')}`,
    });
  }
}

/** Render a list of rows; `defaults` are the columns shown without `-c` (all columns are selectable). */
export function formatList(rows: Row[], defaults: string[], o: OutputOptions): string {
  const available = [...new Set([...defaults, ...rows.flatMap((r) => Object.keys(r))])];
  checkColumns(o.columns, available);
  const cols = o.columns?.length ? o.columns : defaults;
  const picked = rows.map((r) => Object.fromEntries(cols.map((c) => [c, r[c] ?? null])));
  switch (o.format) {
    case 'json':
      return JSON.stringify(picked, null, 2);
    case 'yaml':
      return picked.length ? stringify(picked).trimEnd() : '[]';
    case 'value':
      return picked.map((r) => cols.map((c) => cell(r[c])).join(' ')).join('\n');
    default: {
      if (!picked.length) return '';
      // numbers right-aligned, as openstackclient does
      const colAligns = cols.map((c) =>
        picked.every((r) => typeof r[c] === 'number' || r[c] === null) &&
        picked.some((r) => typeof r[c] === 'number')
          ? ('right' as const)
          : ('left' as const),
      );
      const t = new Table({ head: cols, colAligns, ...TABLE_STYLE });
      for (const r of picked) t.push(cols.map((c) => cell(r[c])));
      return t.toString();
    }
  }
}

/** Render one object as Field/Value pairs (keys in the order given). */
export function formatOne(obj: Row, o: OutputOptions): string {
  checkColumns(o.columns, Object.keys(obj));
  const keys = o.columns?.length ? o.columns : Object.keys(obj);
  const picked = Object.fromEntries(keys.map((k) => [k, obj[k] ?? null]));
  switch (o.format) {
    case 'json':
      return JSON.stringify(picked, null, 2);
    case 'yaml':
      return stringify(picked).trimEnd();
    case 'value':
      return keys.map((k) => cell(picked[k])).join('\n');
    default: {
      const t = new Table({ head: ['Field', 'Value'], ...TABLE_STYLE });
      for (const k of keys) t.push([k, cell(picked[k])]);
      return t.toString();
    }
  }
}
