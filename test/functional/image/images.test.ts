/**
 * Image v2 against the dev cloud (filesystem store): create, streamed upload from a stream
 * and from a file with checksum verification, download compared byte for byte, JSON Patch
 * updates with custom properties, tags, filtered and paginated listings, schemas, delete.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type Connection, NotFoundError } from '../../../src/index.js';
import type { ImageV2 } from '../../../src/services/image/index.js';
import { functionalSuite } from '../../support/cloud.js';

const MiB = 1024 * 1024;
functionalSuite('image/images', (suite) => {
  let conn: Connection;
  let image: ImageV2;
  let dir: string;
  const { cleanup } = suite;

  before(() => {
    conn = suite.admin();
    image = conn.image;
    dir = mkdtempSync(join(tmpdir(), 'ossdk-image-'));
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
  });

  const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
  const md5 = (b: Uint8Array) => createHash('md5').update(b).digest('hex');

  async function newImage(what: string, extra: Record<string, unknown> = {}) {
    const name = suite.name(what);
    const img = await image.createImage({
      name,
      diskFormat: 'raw',
      containerFormat: 'bare',
      visibility: 'private',
      ...extra,
    });
    cleanup.add(`image ${name}`, () => image.deleteImage(img.id, { ignoreMissing: true }));
    return img;
  }

  async function collect(stream: AsyncIterable<unknown>): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const c of stream) parts.push(c as Buffer);
    return Buffer.concat(parts);
  }

  describe('image data', () => {
    test('upload ~3 MiB from a stream, verify, download and compare bytes', async () => {
      const img = await newImage('stream', { $extra: { ossdk_origin: 'stream' } });
      assert.equal(img.status, 'queued');
      assert.equal(img.size, null);
      assert.equal(img.extra.ossdk_origin, 'stream', 'custom properties are kept');

      const data = randomBytes(3 * MiB + 12345);
      let progress = 0;
      async function* chunks() {
        for (let off = 0; off < data.length; off += 64 * 1024) yield data.subarray(off, off + 64 * 1024);
      }
      const up = await image.uploadImage(img, chunks(), { onProgress: (n) => (progress = n) });
      assert.equal(progress, data.length);
      assert.deepEqual(up.verified, { size: true, checksum: true, hash: true });
      assert.equal(up.image.status, 'active');
      assert.equal(up.image.size, data.length);
      assert.equal(up.image.checksum, md5(data));
      assert.equal(up.image.hashAlgo, 'sha512');
      assert.equal(up.image.hashValue, createHash('sha512').update(data).digest('hex'));

      const dl = await image.downloadImage(img.id);
      assert.equal(dl.contentLength, data.length);
      const back = await collect(dl.stream);
      assert.equal(sha256(back), sha256(data));
      assert.equal(dl.digest()?.checksum, md5(data));

      const got = await image.getImage(img.id);
      assert.equal(got.status, 'active');
      assert.equal(got.virtualSize, data.length, 'raw: virtual size is the size');
    });

    test('upload from a file path; download to a file', async () => {
      const data = randomBytes(3 * MiB);
      const src = join(dir, 'src.raw');
      writeFileSync(src, data);
      const img = await newImage('file');
      const up = await image.uploadImage(img.id, src);
      assert.equal(up.size, data.length);
      assert.equal(up.image.size, data.length);
      assert.equal(up.verified.hash, true);

      const dst = join(dir, 'dst.raw');
      const d = await image.downloadImageToFile(img, dst);
      assert.equal(d.size, data.length);
      assert.equal(sha256(readFileSync(dst)), sha256(data));

      // a second upload to an active image is refused by glance (409)
      await assert.rejects(
        image.uploadImage(img.id, Buffer.from('again')),
        (e: Error & { status?: number }) => e.status === 409,
      );
    });

    test('an image without data cannot be downloaded', async () => {
      const img = await newImage('empty');
      await assert.rejects(image.downloadImage(img.id), /has no data/);
    });
  });

  describe('image metadata', () => {
    test('JSON Patch update: base fields, adding and removing custom properties', async () => {
      const img = await newImage('patch', { minRam: 0, $extra: { ossdk_keep: 'k', ossdk_drop: 'd' } });
      const newName = suite.name('patched');
      const u = await image.updateImage(img.id, {
        name: newName,
        minRam: 128,
        minDisk: 1,
        osDistro: 'cirros',
        $extra: { ossdk_added: 'a', ossdk_drop: null },
      });
      assert.equal(u.name, newName);
      assert.equal(u.minRam, 128);
      assert.equal(u.minDisk, 1);
      assert.equal(u.osDistro, 'cirros');
      assert.equal(u.extra.ossdk_added, 'a');
      assert.equal(u.extra.ossdk_keep, 'k');
      assert.equal('ossdk_drop' in u.raw, false, 'removed from the answer');

      const fresh = await image.getImage(img.id);
      assert.equal(fresh.extra.ossdk_added, 'a');
      assert.equal('ossdk_drop' in fresh.raw, false, 'removed on the server');

      // instance edits: replace a property the image has, remove a declared one
      fresh.setRaw('ossdk_keep', 'k2');
      fresh.osDistro = null as never;
      const { commitResource } = await import('../../../src/resource/operations.js');
      await commitResource(fresh);
      const again = await image.getImage(img.id);
      assert.equal(again.extra.ossdk_keep, 'k2');
      assert.equal(again.osDistro, undefined);

      // glance refuses to remove a base attribute; the error names the property
      await assert.rejects(image.updateImage(img.id, { minRam: null }), /min_ram may not be removed/);
    });

    test('tags: create with tags, add, remove, filter by tag', async () => {
      const tag = `ossdk-${randomBytes(3).toString('hex')}`;
      const img = await newImage('tags', { tags: [tag] });
      assert.deepEqual(img.tags, [tag]);
      await image.addImageTag(img.id, 'second');
      assert.deepEqual((await image.getImage(img.id)).tags?.sort(), ['second', tag].sort());
      assert.deepEqual(
        (await image.listImages({ tag: [tag, 'second'] }).toArray()).map((i) => i.id),
        [img.id],
      );
      await image.removeImageTag(img.id, 'second');
      assert.deepEqual((await image.getImage(img.id)).tags, [tag]);
      assert.equal((await image.listImages({ tag: [tag, 'second'] }).toArray()).length, 0);
    });

    test('filters, sorting and next-link pagination', async () => {
      const tag = `ossdk-page-${randomBytes(3).toString('hex')}`;
      const created = [];
      for (const n of ['c', 'a', 'b']) created.push(await newImage(`page-${n}`, { tags: [tag] }));
      const byName = [...created].sort((x, y) => String(x.name).localeCompare(String(y.name)));

      const list = image.listImages({ tag, limit: 1, sortKey: 'name', sortDir: 'asc' });
      const pages: string[][] = [];
      for await (const page of list.pages()) pages.push(page.map((i) => i.id));
      assert.ok(pages.length >= 3, `one image per page (${pages.length} pages)`);
      assert.deepEqual(
        pages.flat(),
        byName.map((i) => i.id),
      );
      const desc = await image.listImages({ tag, sort: 'name:desc' }).toArray();
      assert.deepEqual(
        desc.map((i) => i.id),
        byName.map((i) => i.id).reverse(),
      );
      assert.equal((await image.listImages({ tag, status: 'active' }).toArray()).length, 0);
      assert.equal(
        (await image.listImages({ tag, status: 'queued', diskFormat: 'raw' }).toArray()).length,
        3,
      );
      assert.equal((await image.findImage(String(created[1]!.name))).id, created[1]!.id);
    });

    test('schemas describe images and members', async () => {
      const s = await image.getImageSchema();
      assert.equal(s.name, 'image');
      assert.ok(s.properties?.disk_format && s.properties.visibility);
      assert.equal((await image.getImagesSchema()).name, 'images');
      assert.equal((await image.getMemberSchema()).name, 'member');
      assert.equal((await image.getMembersSchema()).name, 'members');
      const stores = await image.listStores().toArray();
      assert.ok(stores.some((st) => st.id === 'fs'));
    });

    test('delete, then 404', async () => {
      const img = await newImage('delete');
      await image.deleteImage(img.id);
      await assert.rejects(image.getImage(img.id), NotFoundError);
      await image.waitForImageDelete(img.id, { intervalMs: 200, timeoutMs: 5000 });
      await image.deleteImage(img.id, { ignoreMissing: true });
      await assert.rejects(image.deleteImage(img.id), NotFoundError);
    });
  });
});
