/**
 * Session-level faults against stubs on 127.0.0.1: a 401 herd after a token revocation, short
 * token lifetimes, a discovery or token issue that never answers, a deadline over the whole
 * operation, a DELETE whose first answer was lost. Authentications and attempts are counted and
 * printed as diagnostics at the end.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  AbortedError,
  type AccessInfo,
  computeV2Spec,
  deletePath,
  HttpClient,
  NotFoundError,
  ServiceClient,
  Session,
  StaticTokenAuth,
  TimeoutError,
  V3PasswordAuth,
  waitForStatus,
} from '../../../src/index.js';
import { delay, diagnostics, fastRetry, rejection } from '../../support/faults.js';
import { type Recorded, sendJson, sendToken, startMockServer } from '../../support/mock-server.js';
import { rawJson, startRawServer } from '../../support/raw-server.js';

const counts = diagnostics();

/** A password plugin for project p1 against the stub keystone at `url`. */
const passwordAuth = (url: string) =>
  new V3PasswordAuth({
    auth_url: `${url}/v3`,
    username: 'demo',
    password: 'secret',
    user_domain_name: 'Default',
    project_id: 'p1',
  });

/**
 * Keystone and one service in one stub: tokens `tok-N` with a given lifetime (issued_at and
 * expires_at both set, as keystone does), `revoked` tokens get 401 from the service.
 */
async function cloud(opts: {
  lifetimeMs?: number;
  issueDelayMs?: number;
  serviceDelayMs?: (n: number) => number;
}) {
  let issued = 0;
  let served = 0;
  const revoked = new Set<string>();
  const s = await startMockServer(async (req: Recorded, res) => {
    if (req.method === 'POST' && req.url === '/v3/auth/tokens') {
      if (opts.issueDelayMs) await delay(opts.issueDelayMs);
      issued++;
      return sendToken(res, `tok-${issued}`, opts.lifetimeMs);
    }
    const n = served++;
    if (opts.serviceDelayMs) await delay(opts.serviceDelayMs(n));
    const token = String(req.headers['x-auth-token'] ?? '');
    if (!token || revoked.has(token))
      return sendJson(res, 401, { error: { message: 'The request you have made requires authentication.' } });
    sendJson(res, 200, { ok: true });
  });
  const auth = passwordAuth(s.url);
  const session = new Session({ auth, http: new HttpClient({ retry: fastRetry }) });
  return {
    url: s.url,
    auth,
    session,
    revoked,
    issued: () => issued,
    served: () => served,
    close: async () => {
      await session.close();
      await s.close();
    },
  };
}

describe('re-authentication', () => {
  test('50 concurrent requests after a token revocation cause exactly 1 re-authentication', async () => {
    // 401s arrive before, during and after the re-authentication (service delays spread over 100 ms)
    const c = await cloud({ issueDelayMs: 30, serviceDelayMs: (n) => (n % 50) * 2 });
    try {
      const first = await c.session.getToken();
      assert.equal(c.auth.authCount, 1, 'authenticated once');
      c.revoked.add(first);
      const results = await Promise.all(
        Array.from({ length: 50 }, () =>
          c.session.request({ method: 'GET', url: `${c.url}/svc`, buffer: true }),
        ),
      );
      assert.ok(
        results.every((r) => r.status === 200),
        'every request succeeded with the new token',
      );
      const reauths = c.auth.authCount - 1;
      assert.equal(reauths, 1, `one re-authentication, got ${reauths}`);
      assert.equal(c.issued(), 2, 'keystone issued 2 tokens in all');
      assert.equal(c.served(), 100, 'each request was sent twice (401, then with the new token)');
      counts['401 herd of 50: re-authentications'] = reauths;
      counts['401 herd of 50: service requests'] = c.served();
    } finally {
      await c.close();
    }
  });

  test('with a token store: a 401 herd re-authenticates once, removes the revoked token, saves the new one', async () => {
    const c = await cloud({ issueDelayMs: 30, serviceDelayMs: (n) => (n % 20) * 3 });
    const stored = new Map<string, AccessInfo>();
    let removes = 0;
    c.auth.useTokenStore(
      {
        load: (k) => stored.get(k),
        save: (k, a) => void stored.set(k, a),
        remove: (k) => {
          removes++;
          stored.delete(k);
        },
      },
      'k',
    );
    try {
      const first = await c.session.getToken();
      assert.equal(stored.get('k')?.token, first, 'the first token was saved');
      assert.ok(stored.get('k')?.issuedAt instanceof Date, 'with its issue time');
      c.revoked.add(first);
      await Promise.all(
        Array.from({ length: 20 }, () =>
          c.session.request({ method: 'GET', url: `${c.url}/svc`, buffer: true }),
        ),
      );
      assert.equal(c.auth.authCount, 2, `one re-authentication, got ${c.auth.authCount - 1}`);
      assert.equal(removes, 1, `the revoked token was removed once, got ${removes}`);
      assert.notEqual(stored.get('k')?.token, first, 'the store holds the new token');
    } finally {
      await c.close();
    }
  });

  test('a 401 for a token that was already replaced does not discard the newer token', async () => {
    const c = await cloud({});
    try {
      const old = await c.session.getToken();
      c.revoked.add(old);
      await c.session.request({ method: 'GET', url: `${c.url}/svc`, buffer: true });
      const fresh = await c.session.getToken();
      assert.notEqual(fresh, old, 'a new token after the 401');
      c.auth.invalidate(old); // a late 401 for the old token
      assert.equal(await c.session.getToken(), fresh, 'the newer token is kept');
      assert.equal(c.auth.authCount, 2, 'no further authentication');
    } finally {
      await c.close();
    }
  });

  test('a token that lives 30 s authenticates once over 40 requests', async () => {
    const c = await cloud({ lifetimeMs: 30_000 });
    try {
      for (let i = 0; i < 40; i++)
        await c.session.request({ method: 'GET', url: `${c.url}/svc`, buffer: true });
      assert.equal(c.auth.authCount, 1, `one authentication, got ${c.auth.authCount}`);
      counts['30 s token, 40 requests: authentications'] = c.auth.authCount;
    } finally {
      await c.close();
    }
  });

  test('a token that lives 2 s is replaced a quarter of its life before expiry, not on every request', async () => {
    const c = await cloud({ lifetimeMs: 2000 });
    try {
      const t0 = Date.now();
      let n = 0;
      // about 2.6 s of requests, bounded in count too
      while (Date.now() - t0 < 2600 && n < 200) {
        await c.session.request({ method: 'GET', url: `${c.url}/svc`, buffer: true });
        n++;
        await delay(50);
      }
      // replaced 1.5 s after each issue: at ~0 and ~1.5 s, perhaps ~3 s
      assert.ok(
        c.auth.authCount >= 2 && c.auth.authCount <= 3,
        `2-3 authentications over ${n} requests, got ${c.auth.authCount}`,
      );
      counts['2 s token, requests over 2.6 s: authentications'] = `${c.auth.authCount} over ${n} requests`;
    } finally {
      await c.close();
    }
  });
});

describe('deadlines over the whole operation', () => {
  test('a discovery that never answers fails with TimeoutError at timeoutMs 2000, not after 30 s', async () => {
    const s = await startRawServer(() => {});
    const session = new Session({
      auth: new StaticTokenAuth('admin_token', 't'),
      http: new HttpClient({ retry: fastRetry }),
      endpointOverrides: { compute: `${s.url}/v2.1` },
    });
    try {
      const client = new ServiceClient(session, computeV2Spec);
      const t0 = Date.now();
      const e = await rejection(client.request('GET', '/flavors', { timeoutMs: 2000 }), 'the call');
      const ms = Date.now() - t0;
      assert.ok(e instanceof TimeoutError, `a TimeoutError, got ${e}`);
      assert.ok(ms < 10_000, `well under 30 s (${ms} ms)`);
      assert.equal(s.requests.length, 1, 'only the discovery request was sent');
      assert.equal(s.requests[0]?.url, '/', 'to the service root');
      counts['discovery never answers, timeoutMs 2000: elapsed'] = `${ms} ms`;
    } finally {
      await session.close();
      await s.close();
    }
  });

  test("the client's default timeoutMs bounds discovery too", async () => {
    const s = await startRawServer(() => {});
    const session = new Session({
      auth: new StaticTokenAuth('admin_token', 't'),
      http: new HttpClient({ retry: fastRetry, timeoutMs: 1000 }),
      endpointOverrides: { compute: `${s.url}/v2.1` },
    });
    try {
      const t0 = Date.now();
      const e = await rejection(
        new ServiceClient(session, computeV2Spec).request('GET', '/flavors'),
        'the call',
      );
      assert.ok(e instanceof TimeoutError, `a TimeoutError, got ${e}`);
      assert.ok(Date.now() - t0 < 8000, 'ended near 1 s');
    } finally {
      await session.close();
      await s.close();
    }
  });

  test('a token issue that never answers honours the caller’s timeoutMs', async () => {
    const s = await startRawServer(() => {});
    const auth = passwordAuth(s.url);
    const session = new Session({ auth, http: new HttpClient({ retry: fastRetry }) });
    try {
      const t0 = Date.now();
      const e = await rejection(
        session.request({ method: 'GET', url: `${s.url}/svc`, timeoutMs: 1000 }),
        'the call',
      );
      assert.ok(e instanceof TimeoutError, `a TimeoutError, got ${e}`);
      assert.ok(Date.now() - t0 < 8000, 'ended near 1 s');
      assert.equal(s.requests[0]?.method, 'POST', 'it was the token request that hung');
    } finally {
      await session.close();
      await s.close();
    }
  });

  test('AbortSignal.timeout() bounds discovery + auth + call together', async () => {
    // keystone answers after 700 ms, the service root after 700 ms: 1.4 s, over a 1 s deadline
    let issued = 0;
    const s = await startMockServer(async (req, res) => {
      await delay(700);
      if (req.method === 'POST') {
        issued++;
        return sendJson(
          res,
          201,
          { token: { expires_at: new Date(Date.now() + 3_600_000).toISOString(), catalog: [] } },
          { 'x-subject-token': 'tok' },
        );
      }
      sendJson(res, 200, { versions: [] });
    });
    const auth = passwordAuth(s.url);
    const session = new Session({
      auth,
      http: new HttpClient({ retry: fastRetry }),
      endpointOverrides: { compute: `${s.url}/v2.1` },
    });
    try {
      const t0 = Date.now();
      const e = await rejection(
        new ServiceClient(session, computeV2Spec).request('GET', '/flavors', {
          signal: AbortSignal.timeout(1000),
        }),
        'the call',
      );
      const ms = Date.now() - t0;
      assert.ok(e instanceof TimeoutError, `a TimeoutError, got ${e}`);
      assert.ok(ms < 1400, `ended at the deadline, before discovery could finish (${ms} ms)`);
      assert.equal(issued, 1, 'the token was issued (700 ms)');
    } finally {
      await session.close();
      await s.close();
    }
  });
});

describe('waiters', () => {
  test("a poll that hangs ends at the wait's timeoutMs, not the request's", async () => {
    const s = await startRawServer(() => {});
    const http = new HttpClient({ retry: fastRetry }); // default timeoutMs: 120 s
    try {
      const t0 = Date.now();
      const e = await rejection(
        waitForStatus(
          async (signal) => {
            await http.request({ method: 'GET', url: `${s.url}/servers/1`, signal });
            assert.fail('the stub never answers');
          },
          'ACTIVE',
          { timeoutMs: 800, intervalMs: 100 },
        ),
        'the wait',
      );
      const ms = Date.now() - t0;
      assert.ok(e instanceof TimeoutError, `a TimeoutError, got ${e}`);
      assert.match((e as Error).message, /timeoutMs 800/, 'names the limit');
      assert.ok(ms < 3000, `ended near 800 ms (${ms} ms)`);
    } finally {
      await http.close();
      await s.close();
    }
  });
});

/** A resource as a waiter reads it, forever in BUILD. */
const building = () =>
  ({
    _def: { name: 'server', statusField: 'status' },
    _body: {},
    id: 's1',
    get: (k: string) => (k === 'status' ? 'BUILD' : undefined),
  }) as never;

describe("the caller's AbortSignal.timeout() in a wait", () => {
  test('firing between two polls ends the wait in TimeoutError, not AbortedError', async () => {
    let polls = 0;
    const e = await rejection(
      waitForStatus(
        async () => {
          polls++;
          return building();
        },
        'ACTIVE',
        { timeoutMs: 60_000, intervalMs: 5_000, signal: AbortSignal.timeout(200) },
      ),
      'the wait',
    );
    assert.ok(e instanceof TimeoutError, `a TimeoutError for a deadline signal, got ${e}`);
    assert.match((e as Error).message, /deadline \(signal\)/, "says it was the caller's deadline");
    assert.equal(polls, 1, 'the signal fired during the pause after the first poll');
  });

  test('a plain AbortController still ends it in AbortedError', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100).unref();
    const e = await rejection(
      waitForStatus(async () => building(), 'ACTIVE', {
        timeoutMs: 60_000,
        intervalMs: 5_000,
        signal: ac.signal,
      }),
      'the wait',
    );
    assert.ok(e instanceof AbortedError, `an AbortedError for a cancellation, got ${e}`);
  });
});

describe('a DELETE whose answer was lost', () => {
  const objectStore = { serviceType: 'object-store', major: '1', fallbackPath: '', skipDiscovery: true };

  async function deleting(script: (n: number) => string | undefined) {
    const s = await startRawServer((_req, socket, n) => {
      const answer = script(n);
      if (answer === undefined) socket.resetAndDestroy();
      else socket.end(answer);
    });
    const session = new Session({
      auth: new StaticTokenAuth('admin_token', 't'),
      http: new HttpClient({ retry: fastRetry }),
      endpointOverrides: { 'object-store': `${s.url}/v1/AUTH_p` },
    });
    const client = new ServiceClient(session, objectStore);
    return {
      client,
      requests: s.requests,
      close: async () => {
        await session.close();
        await s.close();
      },
    };
  }

  test('reset after sending, then 404 on the retry: the DELETE succeeded', async () => {
    const d = await deleting((n) => (n === 0 ? undefined : rawJson(404, { message: 'Not Found' })));
    try {
      await deletePath(d.client, '/c/o');
      assert.equal(d.requests.length, 2, 'the DELETE was sent twice');
      assert.ok(
        d.requests.every((r) => r.method === 'DELETE'),
        'both were DELETEs',
      );
      counts['DELETE reset then 404: attempts'] = `${d.requests.length} (success)`;
    } finally {
      await d.close();
    }
  });

  test('a 404 to a first attempt is still NotFoundError', async () => {
    const d = await deleting(() => rawJson(404, { message: 'Not Found' }));
    try {
      const e = await rejection(deletePath(d.client, '/c/o'), 'the DELETE');
      assert.ok(e instanceof NotFoundError, `a NotFoundError, got ${e}`);
      assert.equal(d.requests.length, 1, 'sent once');
    } finally {
      await d.close();
    }
  });

  test('a 503 (not processed), then 404: still NotFoundError', async () => {
    const d = await deleting((n) => (n === 0 ? rawJson(503, {}, { 'retry-after': '0' }) : rawJson(404, {})));
    try {
      const e = await rejection(deletePath(d.client, '/c/o'), 'the DELETE');
      assert.ok(e instanceof NotFoundError, `a NotFoundError, got ${e}`);
      assert.equal(d.requests.length, 2, 'retried once');
    } finally {
      await d.close();
    }
  });
});
