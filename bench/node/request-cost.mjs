/**
 * Client CPU per GET against the stub server (rows 1s/2s without the dev cloud or the Python
 * peer): the SDK's `compute.getFlavor` against the raw undici floor, and optionally against
 * another build of the SDK, each in its own process, in rounds with the order rotated.
 *
 *   node bench/node/request-cost.mjs [--rounds=7] [--n=2000] [--c=1] [--transport=undici]
 *        [--base=/path/to/other/dist]      # also measure that build (A/B)
 *
 * CPU time (user + sys of the client process, GC included) is what a loaded 2-core machine
 * measures best: wall time there is mostly other processes' turn on the cores. Ratios are
 * medians of per-round ratios. One process per implementation and round, so neither's JIT or
 * heap state leaks into the other's.
 *
 * Child mode (what the driver spawns): `--impl=ours|floor --dist=<dir> --stub=<url>`.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stubConnection } from './stub-connection.mjs';

const args = Object.fromEntries(
  process.argv
    .slice(2)
    .filter((a) => a.startsWith('--'))
    .map((a) => {
      const [k, v] = a.slice(2).split('=');
      return [k, v ?? 'true'];
    }),
);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const num = (k, d) => Number(args[k] ?? d);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Run `one` n times with at most c in flight. */
async function batch(n, c, one) {
  let started = 0;
  const lane = async () => {
    while (started < n) {
      started++;
      await one();
    }
  };
  await Promise.all(Array.from({ length: Math.min(c, n) }, lane));
}

/**
 * Heap bytes allocated per request: the growth of the used heap over a batch during which no
 * GC ran (the child runs with a young generation large enough for it), the smallest of a few.
 */
async function allocPerRequest(c, one) {
  const { PerformanceObserver } = await import('node:perf_hooks');
  let gcs = 0;
  const obs = new PerformanceObserver((list) => {
    gcs += list.getEntries().length;
  });
  obs.observe({ entryTypes: ['gc'] });
  const n = 500;
  const seen = [];
  for (let i = 0; i < 20 && seen.length < 5; i++) {
    globalThis.gc?.();
    await new Promise((r) => setTimeout(r, 10));
    const before = gcs;
    const h0 = process.memoryUsage().heapUsed;
    await batch(n, c, one);
    const h1 = process.memoryUsage().heapUsed;
    await new Promise((r) => setTimeout(r, 10));
    if (gcs === before) seen.push((h1 - h0) / n);
  }
  obs.disconnect();
  if (!seen.length) throw new Error('a GC ran during every batch: raise --max-semi-space-size');
  return Math.min(...seen);
}

async function child() {
  const dist = args.dist;
  const { Connection } = await import(pathToFileURL(join(dist, 'index.js')).href);
  const conn = stubConnection(Connection, { compute_endpoint_override: args.stub }, args.transport);
  const compute = conn.compute;
  const first = await compute.getFlavor('42');
  if (first.id !== '42') throw new Error('flavor 42 not found');
  const token = await conn.session.getToken();
  const url = `${await compute.baseUrl()}/flavors/42`;
  const mv = compute.client.microversion;
  const headers = {
    accept: 'application/json',
    'x-auth-token': token,
    ...(mv ? { 'openstack-api-version': `compute ${mv}`, 'x-openstack-nova-api-version': mv } : {}),
  };
  let one;
  let close = async () => {};
  if (args.impl === 'floor') {
    const { Agent, request } = await import('undici');
    const agent = new Agent({ keepAliveTimeout: 30_000, connections: 64 });
    close = () => agent.close();
    one = async () => {
      const r = await request(url, { method: 'GET', headers, dispatcher: agent });
      if (r.statusCode !== 200) throw new Error(`floor GET ${url}: ${r.statusCode}`);
      return r.body.json();
    };
  } else {
    one = () => compute.getFlavor('42');
  }
  const n = num('n', 2000);
  const c = num('c', 1);
  await batch(Math.min(n, 1000), c, one); // warm-up: connections and JIT
  if (args.heapsample) {
    // where the bytes are allocated (for finding them; not part of a measurement)
    const { Session } = await import('node:inspector/promises');
    const { writeFileSync } = await import('node:fs');
    const s = new Session();
    s.connect();
    await s.post('HeapProfiler.startSampling', {
      samplingInterval: 512,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
    await batch(5000, c, one);
    const { profile } = await s.post('HeapProfiler.stopSampling');
    writeFileSync(args.heapsample, JSON.stringify(profile));
    process.stdout.write('{}\n');
    await close();
    await conn.close();
    return;
  }
  if (args.alloc) {
    process.stdout.write(`${JSON.stringify({ bytes: await allocPerRequest(c, one) })}\n`);
    await close();
    await conn.close();
    return;
  }
  const cpu = [];
  const wall = [];
  for (let b = 0; b < num('batches', 5); b++) {
    const u0 = process.cpuUsage();
    const t0 = performance.now();
    await batch(n, c, one);
    const t1 = performance.now();
    const u = process.cpuUsage(u0);
    cpu.push((u.user + u.system) / n);
    wall.push(((t1 - t0) * 1000) / n);
  }
  await close();
  await conn.close();
  process.stdout.write(`${JSON.stringify({ cpuUs: median(cpu), wallUs: median(wall) })}\n`);
}

function runChild(extra, node = []) {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [...node, fileURLToPath(import.meta.url), ...extra], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    p.stdout.on('data', (b) => {
      out += b;
    });
    p.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1))) : reject(new Error(`child ${code}`)),
    );
  });
}

async function startStub() {
  const p = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'node', 'stub-server.ts')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    let buf = '';
    p.stdout.on('data', (b) => {
      buf += b;
      const line = buf.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line).url);
    });
    p.on('exit', (code) => reject(new Error(`stub exited ${code}`)));
  });
  return { url, stop: () => p.kill('SIGTERM') };
}

async function driver() {
  const dist = join(ROOT, 'dist');
  if (!existsSync(join(dist, 'index.js'))) throw new Error('run `npm run build` first');
  const variants = [
    ['ours', dist],
    ['floor', dist],
  ];
  if (args.base) variants.push(['base', args.base]);
  const stub = await startStub();
  const common = [`--stub=${stub.url}`, `--n=${num('n', 2000)}`, `--c=${num('c', 1)}`];
  if (args.transport) common.push(`--transport=${args.transport}`);
  if (args.batches) common.push(`--batches=${args.batches}`);
  const per = Object.fromEntries(variants.map(([k]) => [k, []]));
  const rounds = num('rounds', 7);
  try {
    if (args.alloc) {
      // deterministic enough for one run per variant
      const out = {};
      for (const [name, d] of variants) {
        const impl = name === 'floor' ? 'floor' : 'ours';
        const r = await runChild(
          [`--impl=${impl}`, `--dist=${d}`, '--alloc', ...common],
          ['--expose-gc', '--max-semi-space-size=128'],
        );
        out[name] = `${Math.round(r.bytes)} B/request`;
      }
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      return;
    }
    for (let r = 0; r < rounds; r++) {
      const order = variants.map((_, i) => variants[(i + r) % variants.length]);
      for (const [name, d] of order) {
        const impl = name === 'floor' ? 'floor' : 'ours';
        per[name].push(await runChild([`--impl=${impl}`, `--dist=${d}`, ...common]));
      }
      const line = variants
        .map(
          ([k]) =>
            `${k} ${per[k].at(-1).cpuUs.toFixed(1)} µs cpu / ${per[k].at(-1).wallUs.toFixed(1)} µs wall`,
        )
        .join(', ');
      process.stderr.write(`round ${r + 1}/${rounds}: ${line}\n`);
    }
  } finally {
    stub.stop();
  }
  const ratio = (a, b, f) => median(per[a].map((x, i) => x[f] / per[b][i][f]));
  const summary = {};
  for (const [k] of variants) {
    summary[k] = {
      cpuUs: +median(per[k].map((x) => x.cpuUs)).toFixed(1),
      wallUs: +median(per[k].map((x) => x.wallUs)).toFixed(1),
    };
  }
  summary.oursOverFloor = {
    cpu: +ratio('ours', 'floor', 'cpuUs').toFixed(3),
    wall: +ratio('ours', 'floor', 'wallUs').toFixed(3),
  };
  if (args.base) {
    summary.baseOverFloor = {
      cpu: +ratio('base', 'floor', 'cpuUs').toFixed(3),
      wall: +ratio('base', 'floor', 'wallUs').toFixed(3),
    };
    summary.oursOverBase = {
      cpu: +ratio('ours', 'base', 'cpuUs').toFixed(3),
      wall: +ratio('ours', 'base', 'wallUs').toFixed(3),
    };
  }
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
}

(args.impl ? child() : driver()).catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exit(1);
});
