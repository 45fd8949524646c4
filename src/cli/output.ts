/**
 * Output formatting shared by every command: table, json, yaml, value, with column selection
 * (`-c`), the way openstackclient's cliff formatters behave: tables and `value` show lists
 * as `a, b` and dicts as `k='v', k2='v2'`; json and yaml keep the values as they are.
 */
import { ValidationError } from '../errors/errors.js';
import type { OutputFormat } from './output-formats.js';
import { type Align, plainTable } from './table.js';

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

/** A table: drawn directly when it is plain ASCII (table.ts), else by cli-table3, loaded then. */
async function table(head: string[], rows: string[][], aligns?: Align[]): Promise<string> {
  return plainTable(head, rows, aligns) ?? (await import('./table-full.js')).fullTable(head, rows, aligns);
}

/** YAML text; the library is loaded for `-f yaml` only (a run that reads no clouds.yaml never needs it). */
async function yamlText(v: unknown): Promise<string> {
  const { stringify } = await import('yaml');
  return stringify(v).trimEnd();
}

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
export async function formatList(rows: Row[], defaults: string[], o: OutputOptions): Promise<string> {
  const available = [...new Set([...defaults, ...rows.flatMap((r) => Object.keys(r))])];
  checkColumns(o.columns, available);
  const cols = o.columns?.length ? o.columns : defaults;
  const picked = rows.map((r) => Object.fromEntries(cols.map((c) => [c, r[c] ?? null])));
  switch (o.format) {
    case 'json':
      return JSON.stringify(picked, null, 2);
    case 'yaml':
      return picked.length ? yamlText(picked) : '[]';
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
      return table(
        cols,
        picked.map((r) => cols.map((c) => cell(r[c]))),
        colAligns,
      );
    }
  }
}

/** Render one object as Field/Value pairs (keys in the order given). */
export async function formatOne(obj: Row, o: OutputOptions): Promise<string> {
  checkColumns(o.columns, Object.keys(obj));
  const keys = o.columns?.length ? o.columns : Object.keys(obj);
  const picked = Object.fromEntries(keys.map((k) => [k, obj[k] ?? null]));
  switch (o.format) {
    case 'json':
      return JSON.stringify(picked, null, 2);
    case 'yaml':
      return yamlText(picked);
    case 'value':
      return keys.map((k) => cell(picked[k])).join('\n');
    default: {
      return table(
        ['Field', 'Value'],
        keys.map((k) => [k, cell(picked[k])]),
      );
    }
  }
}
