/**
 * The SDK under Bun, Deno and workerd (Cloudflare's Workers runtime), against the dev cloud. Each
 * runtime runs the same smoke program as the browser test (password auth, list servers, object
 * round trip), bundled by esbuild through the package's `exports` with that runtime's conditions
 * (test/support/runtime-bundle.ts). Bun and Deno read the parameters on stdin and print a report
 * line; workerd serves the program as a Worker that the test calls over HTTP. The binaries are the
 * npm packages in node_modules/.bin; Deno runs with --allow-net only.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { functionalSuite } from '../../support/cloud.js';
import { bundleFor, ROOT, type RuntimeTarget } from '../../support/runtime-bundle.js';
import {
  freePort,
  runProcess,
  startDaemon,
  transcriptOf,
  waitForHttp,
} from '../../support/runtime-process.js';
import { assertSmoke, cleanupAfter, demoParams, HERE, SMOKE } from './params.js';
import type { SmokeReport } from './smoke.js';

const RUN_TIMEOUT_MS = 240_000;
const BIN = join(ROOT, 'node_modules', '.bin');
const MARK = 'SMOKE-REPORT ';

/** The program's entry per runtime: where its parameters come from and how it reports. */
const ENTRIES: Record<'bun' | 'deno' | 'workerd', string> = {
  deno: `import * as sdk from 'openstack-sdk';
import { runSmoke } from ${JSON.stringify(SMOKE)};
const text = await new Response(Deno.stdin.readable).text();
const report = await runSmoke(sdk, JSON.parse(text), 'deno ' + Deno.version.deno);
console.log(${JSON.stringify(MARK)} + JSON.stringify(report));
`,
  bun: `import * as sdk from 'openstack-sdk';
import { runSmoke } from ${JSON.stringify(SMOKE)};
const report = await runSmoke(sdk, JSON.parse(await Bun.stdin.text()), 'bun ' + Bun.version);
console.log(${JSON.stringify(MARK)} + JSON.stringify(report));
`,
  workerd: `import * as sdk from 'openstack-sdk';
import { runSmoke } from ${JSON.stringify(SMOKE)};
export default {
  async fetch(request) {
    if (request.method !== 'POST') return new Response('POST the smoke parameters', { status: 405 });
    const report = await runSmoke(sdk, await request.json(), 'workerd');
    return Response.json(report);
  },
};
`,
};

/**
 * A workerd config: the Worker on 127.0.0.1:<port>, its fetches going out through a network
 * service that may reach loopback (workerd's default outbound allows public addresses only).
 */
function workerdConfig(port: number): string {
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .smoke),
    (name = "net", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const smoke :Workerd.Worker = (
  modules = [(name = "worker", esModule = embed "worker.js")],
  compatibilityDate = "2025-01-01",
  globalOutbound = "net",
);
`;
}

/** The report line a Bun or Deno run printed, or a failure with everything it printed. */
function reportOf(cmd: string, r: Awaited<ReturnType<typeof runProcess>>): SmokeReport {
  const line = r.stdout.split('\n').find((l) => l.startsWith(MARK));
  assert.ok(line && r.code === 0, `${cmd} printed no report\n${transcriptOf(cmd, r)}`);
  return JSON.parse(line.slice(MARK.length)) as SmokeReport;
}

functionalSuite('runtimes: Bun, Deno, workerd', { timeout: 900_000 }, (suite) => {
  const dir = mkdtempSync(join(tmpdir(), 'ossdk-runtimes-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** Bundle the entry for `runtime` into `dir/<file>`; a bundle importing node: modules is listed in `context`. */
  async function bundle(runtime: RuntimeTarget & keyof typeof ENTRIES, file: string): Promise<string> {
    const b = await bundleFor(runtime, ENTRIES[runtime], HERE);
    writeFileSync(join(dir, file), b.code);
    return b.nodeImports.length
      ? `the bundle imports Node.js modules ${b.nodeImports.join(', ')}`
      : 'the bundle imports no Node.js module';
  }

  test('Deno (--allow-net only)', async (t) => {
    const context = await bundle('deno', 'deno.mjs');
    const params = demoParams(suite, 'deno');
    cleanupAfter(suite, params);
    const cmd = `${BIN}/deno run --allow-net --no-prompt deno.mjs`;
    const r = await runProcess(
      join(BIN, 'deno'),
      ['run', '--allow-net', '--no-prompt', '--no-config', 'deno.mjs'],
      JSON.stringify(params),
      {
        cwd: dir,
        timeoutMs: RUN_TIMEOUT_MS,
        env: { ...process.env, DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
      },
    );
    const report = reportOf(cmd, r);
    assert.ok(report.runtime.startsWith('deno '), `the program ran under Deno, not ${report.runtime}`);
    await assertSmoke(suite, report, `${context}\n${transcriptOf(cmd, r)}`);
    t.diagnostic(
      `${report.runtime}: ${report.servers} servers, ${report.bytesRead} bytes round-tripped; ${context}`,
    );
  });

  test('Bun', async (t) => {
    const context = await bundle('bun', 'bun.mjs');
    const params = demoParams(suite, 'bun');
    cleanupAfter(suite, params);
    const cmd = `${BIN}/bun bun.mjs`;
    const r = await runProcess(join(BIN, 'bun'), ['bun.mjs'], JSON.stringify(params), {
      cwd: dir,
      timeoutMs: RUN_TIMEOUT_MS,
      env: { ...process.env, NO_COLOR: '1' },
    });
    const report = reportOf(cmd, r);
    assert.ok(report.runtime.startsWith('bun '), `the program ran under Bun, not ${report.runtime}`);
    await assertSmoke(suite, report, `${context}\n${transcriptOf(cmd, r)}`);
    t.diagnostic(
      `${report.runtime}: ${report.servers} servers, ${report.bytesRead} bytes round-tripped; ${context}`,
    );
  });

  test('workerd (a Worker called over HTTP)', async (t) => {
    const context = await bundle('workerd', 'worker.js');
    const port = await freePort();
    writeFileSync(join(dir, 'workerd.capnp'), workerdConfig(port));
    const params = demoParams(suite, 'workerd');
    cleanupAfter(suite, params);
    const daemon = startDaemon(join(BIN, 'workerd'), ['serve', 'workerd.capnp', '--verbose'], { cwd: dir });
    try {
      const url = `http://127.0.0.1:${port}/`;
      await waitForHttp(url, 60_000, () => daemon.child.exitCode === null).catch((e: Error) => {
        throw new Error(`${e.message}\n--- workerd output\n${daemon.output()}`);
      });
      const res = await fetch(url, {
        method: 'POST',
        body: JSON.stringify(params),
        signal: AbortSignal.timeout(RUN_TIMEOUT_MS),
      });
      const text = await res.text();
      assert.equal(
        res.status,
        200,
        `the Worker answered ${res.status}: ${text}\n--- workerd output\n${daemon.output()}`,
      );
      const report = JSON.parse(text) as SmokeReport;
      assert.equal(report.runtime, 'workerd', `the program ran in the Worker`);
      await assertSmoke(suite, report, `${context}\n--- workerd output\n${daemon.output()}`);
      t.diagnostic(`workerd: ${report.servers} servers, ${report.bytesRead} bytes round-tripped; ${context}`);
    } finally {
      await daemon.stop();
    }
  });
});
