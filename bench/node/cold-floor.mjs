// The floor for "cold start to first result": the least a fresh Node process can do to list
// flavors, in plain JavaScript (no TypeScript loader, no SDK): POST a password token request
// prepared by the harness, take compute's public URL from the catalog, GET /flavors/detail,
// print one name per line. Run by bench/run.ts with OSSDK_BENCH_FLOOR set to
// {"authUrl": ".../v3", "authBody": "<JSON>", "region": "RegionOne"}.
import { request } from 'undici';

const cfg = JSON.parse(process.env.OSSDK_BENCH_FLOOR ?? '{}');
const auth = await request(`${cfg.authUrl}/auth/tokens`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/json' },
  body: cfg.authBody,
});
if (auth.statusCode !== 201) throw new Error(`auth: ${auth.statusCode}`);
const token = auth.headers['x-subject-token'];
const doc = await auth.body.json();
const compute = doc.token.catalog.find((s) => s.type === 'compute');
const ep = compute.endpoints.find(
  (e) => e.interface === 'public' && (!cfg.region || e.region_id === cfg.region || e.region === cfg.region),
);
const res = await request(`${ep.url.replace(/\/+$/, '')}/flavors/detail`, {
  headers: { accept: 'application/json', 'x-auth-token': token },
});
if (res.statusCode !== 200) throw new Error(`flavors: ${res.statusCode}`);
const { flavors } = await res.body.json();
process.stdout.write(`${flavors.map((f) => f.name).join('\n')}\n`);
