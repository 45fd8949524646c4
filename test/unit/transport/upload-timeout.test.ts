/**
 * A large byte body sent to a server that reads slowly: the upload outlasts `timeoutMs` while its
 * bytes keep leaving, so no transport may cut it (retries.md: idle timeouts apply while a body
 * over 1 MiB is sent). undici used to, as "waited for the headers".
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { describe, test } from 'node:test';
import { HttpClient } from '../../../src/index.js';
import { listenLocal } from '../../support/mock-server.js';
import { rawJson } from '../../support/raw-server.js';
import { TRANSPORTS } from './transports.js';

for (const transport of TRANSPORTS) {
  describe(`large uploads over ${transport}`, () => {
    test('a large byte body longer than timeoutMs to send, never idle that long, is not cut', async () => {
      const size = 32 * 1024 * 1024;
      const slowMs = 1200;
      // a server that reads slowly (a pause after every chunk) for slowMs, then at full speed: the
      // upload outlasts timeoutMs while its bytes keep leaving, and the answer follows the last byte
      const server = createServer((socket) => {
        let head = '';
        let got = -1;
        let since = 0;
        socket.on('error', () => {});
        socket.on('data', (c: Buffer) => {
          if (got < 0) {
            head += c.toString('latin1');
            const end = head.indexOf('\r\n\r\n');
            if (end < 0) return;
            got = Buffer.byteLength(head.slice(end + 4), 'latin1');
            since = Date.now();
          } else got += c.length;
          if (got >= size) return void socket.end(rawJson(201, { got }));
          if (Date.now() - since > slowMs) return;
          socket.pause();
          setTimeout(() => socket.resume(), 5);
        });
      });
      const { url, close } = await listenLocal(server, () => {});
      const http = new HttpClient({ transport, retry: { maxRetries: 0 } });
      try {
        const t0 = Date.now();
        const res = await http.request({ method: 'PUT', url, body: new Uint8Array(size), timeoutMs: 500 });
        assert.deepEqual(await res.json(), { got: size }, 'the whole body arrived');
        assert.ok(Date.now() - t0 > 750, `it took longer than timeoutMs in total (${Date.now() - t0} ms)`);
      } finally {
        await http.close();
        await close();
      }
    });
  });
}
