/** uploadDirectory / downloadContainer offline, against the in-memory Swift. */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, afterEach, beforeEach, describe, test } from 'node:test';
import { localPathFor } from '../../../../src/cloud/download-container.js';
import { downloadContainer, type TransferProgress, uploadDirectory } from '../../../../src/cloud/index.js';
import { md5OfFileRange, md5sOfFileParts } from '../../../../src/cloud/object-compare.js';
import { type FakeSwift, startSwift } from '../../../support/fakes/swift.js';

const root = mkdtempSync(join(tmpdir(), 'ossdk-cloud-'));
after(() => rmSync(root, { recursive: true, force: true }));
let m: FakeSwift;
beforeEach(async () => {
  m = await startSwift();
});
afterEach(async () => {
  await m.close();
});

function tree(dir: string, files: Record<string, Buffer | string>): void {
  for (const [rel, data] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), data);
  }
}

describe('uploadDirectory (offline)', () => {
  test('requests in flight never exceed concurrency, files and segments together', async () => {
    const src = join(root, 'conc');
    const files: Record<string, Buffer> = { 'big.bin': randomBytes(5000) };
    for (let i = 0; i < 12; i++) files[`d/f${i}`] = randomBytes(100);
    tree(src, files);
    let active = 0;
    let peak = 0;
    m.intercept = async (req) => {
      if (req.method !== 'PUT' || req.url.endsWith('/c') || req.url.endsWith('/c_segments')) return false;
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 20));
      active--;
      return false;
    };
    const progress: TransferProgress[] = [];
    const r = await uploadDirectory({ objectStore: m.os }, src, 'c', {
      concurrency: 3,
      segmentSize: 1000,
      onProgress: (p) => progress.push(p),
    });
    assert.equal(r.failed, 0, String(r.files.find((f) => f.error)?.error));
    assert.equal(r.transferred, 13);
    assert.ok(peak <= 3, `peak ${peak}`);
    assert.ok(peak >= 2, 'uploads ran concurrently');
    assert.equal(r.files.find((f) => f.path === 'big.bin')!.segments, 5);
    const last = progress.at(-1)!;
    assert.deepEqual([last.filesDone, last.bytesDone], [last.filesTotal, last.bytesTotal]);
    assert.match(m.store.get('c')!.get('d/f3')!.headers['x-object-meta-mtime']!, /^\d+\.\d{6}$/);
  });

  test('skipIdentical compares content: plain by MD5, SLO per remote segment', async () => {
    const src = join(root, 'skip');
    tree(src, { 'a.txt': 'aaa', 'big.bin': randomBytes(3000) });
    await uploadDirectory({ objectStore: m.os }, src, 'c', { segmentSize: 1000 });
    const again = await uploadDirectory({ objectStore: m.os }, src, 'c', {
      segmentSize: 700,
      skipIdentical: true,
    });
    assert.equal(again.skipped, 2);
    // same size, different bytes: uploaded again
    writeFileSync(join(src, 'a.txt'), 'aab');
    const big = readFileSync(join(src, 'big.bin'));
    big[2500]! ^= 1;
    writeFileSync(join(src, 'big.bin'), big);
    const third = await uploadDirectory({ objectStore: m.os }, src, 'c', {
      segmentSize: 1000,
      skipIdentical: true,
    });
    assert.equal(third.transferred, 2);
  });

  test('a failing file is reported; the others are uploaded', async () => {
    const src = join(root, 'fail');
    tree(src, { 'ok.txt': 'ok', 'bad.txt': 'bad' });
    m.intercept = (req, res) => {
      if (req.method !== 'PUT' || !req.url.endsWith('/bad.txt')) return false;
      res.writeHead(503).end();
      return true;
    };
    const r = await uploadDirectory({ objectStore: m.os }, src, 'c');
    assert.equal(r.transferred, 1);
    assert.equal(r.failed, 1);
    assert.match(String(r.files.find((f) => f.path === 'bad.txt')!.error), /503/);
  });
});

describe('downloadContainer (offline)', () => {
  test('round trip with the prefix removed, a large object verified per segment', async () => {
    const src = join(root, 'rt');
    tree(src, { 'x/y z.txt': 'hello', 'big.bin': randomBytes(2500) });
    await uploadDirectory({ objectStore: m.os }, src, 'c', { prefix: 'pre/', segmentSize: 1000 });
    const dst = join(root, 'rt-out');
    const d = await downloadContainer({ objectStore: m.os }, 'c', dst, { prefix: 'pre/' });
    assert.equal(d.failed, 0, String(d.files.find((f) => f.error)?.error));
    assert.equal(readFileSync(join(dst, 'x/y z.txt'), 'utf8'), 'hello');
    assert.ok(readFileSync(join(dst, 'big.bin')).equals(readFileSync(join(src, 'big.bin'))));
    assert.equal(d.files.find((f) => f.path === 'big.bin')!.segments, 3);
    const again = await downloadContainer({ objectStore: m.os }, 'c', dst, {
      prefix: 'pre/',
      skipIdentical: true,
    });
    assert.equal(again.skipped, 2);
  });

  test('a corrupted download leaves no file under the final name', async () => {
    await m.os.createContainer('c');
    await m.os.createObject({ container: 'c', name: 'f.txt', data: 'good' });
    m.intercept = (req, res) => {
      if (req.method !== 'GET' || !req.url.endsWith('/c/f.txt')) return false;
      res.writeHead(200, { etag: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'content-length': '4' }).end('evil');
      return true;
    };
    const dst = join(root, 'corrupt');
    const d = await downloadContainer({ objectStore: m.os }, 'c', dst);
    assert.equal(d.failed, 1);
    assert.equal(d.files[0]!.error?.name, 'ChecksumMismatchError');
    assert.ok(!existsSync(join(dst, 'f.txt')));
  });

  test('object names that are not safe relative paths are refused', () => {
    const base = join(root, 'safe');
    assert.equal(localPathFor(base, 'a/b.txt'), join(base, 'a/b.txt'));
    assert.equal(localPathFor(base, 'dir/'), join(base, 'dir'));
    for (const bad of ['', '../x', 'a/../../x', '/abs', 'a//b', './x', 'a/./b'])
      assert.throws(() => localPathFor(base, bad), /safe relative path|outside/, bad);
  });
});

describe('local checksums', () => {
  test('MD5 of ranges and of consecutive parts in one pass', async () => {
    const f = join(root, 'parts.bin');
    const data = randomBytes(10_000);
    writeFileSync(f, data);
    const { createHash } = await import('node:crypto');
    const md5 = (b: Buffer) => createHash('md5').update(b).digest('hex');
    assert.equal(await md5OfFileRange(f), md5(data));
    assert.equal(await md5OfFileRange(f, 100, 200), md5(data.subarray(100, 200)));
    assert.deepEqual(await md5sOfFileParts(f, [3000, 0, 7000]), [
      md5(data.subarray(0, 3000)),
      md5(Buffer.alloc(0)),
      md5(data.subarray(3000)),
    ]);
  });
});
