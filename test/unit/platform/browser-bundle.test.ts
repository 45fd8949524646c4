/**
 * The SDK a browser program loads: the package entry and the service subpaths bundled by
 * esbuild for `platform: 'browser'` with nothing marked external, so a `node:` import anywhere
 * in the graph fails the build; the bundle must carry no undici and import nothing. Then the
 * bundle runs in a bare V8 context holding only web globals (no process, Buffer or require) and
 * lists servers from the fake cloud with a Connection configured in code: no file system, the
 * fetch transport chosen by itself.
 */
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { createContext, runInContext } from 'node:vm';
import { build, type Metafile } from 'esbuild';
import { json, route, startFake } from '../../support/fake-service.js';

const root = resolve(import.meta.dirname, '../../..');
const SERVICES = ['block-storage', 'compute', 'identity', 'image', 'network', 'object-store', 'placement'];

/** Node built-ins, as esbuild would name them in a metafile. */
const NODE_BUILTIN =
  /^(node:|(fs|path|os|crypto|stream|module|tls|net|http|https|url|util|zlib|events|buffer)(\/|$))/;

function offenders(meta: Metafile): string[] {
  const inputs = Object.keys(meta.inputs).filter(
    (i) => /node_modules\/undici\//.test(i) || NODE_BUILTIN.test(i),
  );
  // chunks of the bundle import each other; anything else is left for the browser to fetch
  const imports = Object.values(meta.outputs).flatMap((o) =>
    o.imports.filter((i) => !i.path.startsWith('.tmp-browser-bundle/')).map((i) => i.path),
  );
  return [...inputs, ...imports];
}

describe('the browser bundle', () => {
  test('the entry and every service subpath bundle for the browser with no node built-in or undici', async () => {
    const entryPoints = [
      join(root, 'src/index.ts'),
      ...SERVICES.map((s) => join(root, 'src/services', s, 'index.ts')),
    ];
    const r = await build({
      entryPoints,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      outdir: join(root, '.tmp-browser-bundle'),
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    assert.deepEqual(r.errors, [], 'the browser build should resolve every import');
    assert.deepEqual(offenders(r.metafile), [], 'no node built-in or undici may reach the browser bundle');
  });

  test('the bundle runs in a context with web globals only and lists servers over fetch', async () => {
    const r = await build({
      stdin: {
        contents: "export { Connection, MemoryTokenStore } from './src/index.ts';",
        resolveDir: root,
        loader: 'ts',
      },
      bundle: true,
      format: 'iife',
      globalName: 'OSSDK',
      platform: 'browser',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    assert.deepEqual(offenders(r.metafile), [], 'no node built-in or undici may reach the browser bundle');
    const fake = await startFake('compute', [
      route('GET', '/servers/detail', (c, res) =>
        json(res, 200, { servers: [{ id: 's1', name: `web ${c.headers['x-auth-token'] ?? 'no token'}` }] }),
      ),
    ]);
    try {
      const g = globalThis as unknown as Record<string, unknown>;
      const web = Object.fromEntries(
        [
          'fetch',
          'Headers',
          'Request',
          'Response',
          'ReadableStream',
          'TextEncoder',
          'TextDecoder',
          'URL',
          'URLSearchParams',
          'AbortController',
          'AbortSignal',
          'Event',
          'EventTarget',
          'DOMException',
          'Blob',
          'setTimeout',
          'clearTimeout',
          'setInterval',
          'clearInterval',
          'queueMicrotask',
          'structuredClone',
          'crypto',
          'btoa',
          'atob',
          'performance',
          'console',
        ].map((k) => [k, g[k]]),
      );
      const ctx = createContext({ ...web, sessionStorage: undefined });
      runInContext(r.outputFiles[0]!.text, ctx);
      assert.equal(
        runInContext('typeof process + typeof Buffer + typeof require', ctx),
        'undefinedundefinedundefined',
        'the context must have no Node globals',
      );
      ctx.endpoint = fake.endpoint('compute');
      const names = (await runInContext(
        `(async () => {
          const conn = new OSSDK.Connection({
            config: { auth_type: 'admin_token', token: 'tok-1', compute_endpoint_override: endpoint },
            tokenCache: new OSSDK.MemoryTokenStore(),
          });
          const out = [conn.session.http.transport];
          for await (const s of conn.compute.listServers()) out.push(s.name);
          await conn.close();
          return out;
        })()`,
        ctx,
      )) as string[];
      assert.deepEqual(
        [...names],
        ['fetch', 'web tok-1'],
        'the browser bundle should pick fetch and list the server with the token',
      );
    } finally {
      await fake.close();
    }
  });
});
