/**
 * A stand-in for nova that answers instantly with canned documents (a real nova flavor 42
 * answer at microversion 2.90, and nova's version documents), so that the client-side cost
 * per request of each implementation can be compared without a loaded cloud in the way.
 *
 *   node --import tsx bench/node/stub-server.ts [port]   # prints {"url": "http://127.0.0.1:<port>/v2.1"}
 *
 * It runs in its own process so it never shares an event loop with the client it serves.
 */
import { createServer } from 'node:http';

const port = Number(process.argv[2] ?? 0);
let origin = '';

const flavor = () =>
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

const v21 = () => ({
  id: 'v2.1',
  status: 'CURRENT',
  version: '2.93',
  min_version: '2.1',
  updated: '2013-07-23T11:33:21Z',
  links: [{ rel: 'self', href: `${origin}/v2.1/` }],
});

let flavorBody = '';

const server = createServer((req, res) => {
  const path = (req.url ?? '/').split('?')[0];
  let body: string;
  let status = 200;
  if (path === '/v2.1/flavors/42') body = flavorBody;
  else if (path === '/') body = JSON.stringify({ versions: [v21()] });
  else if (path === '/v2.1' || path === '/v2.1/') body = JSON.stringify({ version: v21() });
  else {
    status = 404;
    body = JSON.stringify({ itemNotFound: { code: 404, message: 'not found' } });
  }
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'openstack-api-version': 'compute 2.90',
    'x-openstack-nova-api-version': '2.90',
    vary: 'OpenStack-API-Version, X-OpenStack-Nova-API-Version',
    'x-openstack-request-id': 'req-00000000-0000-0000-0000-000000000000',
    'x-compute-request-id': 'req-00000000-0000-0000-0000-000000000000',
  });
  res.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(port, '127.0.0.1', () => {
  const a = server.address();
  if (!a || typeof a === 'string') throw new Error('no address');
  origin = `http://127.0.0.1:${a.port}`;
  flavorBody = flavor();
  process.stdout.write(`${JSON.stringify({ url: `${origin}/v2.1` })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
