/**
 * What only the node transport has to get right, against raw TCP stubs on 127.0.0.1: a body
 * nobody reads gives its socket back, a pooled socket the server closed as the request left is
 * replaced for idempotent requests only, the idle timer counts the server's silence and not a
 * slow reader's, the caller's signal ends a body mid-stream, and a closed client refuses at once.
 * The behaviours every transport shares run over it in http-client, faults and download-faults.
 */
import assert from 'node:assert/strict';
import type { Socket } from 'node:net';
import { describe, test } from 'node:test';
import { AbortedError, ConnectionError, HttpClient, ValidationError } from '../../../src/index.js';
import { NodeWire } from '../../../src/transport/node-wire.js';
import { delay, rejection, within } from '../../support/faults.js';
import { type RawRequest, rawHead, rawJson, startRawServer } from '../../support/raw-server.js';

const doc = { ok: true };

async function withRaw(
  handler: (req: RawRequest, socket: Socket, n: number) => unknown,
  fn: (url: string, requests: RawRequest[], http: HttpClient, sockets: Set<Socket>) => Promise<void>,
  opts: ConstructorParameters<typeof HttpClient>[0] = {},
) {
  const sockets = new Set<Socket>();
  const s = await startRawServer((req, socket, n) => {
    sockets.add(socket);
    return handler(req, socket, n);
  });
  const http = new HttpClient({ transport: 'node', retry: { maxRetries: 0 }, ...opts });
  try {
    await fn(s.url, s.requests, http, sockets);
  } finally {
    await http.close().catch(() => {});
    await s.close();
  }
}

describe('the node transport', () => {
  test('is what the client reports', async () => {
    const http = new HttpClient({ transport: 'node' });
    assert.equal(http.transport, 'node', 'transport: node is kept');
    await http.close();
  });

  test('a body nobody reads gives its socket back to the pool', async () => {
    await withRaw(
      (_req, socket) => socket.write(rawJson(200, doc)),
      async (url, reqs, http, sockets) => {
        for (let i = 0; i < 5; i++) {
          // never read: the socket must still come back once the whole message has arrived
          await http.request({ method: 'GET', url });
          await delay(10);
        }
        assert.equal(reqs.length, 5, 'every request reached the server');
        assert.equal(sockets.size, 1, `five unread answers reused one socket, used ${sockets.size}`);
      },
    );
  });

  test('a GET sent on a pooled socket the server had just closed is sent again on a new one', async () => {
    await withRaw(
      (_req, socket, n) => {
        // the second request arrives on the kept socket: close it unanswered, as an idle timeout would
        if (n === 1) return socket.resetAndDestroy();
        socket.write(rawJson(200, doc));
      },
      async (url, reqs, http, sockets) => {
        await (await http.request({ method: 'GET', url, buffer: true })).text();
        const res = await http.request({ method: 'GET', url, buffer: true });
        assert.deepEqual(await res.json(), doc, 'the resent GET was answered');
        assert.equal(reqs.length, 3, 'the server saw the first, the lost and the resent request');
        assert.equal(sockets.size, 2, 'the resent request went out on a new socket');
      },
    );
  });

  test('a POST on such a socket is not sent again: a ConnectionError', async () => {
    await withRaw(
      (_req, socket, n) => (n === 1 ? socket.resetAndDestroy() : socket.write(rawJson(200, doc))),
      async (url, reqs, http) => {
        await (await http.request({ method: 'GET', url, buffer: true })).text();
        const e = await rejection(http.request({ method: 'POST', url, body: '{}' }), 'the POST');
        assert.ok(e instanceof ConnectionError, `a ConnectionError, got ${e}`);
        assert.equal(reqs.length, 2, 'the POST was sent once');
      },
    );
  });

  test('a reader slower than timeoutMs is not timed out while the server has sent everything', async () => {
    const size = 2 * 1024 * 1024;
    await withRaw(
      (_req, socket) => {
        socket.write(rawHead(200, { 'content-type': 'application/octet-stream', 'content-length': size }));
        socket.write(Buffer.alloc(size, 3));
      },
      async (url, _reqs, http) => {
        const res = await http.request({ method: 'GET', url, timeoutMs: 200 });
        let got = 0;
        for await (const c of res.body) {
          // the first pause fills every buffer: the server waits on us, not we on it
          if (got === 0) await delay(600);
          got += (c as Buffer).length;
        }
        assert.equal(got, size, 'the whole body was read');
      },
    );
  });

  test("the caller's signal ends a body mid-stream with AbortedError", async () => {
    await withRaw(
      (_req, socket) => {
        socket.write(rawHead(200, { 'content-type': 'application/octet-stream', 'content-length': 1000 }));
        socket.write('x'.repeat(10));
      },
      async (url, _reqs, http) => {
        const ac = new AbortController();
        const res = await http.request({ method: 'GET', url, signal: ac.signal });
        setTimeout(() => ac.abort(), 50);
        const e = await within(
          rejection(
            (async () => {
              for await (const _ of res.body);
            })(),
            'the aborted stream',
          ),
          3000,
          'the aborted stream',
        );
        assert.ok(e instanceof AbortedError, `an AbortedError, got ${e}`);
      },
    );
  });

  test('a closed client refuses at once with a ConnectionError that says why', async () => {
    await withRaw(
      (_req, socket) => socket.write(rawJson(200, doc)),
      async (url, reqs, http) => {
        await http.close();
        const e = await rejection(http.request({ method: 'GET', url }), 'a request after close()');
        assert.ok(e instanceof ConnectionError, `a ConnectionError, got ${e}`);
        assert.match(String((e as ConnectionError).fix), /new Connection/, 'the fix says what to do');
        assert.equal((e as ConnectionError).attempts, 1, 'not retried');
        assert.equal(reqs.length, 0, 'nothing was sent');
      },
      { retry: { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 5 } },
    );
  });

  test("the pool's idle timeout ends idle sockets, never one waiting for a slow answer", async () => {
    const sockets = new Set<Socket>();
    const s = await startRawServer((_req, socket) => {
      sockets.add(socket);
      setTimeout(() => socket.write(rawJson(200, doc)), 400);
    });
    const wire = new NodeWire({ keepAliveTimeoutMs: 100 });
    const send = async () => {
      const res = await wire.send({
        method: 'GET',
        url: s.url,
        headers: {},
        body: undefined,
        signal: new AbortController().signal,
        timeoutMs: 5000,
        translate: (e) => e as Error,
        abort: () => {},
        onBodyDone: () => {},
      });
      return res.body.json();
    };
    try {
      assert.deepEqual(await send(), doc, 'an answer after 400 ms outlived the 100 ms socket timeout');
      await delay(300);
      assert.deepEqual(await send(), doc, 'the next request was answered too');
      assert.equal(sockets.size, 2, 'the socket left idle past 100 ms was closed and replaced');
    } finally {
      await wire.close();
      await s.close();
    }
  });

  test('a URL that is not http: or https: is a ValidationError naming the url, not sent', async () => {
    const http = new HttpClient({ transport: 'node', retry: { maxRetries: 0 } });
    try {
      const e = await rejection(http.request({ method: 'GET', url: 'ftp://127.0.0.1/x' }), 'an ftp URL');
      assert.ok(e instanceof ValidationError, `a ValidationError, got ${e}`);
      assert.equal((e as ValidationError).field, 'url', 'the field is named');
      assert.match((e as Error).message, /ftp:\/\/127\.0\.0\.1\/x/, 'the URL is named');
    } finally {
      await http.close();
    }
  });

  test('an undici dispatcher with transport node is a ValidationError naming the field', async () => {
    const { Agent } = await import('undici');
    const dispatcher = new Agent();
    try {
      assert.throws(
        () => new HttpClient({ transport: 'node', dispatcher }),
        (e: unknown) => e instanceof ValidationError && e.field === 'dispatcher',
        'transport node cannot use a dispatcher',
      );
    } finally {
      await dispatcher.close();
    }
  });
});
