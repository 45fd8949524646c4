/**
 * The program every runtime test runs (a Chromium page, Bun, Deno, workerd): authenticate with a
 * password, list servers and networks, write an object with every byte value and read it back, delete both,
 * and (where asked) make a request that the cloud's CORS refuses. It gets the SDK module passed
 * in, so the runtime's bundle takes the SDK only through the package's `exports`
 * (test/support/runtime-bundle.ts); the import below is for types only and is erased.
 *
 * It never throws: whatever happens ends up in the report, which the test asserts on.
 */
import type * as Sdk from '../../../src/index.js';

/** What the test hands the program. */
export interface SmokeParams {
  /** Keystone v3, e.g. http://127.0.0.1:5000/v3. */
  authUrl: string;
  username: string;
  password: string;
  projectName: string;
  regionName: string;
  /** Names of what the program creates start with this (the test deletes leftovers by it). */
  prefix: string;
  /** Also list the object store's containers: the account is an endpoint whose CORS refuses a page. */
  corsRefusal?: boolean;
}

/** What the program reports. */
export interface SmokeReport {
  /** Steps done, in order (`auth`, `servers`, `networks`, `container`, `put`, `get`, `delete`). */
  steps: string[];
  /** The user agent (or runtime) it ran in. */
  runtime: string;
  /** The project id of the token. */
  projectId?: string;
  /** How many servers the project has. */
  servers?: number;
  /** The names of the networks the project sees (the dev cloud seeds `private` and `public`). */
  networks?: string[];
  /** Bytes written and read back, and whether they match byte for byte. */
  bytesWritten?: number;
  bytesRead?: number;
  identical?: boolean;
  /** The first failure, as the program caught it. */
  error?: { name: string; message: string; stack?: string };
  /** Cleanup failures (the test retries them from Node). */
  cleanupErrors: string[];
  /** The error a CORS-refused request surfaced as. */
  refusal?: { name: string; isConnectionError: boolean; url?: string; method?: string; message: string };
}

/** Every byte value twice, plus bytes that are not UTF-8, so a text round trip would show. */
function payload(): Uint8Array {
  const out = new Uint8Array(512 + 3);
  for (let i = 0; i < 512; i++) out[i] = i % 256;
  out.set([0xff, 0xfe, 0x00], 512);
  return out;
}

function describeError(e: unknown): { name: string; message: string; stack?: string } {
  const err = e as Error;
  return { name: err?.name ?? typeof e, message: err?.message ?? String(e), stack: err?.stack };
}

/** Run the smoke program with the SDK module `sdk`. */
export async function runSmoke(sdk: typeof Sdk, p: SmokeParams, runtime: string): Promise<SmokeReport> {
  const report: SmokeReport = { steps: [], runtime, cleanupErrors: [] };
  const conn = new sdk.Connection({
    config: {
      auth: {
        auth_url: p.authUrl,
        username: p.username,
        password: p.password,
        project_name: p.projectName,
        user_domain_name: 'Default',
        project_domain_name: 'Default',
      },
      region_name: p.regionName,
    },
    tokenCache: false,
  });
  const container = `${p.prefix}-c`;
  const name = 'smoke/bytes.bin';
  const undo: (() => Promise<unknown>)[] = [];
  try {
    const access = await conn.authorize();
    report.projectId = access.projectId;
    report.steps.push('auth');

    let servers = 0;
    for await (const _ of conn.compute.listServers()) servers++;
    report.servers = servers;
    report.steps.push('servers');

    const networks: string[] = [];
    for await (const n of conn.network.listNetworks()) networks.push(n.name ?? n.id ?? '');
    report.networks = networks.sort();
    report.steps.push('networks');

    await conn.objectStore.createContainer(container);
    undo.push(() => conn.objectStore.deleteContainer(container));
    report.steps.push('container');

    const data = payload();
    await conn.objectStore.createObject({ container, name, data, contentType: 'application/octet-stream' });
    undo.push(() => conn.objectStore.deleteObject(container, name));
    report.bytesWritten = data.length;
    report.steps.push('put');

    const got = await conn.objectStore.downloadObject(container, name);
    const back = new Uint8Array(got.data);
    report.bytesRead = back.length;
    report.identical = back.length === data.length && back.every((b, i) => b === data[i]);
    report.steps.push('get');

    await conn.objectStore.deleteObject(container, name);
    undo.pop();
    await conn.objectStore.deleteContainer(container);
    undo.pop();
    report.steps.push('delete');

    if (p.corsRefusal) {
      try {
        for await (const _ of conn.objectStore.listContainers()) break;
        report.refusal = { name: 'none', isConnectionError: false, message: 'listing the account succeeded' };
      } catch (e) {
        const err = e as Sdk.ConnectionError;
        report.refusal = {
          name: err.name,
          isConnectionError: e instanceof sdk.ConnectionError,
          url: err.url,
          method: err.method,
          message: err.message,
        };
      }
    }
  } catch (e) {
    report.error = describeError(e);
  } finally {
    for (const step of undo.reverse()) {
      try {
        await step();
      } catch (e) {
        report.cleanupErrors.push(describeError(e).message);
      }
    }
    await conn.close();
  }
  return report;
}
