/**
 * Interoperable image import against the dev cloud: only the methods it offers
 * (`GET /v2/info/import`). glance-direct stages through the API; web-download fetches from
 * an HTTP server this test runs on the machine's own non-loopback address, port 80 (glance's
 * import filter allows ports 80/443 and refuses loopback hosts). copy-image needs a second
 * store, which the dev cloud does not have.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { networkInterfaces } from 'node:os';
import { before, describe, test } from 'node:test';
import type { Connection } from '../../../src/index.js';
import { functionalSuite } from '../../support/cloud.js';

functionalSuite('image/import', (suite) => {
  let conn: Connection;
  let methods: string[] = [];
  const { cleanup } = suite;

  before(async () => {
    conn = suite.admin();
    methods = await conn.image.getImportMethods();
  });

  async function newImage(what: string) {
    const name = suite.name(what);
    const img = await conn.image.createImage({ name, diskFormat: 'raw', containerFormat: 'bare' });
    cleanup.add(`image ${name}`, () => conn.image.deleteImage(img.id, { ignoreMissing: true }));
    return img;
  }

  /** Serve `data` on <first non-loopback IPv4>:80; undefined when that is not possible here. */
  async function serveOnPort80(
    data: Buffer,
  ): Promise<{ url: string; server: Server; hits: () => number } | undefined> {
    const addr = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
    if (!addr) return undefined;
    let hits = 0;
    const server = createServer((req, res) => {
      hits++;
      if (req.url !== '/image.raw') return res.writeHead(404).end();
      res
        .writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': data.length })
        .end(data);
    });
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(80, addr, resolve);
      });
    } catch {
      return undefined;
    }
    return { url: `http://${addr}/image.raw`, server, hits: () => hits };
  }

  describe('image import', () => {
    test('the dev cloud announces its import methods', () => {
      assert.ok(methods.includes('glance-direct'), `methods: ${methods.join(', ')}`);
    });

    test('glance-direct: stage a stream, import, wait, verify against the staged digests', async (t) => {
      if (!methods.includes('glance-direct')) return t.skip('glance-direct not offered');
      const img = await newImage('glance-direct');
      const data = randomBytes(2 * 1024 * 1024 + 3);
      async function* chunks() {
        for (let o = 0; o < data.length; o += 100_000) yield data.subarray(o, o + 100_000);
      }
      const staged = await conn.image.stageImage(img.id, chunks());
      assert.equal(staged.size, data.length);
      assert.equal((await conn.image.getImage(img.id)).status, 'uploading');

      await conn.image.importImage(img.id, { name: 'glance-direct' });
      const done = await conn.image.waitForImageImport(img.id, { intervalMs: 500, timeoutMs: 120_000 });
      assert.equal(done.status, 'active');
      assert.equal(done.size, data.length);
      assert.deepEqual(await conn.image.verifyImage(img.id, staged), {
        size: true,
        checksum: true,
        hash: true,
      });

      const tasks = await conn.image.listImageTasks(img.id);
      assert.ok(tasks.length >= 1, 'the import ran as a task');
      assert.equal(tasks[0]!.type, 'api_image_import');
      assert.equal(tasks[0]!.imageId, img.id);

      const back = await (async () => {
        const h = createHash('sha256');
        for await (const c of (await conn.image.downloadImage(img.id)).stream) h.update(c as Buffer);
        return h.digest('hex');
      })();
      assert.equal(back, createHash('sha256').update(data).digest('hex'));
    });

    test('web-download from an HTTP server on this machine', async (t) => {
      if (!methods.includes('web-download')) return t.skip('web-download not offered');
      const data = randomBytes(1024 * 1024 + 7);
      const srv = await serveOnPort80(data);
      if (!srv) return t.skip('cannot serve on a non-loopback address, port 80, here');
      try {
        const img = await newImage('web-download');
        await conn.image.importImage(img.id, { name: 'web-download', uri: srv.url });
        const done = await conn.image.waitForImageImport(img.id, { intervalMs: 500, timeoutMs: 120_000 });
        assert.ok(srv.hits() >= 1, 'glance fetched from our server');
        assert.equal(done.size, data.length);
        assert.equal(done.checksum, createHash('md5').update(data).digest('hex'));
        assert.equal(done.hashValue, createHash('sha512').update(data).digest('hex'));
      } finally {
        srv.server.closeAllConnections();
        await new Promise<void>((r) => srv.server.close(() => r()));
      }
    });

    test('a web-download the cloud refuses (loopback source) fails cleanly', async (t) => {
      if (!methods.includes('web-download')) return t.skip('web-download not offered');
      const img = await newImage('web-download-refused');
      await assert.rejects(
        (async () => {
          await conn.image.importImage(img.id, { name: 'web-download', uri: 'http://127.0.0.1/nothing.img' });
          await conn.image.waitForImageImport(img.id, { intervalMs: 500, timeoutMs: 60_000 });
        })(),
        (e: Error & { status?: number }) => e.status === 400 || e.name === 'ResourceFailureError',
      );
    });
  });
});
