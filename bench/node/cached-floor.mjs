// The floor for a CLI call with a cached token: the least a fresh Node process can do to list
// flavors when the token and the endpoint are already known (no auth request, no discovery, no
// TypeScript loader, no SDK): one GET /flavors/detail, one name per line. What
// `ostack --token-cache flavor list` is measured against. Run with OSSDK_BENCH_FLOOR set to
// {"computeUrl": "http://.../v2.1", "token": "<a valid token>"}.
import { request } from 'undici';

const cfg = JSON.parse(process.env.OSSDK_BENCH_FLOOR ?? '{}');
const res = await request(`${cfg.computeUrl.replace(/\/+$/, '')}/flavors/detail`, {
  headers: { accept: 'application/json', 'x-auth-token': cfg.token },
});
if (res.statusCode !== 200) throw new Error(`flavors: ${res.statusCode}`);
const { flavors } = await res.body.json();
process.stdout.write(`${flavors.map((f) => f.name).join('\n')}\n`);
