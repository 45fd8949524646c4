// Where a long listing's memory goes: peak RSS, heap retained after GC while iterating, and
// wall time, for this SDK (the built dist/) and Debian's python openstacksdk, listing N
// neutron ports and N swift objects from a local stub that serves the same pages to both.
//
//   npm run build && node bench/node/list-memory.mjs [--n=500,5000,50000] [--kinds=ports,objects]
//        [--peers=ours,ours-node,ours-liftoff,openstacksdk]
//
// A stub rather than the dev cloud: 50 000 ports on a shared cloud take an hour to create and
// load every other user of it; the stub answers with pages shaped like neutron's (Zed) and
// swift's, so the client's cost is what is measured. It runs in its own process, and every
// client in a fresh one, so that no measurement carries another's heap. Plain JavaScript, not
// TypeScript through tsx: the loader would weigh on the RSS being measured.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stubConnection } from './stub-connection.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PORTS_LIMIT = 500;
const OBJECTS_LIMIT = 1000;
const mib = (b) => Math.round((b / 1024 / 1024) * 10) / 10;

// ---------------------------------------------------------------- the stub

const uuid = (i) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
const indexOf = (id) => Number.parseInt(id.slice(-12), 16);

/** One port as neutron (Zed, ML2/OVS, no agents) lists it. */
function port(i) {
  const id = uuid(i);
  return {
    id,
    name: `ossdk-bench-port-${String(i).padStart(5, '0')}`,
    network_id: '4c92cb74-ba50-42f6-a840-74c95ab2c490',
    tenant_id: '5d8a3f8e2c6b4a0f9a1e7b3c2d4e6f80',
    mac_address: `fa:16:3e:${((i >> 16) & 255).toString(16).padStart(2, '0')}:${((i >> 8) & 255).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}`,
    admin_state_up: true,
    status: 'DOWN',
    device_id: '',
    device_owner: '',
    fixed_ips: [
      {
        subnet_id: '8f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
        ip_address: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      },
    ],
    allowed_address_pairs: [],
    extra_dhcp_opts: [],
    security_groups: ['2b5c7e9f-1a3d-4f6b-8d0e-2c4a6e8f0b1d'],
    description: '',
    'binding:vnic_type': 'normal',
    'binding:profile': {},
    'binding:host_id': '',
    'binding:vif_type': 'unbound',
    'binding:vif_details': {},
    port_security_enabled: true,
    qos_policy_id: null,
    qos_network_policy_id: null,
    resource_request: null,
    ip_allocation: 'immediate',
    propagate_uplink_status: false,
    tags: [],
    created_at: '2026-12-01T10:00:00Z',
    updated_at: '2026-12-01T10:00:00Z',
    revision_number: 1,
    project_id: '5d8a3f8e2c6b4a0f9a1e7b3c2d4e6f80',
  };
}

/** One object row as swift lists it with format=json. */
function object(i) {
  return {
    name: `obj-${String(i).padStart(6, '0')}`,
    hash: 'd41d8cd98f00b204e9800998ecf8427e',
    bytes: 0,
    content_type: 'application/octet-stream',
    last_modified: '2026-12-01T10:00:00.000000',
  };
}

function serveStub(n) {
  const server = createServer((req, res) => {
    const u = new URL(req.url, 'http://stub');
    const origin = `http://${req.headers.host}`;
    const send = (status, doc) => {
      const body = doc === undefined ? '' : JSON.stringify(doc);
      res.writeHead(status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      });
      res.end(body);
    };
    const limit = Number(u.searchParams.get('limit') ?? n);
    if (u.pathname === '/network' || u.pathname === '/network/') {
      return send(200, {
        versions: [
          { id: 'v2.0', status: 'CURRENT', links: [{ rel: 'self', href: `${origin}/network/v2.0/` }] },
        ],
      });
    }
    if (u.pathname === '/network/v2.0/ports') {
      const marker = u.searchParams.get('marker');
      const from = marker ? indexOf(marker) + 1 : 0;
      const to = Math.min(n, from + limit);
      const ports = [];
      for (let i = from; i < to; i++) ports.push(port(i));
      const links = [];
      if (to < n) {
        const q = new URLSearchParams(u.searchParams);
        q.set('marker', uuid(to - 1));
        links.push({ rel: 'next', href: `${origin}${u.pathname}?${q}` });
      }
      return send(200, { ports, ...(links.length ? { ports_links: links } : {}) });
    }
    if (u.pathname === '/swift/v1/AUTH_bench/bench') {
      const marker = u.searchParams.get('marker');
      const from = marker ? Number(marker.slice(4)) + 1 : 0;
      const to = Math.min(n, from + limit);
      const rows = [];
      for (let i = from; i < to; i++) rows.push(object(i));
      return send(200, rows);
    }
    send(404, { error: `no route ${req.method} ${u.pathname}` });
  });
  server.listen(0, '127.0.0.1', () => {
    process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
  });
}

// ---------------------------------------------------------------- our client

async function runOurs(stub, kind, n, probeHeap, transport) {
  // the Node entry: what `import 'openstack-sdk'` resolves to under Node
  const distIndex = join(ROOT, 'dist', 'node', 'index.js');
  if (!existsSync(distIndex)) throw new Error(`${distIndex} is missing: run \`npm run build\` first`);
  const { Connection } = await import(pathToFileURL(distIndex).href);
  const conn = stubConnection(
    Connection,
    {
      network_endpoint_override: `${stub}/network`,
      object_store_endpoint_override: `${stub}/swift/v1/AUTH_bench`,
    },
    transport,
  );
  const list = () =>
    kind === 'ports'
      ? conn.network.listPorts({ limit: PORTS_LIMIT })
      : conn.objectStore.listObjects('bench', { limit: OBJECTS_LIMIT });
  // set-up (discovery, the pool, JIT of the path) outside the measurement; the forced GCs of
  // the heap probe would lower the peak, so peak and retained heap come from separate runs
  await list().first();
  globalThis.gc();
  const baseHeap = process.memoryUsage().heapUsed;
  const baseRss = process.resourceUsage().maxRSS * 1024;
  let items = 0;
  let maxRetained = 0;
  const every = kind === 'ports' ? PORTS_LIMIT : OBJECTS_LIMIT;
  const t0 = performance.now();
  for await (const r of list()) {
    if (!r.id && !r.name) throw new Error('a row without id or name');
    items++;
    // heap still reachable mid-listing, once per page: flat when earlier pages are released
    if (probeHeap && items % every === 0) {
      globalThis.gc();
      maxRetained = Math.max(maxRetained, process.memoryUsage().heapUsed - baseHeap);
    }
  }
  const ms = performance.now() - t0;
  if (items !== n) throw new Error(`listed ${items} ${kind}, expected ${n}`);
  await conn.close();
  return {
    items,
    ms: Math.round(ms),
    baselineMaxRss: baseRss,
    maxRss: process.resourceUsage().maxRSS * 1024,
    ...(probeHeap ? { retainedHeap: maxRetained } : {}),
  };
}

// ---------------------------------------------------------------- the python peer

const PY = `
import json, resource, sys, time, logging
import openstack
logging.disable(logging.WARNING)
stub, kind, n, lim_ports, lim_objects = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
conn = openstack.connect(auth_type='admin_token', auth={'token': 'stub-token', 'endpoint': stub},
    network_endpoint_override=stub + '/network', object_store_endpoint_override=stub + '/swift/v1/AUTH_bench')
def listing():
    if kind == 'ports':
        return conn.network.ports(limit=lim_ports)
    return conn.object_store.objects('bench', limit=lim_objects)
next(iter(listing()), None)
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
items = 0
t0 = time.perf_counter()
for r in listing():
    items += 1
ms = (time.perf_counter() - t0) * 1000
if items != n:
    raise SystemExit('listed %d, expected %d' % (items, n))
print(json.dumps({'items': items, 'ms': round(ms), 'baselineMaxRss': base,
    'maxRss': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))
`;

// ---------------------------------------------------------------- the driver

/**
 * Our client's runs: the defaults (undici), over node:http, and on undici with V8's optimizing
 * WebAssembly tier off (undici parses HTTP in WebAssembly; optimizing that parser once it is hot
 * is what lifts the default's peak).
 */
const VARIANTS = {
  ours: { flags: [], transport: '' },
  'ours-node': { flags: [], transport: 'node' },
  'ours-liftoff': { flags: ['--liftoff-only'], transport: '' },
};

function lastJson(out) {
  const line = out.trim().split('\n').pop();
  return JSON.parse(line);
}

async function drive() {
  const arg = (name, dflt) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt;
  const ns = arg('n', '500,5000,50000').split(',').map(Number);
  const kinds = arg('kinds', 'ports,objects').split(',');
  const peers = arg('peers', 'ours,ours-node,ours-liftoff,openstacksdk').split(',');
  const rows = [];
  for (const n of ns) {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), 'stub', String(n)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const stub = await new Promise((resolve, reject) => {
      child.stdout.once('data', (d) => resolve(`http://127.0.0.1:${JSON.parse(String(d)).port}`));
      child.once('exit', (code) => reject(new Error(`the stub exited (${code})`)));
    });
    try {
      for (const kind of kinds) {
        for (const peer of peers) {
          const variant = VARIANTS[peer];
          const ours = (probe) =>
            lastJson(
              execFileSync(
                process.execPath,
                [
                  '--expose-gc',
                  ...variant.flags,
                  fileURLToPath(import.meta.url),
                  'ours',
                  stub,
                  kind,
                  String(n),
                  probe,
                  variant.transport,
                ],
                { encoding: 'utf8', maxBuffer: 1 << 20 },
              ),
            );
          const r = variant
            ? { ...ours('peak'), retainedHeap: ours('heap').retainedHeap }
            : lastJson(
                execFileSync(
                  '/usr/bin/python3',
                  ['-c', PY, stub, kind, String(n), String(PORTS_LIMIT), String(OBJECTS_LIMIT)],
                  { encoding: 'utf8', maxBuffer: 1 << 20 },
                ),
              );
          rows.push({ kind, n, peer, ...r });
          process.stderr.write(
            `${kind.padEnd(8)} N=${String(n).padStart(6)} ${peer.padEnd(13)} ${String(r.ms).padStart(6)} ms  ` +
              `peak RSS ${mib(r.maxRss)} MiB (before listing ${mib(r.baselineMaxRss)})` +
              (r.retainedHeap !== undefined ? `  retained heap ≤ ${mib(r.retainedHeap)} MiB` : '') +
              '\n',
          );
        }
      }
    } finally {
      child.kill();
    }
  }
  process.stdout.write(`${JSON.stringify(rows)}\n`);
}

const [role, ...rest] = process.argv.slice(2);
if (role === 'stub') serveStub(Number(rest[0]));
else if (role === 'ours') {
  const [stub, kind, n, probe, transport] = rest;
  process.stdout.write(
    `${JSON.stringify(await runOurs(stub, kind, Number(n), probe === 'heap', transport || undefined))}\n`,
  );
} else await drive();
