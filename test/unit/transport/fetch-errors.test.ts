/**
 * A fetch that got no answer rejects with a bare TypeError in every runtime; the SDK must turn
 * it into a ConnectionError naming the method, the URL and the likely cause, and keep the
 * caller's abort and deadline as AbortedError and TimeoutError. A scripted `fetch` stands in for
 * the browser's, since Node cannot refuse a response for CORS.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AbortedError, ConnectionError, TimeoutError } from '../../../src/errors/errors.js';
import { fetchFailureFix } from '../../../src/transport/fetch-errors.js';
import { type FetchFunction, HttpClient } from '../../../src/transport/http-client.js';

const page = { origin: 'https://app.example', protocol: 'https:' };

describe('fetch failures', () => {
  test('in a page, no cause given: CORS first, naming the origin and the host', () => {
    const fix = fetchFailureFix(
      'https://keystone.example:5000/v3/auth/tokens',
      new TypeError('Failed to fetch'),
      page,
    );
    assert.match(
      fix,
      /CORS enabled for origin https:\/\/app\.example on keystone\.example:5000/,
      `fix: ${fix}`,
    );
    assert.match(fix, /X-Subject-Token/, 'the headers keystone needs exposed should be named');
  });

  test('an http endpoint from an https page is mixed content', () => {
    const fix = fetchFailureFix('http://swift.example/v1/AUTH_p', new TypeError('Failed to fetch'), page);
    assert.match(fix, /mixed content/, `fix: ${fix}`);
  });

  test("Node's causes are named: refused, DNS", () => {
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }),
    });
    assert.match(fetchFailureFix('http://127.0.0.1:9/', refused, {}), /nothing listens on 127\.0\.0\.1:9/);
    const dns = new TypeError('fetch failed', {
      cause: Object.assign(new Error('x'), { code: 'ENOTFOUND' }),
    });
    assert.match(fetchFailureFix('http://nowhere.invalid/', dns, {}), /does not resolve/);
  });

  test('HttpClient: a TypeError from fetch is a ConnectionError with method, URL and fix, retried when idempotent', async () => {
    let calls = 0;
    const failing: FetchFunction = async () => {
      calls++;
      throw new TypeError('Failed to fetch');
    };
    const http = new HttpClient({
      transport: 'fetch',
      fetch: failing,
      retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 2 },
    });
    const err = await http
      .request({ method: 'GET', url: 'https://nova.example/v2.1/servers' })
      .catch((e: unknown) => e);
    assert.ok(
      err instanceof ConnectionError,
      `a fetch TypeError should be a ConnectionError, got ${String(err)}`,
    );
    assert.equal(err.method, 'GET', 'the error should name the method');
    assert.equal(err.url, 'https://nova.example/v2.1/servers', 'the error should name the URL');
    assert.ok(err.fix && /nova\.example/.test(err.fix), `the fix should name the host: ${err.fix}`);
    assert.equal(err.attempts, 3, 'a GET is retried after a connection error');
    assert.equal(calls, 3, 'fetch should have been called once per attempt');
    const post = await http
      .request({ method: 'POST', url: 'https://nova.example/v2.1/servers', body: '{}' })
      .catch((e: unknown) => e);
    assert.ok(post instanceof ConnectionError && post.attempts === 1, 'a POST is not retried');
  });

  test('HttpClient: the caller abort and deadline stay AbortedError and TimeoutError', async () => {
    const hanging: FetchFunction = (_url, init) =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () =>
          reject(init.signal?.reason ?? new DOMException('aborted', 'AbortError')),
        );
      });
    const http = new HttpClient({ transport: 'fetch', fetch: hanging, retry: { maxRetries: 0 } });
    // the scripted fetch holds no socket: keep the loop alive as a real request would (the deadline timer is unref'd)
    const keepAlive = setInterval(() => {}, 1000);
    try {
      const ac = new AbortController();
      setTimeout(() => ac.abort(), 10);
      await assert.rejects(
        http.request({ method: 'GET', url: 'https://x.example/', signal: ac.signal }),
        AbortedError,
        'an abort should be an AbortedError',
      );
      await assert.rejects(
        http.request({ method: 'GET', url: 'https://x.example/', signal: AbortSignal.timeout(10) }),
        TimeoutError,
        'AbortSignal.timeout should be a TimeoutError',
      );
      await assert.rejects(
        http.request({ method: 'GET', url: 'https://x.example/', timeoutMs: 10 }),
        (e: unknown) => e instanceof TimeoutError && /within 10 ms/.test(e.message),
        'the per-attempt deadline should be the same TimeoutError as with undici',
      );
    } finally {
      clearInterval(keepAlive);
    }
  });

  test('the fetch transport refuses TLS files it cannot apply', () => {
    assert.throws(
      () => new HttpClient({ transport: 'fetch', cacert: '/etc/ssl/ca.pem' }),
      (e: unknown) => e instanceof Error && /cacert cannot be applied by the fetch transport/.test(e.message),
      'cacert with fetch should be a ValidationError, not silently ignored',
    );
  });
});
