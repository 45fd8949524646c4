/** TCP probes against real sockets on 127.0.0.1: a listening port, a closed one, deadlines, aborts. */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { probeTcp, waitForTcp } from '../../../src/cloud/tcp-probe.js';
import { AbortedError, TimeoutError } from '../../../src/index.js';

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
  );
}

/** A port nothing listens on: bound once, then closed (the kernel does not hand it out again at once). */
async function closedPort(): Promise<number> {
  const s = createServer();
  const port = await listen(s);
  await new Promise((r) => s.close(r));
  return port;
}

describe('probeTcp', () => {
  const server = createServer((sock) => sock.destroy());
  let open = 0;
  let closed = 0;
  before(async () => {
    open = await listen(server);
    closed = await closedPort();
  });
  after(() => new Promise((r) => server.close(r)));

  test('a listening port connects', async () => {
    const r = await probeTcp('127.0.0.1', open, { timeoutMs: 2000 });
    assert.deepEqual(r, { ok: true }, 'the local server accepts connections');
  });

  test('a closed port fails with its errno code, without throwing', async () => {
    const r = await probeTcp('127.0.0.1', closed, { timeoutMs: 2000 });
    assert.deepEqual(r, { ok: false, error: 'ECONNREFUSED' }, 'the kernel refuses a closed port');
  });

  test('an aborted signal rejects with AbortedError before connecting', async () => {
    const ac = new AbortController();
    ac.abort();
    await assert.rejects(
      probeTcp('127.0.0.1', open, { timeoutMs: 2000, signal: ac.signal, what: 'probe test' }),
      (e: Error) => e instanceof AbortedError && /probe test/.test(e.message),
      'an already aborted signal stops the probe',
    );
  });
});

describe('waitForTcp', () => {
  test('retries a refused port until something listens on it', async () => {
    const port = await closedPort();
    const late = createServer((sock) => sock.destroy());
    const attempts: number[] = [];
    const timer = setTimeout(() => late.listen(port, '127.0.0.1'), 150);
    try {
      const r = await waitForTcp('127.0.0.1', port, {
        deadline: Date.now() + 5000,
        attemptTimeoutMs: 1000,
        intervalMs: 20,
        onAttempt: (n) => attempts.push(n),
      });
      assert.equal(r.ok, true, `the port answers once the server listens (last error: ${r.lastError})`);
      assert.ok(r.attempts > 1, `it took more than one attempt (took ${r.attempts})`);
      assert.deepEqual(
        attempts,
        Array.from({ length: r.attempts }, (_, i) => i + 1),
        'onAttempt numbers the attempts from 1',
      );
    } finally {
      clearTimeout(timer);
      await new Promise((r) => late.close(() => r(undefined)));
    }
  });

  test('gives up at the deadline even when the pause between attempts is longer', async () => {
    const port = await closedPort();
    const t0 = Date.now();
    const r = await waitForTcp('127.0.0.1', port, {
      deadline: t0 + 200,
      attemptTimeoutMs: 5000,
      intervalMs: 10_000,
    });
    const took = Date.now() - t0;
    assert.equal(r.ok, false, 'a closed port never answers');
    assert.equal(r.lastError, 'ECONNREFUSED', 'the last failure is reported');
    assert.ok(
      took >= 190 && took < 1000,
      `stopped at the 200 ms deadline, not after the 10 s pause (took ${took} ms)`,
    );
  });

  test('a deadline already passed makes no attempt', async () => {
    const r = await waitForTcp('127.0.0.1', 9, {
      deadline: Date.now() - 1,
      attemptTimeoutMs: 1000,
      intervalMs: 10,
    });
    assert.equal(r.attempts, 0, 'no attempt starts after the deadline');
    assert.match(r.lastError ?? '', /no time left/, 'the result says why nothing was tried');
  });

  test('the signal stops the pause between attempts at once', async () => {
    const port = await closedPort();
    const ac = new AbortController();
    const t0 = Date.now();
    setTimeout(() => ac.abort(), 100);
    await assert.rejects(
      waitForTcp('127.0.0.1', port, {
        deadline: t0 + 60_000,
        attemptTimeoutMs: 5000,
        intervalMs: 30_000,
        signal: ac.signal,
        what: 'wait test',
      }),
      (e: Error) => e instanceof AbortedError && /wait test/.test(e.message),
      'an abort is an AbortedError naming the operation',
    );
    assert.ok(Date.now() - t0 < 1000, `aborted promptly (took ${Date.now() - t0} ms)`);
  });

  test('a deadline signal (AbortSignal.timeout) ends in TimeoutError', async () => {
    const port = await closedPort();
    await assert.rejects(
      waitForTcp('127.0.0.1', port, {
        deadline: Date.now() + 60_000,
        attemptTimeoutMs: 5000,
        intervalMs: 30_000,
        signal: AbortSignal.timeout(50),
      }),
      (e: Error) => e instanceof TimeoutError,
      "the caller's deadline is reported as a timeout, as everywhere in the SDK",
    );
  });
});
