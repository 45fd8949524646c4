/**
 * The Node side of the in-process workloads: this SDK (loaded from the built dist/) and the
 * raw-HTTP floor (undici `request()` with a pre-issued token and its own keep-alive Agent).
 *
 *   node [--expose-gc] node_modules/.cache/ossdk-bench/node/worker.js '<json spec>'
 *
 * (bench/run.ts transpiles it there first, see bench/lib/compile.ts; under tsx it runs as is.)
 *
 * Prints one JSON object as its last stdout line. Auth, discovery and connection set-up happen
 * before any timing starts (the Python peer does the same), so only per-request work is timed.
 */
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Agent } from 'undici';
import { type Connection, loadCloudLayer, loadSdk } from '../lib/sdk.js';

export type Impl = 'ours' | 'floor';

export interface GetSpec {
  mode: 'get';
  /** Cloud name in clouds.yaml; or a stub server instead of a cloud (see stub-server.ts). */
  cloud?: string;
  stubUrl?: string;
  path: string;
  flavorId: string;
  /** GETs per timed batch. */
  n: number;
  /** GETs in the untimed warm-up batch (connections, JIT). */
  warmupN: number;
  concurrency: number;
  /** Timed batches per implementation. */
  iterations: number;
  order: Impl[];
}

export interface ListSpec {
  mode: 'list';
  /** Cloud name in clouds.yaml; or a stub server (objects only: its scale containers). */
  cloud?: string;
  stubUrl?: string;
  impl: Impl;
  kind: 'ports' | 'objects';
  /** Port listing filter. */
  networkId?: string;
  container?: string;
  limit: number;
  iterations: number;
  /** Items the listing must return (a wrong count fails the run). */
  expect: number;
}

export interface UploadSpec {
  mode: 'upload';
  /** ours: uploadDirectory; floor: undici PUTs of the same files (segments + an SLO manifest above segmentSize). */
  impl: Impl;
  cloud: string;
  dir: string;
  container: string;
  prefix: string;
  concurrency: number;
  segmentSize: number;
}

export interface DownloadSpec {
  mode: 'download';
  /** ours: downloadContainer; floor: undici GETs of the listing and every object, streamed to files. */
  impl: Impl;
  cloud: string;
  container: string;
  dir: string;
  concurrency: number;
}

export type WorkerSpec = GetSpec | ListSpec | UploadSpec | DownloadSpec;

const mib = (b: number) => b / 1024 / 1024;

/** The stub server's swift account URL (its scale containers live there). */
export function stubSwiftUrl(stubUrl: string): string {
  return `${new URL(stubUrl).origin}/v1/AUTH_stub`;
}

/** The SDK's transport for this run (`npm run bench -- --transport=node`); the default otherwise. */
function transportOption(): { transport?: 'undici' | 'node' | 'fetch' } {
  const t = process.env.OSSDK_BENCH_TRANSPORT;
  return t === 'undici' || t === 'node' || t === 'fetch' ? { transport: t } : {};
}

async function connect(spec: { cloud?: string; stubUrl?: string }): Promise<Connection> {
  const { Connection } = await loadSdk();
  if (spec.stubUrl) {
    // no clouds.yaml, no OS_*: a cloud built from these options alone
    return new Connection({
      ...transportOption(),
      env: {},
      config: {
        auth_type: 'admin_token',
        auth: { token: 'stub-token' },
        compute_endpoint_override: spec.stubUrl,
        object_store_endpoint_override: stubSwiftUrl(spec.stubUrl),
      },
    });
  }
  return Connection.fromCloud(spec.cloud, transportOption());
}

/** The floor's dispatcher: the same pool settings as the SDK's HttpClient. */
function floorAgent(): Agent {
  return new (undici().Agent)({ keepAliveTimeout: 30_000, connections: 64 });
}

/** Run `one` n times with at most `c` in flight. */
async function batch(n: number, c: number, one: () => Promise<unknown>): Promise<void> {
  let started = 0;
  const lane = async () => {
    while (started < n) {
      started++;
      await one();
    }
  };
  await Promise.all(Array.from({ length: Math.min(c, n) }, lane));
}

async function runGet(spec: GetSpec) {
  const conn = await connect(spec);
  const compute = conn.compute;
  // auth, catalog, version discovery, microversion negotiation: all before timing
  const first = await compute.getFlavor(spec.flavorId);
  if (first.id !== spec.flavorId) throw new Error(`flavor ${spec.flavorId} not found`);
  const token = await conn.session.getToken();
  const base = await compute.baseUrl();
  const mv = compute.client.microversion;
  const url = `${base}${spec.path}`;
  const headers: Record<string, string> = {
    accept: 'application/json',
    ...(token ? { 'x-auth-token': token } : {}),
    ...(mv ? { 'openstack-api-version': `compute ${mv}`, 'x-openstack-nova-api-version': mv } : {}),
  };
  const agent = floorAgent();
  const impls: Record<Impl, () => Promise<unknown>> = {
    ours: () => compute.getFlavor(spec.flavorId),
    floor: async () => {
      const r = await undici().request(url, { method: 'GET', headers, dispatcher: agent });
      if (r.statusCode !== 200) throw new Error(`floor GET ${url}: ${r.statusCode}`);
      return r.body.json();
    },
  };

  let perBatch = spec.n;
  let warming = false;
  const cpuMs: Partial<Record<Impl, number[]>> = {};
  const { Bench } = await import('tinybench');
  const bench = new Bench({
    iterations: spec.iterations,
    time: 0,
    warmup: true,
    warmupIterations: 1,
    warmupTime: 0,
    retainSamples: true,
    throws: true,
  });
  for (const impl of spec.order) {
    // `async` (and an async function): otherwise tinybench calls the function once at add() to
    // find out whether it returns a promise, and that batch would run, unawaited, under the
    // first timed task
    // the process's CPU time (user + system, GC included) per timed batch: on a loaded machine
    // the client's cost, where wall time also holds other processes' turns on the cores
    const cpu: number[] = [];
    cpuMs[impl] = cpu;
    bench.add(
      impl,
      async () => {
        const c0 = process.cpuUsage();
        await batch(perBatch, spec.concurrency, impls[impl]);
        if (!warming) {
          const d = process.cpuUsage(c0);
          cpu.push((d.user + d.system) / 1000);
        }
      },
      {
        async: true,
        // warm-up batches are short: they only need to open connections and JIT the path
        beforeAll(mode) {
          warming = mode === 'warmup';
          perBatch = warming ? spec.warmupN : spec.n;
        },
      },
    );
  }
  await bench.run();
  const out: Record<string, { samplesMs: number[]; cpuMs: number[] }> = {};
  for (const t of bench.tasks) {
    const r = t.result;
    if (r.state !== 'completed') throw new Error(`task ${t.name}: ${r.state}`);
    out[t.name] = { samplesMs: [...(r.latency.samples ?? [])], cpuMs: cpuMs[t.name as Impl] ?? [] };
  }
  await agent.close();
  await conn.close();
  return { mode: 'get', microversion: mv, url, impls: out };
}

/** One page source per implementation; each yields the page's item count. */
type PageSource = () => AsyncGenerator<number>;

async function listSources(spec: ListSpec, conn: Connection): Promise<PageSource> {
  if (spec.impl === 'ours') {
    if (spec.kind === 'ports') {
      return async function* () {
        for await (const page of conn.network
          .listPorts({ networkId: spec.networkId!, limit: spec.limit })
          .pages())
          yield page.length;
      };
    }
    return async function* () {
      for await (const page of conn.objectStore.listObjects(spec.container!, { limit: spec.limit }).pages())
        yield page.length;
    };
  }
  // the floor: pre-issued token, pre-resolved URLs, parse and count
  const token = await conn.session.getToken();
  const agent = floorAgent();
  const headers = { accept: 'application/json', 'x-auth-token': token };
  if (spec.kind === 'ports') {
    const base = await conn.network.baseUrl();
    return async function* () {
      let url: string | undefined =
        `${base}/ports?network_id=${encodeURIComponent(spec.networkId!)}&limit=${spec.limit}`;
      while (url) {
        const r = await undici().request(url, { headers, dispatcher: agent });
        if (r.statusCode !== 200) throw new Error(`floor GET ${url}: ${r.statusCode}`);
        const doc = (await r.body.json()) as {
          ports: unknown[];
          ports_links?: { rel: string; href: string }[];
        };
        yield doc.ports.length;
        url = doc.ports_links?.find((l) => l.rel === 'next')?.href;
      }
    };
  }
  const base = await conn.objectStore.baseUrl();
  return async function* () {
    let marker = '';
    for (;;) {
      const url = `${base}/${encodeURIComponent(spec.container!)}?format=json&limit=${spec.limit}${marker ? `&marker=${encodeURIComponent(marker)}` : ''}`;
      const r = await undici().request(url, { headers, dispatcher: agent });
      if (r.statusCode !== 200 && r.statusCode !== 204) throw new Error(`floor GET ${url}: ${r.statusCode}`);
      const text = await r.body.text();
      const rows = text ? (JSON.parse(text) as { name: string }[]) : [];
      if (!rows.length) return;
      yield rows.length;
      if (rows.length < spec.limit) return;
      marker = rows[rows.length - 1]!.name;
    }
  };
}

/**
 * This process's peak RSS: VmHWM from /proc/self/status, which belongs to the process's own
 * memory map and starts afresh at exec. getrusage's max RSS does not: Linux carries it over from
 * the parent at fork, so every worker would report at least the harness's RSS.
 */
function maxRssBytes(): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) * 1024;
  } catch {
    // not Linux: getrusage is what there is
  }
  return process.resourceUsage().maxRSS * 1024;
}

async function runList(spec: ListSpec) {
  const gc = (globalThis as { gc?: () => void }).gc;
  const conn = await connect(spec);
  // set-up: auth and discovery (one tiny request), untimed
  if (spec.kind === 'ports') await conn.network.listPorts({ networkId: spec.networkId!, limit: 1 }).first();
  else await conn.objectStore.listObjects(spec.container!, { limit: 1 }).first();
  const pages = await listSources(spec, conn);
  gc?.();
  const baseline = {
    rss: process.memoryUsage.rss(),
    maxRss: maxRssBytes(),
    heapAfterGc: process.memoryUsage().heapUsed,
  };

  // one page only: the high-water mark a single page costs
  for await (const _ of pages()) break;
  const onePageMaxRss = maxRssBytes();

  // timed full listings, RSS sampled after every page
  const samplesMs: number[] = [];
  let peakSampledRss = 0;
  let items = 0;
  for (let i = 0; i < spec.iterations; i++) {
    items = 0;
    const t0 = performance.now();
    for await (const n of pages()) {
      items += n;
      const rss = process.memoryUsage.rss();
      if (rss > peakSampledRss) peakSampledRss = rss;
    }
    samplesMs.push(performance.now() - t0);
    if (items !== spec.expect) throw new Error(`listed ${items} ${spec.kind}, expected ${spec.expect}`);
  }
  const fullMaxRss = maxRssBytes();

  // untimed pass: heap after a full GC at every page boundary (flat = does not grow with pages)
  const heapAfterGc: number[] = [];
  if (gc) {
    for await (const _ of pages()) {
      gc();
      heapAfterGc.push(process.memoryUsage().heapUsed);
    }
  }
  await conn.close();
  return {
    mode: 'list',
    impl: spec.impl,
    items,
    samplesMs,
    memory: {
      baselineRss: baseline.rss,
      baselineMaxRss: baseline.maxRss,
      onePageMaxRss,
      fullMaxRss,
      peakSampledRss,
      heapAfterGcFirst: heapAfterGc[0],
      heapAfterGcMax: heapAfterGc.length ? Math.max(...heapAfterGc) : undefined,
      heapAfterGcLast: heapAfterGc[heapAfterGc.length - 1],
      pages: heapAfterGc.length,
      // what the listing keeps alive: heap after GC at a page boundary over the heap after GC before it
      retainedHeap: heapAfterGc.length ? Math.max(...heapAfterGc) - baseline.heapAfterGc : undefined,
    },
    summary: `${spec.impl} ${spec.kind}: ${items} items, median ${samplesMs.sort((a, b) => a - b)[samplesMs.length >> 1]?.toFixed(0)} ms, max RSS ${mib(fullMaxRss).toFixed(1)} MiB`,
  };
}

async function runUpload(spec: UploadSpec) {
  const conn = await connect(spec);
  await conn.authorize();
  if (spec.impl === 'floor') {
    const token = await conn.session.getToken();
    const base = await conn.objectStore.baseUrl();
    const t0 = performance.now();
    const r = await putFloor(spec, base, token);
    const ms = performance.now() - t0;
    await conn.close();
    return { mode: 'upload', impl: 'floor', inProcessMs: ms, ...r };
  }
  const { uploadDirectory } = await loadCloudLayer();
  const t0 = performance.now();
  const s = await uploadDirectory(conn, spec.dir, spec.container, {
    prefix: spec.prefix,
    concurrency: spec.concurrency,
    segmentSize: spec.segmentSize,
  });
  const ms = performance.now() - t0;
  await conn.close();
  if (s.failed) {
    const first = s.files.find((f) => f.status === 'failed');
    throw new Error(`${s.failed} file(s) failed; first: ${first?.path}: ${first?.error?.message}`);
  }
  return { mode: 'upload', impl: 'ours', inProcessMs: ms, files: s.transferred, bytes: s.bytesTransferred };
}

/** PUT with undici, failing on anything but `want`; returns the response headers. */
async function rawPut(
  agent: Agent,
  url: string,
  headers: Record<string, string>,
  body: Buffer | NodeJS.ReadableStream | string,
  want: number[] = [201, 202],
) {
  const r = await undici().request(url, { method: 'PUT', headers, body: body as never, dispatcher: agent });
  await r.body.dump();
  if (!want.includes(r.statusCode)) throw new Error(`floor PUT ${url}: ${r.statusCode}`);
  return r.headers;
}

/**
 * The upload floor: the same files with nothing but undici, `concurrency` PUTs in flight over
 * one keep-alive pool (whole files read into memory; a file over `segmentSize` as segments
 * streamed from disk, then an SLO manifest). No checksums, no metadata, no per-file bookkeeping:
 * the least any client must send.
 */
async function putFloor(spec: UploadSpec, base: string, token: string) {
  const agent = floorAgent();
  const headers = { 'x-auth-token': token };
  const enc = (s: string) => s.split('/').map(encodeURIComponent).join('/');
  const cont = `${base}/${encodeURIComponent(spec.container)}`;
  await rawPut(agent, cont, headers, '', [201, 202]);
  const names = (await readdir(spec.dir)).sort();
  const files = await Promise.all(
    names.map(async (n) => ({
      name: n,
      path: join(spec.dir, n),
      size: (await stat(join(spec.dir, n))).size,
    })),
  );
  const segCont = `${spec.container}_segments`;
  let segContMade = false;
  const jobs: (() => Promise<void>)[] = [];
  const manifests: (() => Promise<void>)[] = [];
  for (const f of files) {
    const objUrl = `${cont}/${enc(`${spec.prefix}${f.name}`)}`;
    if (f.size <= spec.segmentSize) {
      jobs.push(async () => {
        await rawPut(agent, objUrl, { ...headers, 'content-length': String(f.size) }, await readFile(f.path));
      });
      continue;
    }
    if (!segContMade) {
      await rawPut(agent, `${base}/${encodeURIComponent(segCont)}`, headers, '', [201, 202]);
      segContMade = true;
    }
    const count = Math.ceil(f.size / spec.segmentSize);
    const segs: { path: string; etag: string; size_bytes: number }[] = new Array(count);
    for (let i = 0; i < count; i++) {
      const start = i * spec.segmentSize;
      const size = Math.min(spec.segmentSize, f.size - start);
      const segName = `${spec.prefix}${f.name}/${String(i).padStart(8, '0')}`;
      jobs.push(async () => {
        const h = await rawPut(
          agent,
          `${base}/${encodeURIComponent(segCont)}/${enc(segName)}`,
          { ...headers, 'content-length': String(size) },
          createReadStream(f.path, { start, end: start + size - 1 }),
        );
        segs[i] = {
          path: `/${segCont}/${segName}`,
          etag: String(h.etag ?? '').replace(/"/g, ''),
          size_bytes: size,
        };
      });
    }
    manifests.push(async () => {
      await rawPut(agent, `${objUrl}?multipart-manifest=put`, headers, JSON.stringify(segs));
    });
  }
  await runPool(jobs, spec.concurrency);
  await runPool(manifests, spec.concurrency);
  await agent.close();
  return { files: files.length, bytes: files.reduce((a, f) => a + f.size, 0) };
}

/** Run thunks with at most `c` in flight. */
async function runPool(jobs: readonly (() => Promise<void>)[], c: number): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) await jobs[next++]!();
  };
  await Promise.all(Array.from({ length: Math.min(c, jobs.length) }, lane));
}

async function runDownload(spec: DownloadSpec) {
  const conn = await connect(spec);
  await conn.authorize();
  await mkdir(spec.dir, { recursive: true });
  if (spec.impl === 'floor') {
    const token = await conn.session.getToken();
    const base = await conn.objectStore.baseUrl();
    const t0 = performance.now();
    const r = await getFloor(spec, base, token);
    const ms = performance.now() - t0;
    await conn.close();
    return { mode: 'download', impl: 'floor', inProcessMs: ms, ...r };
  }
  const { downloadContainer } = await loadCloudLayer();
  const t0 = performance.now();
  const s = await downloadContainer(conn, spec.container, spec.dir, { concurrency: spec.concurrency });
  const ms = performance.now() - t0;
  await conn.close();
  if (s.failed) {
    const first = s.files.find((f) => f.status === 'failed');
    throw new Error(`${s.failed} download(s) failed; first: ${first?.object}: ${first?.error?.message}`);
  }
  return { mode: 'download', impl: 'ours', inProcessMs: ms, files: s.transferred, bytes: s.bytesTransferred };
}

/**
 * The download floor: list the container (10 000 names a page), then GET every object with
 * `concurrency` in flight and stream it to its file. No checksum, no temporary file, no mtime:
 * the least any client must do.
 */
async function getFloor(spec: DownloadSpec, base: string, token: string) {
  const agent = floorAgent();
  const headers = { 'x-auth-token': token, accept: 'application/json' };
  const cont = `${base}/${encodeURIComponent(spec.container)}`;
  const names: string[] = [];
  for (let marker = ''; ; ) {
    const r = await undici().request(
      `${cont}?format=json&limit=10000${marker ? `&marker=${encodeURIComponent(marker)}` : ''}`,
      {
        headers,
        dispatcher: agent,
      },
    );
    if (r.statusCode === 204) {
      await r.body.dump();
      break;
    }
    if (r.statusCode !== 200) throw new Error(`floor listing ${cont}: ${r.statusCode}`);
    const rows = (await r.body.json()) as { name: string }[];
    if (!rows.length) break;
    names.push(...rows.map((x) => x.name));
    marker = rows[rows.length - 1]!.name;
  }
  let bytes = 0;
  await runPool(
    names.map((n) => async () => {
      const url = `${cont}/${n.split('/').map(encodeURIComponent).join('/')}`;
      const r = await undici().request(url, { headers: { 'x-auth-token': token }, dispatcher: agent });
      if (r.statusCode !== 200) throw new Error(`floor GET ${url}: ${r.statusCode}`);
      const out = join(spec.dir, n);
      await mkdir(join(out, '..'), { recursive: true });
      r.body.on('data', (c: Buffer) => {
        bytes += c.length;
      });
      await pipeline(r.body, createWriteStream(out));
    }),
    spec.concurrency,
  );
  await agent.close();
  return { files: names.length, bytes };
}

/**
 * undici, for the floor. Loaded only by the runs that have one: a listing of ours is measured
 * for memory, and the floor's module would count in its RSS (ours loads undici itself when it
 * sends over undici).
 */
let undiciModule: typeof import('undici') | undefined;
function undici(): typeof import('undici') {
  if (!undiciModule) throw new Error('undici was not loaded for this run');
  return undiciModule;
}

async function main() {
  const spec = JSON.parse(process.argv[2] ?? '{}') as WorkerSpec;
  if (!(spec.mode === 'list' && spec.impl === 'ours')) undiciModule = await import('undici');
  let out: unknown;
  if (spec.mode === 'get') out = await runGet(spec);
  else if (spec.mode === 'list') out = await runList(spec);
  else if (spec.mode === 'upload') out = await runUpload(spec);
  else if (spec.mode === 'download') out = await runDownload(spec);
  else throw new Error(`unknown mode ${(spec as { mode?: string }).mode}`);
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
