/**
 * The report (`bench/results/<name>.md` and `.json`): one table with, for every row, ours, the
 * raw floor and the peer side by side, the ratios, peak memory and each target's verdict with
 * the ratio it was judged on; then details per workload.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MachineInfo, Versions } from './env.js';
import { fmtMiB, fmtMs, fmtRatio, type Summary } from './stats.js';

export type Verdict = 'met' | 'missed' | 'n/a';

/** One target of issue 16, judged on one measured ratio. */
export interface Target {
  text: string;
  verdict: Verdict;
  /** The measured value the verdict was taken on (a ratio, or what `unit` says). */
  value?: number;
  /** How `value` is written: a ratio (`1.04×`, the default) or MiB. */
  unit?: 'ratio' | 'MiB';
}

export interface Row {
  id: string;
  workload: string;
  /** What the time columns measure, e.g. "wall time of 1000 GETs". */
  metric: string;
  /** Who the peer column is (default openstacksdk): `openstack`, `swift upload`, ... */
  peer?: string;
  ours?: Summary;
  /** The peer's times (the field keeps its first name so older reports still merge). */
  openstacksdk?: Summary;
  floor?: Summary;
  /** Median of per-round ratios ours/floor (1.00 = no overhead). */
  oursOverFloor?: number;
  /** Median of per-round ratios peer/ours (> 1: we are faster). */
  sdkOverOurs?: number;
  /** Peak RSS per implementation (bytes), where the workload asks for it. */
  peakRss?: { ours?: number; openstacksdk?: number; floor?: number };
  /** Heap retained after a full GC, largest over the listing's pages (bytes). */
  retainedHeap?: { ours?: number; openstacksdk?: number; floor?: number };
  targets: Target[];
  /** Free-form lines for the details section. */
  details: string[];
  /** Set when the workload could not run (and why). */
  pending?: string;
}

export interface Report {
  date: string;
  command: string;
  durationMs: number;
  machine: MachineInfo;
  machineEnd?: MachineInfo;
  versions: Versions;
  rounds: number;
  quick: boolean;
  rows: Row[];
  notes: string[];
}

/** A target judged on `value`: met when `ok(value)`, n/a when there is no finite value. */
export function target(
  text: string,
  value: number | undefined,
  ok: (v: number) => boolean,
  unit?: Target['unit'],
): Target {
  const known = value !== undefined && Number.isFinite(value);
  return {
    text,
    verdict: known ? (ok(value) ? 'met' : 'missed') : 'n/a',
    ...(known ? { value } : {}),
    ...(unit ? { unit } : {}),
  };
}

const cell = (s: Summary | undefined) => (s && Number.isFinite(s.median) ? fmtMs(s.median) : '—');
const mib = (b: number | undefined) => (b !== undefined && Number.isFinite(b) ? fmtMiB(b) : '—');
const ratio = (r: number | undefined) => (r !== undefined ? fmtRatio(r) : '—');

/** `≤ 1.05× floor: **met** (1.03×)`. */
export function verdictText(t: Target): string {
  const mark = t.verdict === 'met' ? '**met**' : t.verdict === 'missed' ? '**not met**' : 'n/a';
  const v = t.value === undefined ? '' : ` (${t.unit === 'MiB' ? fmtMiB(t.value) : fmtRatio(t.value)})`;
  return `${t.text}: ${mark}${v}`;
}

function memoryCell(r: Row): string {
  const parts: string[] = [];
  if (r.peakRss)
    parts.push(`RSS ${mib(r.peakRss.ours)} / ${mib(r.peakRss.floor)} / ${mib(r.peakRss.openstacksdk)}`);
  if (r.retainedHeap)
    parts.push(
      `heap ${mib(r.retainedHeap.ours)} / ${mib(r.retainedHeap.floor)} / ${mib(r.retainedHeap.openstacksdk)}`,
    );
  return parts.join('<br>');
}

/** The results table alone (also pasted into README). */
export function renderTable(rows: readonly Row[]): string {
  const head =
    '| # | workload | metric (median) | ours | raw floor | peer | ours/floor | peer/ours | memory ours / floor / peer | targets |';
  const sep = '|---|---|---|---:|---:|---:|---:|---:|---|---|';
  const lines = [head, sep];
  for (const r of rows) {
    if (r.pending) {
      lines.push(`| ${r.id} | ${r.workload} | — | — | — | — | — | — | — | pending: ${r.pending} |`);
      continue;
    }
    const peer = r.openstacksdk ? `${cell(r.openstacksdk)} (${r.peer ?? 'openstacksdk'})` : '—';
    lines.push(
      `| ${r.id} | ${r.workload} | ${r.metric} | ${cell(r.ours)} | ${cell(r.floor)} | ${peer} | ${ratio(
        r.oursOverFloor,
      )} | ${ratio(r.sdkOverOurs)} | ${memoryCell(r)} | ${r.targets.map(verdictText).join('<br>')} |`,
    );
  }
  return lines.join('\n');
}

function spread(name: string, s: Summary | undefined): string | undefined {
  if (!s?.n) return undefined;
  return `${name}: median ${fmtMs(s.median)}, min ${fmtMs(s.min)}, max ${fmtMs(s.max)}, IQR ${fmtMs(s.iqr)}, n=${s.n}`;
}

/** Counts of the verdicts over every target of every row. */
export function verdictCounts(rows: readonly Row[]): Record<Verdict | 'pending', number> {
  const out = { met: 0, missed: 0, 'n/a': 0, pending: 0 };
  for (const r of rows) {
    if (r.pending) out.pending++;
    for (const t of r.targets) out[t.verdict]++;
  }
  return out;
}

export function renderReport(r: Report): string {
  const m = r.machine;
  const v = r.versions;
  const out: string[] = [];
  out.push(`# Benchmark results`);
  out.push('');
  out.push(
    `${r.date} — \`${r.command}\`${r.quick ? ' (quick: fewer requests, rounds and items; a smoke run, not for comparison)' : ''}, ` +
      `${r.rounds} interleaved round(s), ${fmtMs(r.durationMs)} in all.`,
  );
  out.push('');
  out.push(
    `Machine: ${m.nproc} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB RAM; load average at start ${m.loadAvg.join(' / ')}` +
      (r.machineEnd ? `, at end ${r.machineEnd.loadAvg.join(' / ')}` : '') +
      '. The dev cloud (nova, neutron, keystone, swift, ...) runs on the same CPUs as the clients, so load' +
      ' above the CPU count is normal during a run; ratios are taken within a round for that reason.',
  );
  out.push('');
  out.push(
    `Versions: node ${v.node}, openstack-sdk ${v.sdk} (built dist/), undici ${v.undici}, tinybench ${v.tinybench}; ` +
      `python ${v.python}, openstacksdk ${v.openstacksdk}, python-swiftclient ${v.swiftclient}, ` +
      `python-openstackclient ${v.openstackclient}; hyperfine ${v.hyperfine}.`,
  );
  out.push('');
  const c = verdictCounts(r.rows);
  out.push(
    `Targets: ${c.met} met, ${c.missed} not met, ${c['n/a']} not measurable` +
      (c.pending ? `; ${c.pending} row(s) could not run` : '') +
      '.',
  );
  out.push('');
  out.push(renderTable(r.rows));
  out.push('');
  out.push(
    'Times are medians over all timed samples of all rounds. Ratios are medians of per-round ratios ' +
      '(each round runs every implementation back to back, in a rotated order, so load that hits a round hits all of them). ' +
      'Memory: peak RSS (max RSS of the process) and heap retained after a full GC (largest over the pages; Python: tracemalloc after gc.collect()).',
  );
  out.push('');
  out.push('## Details');
  for (const row of r.rows) {
    out.push('');
    out.push(`### ${row.id}. ${row.workload}`);
    out.push('');
    if (row.pending) {
      out.push(`Pending: ${row.pending}`);
      continue;
    }
    const lines = [
      spread('ours', row.ours),
      spread('raw floor', row.floor),
      spread(row.peer ?? 'openstacksdk', row.openstacksdk),
      ...row.details,
    ].filter((x): x is string => !!x);
    for (const l of lines) out.push(`- ${l}`);
  }
  if (r.notes.length) {
    out.push('');
    out.push('## Notes');
    out.push('');
    for (const n of r.notes) out.push(`- ${n}`);
  }
  out.push('');
  return out.join('\n');
}

/**
 * Write `<dir>/<name>.md` and `<dir>/<name>.json` (the JSON holds every number the Markdown
 * shows, for tools); returns both paths.
 */
export function writeReport(dir: string, name: string, report: Report): { md: string; json: string } {
  mkdirSync(dir, { recursive: true });
  const md = join(dir, `${name}.md`);
  const json = join(dir, `${name}.json`);
  writeFileSync(md, renderReport(report));
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  return { md, json };
}
