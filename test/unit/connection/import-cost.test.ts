/**
 * Importing the SDK and building a Connection from options must not load the heavy dependencies
 * that only some calls need: `yaml` (read only when a clouds.yaml is found) and undici (loaded on
 * the first request). Each case runs in a fresh Node process, the only place module loading is
 * observable; both dependencies are CommonJS, so `require.cache` lists them once loaded.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ConnectionError } from '../../../src/errors/errors.js';
import { HttpClient } from '../../../src/transport/http-client.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const home = mkdtempSync(join(tmpdir(), 'ossdk-import-cost-'));
after(() => rmSync(home, { recursive: true, force: true }));

/** Run `body` (ES module code, `sdk` is src/index.ts) in a fresh process; returns the heavy deps it loaded. */
function loadedAfter(body: string): string[] {
  const script = join(home, `case-${Math.random().toString(36).slice(2)}.mts`);
  writeFileSync(
    script,
    `import { createRequire } from 'node:module';
const sdk = await import(${JSON.stringify(join(root, 'src', 'index.ts'))});
${body}
const loaded = Object.keys(createRequire(import.meta.url).cache)
  .map((f) => /[\\\\/]node_modules[\\\\/](yaml|undici)[\\\\/]/.exec(f)?.[1])
  .filter((d) => d !== undefined);
console.log(JSON.stringify([...new Set(loaded)].sort()));
`,
  );
  // no OS_* variables and an empty home: no clouds.yaml is found unless a case writes one
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
  };
  const out = execFileSync(process.execPath, ['--import', 'tsx', script], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '[]') as string[];
}

const CONNECT = `const conn = new sdk.Connection({
  config: { auth: { auth_url: 'http://127.0.0.1:1/v3', token: 'x' }, auth_type: 'token' },
});`;

describe('import-time cost', () => {
  test('import and new Connection(options) load neither yaml nor undici', () => {
    const loaded = loadedAfter(CONNECT);
    assert.deepEqual(loaded, [], `importing and connecting from options loaded ${loaded.join(', ')}`);
  });

  test('yaml is loaded when a clouds.yaml is read', () => {
    const file = join(home, 'clouds.yaml');
    writeFileSync(
      file,
      'clouds:\n  c:\n    auth: {auth_url: "http://127.0.0.1:1/v3", token: x}\n    auth_type: token\n',
    );
    const loaded =
      loadedAfter(`const cfg = sdk.loadCloudConfig({ cloud: 'c', configFiles: [${JSON.stringify(file)}] });
if (cfg.authType !== 'token') throw new Error('clouds.yaml was not read: ' + cfg.authType);`);
    assert.deepEqual(loaded, ['yaml'], 'reading clouds.yaml must load yaml (and only it)');
  });

  test('undici is loaded by the first request, whose failure is still an SDK error', () => {
    const loaded = loadedAfter(`const http = new sdk.HttpClient({ retry: { maxRetries: 0 } });
const err = await http.request({ method: 'GET', url: 'http://127.0.0.1:1/' }).catch((e) => e);
if (!(err instanceof sdk.ConnectionError)) throw new Error('expected a ConnectionError, got ' + err);
await http.close();`);
    assert.ok(
      loaded.includes('undici'),
      `a request must load undici; loaded: ${loaded.join(', ') || 'nothing'}`,
    );
  });

  test('a client closed before its first request (no pool built yet) refuses requests', async () => {
    const http = new HttpClient({ retry: { maxRetries: 0 } });
    await http.close();
    const err = await http.request({ method: 'GET', url: 'http://127.0.0.1:9/' }).catch((e: unknown) => e);
    assert.ok(err instanceof ConnectionError, `expected a ConnectionError, got ${String(err)}`);
    assert.match(err.message, /closed/, 'the error must say the client is closed');
  });
});
