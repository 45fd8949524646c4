/**
 * A stand-in for nova that answers instantly with canned documents (a real nova flavor 42
 * answer at microversion 2.90, and nova's version documents), so that the client-side cost
 * per request of each implementation can be compared without a loaded cloud in the way.
 *
 *   node --import tsx bench/node/stub-server.ts [port]   # prints {"url": "http://127.0.0.1:<port>/v2.1"}
 *
 * It runs in its own process so it never shares an event loop with the client it serves, and
 * it speaks HTTP/1.1 straight over `net` with every answer serialized once at start-up: on a
 * 2-core machine the server's per-request CPU is taken from the client being measured, and
 * node:http's request parsing and response building cost several times what these bytes do.
 * It understands what the benchmark clients send (GETs without bodies, keep-alive) and
 * closes any connection that sends something else.
 *
 * It also stands in for swift's container listing, for the scaling row: `GET
 * /v1/AUTH_stub/scale-<N>?format=json&limit=<l>&marker=<m>` lists N synthetic objects
 * `obj-000000`... in pages, as swift does (`[]` past the end). Those pages are built per
 * request, so the server's share of the CPU grows with N exactly as it would for any client.
 */
import { createServer, type Socket } from 'node:net';

const port = Number(process.argv[2] ?? 0);

const flavor = (origin: string) =>
  JSON.stringify({
    flavor: {
      id: '42',
      name: 'm1.nano',
      ram: 128,
      disk: 1,
      swap: 0,
      'OS-FLV-EXT-DATA:ephemeral': 0,
      'OS-FLV-DISABLED:disabled': false,
      vcpus: 1,
      'os-flavor-access:is_public': true,
      rxtx_factor: 1.0,
      links: [
        { rel: 'self', href: `${origin}/v2.1/flavors/42` },
        { rel: 'bookmark', href: `${origin}/flavors/42` },
      ],
      description: null,
      extra_specs: {},
    },
  });

const v21 = (origin: string) => ({
  id: 'v2.1',
  status: 'CURRENT',
  version: '2.93',
  min_version: '2.1',
  updated: '2013-07-23T11:33:21Z',
  links: [{ rel: 'self', href: `${origin}/v2.1/` }],
});

/** A whole HTTP/1.1 response, headers as nova sends them. */
function response(status: number, body: string, extra: Record<string, string> = {}): Buffer {
  const reason = status === 200 ? 'OK' : 'Not Found';
  const head = [
    `HTTP/1.1 ${status} ${reason}`,
    ...Object.entries(extra).map(([k, v]) => `${k}: ${v}`),
    'content-type: application/json',
    `content-length: ${Buffer.byteLength(body)}`,
    'openstack-api-version: compute 2.90',
    'x-openstack-nova-api-version: 2.90',
    'vary: OpenStack-API-Version, X-OpenStack-Nova-API-Version',
    'x-openstack-request-id: req-00000000-0000-0000-0000-000000000000',
    'x-compute-request-id: req-00000000-0000-0000-0000-000000000000',
    'connection: keep-alive',
    'keep-alive: timeout=60',
  ].join('\r\n');
  return Buffer.from(`${head}\r\n\r\n${body}`);
}

let answers = new Map<string, Buffer>();
let notFound: Buffer = Buffer.alloc(0);

/** Swift's JSON listing rows for objects `from` .. `to - 1` of a scale container. */
function listingRows(from: number, to: number): string {
  const rows: string[] = [];
  for (let i = from; i < to; i++)
    rows.push(
      `{"hash":"d41d8cd98f00b204e9800998ecf8427e","last_modified":"2026-11-25T19:59:13.000000","bytes":0,"name":"obj-${String(i).padStart(6, '0')}","content_type":"application/octet-stream"}`,
    );
  return `[${rows.join(',')}]`;
}

const scalePath = /^\/v1\/AUTH_stub\/scale-(\d+)$/;

/** A page of a scale container: objects after `marker`, at most `limit` (swift's default 10 000). */
function scaleListing(total: number, query: URLSearchParams): Buffer {
  const limit = Math.min(Number(query.get('limit') ?? 10_000) || 10_000, 10_000);
  const marker = query.get('marker');
  const from = marker ? Number(marker.replace(/^obj-/, '')) + 1 : 0;
  const to = Math.min(total, from + limit);
  // past the end swift answers a JSON listing with an empty array
  if (from >= to) return response(200, '[]', { 'x-container-object-count': String(total) });
  return response(200, listingRows(from, to), { 'x-container-object-count': String(total) });
}

function answer(requestLine: string): Buffer {
  // "GET /v2.1/flavors/42 HTTP/1.1"
  const target = requestLine.split(' ')[1] ?? '/';
  const q = target.indexOf('?');
  const path = q === -1 ? target : target.slice(0, q);
  const canned = answers.get(path);
  if (canned) return canned;
  const scale = scalePath.exec(path);
  if (scale) return scaleListing(Number(scale[1]), new URLSearchParams(q === -1 ? '' : target.slice(q + 1)));
  return notFound;
}

function serve(socket: Socket): void {
  socket.setNoDelay(true);
  let pending = '';
  socket.setEncoding('latin1');
  socket.on('data', (chunk: string) => {
    pending += chunk;
    let end = pending.indexOf('\r\n\r\n');
    while (end !== -1) {
      const head = pending.slice(0, end);
      pending = pending.slice(end + 4);
      if (!head.startsWith('GET ') || /\r\ncontent-length:\s*[1-9]/i.test(head)) {
        socket.destroy();
        return;
      }
      socket.write(answer(head.slice(0, head.indexOf('\r\n'))));
      end = pending.indexOf('\r\n\r\n');
    }
  });
  socket.on('error', () => socket.destroy());
}

const server = createServer(serve);
server.listen(port, '127.0.0.1', () => {
  const a = server.address();
  if (!a || typeof a === 'string') throw new Error('no address');
  const origin = `http://127.0.0.1:${a.port}`;
  const version = JSON.stringify({ version: v21(origin) });
  answers = new Map([
    ['/v2.1/flavors/42', response(200, flavor(origin))],
    ['/', response(200, JSON.stringify({ versions: [v21(origin)] }))],
    ['/v2.1', response(200, version)],
    ['/v2.1/', response(200, version)],
  ]);
  notFound = response(404, JSON.stringify({ itemNotFound: { code: 404, message: 'not found' } }));
  process.stdout.write(`${JSON.stringify({ url: `${origin}/v2.1` })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
