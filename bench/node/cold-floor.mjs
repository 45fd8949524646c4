// The floor for "cold start to first result": the least a fresh Node process can do to list
// flavors, in plain JavaScript with node:http only (no TypeScript loader, no SDK, no package, as
// in cached-floor.mjs: with undici's index the script cost more than `ostack` itself, so it was
// no floor): POST a password token request prepared by the harness, take compute's public URL
// from the catalog, GET /flavors/detail, print one name per line. Run by bench/run.ts with
// OSSDK_BENCH_FLOOR set to {"authUrl": ".../v3", "authBody": "<JSON>", "region": "RegionOne"}.
import { Agent, request } from 'node:http';

const cfg = JSON.parse(process.env.OSSDK_BENCH_FLOOR ?? '{}');
const agent = new Agent({ keepAlive: true });

function send(url, method, headers, body) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ res, doc: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const auth = await send(
  `${cfg.authUrl}/auth/tokens`,
  'POST',
  { 'content-type': 'application/json', accept: 'application/json' },
  cfg.authBody,
);
if (auth.res.statusCode !== 201) throw new Error(`auth: ${auth.res.statusCode}`);
const token = auth.res.headers['x-subject-token'];
const compute = auth.doc.token.catalog.find((s) => s.type === 'compute');
const ep = compute.endpoints.find(
  (e) => e.interface === 'public' && (!cfg.region || e.region_id === cfg.region || e.region === cfg.region),
);
const list = await send(`${ep.url.replace(/\/+$/, '')}/flavors/detail`, 'GET', {
  accept: 'application/json',
  'x-auth-token': token,
});
if (list.res.statusCode !== 200) throw new Error(`flavors: ${list.res.statusCode}`);
process.stdout.write(`${list.doc.flavors.map((f) => f.name).join('\n')}\n`);
agent.destroy();
