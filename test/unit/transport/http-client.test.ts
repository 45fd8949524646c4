import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  AbortedError,
  ConnectionError,
  HttpClient,
  NotFoundError,
  ServiceUnavailableError,
  TimeoutError,
  TooManyRequestsError,
} from '../../../src/index.js';
import { type Handler, sendJson, startMockServer } from '../../support/mock-server.js';
import { TRANSPORTS } from './transports.js';

const fast = { baseDelayMs: 1, maxDelayMs: 20, maxRetries: 3 };

async function withServer(
  handler: Handler,
  fn: (url: string, requests: { method: string }[]) => Promise<void>,
) {
  const s = await startMockServer(handler);
  try {
    await fn(s.url, s.requests);
  } finally {
    await s.close();
  }
}

for (const transport of TRANSPORTS) {
  describe(`over ${transport}`, () => {
    describe('HttpClient retries', () => {
      test('503 with Retry-After is retried after the advertised delay, then succeeds', async () => {
        let n = 0;
        await withServer(
          (_req, res) => {
            if (n++ === 0) return sendJson(res, 503, { message: 'busy' }, { 'retry-after': '1' });
            sendJson(res, 200, { ok: true });
          },
          async (url, reqs) => {
            const http = new HttpClient({ transport, retry: fast });
            const t0 = Date.now();
            const res = await http.request({ method: 'GET', url });
            assert.equal(res.status, 200);
            assert.deepEqual(await res.json(), { ok: true });
            assert.equal(reqs.length, 2);
            assert.ok(Date.now() - t0 >= 950, 'waited for Retry-After');
            await http.close();
          },
        );
      });

      test('429 is retried even for POST (the request was not processed)', async () => {
        let n = 0;
        await withServer(
          (_req, res) =>
            n++ === 0 ? sendJson(res, 429, {}, { 'retry-after': '0' }) : sendJson(res, 201, { id: 1 }),
          async (url, reqs) => {
            const http = new HttpClient({ transport, retry: fast });
            const res = await http.request({ method: 'POST', url, body: '{}' });
            assert.equal(res.status, 201);
            assert.equal(reqs.length, 2);
            await http.close();
          },
        );
      });

      test('502/503/504 without Retry-After are retried for GET but not for POST', async () => {
        await withServer(
          (_req, res) => sendJson(res, 502, { message: 'bad gateway' }),
          async (url, reqs) => {
            const http = new HttpClient({ transport, retry: fast });
            await assert.rejects(
              http.request({ method: 'POST', url, body: '{}' }),
              (e: any) => e.status === 502,
            );
            assert.equal(reqs.length, 1, 'POST not retried');
            await assert.rejects(http.request({ method: 'GET', url }), (e: any) => e.status === 502);
            assert.equal(reqs.length, 1 + 4, 'GET tried 1 + 3 retries');
            await http.close();
          },
        );
      });

      test('a persistent 503 surfaces as ServiceUnavailableError with the message and request id', async () => {
        await withServer(
          (_req, res) =>
            sendJson(
              res,
              503,
              { error: { message: 'down for maintenance', code: 503 } },
              { 'x-openstack-request-id': 'req-abc' },
            ),
          async (url) => {
            const http = new HttpClient({ transport, retry: { ...fast, maxRetries: 1 } });
            await assert.rejects(http.request({ method: 'GET', url }), (e: any) => {
              assert.ok(e instanceof ServiceUnavailableError);
              assert.equal(e.serviceMessage, 'down for maintenance');
              assert.equal(e.requestId, 'req-abc');
              assert.match(e.message, /503: down for maintenance \(request id req-abc\)/);
              return true;
            });
            await http.close();
          },
        );
      });

      test('a reset connection is retried for GET and succeeds', async () => {
        let n = 0;
        await withServer(
          (_req, res, raw) => {
            if (n++ === 0) {
              raw.socket.destroy();
              return;
            }
            sendJson(res, 200, { ok: 1 });
          },
          async (url, reqs) => {
            const http = new HttpClient({ transport, retry: fast });
            const res = await http.request({ method: 'GET', url });
            assert.equal(res.status, 200);
            assert.equal(reqs.length, 2);
            await http.close();
          },
        );
      });

      test('a reset connection on POST is not retried and is a ConnectionError', async () => {
        await withServer(
          (_req, _res, raw) => {
            raw.socket.destroy();
          },
          async (url, reqs) => {
            const http = new HttpClient({ transport, retry: fast });
            await assert.rejects(http.request({ method: 'POST', url, body: 'x' }), ConnectionError);
            assert.equal(reqs.length, 1);
            await http.close();
          },
        );
      });

      test('refused connection is a ConnectionError naming method and URL', async () => {
        const http = new HttpClient({ transport, retry: { ...fast, maxRetries: 0 } });
        await assert.rejects(http.request({ method: 'GET', url: 'http://127.0.0.1:9/x' }), (e: any) => {
          assert.ok(e instanceof ConnectionError);
          assert.match(e.message, /GET http:\/\/127\.0\.0\.1:9\/x/);
          return true;
        });
        await http.close();
      });
    });

    describe('HttpClient timeouts and abort', () => {
      let s: Awaited<ReturnType<typeof startMockServer>>;
      before(async () => {
        s = await startMockServer(async (_req, res) => {
          await new Promise((r) => setTimeout(r, 1500));
          sendJson(res, 200, {});
        });
      });
      after(() => s.close());

      test('per-request timeout gives TimeoutError', async () => {
        const http = new HttpClient({ transport, retry: { ...fast, maxRetries: 0 } });
        await assert.rejects(http.request({ method: 'GET', url: s.url, timeoutMs: 200 }), TimeoutError);
        await http.close();
      });

      test('AbortSignal cancels the request with AbortedError', async () => {
        const http = new HttpClient({ transport });
        const ac = new AbortController();
        setTimeout(() => ac.abort(), 100);
        const t0 = Date.now();
        await assert.rejects(http.request({ method: 'GET', url: s.url, signal: ac.signal }), AbortedError);
        assert.ok(Date.now() - t0 < 1000, 'returned before the server answered');
        await http.close();
      });

      test('an already-aborted signal sends nothing', async () => {
        const before = s.requests.length;
        const http = new HttpClient({ transport });
        await assert.rejects(
          http.request({ method: 'GET', url: s.url, signal: AbortSignal.abort() }),
          AbortedError,
        );
        assert.equal(s.requests.length, before);
        await http.close();
      });
    });

    describe('HttpClient errors', () => {
      test('404 maps to NotFoundError with the service message from a nova-style body', async () => {
        await withServer(
          (_req, res) =>
            sendJson(
              res,
              404,
              { itemNotFound: { message: 'Instance x could not be found.', code: 404 } },
              { 'x-compute-request-id': 'req-n' },
            ),
          async (url) => {
            const http = new HttpClient({ transport });
            await assert.rejects(http.request({ method: 'GET', url: `${url}/servers/x` }), (e: any) => {
              assert.ok(e instanceof NotFoundError);
              assert.equal(e.status, 404);
              assert.equal(e.method, 'GET');
              assert.equal(e.serviceMessage, 'Instance x could not be found.');
              assert.equal(e.requestId, 'req-n');
              return true;
            });
            await http.close();
          },
        );
      });

      test('okStatuses lets a caller accept a non-2xx status', async () => {
        await withServer(
          (_req, res) => sendJson(res, 429, {}),
          async (url) => {
            const http = new HttpClient({ transport, retry: { ...fast, maxRetries: 0 } });
            const res = await http.request({ method: 'GET', url, okStatuses: [429] });
            assert.equal(res.status, 429);
            await assert.rejects(http.request({ method: 'GET', url }), TooManyRequestsError);
            await http.close();
          },
        );
      });

      test('keep-alive: sequential requests reuse pooled connections', async () => {
        const ports = new Set<number>();
        await withServer(
          (_req, res, raw) => {
            ports.add(raw.socket.remotePort ?? 0);
            sendJson(res, 200, {});
          },
          async (url) => {
            const http = new HttpClient({ transport });
            for (let i = 0; i < 20; i++) await (await http.request({ method: 'GET', url })).body.dump();
            assert.ok(ports.size <= 2, `20 requests used ${ports.size} connections`);
            await http.close();
          },
        );
      });
    });
  });
}

for (const transport of TRANSPORTS) {
  describe(`a buffered body over ${transport}`, () => {
    test('read as text, it still gives back the exact bytes, body methods included', async () => {
      const doc = { name: 'ünïcødé €𝄞', n: 1 };
      await withServer(
        (_req, res) => sendJson(res, 200, doc),
        async (url) => {
          const http = new HttpClient({ transport });
          const res = await http.request({ method: 'GET', url, buffer: true });
          const expected = Buffer.from(JSON.stringify(doc));
          assert.deepEqual(await res.json(), doc, 'json() of the text read as it arrived');
          assert.ok(Buffer.from(await res.bytes()).equals(expected), 'bytes() re-encode to the bytes sent');
          assert.equal(await res.body.text(), JSON.stringify(doc), 'the buffered body stream reads the same');
          await http.close();
        },
      );
    });

    test('a read over the cap fails; the body taken afterwards fails too, and nothing goes unhandled', async () => {
      await withServer(
        (_req, res) => sendJson(res, 200, { padding: 'x'.repeat(200) }),
        async (url) => {
          const http = new HttpClient({ transport });
          const unhandled: unknown[] = [];
          const onUnhandled = (e: unknown) => unhandled.push(e);
          process.on('unhandledRejection', onUnhandled);
          try {
            const res = await http.request({ method: 'GET', url, maxBodyBytes: 50 });
            await assert.rejects(res.text(), /too-large|cap is 50 bytes/, 'text() over the cap is refused');
            // taken and not read at once: its copy of the failed read must not go unhandled
            const body = res.body;
            await new Promise((r) => setTimeout(r, 20));
            await assert.rejects(
              body.text(),
              /cap is 50 bytes/,
              'the body after a failed read fails the same',
            );
            await new Promise((r) => setTimeout(r, 20));
            assert.equal(
              unhandled.length,
              0,
              `no unhandled rejection, got ${unhandled.map(String).join('; ')}`,
            );
          } finally {
            process.off('unhandledRejection', onUnhandled);
            await http.close();
          }
        },
      );
    });
  });
}
