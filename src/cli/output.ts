/**
 * Output formatting shared by every command: table, json, yaml, value, with column selection
 * (`-c`), the way openstackclient's cliff formatters behave.
 */
import Table from 'cli-table3';
import { stringify } from 'yaml';

export type OutputFormat = 'table' | 'json' | 'yaml' | 'value';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'json', 'yaml', 'value'];

export interface OutputOptions {
  format: OutputFormat;
  columns?: string[];
  /** Print no header row in tables (`--noindent`-like compactness is not needed). */
}

export type Row = Record<string, unknown>;

function cell(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function pick(
  rows: Row[],
  columns: string[] | undefined,
  defaults: string[],
): { cols: string[]; rows: Row[] } {
  const cols = columns?.length ? columns : defaults;
  return { cols, rows: rows.map((r) => Object.fromEntries(cols.map((c) => [c, r[c]]))) };
}

/** Render a list of rows. */
export function formatList(rows: Row[], defaults: string[], o: OutputOptions): string {
  const { cols, rows: picked } = pick(rows, o.columns, defaults);
  switch (o.format) {
    case 'json':
      return JSON.stringify(picked, null, 2);
    case 'yaml':
      return stringify(picked).trimEnd();
    case 'value':
      return picked.map((r) => cols.map((c) => cell(r[c])).join(' ')).join('\n');
    default: {
      const t = new Table({ head: cols, style: { head: [], border: [] } });
      for (const r of picked) t.push(cols.map((c) => cell(r[c])));
      return t.toString();
    }
  }
}

/** Render one object as Field/Value pairs. */
export function formatOne(obj: Row, o: OutputOptions): string {
  const keys = o.columns?.length ? o.columns : Object.keys(obj);
  const picked = Object.fromEntries(keys.map((k) => [k, obj[k]]));
  switch (o.format) {
    case 'json':
      return JSON.stringify(picked, null, 2);
    case 'yaml':
      return stringify(picked).trimEnd();
    case 'value':
      return keys.map((k) => cell(picked[k])).join('\n');
    default: {
      const t = new Table({ head: ['Field', 'Value'], style: { head: [], border: [] } });
      for (const k of keys) t.push([k, cell(picked[k])]);
      return t.toString();
    }
  }
}
