// The floor for a CLI call with a cached token: the least a fresh Node process can do to list
// flavors when the token and the endpoint are already known: no auth request, no discovery, no
// TypeScript loader, no SDK and no package (node:http only, so the floor is Node's own start-up
// plus one request). What `ostack --token-cache flavor list` is measured against. Run with
// OSSDK_BENCH_FLOOR set to {"computeUrl": "http://.../v2.1", "token": "<a valid token>"};
// `--discover` first GETs the service root as version discovery does, to price that request.
import { Agent, get } from 'node:http';

const cfg = JSON.parse(process.env.OSSDK_BENCH_FLOOR ?? '{}');
const headers = { accept: 'application/json', 'x-auth-token': cfg.token };
const agent = new Agent({ keepAlive: true });

function getJson(url) {
  return new Promise((resolve, reject) => {
    get(url, { headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        if (res.statusCode !== 200) reject(new Error(`${url}: ${res.statusCode}`));
        else resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      });
    }).on('error', reject);
  });
}

if (process.argv.includes('--discover')) await getJson(new URL('/', cfg.computeUrl));
const { flavors } = await getJson(`${cfg.computeUrl.replace(/\/+$/, '')}/flavors/detail?is_public=true`);
process.stdout.write(`${flavors.map((f) => f.name).join('\n')}\n`);
agent.destroy();
