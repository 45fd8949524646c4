/**
 * The SDK in a real browser: a page served from the origin the dev cloud allows
 * (http://127.0.0.1:8799), with the smoke program bundled by esbuild for `platform: 'browser'`
 * through the package's browser entry, runs in headless Chromium against the dev cloud. It
 * authenticates with the demo user's password (handed in by the test), lists servers, round-trips
 * an object, and lists the object store's account, which swift does not answer CORS for: that
 * refusal must reach the program as the SDK's ConnectionError naming the URL.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type BrowserSession, openBrowser } from '../../support/chromium.js';
import { functionalSuite } from '../../support/cloud.js';
import { type PageServer, servePage } from '../../support/page-server.js';
import { bundleFor, sizesOf } from '../../support/runtime-bundle.js';
import { assertSmoke, cleanupAfter, demoParams, HERE, SMOKE } from './params.js';
import type { SmokeParams, SmokeReport } from './smoke.js';

const PAGE_TIMEOUT_MS = 240_000;

const ENTRY = `import * as sdk from 'openstack-sdk';
import { runSmoke } from ${JSON.stringify(SMOKE)};
globalThis.runSmoke = (p) => runSmoke(sdk, p, navigator.userAgent);
globalThis.smokeReady = true;
console.log('smoke program loaded');
`;

/** Consumer programs that use one service each (docs/guides/runtimes.md reports their sizes). */
const ONE_SERVICE = {
  'object storage only': `import { Session, V3TokenAuth } from 'openstack-sdk';
import { ObjectStoreV1 } from 'openstack-sdk/object-store';
const session = new Session({ auth: new V3TokenAuth({ auth_url: 'https://keystone.example/v3', token: 't' }) });
for await (const c of new ObjectStoreV1(session).listContainers()) console.log(c.name);
`,
  'compute only': `import { Session, V3TokenAuth } from 'openstack-sdk';
import { ComputeV2 } from 'openstack-sdk/compute';
const session = new Session({ auth: new V3TokenAuth({ auth_url: 'https://keystone.example/v3', token: 't' }) });
for await (const s of new ComputeV2(session).listServers()) console.log(s.name);
`,
};

const HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>openstack-sdk smoke</title></head>
<body><script type="module" src="/app.js" onerror="globalThis.smokeLoadFailed = true"></script></body></html>
`;

/** A bounded wait: the page's promise, or a failure after `ms` naming what hung. */
function within<T>(ms: number, what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

functionalSuite('runtimes: browser (headless Chromium)', { timeout: 600_000 }, (suite) => {
  let server: PageServer | undefined;
  let browser: BrowserSession | undefined;
  let nodeImports: string[] = [];

  before(async () => {
    const bundle = await bundleFor('browser', ENTRY, HERE);
    nodeImports = bundle.nodeImports;
    server = await servePage({
      '/': { type: 'text/html; charset=utf-8', body: HTML },
      '/app.js': { type: 'text/javascript; charset=utf-8', body: bundle.code },
      '/favicon.ico': { type: 'image/x-icon', body: '' },
    });
    browser = await openBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Load the page and run the smoke program in it. */
  async function runInPage(params: SmokeParams): Promise<SmokeReport> {
    const b = browser!;
    await b.page.goto(`${server!.origin}/`, { timeout: 60_000 });
    await b.page
      .waitForFunction(
        () => {
          const g = globalThis as { smokeReady?: boolean; smokeLoadFailed?: boolean };
          return g.smokeReady === true || g.smokeLoadFailed === true;
        },
        null,
        { timeout: 60_000 },
      )
      .catch((e: Error) => {
        throw new Error(`the page never loaded the smoke program: ${e.message}\n${b.transcript()}`);
      });
    const ready = await b.page.evaluate(() => (globalThis as { smokeReady?: boolean }).smokeReady === true);
    assert.ok(ready, `the page could not load the smoke program (/app.js)\n${b.transcript()}`);
    return within(
      PAGE_TIMEOUT_MS,
      'the smoke program in the page',
      b.page.evaluate(
        (p) => (globalThis as unknown as { runSmoke(p: unknown): Promise<SmokeReport> }).runSmoke(p),
        params,
      ),
    ).catch((e: Error) => {
      throw new Error(`${e.message}\n${b.transcript()}`);
    });
  }

  test('the browser bundle imports no Node.js built-in', () => {
    assert.deepEqual(nodeImports, [], `a page cannot load these; the browser entry must not import them`);
  });

  test('one-service browser bundles: no Node.js module, sizes (min + gzip)', async (t) => {
    for (const [what, source] of Object.entries(ONE_SERVICE)) {
      const b = await bundleFor('browser', source, HERE, { minify: true });
      assert.deepEqual(b.nodeImports, [], `the ${what} browser bundle imports Node.js modules`);
      const { min, gzip } = sizesOf(b.code);
      assert.ok(min > 10_000, `the ${what} bundle holds the SDK (${min} bytes)`);
      t.diagnostic(`${what}: ${(min / 1024).toFixed(1)} KiB minified, ${(gzip / 1024).toFixed(1)} KiB gzip`);
    }
  });

  test('auth, list servers, object round trip; a CORS refusal is a ConnectionError naming the URL', async (t) => {
    const params = { ...demoParams(suite, 'browser'), corsRefusal: true };
    cleanupAfter(suite, params);
    const r = await runInPage(params);
    const transcript = browser!.transcript();
    await assertSmoke(suite, r, transcript);
    assert.ok(/Chrome\//.test(r.runtime), `the program ran in Chromium, not ${r.runtime}`);

    const refusal = r.refusal;
    assert.ok(refusal, `the page reported no outcome for the CORS-refused request\n${transcript}`);
    const ctx = `refusal: ${JSON.stringify(refusal)}\n${transcript}`;
    assert.equal(refusal.name, 'ConnectionError', `a refused request is the SDK's ConnectionError\n${ctx}`);
    assert.equal(refusal.isConnectionError, true, `instanceof ConnectionError holds in the page\n${ctx}`);
    assert.ok(
      refusal.url?.startsWith('http://127.0.0.1:8080/v1/AUTH_'),
      `the error names the object store account's URL\n${ctx}`,
    );
    assert.ok(refusal.message.includes(refusal.url!), `the message names the URL\n${ctx}`);
    assert.ok(/cors/i.test(refusal.message), `the message points at CORS as the likely cause\n${ctx}`);
    t.diagnostic(
      `${r.runtime}: ${r.servers} servers, ${r.bytesRead} bytes round-tripped; refused: ${refusal.message}`,
    );
  });
});
