/**
 * `npm run bench`: this SDK against python-openstacksdk / openstackclient / swiftclient and a
 * raw-HTTP floor, on the dev cloud. Writes bench/results/latest.md (and latest.json).
 *
 *   npm run bench                       # everything (about half an hour on a loaded 2-core box)
 *   npm run bench -- --quick            # the CI smoke: fewer requests, rounds and items (~2 min)
 *   npm run bench -- --only=1,4         # some workloads (1 = 1 and 1s; 5 = 5a and 5b; 1s alone)
 *   npm run bench -- --rounds=5         # more interleaved rounds
 *   npm run bench -- --cleanup          # delete the bench's ports, network, containers and /tmp files
 *   npm run bench -- --no-build         # do not rebuild dist/ even when src/ is newer
 *   npm run bench -- --only=6 --merge   # re-run some workloads into the last full report
 *   npm run bench -- --name=before      # write bench/results/before.md (and .json) instead
 *   npm run bench -- --transport=node   # the SDK's requests over node:http (or undici, fetch)
 *
 * Exits 1 when a workload could not run (its row says why): the quick run is CI's smoke test of
 * the harness. Verdicts never fail a run: timings on a shared machine are not assertions.
 *
 * The SDK is measured from the built dist/. Every implementation of a workload runs in each
 * round, back to back, in an order rotated per round; medians and per-round ratios are reported.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compileWorkers } from './lib/compile.js';
import { machineInfo, versions } from './lib/env.js';
import {
  BENCH_PROJECT_ID,
  cleanupAll,
  DOWNLOAD_CONTAINER_PREFIX,
  deleteContainerPair,
  ensureObjects,
  ensurePorts,
  ensureUploadFiles,
  OBJECTS_CONTAINER,
  TMP_ROOT,
  UPLOAD_CONTAINER_PREFIX,
} from './lib/fixtures.js';
import { run, runJson } from './lib/proc.js';
import { type Report, type Row, renderTable, target, writeReport } from './lib/report.js';
import { type Connection, DIST, loadCloudLayer, loadSdk, PYTHON, ROOT } from './lib/sdk.js';
import { fmtMiB, fmtMs, fmtRatio, median, pairedRatio, rotate, summarize } from './lib/stats.js';
import type { Impl, WorkerSpec } from './node/worker.js';

// ---------------------------------------------------------------- options

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const opt = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];

const quick = flag('quick');
// the dev cloud by default, as tools/test.sh does; a clouds.yaml of your own wins
if (!process.env.OS_CLIENT_CONFIG_FILE) {
  const devcloud = join(process.env.DEVCLOUD_DIR ?? '/tmp/devcloud', 'clouds.yaml');
  if (existsSync(devcloud)) process.env.OS_CLIENT_CONFIG_FILE = devcloud;
}
const cloud = opt('cloud') ?? process.env.OSSDK_BENCH_CLOUD ?? 'devcloud';
const only = opt('only')
  ?.split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const MiB = 1024 * 1024;

const cfg = {
  rounds: Number(opt('rounds') ?? (quick ? 1 : 3)),
  // the GETs against nova cost ~10 ms each whoever sends them: the quick run keeps a few
  getN: quick ? 50 : 1000,
  getIterations: 1,
  stubN: quick ? 300 : 1000,
  /** Rounds of the stub rows: cheap, and the noisiest rows of a loaded machine. */
  stubRounds: Number(opt('rounds') ?? (quick ? 1 : 5)),
  stubIterations: quick ? 2 : 5,
  concurrency: 16,
  flavorId: '42',
  // quick: fixtures a fresh CI cloud creates in seconds (a cloud that has the full ones lists those)
  ports: quick ? 500 : 5000,
  portsLimit: 500,
  objects: quick ? 2000 : 20_000,
  objectsLimit: 1000,
  listIterations: quick ? 1 : 2,
  /** The scaling row: objects listed from the stub server's synthetic containers. */
  scaleNs: quick ? [500, 1000, 2000] : [500, 5000, 50_000],
  coldRuns: quick ? 1 : 5,
  smallFiles: quick ? 20 : 500,
  smallSize: 16 * 1024,
  tinyFiles: quick ? 50 : 5000,
  tinySize: 1024,
  bigSize: quick ? 16 * MiB : 512 * MiB,
  segmentSize: quick ? 4 * MiB : 64 * MiB,
  uploadConcurrency: 10,
};

const selected = (id: string) =>
  !only || only.some((o) => o === id || (/^\d+$/.test(o) && id.replace(/\D+$/, '') === o));

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);
/** Compiled worker paths (plain JS, no tsx in measured processes): set in main(). */
let compiled: (source: string) => string = () => {
  throw new Error('workers not compiled');
};
// --transport=undici|node|fetch: the SDK's transport in every worker (default: the SDK's own)
const transport = opt('transport');
if (transport !== undefined && !['undici', 'node', 'fetch'].includes(transport)) {
  console.error(`bench: --transport must be undici, node or fetch, got ${JSON.stringify(transport)}`);
  process.exit(2);
}
const workerEnv = () => ({
  ...process.env,
  OSSDK_BENCH_ROOT: ROOT,
  ...(transport ? { OSSDK_BENCH_TRANSPORT: transport } : {}),
});
const PEER = join(ROOT, 'bench', 'python', 'peer.py');

// ---------------------------------------------------------------- set-up

function newestMtime(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return t;
}

async function ensureBuilt(): Promise<void> {
  let stale = true;
  try {
    stale = newestMtime(join(ROOT, 'src')) > statSync(join(DIST, 'index.js')).mtimeMs;
  } catch {
    stale = true;
  }
  if (!stale || flag('no-build')) return;
  log('dist/ is older than src/: npm run build');
  const r = await run('npm', ['run', 'build'], { cwd: ROOT });
  if (r.code !== 0) throw new Error(`npm run build failed:\n${r.stdout}\n${r.stderr}`);
}

/** The dev cloud may be restarting (another engineer): wait for a token, up to 10 minutes. */
async function waitForCloud(conn: Connection): Promise<void> {
  const deadline = Date.now() + 10 * 60_000;
  for (let attempt = 1; ; attempt++) {
    try {
      conn.session.auth.invalidate();
      await conn.authorize();
      await conn.compute.getFlavor(cfg.flavorId);
      return;
    } catch (e) {
      if (Date.now() > deadline) throw e;
      log(`cloud not answering (${(e as Error).message.split('\n')[0]}); retry ${attempt} in 20 s`);
      await new Promise((r) => setTimeout(r, 20_000));
    }
  }
}

function nodeWorker(spec: WorkerSpec, extra: string[] = [], env: Record<string, string> = {}) {
  return runJson<any>(process.execPath, [...extra, compiled('node/worker.ts'), JSON.stringify(spec)], {
    timeoutMs: 60 * 60_000,
    env: { ...workerEnv(), ...env },
  });
}

function pythonPeer(spec: Record<string, unknown>) {
  return runJson<any>(PYTHON, [PEER, JSON.stringify(spec)], { timeoutMs: 60 * 60_000 });
}

/** Issue 16's bound on client cost: ours within 5 % of the raw floor. */
const OVERHEAD_TARGET = 1.05;

// ---------------------------------------------------------------- (1), (2): GETs

async function getWorkload(id: string, title: string, c: number, stubUrl?: string): Promise<Row> {
  const n = stubUrl ? cfg.stubN : cfg.getN;
  const iterations = stubUrl ? cfg.stubIterations : cfg.getIterations;
  // against the stub, warm-up is cheap and JIT matters; against nova every request costs ~40 ms
  const warmupN = Math.min(n, stubUrl ? 500 : 50);
  const per: Record<'ours' | 'floor' | 'openstacksdk', number[][]> = {
    ours: [],
    floor: [],
    openstacksdk: [],
  };
  const cpu: Record<'ours' | 'floor', number[][]> = { ours: [], floor: [] };
  const rounds = stubUrl ? cfg.stubRounds : cfg.rounds;
  for (let round = 0; round < rounds; round++) {
    const base = {
      path: `/flavors/${cfg.flavorId}`,
      flavorId: cfg.flavorId,
      n,
      warmupN,
      concurrency: c,
      iterations,
    };
    const target = stubUrl ? { stubUrl } : { cloud };
    const steps: Record<string, () => Promise<void>> = {
      // ours and the floor each in a fresh process: in a shared one, each would pay for the
      // other's garbage in its GC pauses and run on JIT state the other left behind
      node: async () => {
        for (const impl of rotate<Impl>(['ours', 'floor'], round)) {
          const r = await nodeWorker({ mode: 'get', ...target, ...base, order: [impl] });
          per[impl].push(r.impls[impl].samplesMs);
          cpu[impl].push(r.impls[impl].cpuMs);
        }
      },
      python: async () => {
        const r = await pythonPeer({ mode: 'get', ...target, ...base });
        per.openstacksdk.push(r.samplesMs);
      },
    };
    for (const s of rotate(['node', 'python'], round)) await steps[s]!();
    log(
      `${id} round ${round + 1}/${rounds}: ours ${fmtMs(median(per.ours.at(-1)!))}, floor ${fmtMs(
        median(per.floor.at(-1)!),
      )}, openstacksdk ${fmtMs(median(per.openstacksdk.at(-1)!))}`,
    );
  }
  const roundMedians = (k: keyof typeof per) => per[k].map((s) => median(s));
  const oursOverFloor = pairedRatio(roundMedians('ours'), roundMedians('floor'));
  const cpuOverFloor = pairedRatio(
    cpu.ours.map((s) => median(s)),
    cpu.floor.map((s) => median(s)),
  );
  const sdkOverOurs = pairedRatio(roundMedians('openstacksdk'), roundMedians('ours'));
  const ours = summarize(per.ours.flat());
  const perReq = (ms: number) => fmtMs(ms / n);
  const rps = (ms: number) => `${((n / ms) * 1000).toFixed(0)} req/s`;
  const s = {
    ours,
    openstacksdk: summarize(per.openstacksdk.flat()),
    floor: summarize(per.floor.flat()),
  };
  return {
    id,
    workload: title,
    metric: `wall time of ${n} GETs`,
    ...s,
    oursOverFloor,
    sdkOverOurs,
    targets: [
      target(`≤ ${OVERHEAD_TARGET}× floor`, oursOverFloor, (v) => v <= OVERHEAD_TARGET),
      ...(stubUrl
        ? [target(`client CPU ≤ ${OVERHEAD_TARGET}× floor's`, cpuOverFloor, (v) => v <= OVERHEAD_TARGET)]
        : []),
    ],
    details: [
      `client CPU per request (user + system of the worker process, GC included; median batch): ours ${perReq(
        median(cpu.ours.flat()),
      )}, floor ${perReq(median(cpu.floor.flat()))}; ${fmtRatio(cpuOverFloor)} as a median of per-round ratios`,
      `per request: ours ${perReq(s.ours.median)} (${rps(s.ours.median)}), openstacksdk ${perReq(
        s.openstacksdk.median,
      )} (${rps(s.openstacksdk.median)}), floor ${perReq(s.floor.median)} (${rps(s.floor.median)})`,
      `client-side overhead over the floor: ${fmtMs((s.ours.median - s.floor.median) / n)} per request (ours), ${fmtMs(
        (s.openstacksdk.median - s.floor.median) / n,
      )} (openstacksdk)`,
      `${rounds} round(s) × ${iterations} timed batch(es) per implementation; an untimed warm-up batch of ${warmupN} first (tinybench warm-up on the Node side)${c > 1 ? `; openstacksdk runs ${c} threads over one Connection` : ''}`,
    ],
  };
}

async function startStub(): Promise<{ url: string; stop: () => void }> {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [compiled('node/stub-server.ts')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: workerEnv(),
  });
  const url = await new Promise<string>((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (b: Buffer) => {
      buf += b.toString();
      const line = buf.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.on('exit', (code) => reject(new Error(`stub server exited ${code}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

// ---------------------------------------------------------------- (3), (6): listings

/**
 * Memory of one listing process. `heapFlat`: the heap left after a forced GC stays within
 * 4 MiB of the first page's over every page (nothing is retained per item; Node workers only).
 * `rssFlat`: the full listing's max RSS stays near one page's.
 */
function memoryVerdict(m: any): { heapFlat: boolean; rssFlat: boolean; text: string } {
  const rssGrowth = m.fullMaxRss - m.onePageMaxRss;
  const heapGrowth =
    m.heapAfterGcMax !== undefined && m.heapAfterGcFirst !== undefined
      ? m.heapAfterGcMax - m.heapAfterGcFirst
      : undefined;
  const rssFlat = rssGrowth <= Math.max(16 * MiB, 0.15 * m.onePageMaxRss);
  const heapFlat = (heapGrowth ?? 0) <= 4 * MiB;
  const text =
    `max RSS ${fmtMiB(m.baselineMaxRss)} before listing → ${fmtMiB(m.onePageMaxRss)} after one page → ${fmtMiB(
      m.fullMaxRss,
    )} after all pages` +
    (m.peakSampledRss ? ` (sampled RSS peak ${fmtMiB(m.peakSampledRss)})` : '') +
    (heapGrowth !== undefined
      ? `; heapUsed after GC: first page ${fmtMiB(m.heapAfterGcFirst)}, max over ${m.pages} pages ${fmtMiB(
          m.heapAfterGcMax,
        )}, last ${fmtMiB(m.heapAfterGcLast)}`
      : '');
  return { heapFlat, rssFlat, text };
}

/** One listing of every implementation, each in its own process: times and memory. */
type ListRun = { samples: number[]; memory: any };

/** What every process of a listing row is told: where, what, how many and how often. */
function listCommon(
  kind: 'ports' | 'objects',
  target: { networkId?: string; container?: string; stubUrl?: string },
  expect: number,
  limit: number,
) {
  return {
    ...(target.stubUrl ? {} : { cloud }),
    kind,
    ...target,
    limit,
    iterations: cfg.listIterations,
    expect,
  };
}

async function listRuns(
  id: string,
  kind: 'ports' | 'objects',
  target: { networkId?: string; container?: string; stubUrl?: string },
  expect: number,
  limit: number,
  rounds: number,
): Promise<Record<'ours' | 'floor' | 'openstacksdk', ListRun[]>> {
  const per: Record<'ours' | 'floor' | 'openstacksdk', ListRun[]> = { ours: [], floor: [], openstacksdk: [] };
  const common = listCommon(kind, target, expect, limit);
  for (let round = 0; round < rounds; round++) {
    for (const impl of rotate(['ours', 'floor', 'openstacksdk'] as const, round)) {
      const r =
        impl === 'openstacksdk'
          ? await pythonPeer({ mode: 'list', ...common })
          : await nodeWorker({ mode: 'list', impl, ...common }, ['--expose-gc']);
      per[impl].push({ samples: r.samplesMs, memory: r.memory });
    }
    log(
      `${id} round ${round + 1}/${rounds}: ours ${fmtMs(median(per.ours.at(-1)!.samples))}, floor ${fmtMs(
        median(per.floor.at(-1)!.samples),
      )}, openstacksdk ${fmtMs(median(per.openstacksdk.at(-1)!.samples))}`,
    );
  }
  return per;
}

/**
 * Peak RSS of two more runs of ours, to show where the default's peak goes: over node:http
 * instead of undici, and on undici with V8's optimizing WebAssembly tier off.
 */
async function peakRssVariants(
  kind: 'ports' | 'objects',
  target: { networkId?: string; container?: string },
  expect: number,
  limit: number,
): Promise<{ nodeHttp: number; liftoffOnly: number }> {
  const spec = { mode: 'list' as const, impl: 'ours' as const, ...listCommon(kind, target, expect, limit) };
  const nodeHttp = await nodeWorker(spec, ['--expose-gc'], { OSSDK_BENCH_TRANSPORT: 'node' });
  const liftoff = await nodeWorker(spec, ['--expose-gc', '--liftoff-only'], {
    OSSDK_BENCH_TRANSPORT: 'undici',
  });
  return { nodeHttp: nodeHttp.memory.fullMaxRss, liftoffOnly: liftoff.memory.fullMaxRss };
}

/** Retained heap is flat when no page keeps more than this alive (one page of 1000 rows is ~1 MiB). */
const HEAP_FLAT_BYTES = 4 * MiB;

async function listWorkload(
  id: string,
  title: string,
  kind: 'ports' | 'objects',
  target_: { networkId?: string; container?: string },
  expect: number,
  limit: number,
): Promise<Row> {
  const per = await listRuns(id, kind, target_, expect, limit, cfg.rounds);
  const where = await peakRssVariants(kind, target_, expect, limit);
  const rm = (k: keyof typeof per) => per[k].map((x) => median(x.samples));
  const peak = (k: keyof typeof per) => median(per[k].map((x) => x.memory.fullMaxRss));
  const retained = (k: keyof typeof per) => median(per[k].map((x) => x.memory.retainedHeap ?? Number.NaN));
  const last = (k: keyof typeof per) => per[k].at(-1)!.memory;
  const oursMem = memoryVerdict(last('ours'));
  const sdkMem = memoryVerdict(last('openstacksdk'));
  const floorMem = memoryVerdict(last('floor'));
  const heapFlatAll = per.ours.every((r) => memoryVerdict(r.memory).heapFlat);
  const worstRetained = Math.max(...per.ours.map((r) => r.memory.retainedHeap ?? Number.NaN));
  const oursOverFloor = pairedRatio(rm('ours'), rm('floor'));
  const rssOverSdk = pairedRatio(
    per.ours.map((x) => x.memory.fullMaxRss),
    per.openstacksdk.map((x) => x.memory.fullMaxRss),
  );
  return {
    id,
    workload: title,
    metric: `wall time of the whole listing (${expect} ${kind}, limit ${limit})`,
    ours: summarize(per.ours.flatMap((x) => x.samples)),
    openstacksdk: summarize(per.openstacksdk.flatMap((x) => x.samples)),
    floor: summarize(per.floor.flatMap((x) => x.samples)),
    oursOverFloor,
    sdkOverOurs: pairedRatio(rm('openstacksdk'), rm('ours')),
    peakRss: { ours: peak('ours'), openstacksdk: peak('openstacksdk'), floor: peak('floor') },
    retainedHeap: {
      ours: retained('ours'),
      openstacksdk: retained('openstacksdk'),
      floor: retained('floor'),
    },
    targets: [
      target('peak RSS ≤ openstacksdk (ours/peer)', rssOverSdk, (v) => v <= 1),
      target(
        "the same with `transport: 'node'` (one run)",
        where.nodeHttp / peak('openstacksdk'),
        (v) => v <= 1,
      ),
      target(
        `retained heap flat (≤ ${fmtMiB(HEAP_FLAT_BYTES)} on every page)`,
        heapFlatAll ? worstRetained : Number.POSITIVE_INFINITY,
        (v) => v <= HEAP_FLAT_BYTES,
        'MiB',
      ),
    ],
    details: [
      `peak RSS is the process's own high-water mark (VmHWM of /proc/self/status on both sides; getrusage's max RSS would include the harness's, inherited at fork) after the whole listing, median over rounds; retained heap is the heap after a full GC at each page boundary minus the heap after GC before the listing, largest over the pages (Node: heapUsed with --expose-gc; Python: tracemalloc's current size after gc.collect(), in an untimed pass)`,
      `ours (last round): ${oursMem.text}`,
      `raw floor (last round): ${floorMem.text}`,
      `openstacksdk (last round): ${sdkMem.text}; retained ${fmtMiB(last('openstacksdk').retainedHeap ?? Number.NaN)}`,
      `where ours' peak goes (one more process each, after the rounds): over node:http (\`transport: 'node'\`) ${fmtMiB(where.nodeHttp)}; on undici under \`node --liftoff-only\` ${fmtMiB(where.liftoffOnly)}. undici parses HTTP in WebAssembly, and V8 optimizing that code once it is hot costs a transient ~30-40 MiB; neither variant pays it`,
      `ours/floor on time: ${fmtRatio(oursOverFloor)} (no target: the listing's time is neutron's or swift's)`,
      `each process: set-up (auth, discovery) untimed, one page only, then ${cfg.listIterations} timed full listing(s); ${cfg.rounds} round(s)`,
    ],
  };
}

// ---------------------------------------------------------------- (7): scaling

/**
 * Listing N objects for N = 500 / 5 000 / 50 000 from the stub server's synthetic containers
 * (creating 50 000 objects on the shared dev cloud would take longer than the whole bench): time
 * per object must not grow with N, and neither may memory.
 */
async function scalingWorkload(stubUrl: string): Promise<Row> {
  const ns = cfg.scaleNs;
  const limit = cfg.objectsLimit;
  const runs: { n: number; per: Record<'ours' | 'floor' | 'openstacksdk', ListRun[]> }[] = [];
  for (const n of ns)
    runs.push({
      n,
      per: await listRuns(`7 N=${n}`, 'objects', { container: `scale-${n}`, stubUrl }, n, limit, 1),
    });
  const first = runs[0]!;
  const lastRun = runs.at(-1)!;
  const mid = runs[runs.length - 2] ?? first;
  const msOf = (r: (typeof runs)[number], k: 'ours' | 'floor' | 'openstacksdk') =>
    median(r.per[k].flatMap((x) => x.samples));
  const perItem = (r: (typeof runs)[number], k: 'ours' | 'floor' | 'openstacksdk') => msOf(r, k) / r.n;
  const rss = (r: (typeof runs)[number], k: 'ours' | 'floor' | 'openstacksdk') =>
    r.per[k][0]!.memory.fullMaxRss;
  const retainedOf = (r: (typeof runs)[number], k: 'ours' | 'floor' | 'openstacksdk') =>
    r.per[k][0]!.memory.retainedHeap as number | undefined;
  // linear: the largest N costs no more per object than the middle one (the smallest carries fixed costs)
  const growth = perItem(lastRun, 'ours') / perItem(mid, 'ours');
  const rssGrowth = rss(lastRun, 'ours') / rss(first, 'ours');
  const heapMax = Math.max(...runs.map((r) => retainedOf(r, 'ours') ?? Number.NaN));
  return {
    id: '7',
    workload: `scaling: list N = ${ns.join(' / ')} objects (limit ${limit}) from the stub server`,
    metric: `wall time of the listing at N = ${lastRun.n}`,
    ours: summarize(lastRun.per.ours.flatMap((x) => x.samples)),
    floor: summarize(lastRun.per.floor.flatMap((x) => x.samples)),
    openstacksdk: summarize(lastRun.per.openstacksdk.flatMap((x) => x.samples)),
    oursOverFloor: msOf(lastRun, 'ours') / msOf(lastRun, 'floor'),
    sdkOverOurs: msOf(lastRun, 'openstacksdk') / msOf(lastRun, 'ours'),
    peakRss: {
      ours: rss(lastRun, 'ours'),
      floor: rss(lastRun, 'floor'),
      openstacksdk: rss(lastRun, 'openstacksdk'),
    },
    retainedHeap: {
      ours: retainedOf(lastRun, 'ours'),
      floor: retainedOf(lastRun, 'floor'),
      openstacksdk: retainedOf(lastRun, 'openstacksdk'),
    },
    targets: [
      target(
        `time linear (µs per object at N = ${lastRun.n} / at N = ${mid.n} ≤ 1.25×)`,
        growth,
        (v) => v <= 1.25,
      ),
      target(`peak RSS flat (N = ${lastRun.n} / N = ${first.n} ≤ 1.15×)`, rssGrowth, (v) => v <= 1.15),
      target(
        `retained heap flat at every N (≤ ${fmtMiB(HEAP_FLAT_BYTES)})`,
        heapMax,
        (v) => v <= HEAP_FLAT_BYTES,
        'MiB',
      ),
    ],
    details: [
      ...runs.map(
        (r) =>
          `N = ${r.n}: ours ${fmtMs(msOf(r, 'ours'))} (${((perItem(r, 'ours') * 1000) | 0).toString()} µs/object, peak RSS ${fmtMiB(
            rss(r, 'ours'),
          )}, retained ${fmtMiB(retainedOf(r, 'ours') ?? Number.NaN)}), floor ${fmtMs(msOf(r, 'floor'))} (peak RSS ${fmtMiB(
            rss(r, 'floor'),
          )}), openstacksdk ${fmtMs(msOf(r, 'openstacksdk'))} (peak RSS ${fmtMiB(rss(r, 'openstacksdk'))}, retained ${fmtMiB(
            retainedOf(r, 'openstacksdk') ?? Number.NaN,
          )})`,
      ),
      "the objects are synthetic rows served by bench/node/stub-server.ts (swift's listing format, pages built per request): 50 000 real objects on the shared dev cloud would take longer to create than the whole bench, and the row is about the client, whose work per page is the same",
      `one round, ${cfg.listIterations} timed listing(s) per N per implementation, each in its own process`,
    ],
  };
}

// ---------------------------------------------------------------- (4): cold start

async function timesOf(n: number, one: () => Promise<number>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(await one());
  return out;
}

/** Wall time of one password token request as the floor sends it (keystone's share of a cold start). */
async function timedTokenPost(floorEnv: string): Promise<number> {
  const { authUrl, authBody } = JSON.parse(floorEnv) as { authUrl: string; authBody: string };
  const t = performance.now();
  const res = await fetch(`${authUrl}/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: authBody,
  });
  await res.arrayBuffer();
  if (res.status !== 201) throw new Error(`token request: ${res.status}`);
  return performance.now() - t;
}

interface HyperfineResult {
  results: { command: string; times: number[]; exit_codes?: number[] }[];
}

async function coldStartWorkload(conn: Connection): Promise<Row[]> {
  const id = '4';
  const title = '`ostack flavor list` vs `openstack flavor list`, cold start to first result';
  const cliFile = join(DIST, 'ostack', 'ostack.js');
  try {
    statSync(cliFile);
  } catch {
    return [
      {
        id,
        workload: title,
        metric: '',
        targets: [],
        details: [],
        pending: '`ostack` is not in dist/ostack/ (npm run build bundles it)',
      },
    ];
  }
  const { Connection: _C, ...sdk } = await loadSdk();
  const config = sdk.loadCloudConfig({ cloud });
  const a = config.auth;
  const authBody = JSON.stringify({
    auth: {
      identity: {
        methods: ['password'],
        password: { user: { name: a.username, domain: { name: a.user_domain_name }, password: a.password } },
      },
      scope: { project: { name: a.project_name, domain: { name: a.project_domain_name } } },
    },
  });
  // one environment for both floors: the cold one authenticates, the cached one reuses a token
  await conn.compute.getFlavor(cfg.flavorId);
  const floorEnv = JSON.stringify({
    authUrl: a.auth_url!.replace(/\/+$/, ''),
    authBody,
    region: config.regionName,
    computeUrl: await conn.compute.baseUrl(),
    token: await conn.session.getToken(),
  });
  // `--token-cache` (clouds.yaml `cache: {auth: true}`): the token and catalog from an earlier
  // process, in a cache directory of the bench's own
  const help = await run(process.execPath, [cliFile, '--help']);
  const withCache = help.stdout.includes('--token-cache');
  const cmds: Record<string, string> = {
    ours: `${process.execPath} ${cliFile} --os-cloud ${cloud} flavor list`,
    openstack: `openstack --os-cloud ${cloud} flavor list`,
    floor: `${process.execPath} ${join(ROOT, 'bench', 'node', 'cold-floor.mjs')}`,
    ...(withCache
      ? {
          cached: `${process.execPath} ${cliFile} --os-cloud ${cloud} --token-cache flavor list`,
          cachedFloor: `${process.execPath} ${join(ROOT, 'bench', 'node', 'cached-floor.mjs')}`,
        }
      : {}),
  };
  const xdg = join('/tmp', 'ossdk-bench', 'xdg-cache');
  mkdirSync(xdg, { recursive: true });
  const env = { ...process.env, OSSDK_BENCH_FLOOR: floorEnv, OS_CLOUD: cloud, XDG_CACHE_HOME: xdg };
  // check the outputs once: each must list the flavor the other workloads read
  for (const [k, c] of Object.entries(cmds)) {
    const [bin, ...args] = c.split(' ');
    const r = await run(bin!, args, { env });
    if (r.code !== 0 || !r.stdout.includes('m1.nano'))
      throw new Error(`${k}: \`${c}\` failed (${r.code}): ${r.stderr.slice(-500)}`);
  }
  const times: Record<string, number[][]> = Object.fromEntries(Object.keys(cmds).map((k) => [k, []]));
  const useHyperfine = (await run('hyperfine', ['--version']).catch(() => undefined))?.code === 0;
  const tmp = join('/tmp', `ossdk-bench-hyperfine-${process.pid}.json`);
  for (let round = 0; round < cfg.rounds; round++) {
    const order = rotate(Object.keys(cmds), round);
    if (useHyperfine) {
      const args = [
        '-N',
        '--style',
        'none',
        '--runs',
        String(cfg.coldRuns),
        '--warmup',
        round === 0 ? '1' : '0',
        '--export-json',
        tmp,
        ...order.map((k) => cmds[k]!),
      ];
      const r = await run('hyperfine', args, { env });
      if (r.code !== 0) throw new Error(`hyperfine failed: ${r.stderr.slice(-800)}`);
      const doc = JSON.parse((await import('node:fs')).readFileSync(tmp, 'utf8')) as HyperfineResult;
      order.forEach((k, i) => {
        times[k]!.push(doc.results[i]!.times.map((t) => t * 1000));
      });
    } else {
      // no hyperfine: spawn each command in turn, interleaved run by run
      const round: Record<string, number[]> = Object.fromEntries(Object.keys(cmds).map((k) => [k, []]));
      for (let i = 0; i < cfg.coldRuns; i++)
        for (const k of order) {
          const [bin, ...args] = cmds[k]!.split(' ');
          const r = await run(bin!, args, { env });
          if (r.code !== 0) throw new Error(`${cmds[k]} exited ${r.code}`);
          round[k]!.push(r.wallMs);
        }
      for (const k of order) times[k]!.push(round[k]!);
    }
    log(
      `4 round ${round + 1}/${cfg.rounds}: ${Object.keys(cmds)
        .map((k) => `${k} ${fmtMs(median(times[k]!.at(-1)!))}`)
        .join(', ')}`,
    );
  }
  const rm = (k: string) => times[k]!.map((t) => median(t));
  const sdkOverOurs = pairedRatio(rm('openstack'), rm('ours'));
  const nodeBare = summarize(await timesOf(5, async () => (await run(process.execPath, ['-e', '0'])).wallMs));
  const tokenPost = summarize(await timesOf(5, () => timedTokenPost(floorEnv)));
  const floorOnly = 'what no client can skip';
  const timing = `${useHyperfine ? `hyperfine -N, ${cfg.coldRuns} runs per command per round (1 warm-up in round 1)` : `own spawn timer, ${cfg.coldRuns} runs per command per round`}, ${cfg.rounds} round(s), command order rotated per round`;
  const rows: Row[] = [];
  rows.push({
    id,
    workload: title,
    metric: 'wall time of one process (auth + catalog + list)',
    ours: summarize(times.ours!.flat()),
    openstacksdk: summarize(times.openstack!.flat()),
    floor: summarize(times.floor!.flat()),
    peer: '`openstack`',
    oursOverFloor: pairedRatio(rm('ours'), rm('floor')),
    sdkOverOurs,
    targets: [
      target('≤ 1.2× floor', pairedRatio(rm('ours'), rm('floor')), (v) => v <= 1.2),
      target('≥ 10× faster than `openstack`', sdkOverOurs, (v) => v >= 10),
    ],
    details: [
      `commands: \`${cmds.ours}\` / \`${cmds.openstack}\` / floor \`${cmds.floor}\` (plain JS over node:http: one token POST, one GET /flavors/detail, no SDK)`,
      timing,
      `${floorOnly} on this machine: starting node (\`node -e 0\`, median of 5) ${fmtMs(nodeBare.median)}, keystone answering one password token request (median of 5) ${fmtMs(tokenPost.median)}`,
    ],
  });
  if (cmds.cached) {
    const cachedOverOpenstack = pairedRatio(rm('openstack'), rm('cached'));
    const cachedOverFloor = pairedRatio(rm('cached'), rm('cachedFloor'));
    rows.push({
      id: '4c',
      workload:
        '`ostack --token-cache flavor list` (token and catalog kept from an earlier process) vs `openstack flavor list`',
      metric: 'wall time of one process (list only; auth state read from the cache)',
      peer: '`openstack`',
      ours: summarize(times.cached!.flat()),
      openstacksdk: summarize(times.openstack!.flat()),
      floor: summarize(times.cachedFloor!.flat()),
      oursOverFloor: cachedOverFloor,
      sdkOverOurs: cachedOverOpenstack,
      targets: [
        target('≤ 1.5× floor', cachedOverFloor, (v) => v <= 1.5),
        target('≥ 10× faster than `openstack`', cachedOverOpenstack, (v) => v >= 10),
      ],
      details: [
        `floor: \`${cmds.cachedFloor}\` (node:http, one GET /flavors/detail with a known token and endpoint: process start + one request)`,
        `command: \`${cmds.cached}\` with XDG_CACHE_HOME=${xdg} (the cache file is written by the warm-up run; same rounds as row 4); \`openstack\` and the floor authenticate every time, as in row 4 (openstacksdk's own \`cache: {auth: true}\` needs a keyring backend, which Debian's packages do not configure)`,
        timing,
      ],
    });
  }
  return rows;
}

// ---------------------------------------------------------------- (5): upload

type TransferKind = 'small' | 'tiny' | 'big';

function swiftEnvOf(sdk: Omit<Awaited<ReturnType<typeof loadSdk>>, 'Connection'>): NodeJS.ProcessEnv {
  const a = sdk.loadCloudConfig({ cloud }).auth;
  return {
    ...process.env,
    OS_AUTH_URL: a.auth_url,
    OS_USERNAME: a.username,
    OS_PASSWORD: a.password,
    OS_PROJECT_NAME: a.project_name,
    OS_USER_DOMAIN_NAME: a.user_domain_name,
    OS_PROJECT_DOMAIN_NAME: a.project_domain_name,
    OS_IDENTITY_API_VERSION: '3',
    ST_AUTH_VERSION: '3',
  };
}

const transferIds = { small: 'a', big: 'b', tiny: 'c' } as const;

async function uploadWorkload(conn: Connection): Promise<Row[]> {
  const titles: Record<TransferKind, string> = {
    small: `upload ${cfg.smallFiles} × ${cfg.smallSize / 1024} KiB files vs \`swift upload\``,
    big: `upload one ${cfg.bigSize / MiB} MiB file (SLO, ${cfg.segmentSize / MiB} MiB segments) vs \`swift upload\``,
    tiny: `upload ${cfg.tinyFiles} × ${cfg.tinySize / 1024} KiB files vs \`swift upload\``,
  };
  const kinds: TransferKind[] = ['small', 'tiny', 'big'];
  try {
    statSync(join(DIST, 'cloud', 'upload-directory.js'));
  } catch {
    const pending = 'uploadDirectory (src/cloud/upload-directory.ts) is not in dist/ yet';
    return kinds.map((k) => ({
      id: `5${transferIds[k]}`,
      workload: titles[k],
      metric: '',
      targets: [],
      details: [],
      pending,
    }));
  }
  const files = await ensureUploadFiles(
    [
      { count: cfg.smallFiles, size: cfg.smallSize },
      { count: cfg.tinyFiles, size: cfg.tinySize },
    ],
    cfg.bigSize,
    log,
  );
  const { Connection: _C, ...sdk } = await loadSdk();
  const swiftEnv = swiftEnvOf(sdk);
  const rows: Row[] = [];
  for (const which of kinds) {
    const set =
      which === 'big'
        ? { dir: files.bigDir, count: 1, bytes: cfg.bigSize }
        : files.sets[which === 'small' ? 0 : 1]!;
    const t: Record<'ours' | 'floor' | 'swift', number[]> = { ours: [], floor: [], swift: [] };
    const inProcess: Record<'ours' | 'floor', number[]> = { ours: [], floor: [] };
    for (let round = 0; round < cfg.rounds; round++) {
      for (const impl of rotate(['ours', 'floor', 'swift'] as const, round)) {
        const container = `${UPLOAD_CONTAINER_PREFIX}${impl}-${which}-${process.pid}-${round}`;
        await deleteContainerPair(conn, container);
        try {
          if (impl !== 'swift') {
            const r = await nodeWorker({
              mode: 'upload',
              impl,
              cloud,
              dir: set.dir,
              container,
              prefix: '',
              concurrency: cfg.uploadConcurrency,
              segmentSize: cfg.segmentSize,
            });
            t[impl].push(r.wallMs);
            inProcess[impl].push(r.inProcessMs);
          } else {
            const r = await run(
              'swift',
              [
                'upload',
                '--segment-size',
                String(cfg.segmentSize),
                '--use-slo',
                '--object-threads',
                String(cfg.uploadConcurrency),
                '--segment-threads',
                String(cfg.uploadConcurrency),
                container,
                '.',
              ],
              { cwd: set.dir, env: swiftEnv, timeoutMs: 60 * 60_000 },
            );
            if (r.code !== 0) throw new Error(`swift upload exited ${r.code}: ${r.stderr.slice(-800)}`);
            t.swift.push(r.wallMs);
          }
          const meta = await conn.objectStore.getContainerMetadata(container);
          if (meta.objectCount !== set.count)
            throw new Error(
              `${impl} left ${meta.objectCount} objects in ${container}, expected ${set.count}`,
            );
        } finally {
          await deleteContainerPair(conn, container);
        }
      }
      log(
        `5${transferIds[which]} round ${round + 1}/${cfg.rounds}: ours ${fmtMs(t.ours.at(-1)!)}, floor ${fmtMs(
          t.floor.at(-1)!,
        )}, swift ${fmtMs(t.swift.at(-1)!)}`,
      );
    }
    rows.push(
      transferRow(`5${transferIds[which]}`, titles[which], 'upload', t, inProcess, set.bytes, [
        `peer: \`swift upload --use-slo -S ${cfg.segmentSize} --object-threads ${cfg.uploadConcurrency} --segment-threads ${cfg.uploadConcurrency}\` (python-swiftclient); ours: a node process running uploadDirectory(conn, dir, container, { concurrency: ${cfg.uploadConcurrency}, segmentSize: ${cfg.segmentSize} })`,
        `raw floor: a node process that authenticates with the SDK, then PUTs the same files with undici, ${cfg.uploadConcurrency} in flight over one keep-alive pool (segments streamed from disk and an SLO manifest above ${cfg.segmentSize / MiB} MiB), no checksums or metadata`,
        `concurrency: ours shares one limit of ${cfg.uploadConcurrency} requests between files and segments; swift has ${cfg.uploadConcurrency} object threads plus ${cfg.uploadConcurrency} segment threads, and HEADs every object before its PUT`,
        `files under ${set.dir}, containers deleted after every run`,
      ]),
    );
  }
  return rows;
}

/** A transfer row: wall times of whole processes, ours against the raw floor and the swift CLI. */
function transferRow(
  id: string,
  title: string,
  verb: 'upload' | 'download',
  t: Record<'ours' | 'floor' | 'swift', number[]>,
  inProcess: Record<'ours' | 'floor', number[]>,
  bytes: number,
  details: string[],
): Row {
  const swiftOverOurs = pairedRatio(t.swift, t.ours);
  const oursOverFloor = pairedRatio(t.ours, t.floor);
  const rate = (ms: number) => `${(bytes / MiB / (ms / 1000)).toFixed(1)} MiB/s`;
  return {
    id,
    workload: title,
    metric: 'wall time of the whole process',
    peer: `\`swift ${verb}\``,
    ours: summarize(t.ours),
    floor: summarize(t.floor),
    openstacksdk: summarize(t.swift),
    oursOverFloor,
    sdkOverOurs: swiftOverOurs,
    targets: [
      target(`≥ 2× \`swift ${verb}\``, swiftOverOurs, (v) => v >= 2),
      target('≤ 1.2× floor', oursOverFloor, (v) => v <= 1.2),
    ],
    details: [
      ...details,
      `throughput: ours ${rate(median(t.ours))}, floor ${rate(median(t.floor))}, swift ${rate(median(t.swift))}; inside the process (without node start-up and auth): ours ${fmtMs(
        median(inProcess.ours),
      )}, floor ${fmtMs(median(inProcess.floor))} (${fmtRatio(pairedRatio(inProcess.ours, inProcess.floor))})`,
    ],
  };
}

// ---------------------------------------------------------------- (8): download

async function downloadWorkload(conn: Connection): Promise<Row[]> {
  const titles = {
    small: `download ${cfg.smallFiles} × ${cfg.smallSize / 1024} KiB objects to a directory vs \`swift download\``,
    big: `download one ${cfg.bigSize / MiB} MiB SLO (${cfg.segmentSize / MiB} MiB segments) vs \`swift download\``,
  };
  const files = await ensureUploadFiles([{ count: cfg.smallFiles, size: cfg.smallSize }], cfg.bigSize, log);
  const { uploadDirectory } = await loadCloudLayer();
  const { Connection: _C, ...sdk } = await loadSdk();
  const swiftEnv = swiftEnvOf(sdk);
  const rows: Row[] = [];
  for (const which of ['small', 'big'] as const) {
    const set = which === 'big' ? { dir: files.bigDir, count: 1, bytes: cfg.bigSize } : files.sets[0]!;
    const container = `${DOWNLOAD_CONTAINER_PREFIX}${which}-${set.count}x${set.bytes}`;
    // the source is uploaded once and kept (npm run bench -- --cleanup removes it)
    const have = await conn.objectStore.getContainerMetadata(container).catch(() => undefined);
    if (have?.objectCount !== set.count) {
      log(`uploading the download source ${container}`);
      await deleteContainerPair(conn, container);
      const up = await uploadDirectory(conn, set.dir, container, {
        concurrency: cfg.uploadConcurrency,
        segmentSize: cfg.segmentSize,
      });
      if (up.failed)
        throw new Error(`could not upload the download source ${container}: ${up.failed} failed`);
    }
    const t: Record<'ours' | 'floor' | 'swift', number[]> = { ours: [], floor: [], swift: [] };
    const inProcess: Record<'ours' | 'floor', number[]> = { ours: [], floor: [] };
    for (let round = 0; round < cfg.rounds; round++) {
      for (const impl of rotate(['ours', 'floor', 'swift'] as const, round)) {
        const dir = join(TMP_ROOT, 'download', `${impl}-${which}`);
        rmSync(dir, { recursive: true, force: true });
        mkdirSync(dir, { recursive: true });
        if (impl !== 'swift') {
          const r = await nodeWorker({
            mode: 'download',
            impl,
            cloud,
            container,
            dir,
            concurrency: cfg.uploadConcurrency,
          });
          if (r.files !== set.count)
            throw new Error(`${impl} downloaded ${r.files} files, expected ${set.count}`);
          t[impl].push(r.wallMs);
          inProcess[impl].push(r.inProcessMs);
        } else {
          const r = await run(
            'swift',
            ['download', container, '-D', dir, '--object-threads', String(cfg.uploadConcurrency)],
            { env: swiftEnv, timeoutMs: 60 * 60_000 },
          );
          if (r.code !== 0) throw new Error(`swift download exited ${r.code}: ${r.stderr.slice(-800)}`);
          t.swift.push(r.wallMs);
        }
        const got = readdirSync(dir).length;
        rmSync(dir, { recursive: true, force: true });
        if (got !== set.count) throw new Error(`${impl} left ${got} files in ${dir}, expected ${set.count}`);
      }
      log(
        `8${which === 'small' ? 'a' : 'b'} round ${round + 1}/${cfg.rounds}: ours ${fmtMs(t.ours.at(-1)!)}, floor ${fmtMs(
          t.floor.at(-1)!,
        )}, swift ${fmtMs(t.swift.at(-1)!)}`,
      );
    }
    rows.push(
      transferRow(`8${which === 'small' ? 'a' : 'b'}`, titles[which], 'download', t, inProcess, set.bytes, [
        `peer: \`swift download <container> -D <dir> --object-threads ${cfg.uploadConcurrency}\` (checks each object's MD5); ours: a node process running downloadContainer(conn, container, dir, { concurrency: ${cfg.uploadConcurrency} }) (MD5 per object, per segment for the SLO, temporary file renamed into place, mtime set)`,
        `raw floor: a node process that authenticates with the SDK, lists the container and GETs every object with undici, ${cfg.uploadConcurrency} in flight, streamed to its file; no checksum`,
        `source container ${container} (uploaded once by uploadDirectory and kept); local files under ${join(TMP_ROOT, 'download')}, deleted after every run`,
      ]),
    );
  }
  return rows;
}

// ---------------------------------------------------------------- (9): upload defaults

/**
 * `--only=9` (never part of a default or quick run): uploadDirectory's time over its
 * `concurrency` on the small-file set, and over `segmentSize` on the big file, one process per
 * setting, settings interleaved per round: the measurements behind the defaults.
 */
async function sweepWorkload(conn: Connection): Promise<Row> {
  const files = await ensureUploadFiles([{ count: cfg.smallFiles, size: cfg.smallSize }], cfg.bigSize, log);
  const set = files.sets[0]!;
  const concurrencies = [4, 8, 16, 32];
  const segments = [16 * MiB, 64 * MiB, 128 * MiB].filter((x) => x < cfg.bigSize);
  const runs: Record<string, number[]> = {};
  const one = async (key: string, dir: string, concurrency: number, segmentSize: number) => {
    const container = `${UPLOAD_CONTAINER_PREFIX}sweep-${process.pid}`;
    await deleteContainerPair(conn, container);
    try {
      const r = await nodeWorker({
        mode: 'upload',
        impl: 'ours',
        cloud,
        dir,
        container,
        prefix: '',
        concurrency,
        segmentSize,
      });
      runs[key] = [...(runs[key] ?? []), r.inProcessMs];
    } finally {
      await deleteContainerPair(conn, container);
    }
  };
  for (let round = 0; round < cfg.rounds; round++) {
    for (const c of rotate(concurrencies, round)) await one(`small c=${c}`, set.dir, c, cfg.segmentSize);
    for (const seg of rotate(segments, round))
      await one(`big seg=${seg / MiB} MiB c=8`, files.bigDir, 8, seg);
    for (const c of rotate([4, 16], round)) await one(`big seg=64 MiB c=${c}`, files.bigDir, c, 64 * MiB);
    log(
      `9 round ${round + 1}/${cfg.rounds}: ${Object.entries(runs)
        .map(([k, v]) => `${k} ${fmtMs(v.at(-1)!)}`)
        .join(', ')}`,
    );
  }
  return {
    id: '9',
    workload: `uploadDirectory settings: concurrency ${concurrencies.join('/')} (${set.count} × ${set.size / 1024} KiB), segment size ${segments.map((x) => x / MiB).join('/')} MiB (${cfg.bigSize / MiB} MiB file)`,
    metric: 'in-process time of one uploadDirectory call per setting',
    targets: [],
    details: Object.entries(runs).map(([k, v]) => `${k}: median ${fmtMs(median(v))} over ${v.length} run(s)`),
  };
}

// ---------------------------------------------------------------- main

/** Child processes to stop if the harness is interrupted (the stub server). */
const children = new Set<() => void>();
for (const sig of ['SIGINT', 'SIGTERM'] as const)
  process.on(sig, () => {
    for (const stop of children) stop();
    process.exit(130);
  });

async function main(): Promise<void> {
  const started = performance.now();
  await ensureBuilt();
  compiled = compileWorkers();
  const { Connection } = await loadSdk();
  const conn = Connection.fromCloud(cloud);
  if (flag('cleanup')) {
    await waitForCloud(conn);
    await cleanupAll(conn, log);
    await conn.close();
    return;
  }
  const report: Report = {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    command: `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
    durationMs: 0,
    machine: machineInfo(),
    versions: await versions(),
    rounds: cfg.rounds,
    quick,
    rows: [],
    notes: [],
  };
  log(`machine: ${JSON.stringify(report.machine)}`);
  await waitForCloud(conn);

  const attempt = async (id: string, title: string, fn: () => Promise<Row | Row[]>) => {
    if (!selected(id)) return;
    log(`workload ${id}: ${title}`);
    const t0 = performance.now();
    try {
      await waitForCloud(conn);
      const r = await fn();
      report.rows.push(...(Array.isArray(r) ? r : [r]));
      log(`workload ${id} done in ${fmtMs(performance.now() - t0)}`);
    } catch (e) {
      log(`workload ${id} failed: ${(e as Error).stack ?? e}`);
      report.rows.push({
        id,
        workload: title,
        metric: '',
        targets: [],
        details: [],
        pending: `failed: ${(e as Error).message.split('\n')[0]}`,
      });
    }
  };

  const t1 = `${cfg.getN} sequential GETs of /flavors/${cfg.flavorId}`;
  const t2 = `${cfg.getN} GETs of /flavors/${cfg.flavorId}, concurrency ${cfg.concurrency}`;
  await attempt('1', t1, () => getWorkload('1', t1, 1));
  await attempt('2', t2, () => getWorkload('2', t2, cfg.concurrency));
  if (selected('1s') || selected('2s') || selected('7')) {
    const stub = await startStub();
    children.add(stub.stop);
    try {
      const s1 = `${cfg.stubN} sequential GETs of a flavor from a local stub server (client cost only)`;
      const s2 = `${cfg.stubN} GETs of a flavor from a local stub server, concurrency ${cfg.concurrency}`;
      await attempt('1s', s1, () => getWorkload('1s', s1, 1, stub.url));
      await attempt('2s', s2, () => getWorkload('2s', s2, cfg.concurrency, stub.url));
      await attempt('7', `scaling: list N = ${cfg.scaleNs.join(' / ')} objects`, () =>
        scalingWorkload(stub.url),
      );
    } finally {
      stub.stop();
      children.delete(stub.stop);
    }
  }
  const t3 = `list ${cfg.ports} ports (limit ${cfg.portsLimit}), peak memory`;
  await attempt('3', t3, async () => {
    const { networkId, total } = await ensurePorts(conn, cfg.ports, log);
    return listWorkload('3', t3, 'ports', { networkId }, total, cfg.portsLimit);
  });
  const t4 = '`ostack flavor list` vs `openstack flavor list`, cold start';
  await attempt('4', t4, () => coldStartWorkload(conn));
  await attempt('5', 'upload vs `swift upload`', () => uploadWorkload(conn));
  await attempt('8', 'download vs `swift download`', () => downloadWorkload(conn));
  // the settings sweep only when asked for by name: it is long and answers another question
  if (only?.includes('9')) await attempt('9', 'uploadDirectory settings sweep', () => sweepWorkload(conn));
  const t6 = `list ${cfg.objects} objects in a container (limit ${cfg.objectsLimit}), peak memory`;
  await attempt('6', t6, async () => {
    const { total } = await ensureObjects(conn, cfg.objects, log);
    return listWorkload('6', t6, 'objects', { container: OBJECTS_CONTAINER }, total, cfg.objectsLimit);
  });
  await conn.close();

  report.rows.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  report.machineEnd = machineInfo();
  report.durationMs = performance.now() - started;
  report.notes.push(
    'Raw floor: undici `request()` with a pre-issued token, pre-resolved URL and its own keep-alive Agent (same pool settings as the SDK), parsing the JSON body; for cold start, a plain-JS script doing the same from a fresh process.',
    'The SDK is loaded from the built dist/ (`npm run build`), through its Node entry `dist/node/index.js` (what the package resolves to under Node); the Node workers are transpiled to plain JS (bench/lib/compile.ts) so no measured process runs the tsx loader; ours and the floor each run in a fresh worker process (in a shared one each would pay for the garbage of the other).',
    "Python peers: bench/python/peer.py with Debian's openstacksdk (`openstack.connect(cloud=...)`), timed with time.perf_counter inside the process after auth and discovery.",
    `Rows 1s/2s (and 7, for swift) replace nova with a local stub server (bench/node/stub-server.ts: its own process, HTTP/1.1 over raw \`net\` with every answer serialized once, so it takes as little as possible of the 2 CPUs from the client under test) so that only client-side cost is compared; against the dev cloud every client waits on nova-api.`,
    `Fixtures kept between runs: ${cfg.ports} ports on network bench-ports-net (project ${BENCH_PROJECT_ID}), ${cfg.objects} objects in container ${OBJECTS_CONTAINER}, files under /tmp/ossdk-bench. \`npm run bench -- --cleanup\` deletes them.`,
  );
  const merge = flag('merge') && !quick && only;
  if (merge) mergeIntoLatest(report);
  const name = opt('name') ?? (quick || (only && !merge) ? 'latest-partial' : 'latest');
  writeReport(join(ROOT, 'bench', 'results'), name, report);
  // the results live under bench/, which `npm run lint` checks: write them the way biome formats
  await run(
    join(ROOT, 'node_modules', '.bin', 'biome'),
    ['format', '--write', join('bench', 'results', `${name}.md`), join('bench', 'results', `${name}.json`)],
    { cwd: ROOT },
  );
  process.stdout.write(
    `\n${renderTable(report.rows)}\n\nwrote bench/results/${name}.md in ${fmtMs(report.durationMs)}\n`,
  );
  const failed = report.rows.filter((r) => r.pending?.startsWith('failed'));
  if (failed.length) {
    log(`${failed.length} workload(s) could not run: ${failed.map((r) => r.id).join(', ')}`);
    process.exitCode = 1;
  }
}

/**
 * `--only=N --merge`: re-run some workloads and put their rows into the last full report
 * (bench/results/latest.json), which keeps its other rows, date and machine; a note says
 * which rows were re-run, when, and with what load.
 */
function mergeIntoLatest(report: Report): void {
  const path = join(ROOT, 'bench', 'results', 'latest.json');
  if (!existsSync(path)) throw new Error('--merge needs a full run first (bench/results/latest.json)');
  const base = JSON.parse(readFileSync(path, 'utf8')) as Report;
  const ids = new Set(report.rows.map((r) => r.id));
  const load = (m: Report['machine']) => m.loadAvg.map((x) => x.toFixed(2)).join(' / ');
  report.notes = [
    ...base.notes,
    `Rows re-run ${[...ids].join(', ')} on ${report.date} with \`${report.command}\` (load average at start ${load(report.machine)}); the other rows are from the full run above.`,
  ];
  report.rows = [...base.rows.filter((r) => !ids.has(r.id)), ...report.rows].sort((a, b) =>
    a.id.localeCompare(b.id, 'en', { numeric: true }),
  );
  report.date = base.date;
  report.command = base.command;
  report.machine = base.machine;
  report.machineEnd = base.machineEnd;
  report.durationMs = base.durationMs;
  report.rounds = base.rounds;
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
