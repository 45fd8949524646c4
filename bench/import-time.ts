/**
 * What importing the SDK costs a program (issue #16, target: import + `new Connection` ≤ 50 ms
 * over `node -e 0`). Each scenario is a fresh Node process; the scenarios run round-robin (one
 * of each per round, order rotated) so load on a shared machine hits them alike, and each cost is
 * the median over rounds of the scenario's time minus the same round's `node -e 0`. Wall time is
 * measured by this process from spawn to exit; CPU time is the child's own (user + system).
 * Measures dist/: run `npm run build` first. No clouds.yaml is read (an empty HOME, no OS_*).
 *
 *   node --import tsx bench/import-time.ts [--runs 15] [--json] [--also label=/abs/entry.js ...]
 *
 * `--also` adds an import and an import + Connection scenario for another ES module entry that
 * exports `Connection` (to compare a build variant, e.g. a bundled one).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from './lib/proc.js';
import { median, rotate } from './lib/stats.js';

interface Scenario {
  name: string;
  /** Node's arguments before the code. */
  flags: string[];
  code: string;
}

const root = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const runs = Number(argv[argv.indexOf('--runs') + 1]) || 15;
const asJson = argv.includes('--json');
const also = argv.flatMap((a, i) => (argv[i - 1] === '--also' ? [a.split('=') as [string, string]] : []));

const CONFIG = `{ config: { auth: { auth_url: 'http://127.0.0.1:1/v3', token: 'x' }, auth_type: 'token' } }`;
// what Node resolves `import 'openstack-sdk'` to (the "node" condition of "exports"), and the
// per-module build the other runtimes and bundlers get
const esm = join(root, 'dist', 'node', 'index.js');
const perModule = join(root, 'dist', 'index.js');
const cjs = join(root, 'dist', 'cjs', 'index.cjs');
const objectStore = join(root, 'dist', 'node', 'object-store.js');
const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');
const imp = (file: string) => `await import(${JSON.stringify(file)})`;

const SCENARIOS: Scenario[] = [
  { name: 'node -e 0', flags: [], code: '0' },
  { name: 'import', flags: ['--input-type=module'], code: imp(esm) },
  {
    name: 'import + Connection',
    flags: ['--input-type=module'],
    code: `new (${imp(esm)}).Connection(${CONFIG})`,
  },
  { name: 'require (CJS)', flags: [], code: `require(${JSON.stringify(cjs)})` },
  {
    name: 'require + Connection',
    flags: [],
    code: `new (require(${JSON.stringify(cjs)}).Connection)(${CONFIG})`,
  },
  { name: 'import object-store', flags: ['--input-type=module'], code: imp(objectStore) },
  { name: 'import per-module build (web)', flags: ['--input-type=module'], code: imp(perModule) },
  ...also.flatMap(([label, file]): Scenario[] => [
    { name: `${label}: import`, flags: ['--input-type=module'], code: imp(file) },
    {
      name: `${label}: import + Connection`,
      flags: ['--input-type=module'],
      code: `new (${imp(file)}).Connection(${CONFIG})`,
    },
  ]),
];

// the child reports its own CPU time as it exits, on stderr's last line
const CPU_HOOK = `process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write('\\n@cpu ' + (u.user + u.system) / 1000); });`;

const home = mkdtempSync(join(tmpdir(), 'ossdk-import-time-'));
const env = { PATH: process.env.PATH ?? '', HOME: home, XDG_CONFIG_HOME: join(home, '.config') };

async function once(s: Scenario): Promise<{ wall: number; cpu: number }> {
  const r = await run(process.execPath, [...s.flags, '-e', `${CPU_HOOK}\n${s.code}`], {
    cwd: home,
    env,
    timeoutMs: 60_000,
  });
  const cpu = Number(/@cpu ([\d.]+)\s*$/.exec(r.stderr)?.[1]);
  if (r.code !== 0 || !Number.isFinite(cpu))
    throw new Error(`${s.name} failed (exit ${r.code}):\n${r.stderr}`);
  return { wall: r.wallMs, cpu };
}

const samples = new Map(SCENARIOS.map((s) => [s.name, [] as { wall: number; cpu: number }[]]));
try {
  for (const s of SCENARIOS) await once(s); // warm the file cache
  for (let round = 0; round < runs; round++) {
    for (const s of rotate(SCENARIOS, round)) samples.get(s.name)?.push(await once(s));
  }
} finally {
  rmSync(home, { recursive: true, force: true });
}

const base = samples.get('node -e 0') ?? [];
const rows = SCENARIOS.map(({ name }) => {
  const xs = samples.get(name) ?? [];
  return {
    name,
    wallMs: median(xs.map((x) => x.wall)),
    cpuMs: median(xs.map((x) => x.cpu)),
    // paired with the same round's baseline: load that hits a round cancels out
    overWallMs: median(xs.map((x, i) => x.wall - (base[i]?.wall ?? Number.NaN))),
    overCpuMs: median(xs.map((x, i) => x.cpu - (base[i]?.cpu ?? Number.NaN))),
    ratio: median(xs.map((x, i) => x.wall / (base[i]?.wall ?? Number.NaN))),
  };
});

if (asJson) {
  console.log(JSON.stringify({ node: process.version, runs, rows }, null, 2));
} else {
  console.log(
    `node ${process.version}, ${runs} rounds; medians; "over" = minus the same round's node -e 0; times in ms`,
  );
  console.log(
    `${'scenario'.padEnd(36)}${'wall'.padStart(9)}${'over'.padStart(9)}${'ratio'.padStart(7)}${'cpu'.padStart(9)}${'over'.padStart(9)}`,
  );
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(36)}${ms(r.wallMs).padStart(9)}${ms(r.overWallMs).padStart(9)}${r.ratio.toFixed(2).padStart(7)}${ms(r.cpuMs).padStart(9)}${ms(r.overCpuMs).padStart(9)}`,
    );
  }
}
