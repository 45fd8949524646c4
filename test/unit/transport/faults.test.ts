/**
 * The transport under a hostile network, against raw TCP stubs on 127.0.0.1: resets before the
 * headers, after them and mid-body, headers and bodies dripped one byte at a time, stalls,
 * 5xx storms, Retry-After in both forms, bodies over the cap. Each test records how many
 * attempts the server saw (printed as a diagnostic at the end).
 */
import assert from 'node:assert/strict';
import type { Socket } from 'node:net';
import { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import {
  ConnectionError,
  HttpClient,
  InvalidResponseError,
  ServerError,
  ServiceUnavailableError,
  TimeoutError,
} from '../../../src/index.js';
import { delay, diagnostics, fastRetry, rejection } from '../../support/faults.js';
import { sendJson, startMockServer } from '../../support/mock-server.js';
import { type RawRequest, rawHead, rawJson, startRawServer } from '../../support/raw-server.js';
import { TRANSPORTS } from './transports.js';

/** Attempts the server saw per scenario, for the record. */
const counts = diagnostics('attempts seen by the server: ');

async function withRaw(
  handler: (req: RawRequest, socket: Socket, n: number) => unknown,
  fn: (url: string, requests: RawRequest[], http: HttpClient) => Promise<void>,
  opts: ConstructorParameters<typeof HttpClient>[0] = {},
) {
  const s = await startRawServer(handler);
  const http = new HttpClient({ retry: fastRetry, ...opts });
  try {
    await fn(s.url, s.requests, http);
  } finally {
    await http.close().catch(() => {});
    await s.close();
  }
}

/** Write `text` one byte every `everyMs` until it is written or the socket is gone (bounded by its length). */
async function drip(socket: Socket, text: string, everyMs: number): Promise<void> {
  for (const ch of text) {
    if (socket.destroyed) return;
    socket.write(ch);
    await delay(everyMs);
  }
}

const doc = { flavors: [{ id: '1', name: 'm1.tiny' }] };

for (const transport of TRANSPORTS) {
  describe(`over ${transport}`, () => {
    const withT: typeof withRaw = (handler, fn, opts = {}) => withRaw(handler, fn, { transport, ...opts });
    describe('resets', () => {
      test('reset before the headers: a GET is retried and succeeds', async () => {
        await withT(
          (_req, socket, n) => (n === 0 ? socket.resetAndDestroy() : socket.end(rawJson(200, doc))),
          async (url, reqs, http) => {
            const res = await http.request({ method: 'GET', url, buffer: true });
            assert.deepEqual(await res.json(), doc, 'the second attempt answered');
            assert.equal(reqs.length, 2, 'one retry');
            counts['reset before headers, GET'] = reqs.length;
          },
        );
      });

      test('reset before the headers: a POST is not retried and is a ConnectionError', async () => {
        await withT(
          (_req, socket) => socket.resetAndDestroy(),
          async (url, reqs, http) => {
            const e = await rejection(
              http.request({ method: 'POST', url, body: '{}', buffer: true }),
              'POST',
            );
            assert.ok(e instanceof ConnectionError, `a ConnectionError, got ${e}`);
            assert.equal(reqs.length, 1, 'sent once');
            counts['reset before headers, POST'] = reqs.length;
          },
        );
      });

      test('reset mid-body of a buffered GET: retried within the budget, then succeeds', async () => {
        const text = JSON.stringify(doc);
        await withT(
          (_req, socket, n) => {
            if (n > 0) return void socket.end(rawJson(200, doc));
            socket.write(rawHead(200, { 'content-type': 'application/json', 'content-length': text.length }));
            socket.write(text.slice(0, 10));
            setTimeout(() => socket.resetAndDestroy(), 20);
          },
          async (url, reqs, http) => {
            const res = await http.request({ method: 'GET', url, buffer: true });
            assert.deepEqual(await res.json(), doc, 'the retry read the whole document');
            assert.equal(reqs.length, 2, 'one retry');
            counts['reset mid-body, buffered GET'] = reqs.length;
          },
        );
      });

      test('premature close (fewer bytes than Content-Length) of a buffered GET is retried too', async () => {
        const text = JSON.stringify(doc);
        await withT(
          (_req, socket, n) => {
            if (n > 0) return void socket.end(rawJson(200, doc));
            socket.end(
              `${rawHead(200, { 'content-type': 'application/json', 'content-length': text.length })}${text.slice(0, 5)}`,
            );
          },
          async (url, reqs, http) => {
            const res = await http.request({ method: 'GET', url, buffer: true });
            assert.deepEqual(await res.json(), doc, 'the retry read the whole document');
            assert.equal(reqs.length, 2, 'one retry');
            counts['premature close, buffered GET'] = reqs.length;
          },
        );
      });

      test('reset mid-body of a buffered POST: not retried, a ConnectionError', async () => {
        await withT(
          (_req, socket) => {
            socket.write(rawHead(201, { 'content-type': 'application/json', 'content-length': 100 }));
            socket.write('{"server": {');
            setTimeout(() => socket.resetAndDestroy(), 20);
          },
          async (url, reqs, http) => {
            const e = await rejection(
              http.request({ method: 'POST', url, body: '{}', buffer: true }),
              'POST',
            );
            assert.ok(e instanceof ConnectionError, `a ConnectionError, got ${e}`);
            assert.equal((e as ConnectionError).attempts, 1, 'one attempt');
            assert.equal(reqs.length, 1, 'never resent');
            counts['reset mid-body, buffered POST'] = reqs.length;
          },
        );
      });

      test('a streamed download cut mid-body fails with a typed ConnectionError', async () => {
        await withT(
          (_req, socket) => {
            socket.write(
              rawHead(200, { 'content-type': 'application/octet-stream', 'content-length': 1_000_000 }),
            );
            socket.write(Buffer.alloc(64 * 1024, 1));
            setTimeout(() => socket.resetAndDestroy(), 50);
          },
          async (url, reqs, http) => {
            const res = await http.request({ method: 'GET', url });
            let got = 0;
            const e = await rejection(
              (async () => {
                for await (const c of res.body) got += (c as Buffer).length;
              })(),
              'the download',
            );
            assert.ok(e instanceof ConnectionError, `a ConnectionError, got ${e}`);
            assert.match((e as Error).message, /GET http:\/\/127\.0\.0\.1/, 'names method and URL');
            assert.ok(got > 0 && got < 1_000_000, `part of the body arrived (${got} bytes)`);
            assert.equal(reqs.length, 1, 'a stream is not retried');
          },
        );
      });

      test('text() of an unbuffered response cut mid-body is a ConnectionError too', async () => {
        await withT(
          (_req, socket) => {
            socket.write(rawHead(200, { 'content-type': 'application/json', 'content-length': 100 }));
            socket.write('{"a":');
            setTimeout(() => socket.resetAndDestroy(), 20);
          },
          async (url, _reqs, http) => {
            const res = await http.request({ method: 'GET', url });
            const e = await rejection(res.text(), 'text()');
            assert.ok(e instanceof ConnectionError, `a ConnectionError, got ${e}`);
          },
        );
      });
    });

    describe('deadlines', () => {
      test('headers dripped one byte at a time past timeoutMs: TimeoutError at the deadline', async () => {
        await withT(
          (_req, socket) => drip(socket, rawJson(200, doc, { 'x-padding': 'p'.repeat(200) }), 20),
          async (url, _reqs, http) => {
            const t0 = Date.now();
            const e = await rejection(http.request({ method: 'GET', url, timeoutMs: 500 }), 'the drip');
            const ms = Date.now() - t0;
            assert.ok(e instanceof TimeoutError, `a TimeoutError, got ${e}`);
            assert.match(
              (e as Error).message,
              /GET http:\/\/127\.0\.0\.1:\d+ .*500 ms/,
              'names method, URL and limit',
            );
            assert.ok(ms < 3000, `ended near the deadline, not after the drip (${ms} ms)`);
          },
        );
      });

      test('a buffered body dripped past timeoutMs: TimeoutError, not retried', async () => {
        const text = JSON.stringify({ pad: 'x'.repeat(300) });
        await withT(
          async (_req, socket) => {
            socket.write(rawHead(200, { 'content-type': 'application/json', 'content-length': text.length }));
            await drip(socket, text, 10);
          },
          async (url, reqs, http) => {
            const t0 = Date.now();
            const e = await rejection(
              http.request({ method: 'GET', url, timeoutMs: 500, buffer: true }),
              'drip',
            );
            const ms = Date.now() - t0;
            assert.ok(e instanceof TimeoutError, `a TimeoutError, got ${e}`);
            assert.ok(ms < 3000, `ended near the deadline (${ms} ms)`);
            assert.equal(reqs.length, 1, 'a timeout is not retried');
            counts['body drip, buffered GET'] = reqs.length;
          },
        );
      });

      test('text() of an unbuffered body dripped past timeoutMs: TimeoutError', async () => {
        const text = JSON.stringify({ pad: 'x'.repeat(300) });
        await withT(
          async (_req, socket) => {
            socket.write(rawHead(200, { 'content-type': 'application/json', 'content-length': text.length }));
            await drip(socket, text, 10);
          },
          async (url, _reqs, http) => {
            const t0 = Date.now();
            const res = await http.request({ method: 'GET', url, timeoutMs: 500 });
            const e = await rejection(res.text(), 'text()');
            assert.ok(e instanceof TimeoutError, `a TimeoutError, got ${e}`);
            assert.ok(Date.now() - t0 < 3000, 'ended near the deadline');
          },
        );
      });

      test('a streamed body slower in total than timeoutMs but never idle that long is not cut', async () => {
        await withT(
          async (_req, socket) => {
            socket.write(rawHead(200, { 'content-type': 'application/octet-stream', 'content-length': 12 }));
            for (let i = 0; i < 12 && !socket.destroyed; i++) {
              socket.write('x');
              await delay(100);
            }
            socket.end();
          },
          async (url, _reqs, http) => {
            const t0 = Date.now();
            const res = await http.request({ method: 'GET', url, timeoutMs: 400 });
            let got = 0;
            for await (const c of res.body) got += (c as Buffer).length;
            assert.equal(got, 12, 'the whole stream arrived');
            assert.ok(Date.now() - t0 > 800, 'it took longer than timeoutMs in total');
          },
        );
      });

      test('a streamed body that stalls longer than timeoutMs fails with TimeoutError (idle timeout)', async () => {
        await withT(
          (_req, socket) => {
            socket.write(rawHead(200, { 'content-type': 'application/octet-stream', 'content-length': 10 }));
            socket.write('x');
          },
          async (url, _reqs, http) => {
            const res = await http.request({ method: 'GET', url, timeoutMs: 300 });
            const e = await rejection(
              (async () => {
                for await (const _ of res.body);
              })(),
              'the stalled stream',
            );
            assert.ok(e instanceof TimeoutError, `a TimeoutError, got ${e}`);
          },
        );
      });

      test('a streamed upload longer than timeoutMs in total, but never idle that long, is not cut', async () => {
        const s = await startMockServer((req, res) => sendJson(res, 201, { got: req.body.length }));
        const http = new HttpClient({ transport, retry: fastRetry });
        try {
          async function* slow() {
            for (let i = 0; i < 12; i++) {
              yield Buffer.from('x');
              await delay(100);
            }
          }
          const t0 = Date.now();
          const res = await http.request({
            method: 'PUT',
            url: s.url,
            body: Readable.from(slow()),
            timeoutMs: 400,
          });
          assert.deepEqual(await res.json(), { got: 12 }, 'the whole upload arrived');
          assert.ok(Date.now() - t0 > 800, 'it took longer than timeoutMs in total');
        } finally {
          await http.close();
          await s.close();
        }
      });

      test('a server that accepts and never answers: TimeoutError at timeoutMs', async () => {
        await withT(
          () => {},
          async (url, reqs, http) => {
            const t0 = Date.now();
            const e = await rejection(http.request({ method: 'GET', url, timeoutMs: 400 }), 'the stall');
            assert.ok(e instanceof TimeoutError, `a TimeoutError, got ${e}`);
            assert.ok(Date.now() - t0 < 3000, 'ended near the deadline');
            assert.equal(reqs.length, 1, 'not retried');
            counts['stall before headers, GET'] = reqs.length;
          },
        );
      });

      test('an AbortSignal.timeout() is the deadline of the whole call, retries and backoff included', async () => {
        await withT(
          (_req, socket) =>
            socket.end(rawJson(503, { message: 'busy' }, { 'retry-after': '1', connection: 'close' })),
          async (url, reqs, http) => {
            const t0 = Date.now();
            const e = await rejection(
              http.request({ method: 'GET', url, signal: AbortSignal.timeout(1500) }),
              'the storm under a deadline',
            );
            const ms = Date.now() - t0;
            assert.ok(e instanceof TimeoutError, `a TimeoutError, got ${e}`);
            assert.ok(ms < 3000, `ended at the deadline (${ms} ms)`);
            assert.ok(reqs.length >= 1 && reqs.length <= 3, `a few attempts (${reqs.length})`);
          },
        );
      });
    });

    // These servers end the socket after each answer, so they say `connection: close` as a real
    // server does; without it the client may send the retry on the pooled socket the FIN has not
    // reached yet, and under load fetch reported that race instead of the storm.
    describe('5xx storms and Retry-After', () => {
      test('a 503 storm exhausts the retry budget: ServiceUnavailableError with the attempt count', async () => {
        await withT(
          (_req, socket) => socket.end(rawJson(503, { message: 'busy' }, { connection: 'close' })),
          async (url, reqs, http) => {
            const e = await rejection(http.request({ method: 'GET', url, buffer: true }), 'the storm');
            assert.ok(e instanceof ServiceUnavailableError, `a ServiceUnavailableError, got ${e}`);
            assert.equal((e as ServiceUnavailableError).attempts, 4, 'first attempt + 3 retries');
            assert.match((e as Error).message, /after 4 attempts/, 'the message says so');
            assert.equal(reqs.length, 4, 'the server saw 4');
            counts['503 storm, GET'] = reqs.length;
          },
        );
      });

      test('a 502 storm on POST is not retried', async () => {
        await withT(
          (_req, socket) => socket.end(rawJson(502, { message: 'bad gateway' }, { connection: 'close' })),
          async (url, reqs, http) => {
            const e = await rejection(http.request({ method: 'POST', url, body: '{}' }), 'the POST');
            assert.ok(e instanceof ServerError, `a ServerError, got ${e}`);
            assert.equal((e as ServerError).attempts, 1, 'one attempt');
            assert.equal(reqs.length, 1, 'sent once');
            counts['502 storm, POST'] = reqs.length;
          },
        );
      });

      test('Retry-After as an HTTP date is honoured', async () => {
        await withT(
          (_req, socket, n) => {
            if (n > 0) return void socket.end(rawJson(200, doc));
            const at = new Date(Date.now() + 2000).toUTCString(); // whole seconds: waits 1-2 s
            socket.end(rawJson(503, { message: 'later' }, { 'retry-after': at, connection: 'close' }));
          },
          async (url, reqs, http) => {
            const t0 = Date.now();
            const res = await http.request({ method: 'GET', url, buffer: true });
            const ms = Date.now() - t0;
            assert.equal(res.status, 200, 'succeeded after waiting');
            assert.ok(ms >= 900, `waited until the date (${ms} ms)`);
            assert.equal(reqs.length, 2, 'one retry');
            counts['Retry-After HTTP date'] = reqs.length;
          },
        );
      });

      test('Retry-After in seconds is honoured, for a POST too (429)', async () => {
        await withT(
          (_req, socket, n) =>
            socket.end(n === 0 ? rawJson(429, {}, { 'retry-after': '1' }) : rawJson(201, { id: 'x' })),
          async (url, reqs, http) => {
            const t0 = Date.now();
            const res = await http.request({ method: 'POST', url, body: '{}', buffer: true });
            assert.equal(res.status, 201, 'created after waiting');
            assert.ok(Date.now() - t0 >= 950, 'waited a second');
            assert.equal(reqs.length, 2, 'one retry');
            counts['Retry-After seconds, 429 POST'] = reqs.length;
          },
        );
      });
    });

    describe('body size cap', () => {
      test('a buffered body over maxBodyBytes (declared) is InvalidResponseError too-large', async () => {
        await withT(
          (_req, socket) => {
            socket.write(rawHead(200, { 'content-type': 'application/json', 'content-length': 10_000 }));
            socket.write('{"a":"');
          },
          async (url, _reqs, http) => {
            const e = await rejection(
              http.request({ method: 'GET', url, buffer: true, maxBodyBytes: 1000 }),
              'big',
            );
            assert.ok(e instanceof InvalidResponseError, `an InvalidResponseError, got ${e}`);
            assert.equal((e as InvalidResponseError).reason, 'too-large', 'reason');
            assert.equal((e as InvalidResponseError).status, 200, 'status');
            assert.equal((e as InvalidResponseError).contentType, 'application/json', 'content type');
          },
        );
      });

      test('a chunked body growing over the client default cap is too-large, without reading it all', async () => {
        await withT(
          async (_req, socket) => {
            socket.write(
              rawHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }),
            );
            const chunk = 'x'.repeat(4096);
            for (let i = 0; i < 100 && !socket.destroyed; i++) {
              socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
              await delay(1);
            }
            if (!socket.destroyed) socket.end('0\r\n\r\n');
          },
          async (url, _reqs, http) => {
            const res = await http.request({ method: 'GET', url });
            const e = await rejection(res.text(), 'text()');
            assert.ok(e instanceof InvalidResponseError, `an InvalidResponseError, got ${e}`);
            assert.equal((e as InvalidResponseError).reason, 'too-large', 'reason');
          },
          { maxBodyBytes: 50_000 },
        );
      });

      test('json() of an HTML page is InvalidResponseError not-json, as decodeJson says', async () => {
        await withT(
          (_req, socket) =>
            socket.end(`${rawHead(200, { 'content-type': 'text/html', 'content-length': 6 })}<html>`),
          async (url, _reqs, http) => {
            const res = await http.request({ method: 'GET', url, buffer: true });
            const e = await rejection(res.json(), 'json()');
            assert.ok(e instanceof InvalidResponseError, `an InvalidResponseError, got ${e}`);
            assert.equal((e as InvalidResponseError).reason, 'not-json', 'reason');
            assert.equal(await res.text(), '<html>', 'the buffered text is still there');
          },
        );
      });
    });
  });
}
