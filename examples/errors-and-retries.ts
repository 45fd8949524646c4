/**
 * Error handling and retries: every failure is a typed subclass of OpenStackError, so you
 * catch what you can handle and let the rest through. Shows a 404 (NotFoundError with the
 * service's message and request id), a ValidationError raised before any request is sent, a
 * ConfigError for a cloud that is not configured, a per-call timeout, cancelling with an
 * AbortSignal, and a timeout and the retries of a 503 against a small local server.
 *
 * Run: node --import tsx examples/errors-and-retries.ts [cloud]
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  AbortedError,
  ConfigError,
  Connection,
  HttpClient,
  HttpError,
  NotFoundError,
  OpenStackError,
  TimeoutError,
  ValidationError,
} from '../src/index.js';

/** Run `fn`, expecting it to throw an instance of `type`; returns that error. */
async function expectError<T extends Error>(
  type: abstract new (...a: never[]) => T,
  fn: () => unknown,
): Promise<T> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof type) return e;
    throw e;
  }
  throw new Error(`expected a ${type.name}, but the call succeeded`);
}

export async function errorsAndRetries(conn: Connection, log: (s: string) => void): Promise<void> {
  // 1. A missing resource: an HttpError subclass chosen by status, with what the service said.
  const missing = randomUUID();
  const nf = await expectError(NotFoundError, () => conn.compute.getServer(missing));
  log(`NotFoundError: status ${nf.status}, ${nf.method} ${nf.url}`);
  log(`  serviceMessage "${nf.serviceMessage}", requestId ${nf.requestId} (quote it to your operator)`);
  if (!(nf instanceof HttpError && nf instanceof OpenStackError)) throw new Error('hierarchy changed');
  // ignoreMissing turns "already gone" into a no-op for deletes
  await conn.compute.deleteServer(missing, { ignoreMissing: true });
  log('deleteServer(missing, { ignoreMissing: true }) resolved: nothing to delete is fine');

  // 2. Bad input is refused before anything goes on the wire, naming the field and the fix.
  const ve = await expectError(ValidationError, () => conn.blockStorage.createVolume({ name: 'no-size' }));
  log(`ValidationError (nothing was created): field ${ve.field}: ${ve.message}`);

  // 3. Configuration problems: a cloud that clouds.yaml does not have.
  const ce = await expectError(ConfigError, async () => {
    const bad = Connection.fromCloud('no-such-cloud-in-clouds-yaml');
    try {
      await bad.authorize();
    } finally {
      await bad.close();
    }
  });
  log(`ConfigError: ${ce.message}`);

  // 4. Cancelling: pass an AbortSignal (here one that is already aborted); also on lists.
  const ac = new AbortController();
  ac.abort();
  const ae = await expectError(AbortedError, () =>
    conn.image.listImages({}, { signal: ac.signal }).toArray(),
  );
  log(`AbortedError with an aborted signal -> ${ae.message}`);

  // 5. Timeouts and retries, shown against a small local server: /hang never answers, /flaky
  // answers 503 twice, then 200. Idempotent requests (GET, PUT, DELETE, ...) are retried on
  // 502/503/504 and connection errors with backoff, honouring Retry-After. On a Connection the
  // same knobs are options: Connection.fromCloud(name, { timeoutMs: 30_000, retry: { maxRetries: 5 } }),
  // and every call takes { timeoutMs, signal }.
  let flakyHits = 0;
  const local = createServer((req, res) => {
    if (req.url === '/hang') return; // never answers
    flakyHits++;
    if (flakyHits <= 2) res.writeHead(503, { 'retry-after': '0' }).end('busy');
    else res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  await new Promise<void>((r) => local.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(local.address() as AddressInfo).port}`;
  const warnings: string[] = [];
  const http = new HttpClient({
    retry: { maxRetries: 3, baseDelayMs: 50 },
    logger: { debug() {}, warn: (m) => warnings.push(m) },
  });
  try {
    const t0 = Date.now();
    const te = await expectError(TimeoutError, () =>
      http.request({ method: 'POST', url: `${base}/hang`, timeoutMs: 500 }),
    );
    log(`TimeoutError after ${Date.now() - t0} ms (timeoutMs: 500, a POST is not retried): ${te.message}`);
    const res = await http.request({ method: 'GET', url: `${base}/flaky` });
    log(
      `GET on a server that answered 503 twice: ${res.status} ${await res.text()} after ${flakyHits} attempts`,
    );
    for (const m of warnings) log(`  logged: ${m}`);
  } finally {
    await http.close();
    local.closeAllConnections();
    local.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const conn = Connection.fromCloud(process.argv[2] ?? process.env.OS_CLOUD ?? 'devcloud-demo');
  try {
    await errorsAndRetries(conn, console.log);
  } finally {
    await conn.close();
  }
}
