/** The Markdown report (`bench/results/latest.md`): one table, then details per workload. */
import type { MachineInfo, Versions } from './env.js';
import { fmtMiB, fmtMs, fmtRatio, type Summary } from './stats.js';

export type Verdict = 'met' | 'missed' | 'n/a';

export interface Target {
  text: string;
  verdict: Verdict;
}

export interface Row {
  id: string;
  workload: string;
  /** What the time columns measure, e.g. "wall time of 1000 GETs". */
  metric: string;
  ours?: Summary;
  openstacksdk?: Summary;
  floor?: Summary;
  /** Median of per-round ratios ours/floor (1.00 = no overhead). */
  oursOverFloor?: number;
  /** Median of per-round ratios openstacksdk/ours (> 1: we are faster). */
  sdkOverOurs?: number;
  /** Peak RSS per implementation (bytes), where the workload asks for it. */
  peakRss?: { ours?: number; openstacksdk?: number; floor?: number };
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

const cell = (s: Summary | undefined) => (s && Number.isFinite(s.median) ? fmtMs(s.median) : '—');
const rss = (b: number | undefined) => (b !== undefined ? fmtMiB(b) : '—');

function verdictText(t: Target): string {
  const mark = t.verdict === 'met' ? '**met**' : t.verdict === 'missed' ? '**missed**' : 'n/a';
  return `${t.text}: ${mark}`;
}

/** The results table alone (also pasted into README). */
export function renderTable(rows: readonly Row[]): string {
  const head =
    '| # | workload | metric (median) | ours | openstacksdk | raw floor | ours/floor | openstacksdk/ours | peak RSS ours / openstacksdk / floor | targets |';
  const sep = '|---|---|---|---:|---:|---:|---:|---:|---|---|';
  const lines = [head, sep];
  for (const r of rows) {
    if (r.pending) {
      lines.push(`| ${r.id} | ${r.workload} | — | — | — | — | — | — | — | pending: ${r.pending} |`);
      continue;
    }
    const mem = r.peakRss
      ? `${rss(r.peakRss.ours)} / ${rss(r.peakRss.openstacksdk)} / ${rss(r.peakRss.floor)}`
      : '';
    lines.push(
      `| ${r.id} | ${r.workload} | ${r.metric} | ${cell(r.ours)} | ${cell(r.openstacksdk)} | ${cell(r.floor)} | ${
        r.oursOverFloor !== undefined ? fmtRatio(r.oursOverFloor) : '—'
      } | ${r.sdkOverOurs !== undefined ? fmtRatio(r.sdkOverOurs) : '—'} | ${mem} | ${r.targets
        .map(verdictText)
        .join('<br>')} |`,
    );
  }
  return lines.join('\n');
}

function spread(name: string, s: Summary | undefined): string | undefined {
  if (!s?.n) return undefined;
  return `${name}: median ${fmtMs(s.median)}, min ${fmtMs(s.min)}, max ${fmtMs(s.max)}, IQR ${fmtMs(s.iqr)}, n=${s.n}`;
}

export function renderReport(r: Report): string {
  const m = r.machine;
  const v = r.versions;
  const out: string[] = [];
  out.push(`# Benchmark results`);
  out.push('');
  out.push(
    `${r.date} — \`${r.command}\`${r.quick ? ' (quick: fewer requests and rounds; not for comparison)' : ''}, ` +
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
  out.push(renderTable(r.rows));
  out.push('');
  out.push(
    'Times are medians over all timed samples of all rounds. Ratios are medians of per-round ratios ' +
      '(each round runs every implementation back to back, in a rotated order, so load that hits a round hits all of them).',
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
      spread('openstacksdk', row.openstacksdk),
      spread('raw floor', row.floor),
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
