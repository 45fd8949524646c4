/**
 * Downloads cut mid-body (object store and image), against a raw TCP stub: the caller's stream
 * fails with a typed ConnectionError, not a bare `Error: read ECONNRESET`.
 */
import assert from 'node:assert/strict';
import type { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import {
  ConnectionError,
  HttpClient,
  ImageV2,
  ObjectStoreV1,
  Session,
  StaticTokenAuth,
} from '../../../src/index.js';
import { rawHead, rawJson, startRawServer } from '../../support/raw-server.js';
import { TRANSPORTS } from './transports.js';

/** A server whose downloads send 32 KiB of a declared 1 MB, then reset; `/` has no version document. */
async function cutServer() {
  return startRawServer((req, socket) => {
    if (req.url === '/') return socket.end(rawJson(404, {}));
    socket.write(
      rawHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': 1_000_000,
        etag: '"0123456789abcdef0123456789abcdef"',
      }),
    );
    socket.write(Buffer.alloc(32 * 1024, 7));
    setTimeout(() => socket.resetAndDestroy(), 30);
  });
}

async function drain(stream: Readable): Promise<unknown> {
  try {
    for await (const _ of stream);
  } catch (e) {
    return e;
  }
  assert.fail('the download should have failed');
}

for (const transport of TRANSPORTS) {
  describe(`over ${transport}`, () => {
    describe('downloads cut mid-body', () => {
      test('object store: streamObject and downloadObject fail with ConnectionError', async () => {
        const s = await cutServer();
        const session = new Session({
          auth: new StaticTokenAuth('admin_token', 't'),
          http: new HttpClient({ transport, retry: { maxRetries: 0 } }),
          endpointOverrides: { 'object-store': `${s.url}/v1/AUTH_p` },
        });
        try {
          const store = new ObjectStoreV1(session);
          const d = await store.streamObject('c', 'o');
          const e = await drain(d.stream as Readable);
          assert.ok(e instanceof ConnectionError, `a ConnectionError, got ${e}`);
          await assert.rejects(
            store.downloadObject('c', 'o'),
            (err: unknown) => err instanceof ConnectionError,
            'downloadObject rejects with a ConnectionError',
          );
        } finally {
          await session.close();
          await s.close();
        }
      });

      test('image: downloadImage stream fails with ConnectionError', async () => {
        const s = await cutServer();
        const session = new Session({
          auth: new StaticTokenAuth('admin_token', 't'),
          http: new HttpClient({ transport, retry: { maxRetries: 0 } }),
          endpointOverrides: { image: `${s.url}/v2` },
        });
        try {
          const d = await new ImageV2(session).downloadImage('11111111-2222-3333-4444-555555555555', {
            verify: false,
          });
          const e = await drain(d.stream as Readable);
          assert.ok(e instanceof ConnectionError, `a ConnectionError, got ${e}`);
        } finally {
          await session.close();
          await s.close();
        }
      });
    });
  });
}
