/**
 * ObjectStoreV1 against the in-memory Swift: request shapes, paging, checksums, large-object
 * uploads and their failure modes (abort, a failing source, corrupted bytes).
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import {
  AbortedError,
  PreconditionFailedError,
  ResourceNotFoundError,
  UnprocessableEntityError,
} from '../../../../src/errors/errors.js';
import {
  ChecksumMismatchError,
  LargeObjectUploadError,
} from '../../../../src/services/object-store/errors.js';
import { tempUrlSignature } from '../../../../src/services/object-store/temp-url.js';
import type { Logger } from '../../../../src/transport/logger.js';
import { type FakeSwift, startSwift } from '../../../support/fakes/swift.js';

const ascii = (n: number) => randomBytes(n);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let m: FakeSwift;
let dir: string;
beforeEach(async () => {
  m = await startSwift();
});
afterEach(async () => {
  await m.close();
});
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'ossdk-os-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const calls = () => m.requests.map((r) => `${r.method} ${decodeURIComponent(r.url)}`);

describe('objects', () => {
  test('the seed calls: createContainer(name) and createObject({ container, name, data })', async () => {
    const c = await m.os.createContainer('my_container');
    assert.equal(c.name, 'my_container');
    const o = await m.os.createObject({ container: 'my_container', name: 'my_obj', data: 'Hello, world!' });
    assert.equal(o.hash, '6cd3556deb0da54bca060b4c39479839');
    assert.equal(o.bytes, 13);
    const put = m.requests.find((r) => r.method === 'PUT' && r.url.endsWith('/my_obj'))!;
    assert.equal(put.headers.etag, '6cd3556deb0da54bca060b4c39479839', 'bytes in memory send their MD5');
    assert.equal(put.body, 'Hello, world!');
    assert.equal((await m.os.downloadObject('my_container', 'my_obj')).data.toString(), 'Hello, world!');
  });

  test('uploads from a file, a Readable and an AsyncIterable stream and verify the ETag', async () => {
    await m.os.createContainer('c');
    const data = ascii(300_000);
    const file = join(dir, 'f.txt');
    writeFileSync(file, data);
    await m.os.createObject({ container: 'c', name: 'file', file });
    await m.os.createObject({
      container: 'c',
      name: 'readable',
      data: Readable.from([data.subarray(0, 7), data.subarray(7)]),
    });
    await m.os.createObject({
      container: 'c',
      name: 'iter',
      data: (async function* () {
        yield data.subarray(0, 100);
        yield data.subarray(100);
      })(),
    });
    for (const n of ['file', 'readable', 'iter']) {
      const d = await m.os.downloadObject('c', n);
      assert.ok(d.data.equals(data), n);
      assert.equal(d.verification, 'md5');
    }
    const fileReq = m.requests.find((r) => r.url.endsWith('/c/file'))!;
    assert.equal(fileReq.headers['content-length'], '300000', 'files send their length');
    assert.equal(fileReq.headers.etag, undefined, 'files are hashed while streaming, not read twice');
  });

  test('a PUT whose returned ETag differs from what was sent fails', async () => {
    await m.os.createContainer('c');
    m.intercept = (req, res) => {
      if (req.method !== 'PUT' || !req.url.includes('/c/')) return false;
      res.writeHead(201, { etag: 'ffffffffffffffffffffffffffffffff' }).end();
      return true;
    };
    await assert.rejects(
      m.os.createObject({ container: 'c', name: 'o', data: Readable.from([Buffer.from('x')]) }),
      ChecksumMismatchError,
    );
    m.intercept = undefined;
    await assert.rejects(
      m.os.createObject({ container: 'c', name: 'o', data: 'abc', etag: '0'.repeat(32) }),
      UnprocessableEntityError,
    );
  });

  test('ifNoneMatch, metadata, expiry and content type are sent as headers', async () => {
    await m.os.createContainer('c');
    await m.os.createObject({
      container: 'c',
      name: 'o',
      data: 'x',
      contentType: 'text/plain',
      metadata: { color: 'blue' },
      deleteAfter: 60,
      ifNoneMatch: '*',
    });
    const h = m.requests.at(-1)!.headers;
    assert.equal(h['x-object-meta-color'], 'blue');
    assert.equal(h['x-delete-after'], '60');
    assert.equal(h['if-none-match'], '*');
    assert.equal(h['content-type'], 'text/plain');
    await assert.rejects(
      m.os.createObject({ container: 'c', name: 'o', data: 'y', ifNoneMatch: '*' }),
      PreconditionFailedError,
    );
    const o = await m.os.getObjectMetadata('c', 'o');
    assert.deepEqual(o.metadata, { color: 'blue' });
    await m.os.setObjectMetadata('c', 'o', { size: 'L' });
    assert.deepEqual(
      (await m.os.getObjectMetadata('c', 'o')).metadata,
      { color: 'blue', size: 'L' },
      'merged',
    );
    assert.equal((await m.os.getObjectMetadata('c', 'o')).contentType, 'text/plain', 'content type kept');
    await m.os.deleteObjectMetadata('c', 'o', ['color']);
    assert.deepEqual((await m.os.getObjectMetadata('c', 'o')).metadata, { size: 'L' });
  });

  test('a body that does not match the ETag fails the download', async () => {
    await m.os.createContainer('c');
    await m.os.createObject({ container: 'c', name: 'o', data: 'good data' });
    m.intercept = (req, res) => {
      if (req.method !== 'GET' || !req.url.endsWith('/c/o')) return false;
      res
        .writeHead(200, { etag: '5ae0e5a7e6d46b0ac1f5c8b1e1c6e4bb', 'content-length': '9' })
        .end('bad data!');
      return true;
    };
    await assert.rejects(m.os.downloadObject('c', 'o'), ChecksumMismatchError);
    const d = await m.os.downloadObject('c', 'o', { verify: false });
    assert.equal(d.data.toString(), 'bad data!');
  });

  test('ranges are sent as Range and not verified', async () => {
    await m.os.createContainer('c');
    await m.os.createObject({ container: 'c', name: 'o', data: '0123456789' });
    const d = await m.os.downloadObject('c', 'o', { range: { start: 2, end: 4 } });
    assert.equal(d.data.toString(), '234');
    assert.equal(d.verification, 'none');
    assert.equal((await m.os.downloadObject('c', 'o', { range: { suffix: 3 } })).data.toString(), '789');
  });
});

describe('listings', () => {
  test('pages by marker (the last name) until a short page', async () => {
    await m.os.createContainer('c');
    for (const n of ['a', 'b', 'c', 'd', 'e']) await m.os.createObject({ container: 'c', name: n, data: n });
    m.requests.length = 0;
    const names = (await m.os.listObjects('c', { limit: 2 }).toArray()).map((o) => o.name);
    assert.deepEqual(names, ['a', 'b', 'c', 'd', 'e']);
    assert.deepEqual(calls(), [
      'GET /v1/AUTH_test/c?format=json&limit=2',
      'GET /v1/AUTH_test/c?marker=b&format=json&limit=2',
      'GET /v1/AUTH_test/c?marker=d&format=json&limit=2',
    ]);
  });

  test('without a limit, pages until an empty one; subdirs page by their name', async () => {
    await m.os.createContainer('c');
    for (const n of ['x/1', 'x/2', 'y/1', 'z']) await m.os.createObject({ container: 'c', name: n, data: n });
    const rows = await m.os.listObjects('c', { delimiter: '/', limit: 1 }).toArray();
    assert.deepEqual(
      rows.map((r) => r.subdir ?? r.name),
      ['x/', 'y/', 'z'],
    );
    const all = await m.os.listObjects('c', { prefix: 'x/' }).toArray();
    assert.deepEqual(
      all.map((r) => r.name),
      ['x/1', 'x/2'],
    );
    const containers = await m.os.listContainers({ limit: 1 }).toArray();
    assert.deepEqual(
      containers.map((c) => c.name),
      ['c'],
    );
  });
});

describe('large objects', () => {
  test('SLO from a file: segments (concurrent, each with its length) first, manifest last', async () => {
    await m.os.createContainer('c');
    const data = ascii(1000);
    const file = join(dir, 'slo.txt');
    writeFileSync(file, data);
    const r = await m.os.uploadLargeObject({
      container: 'c',
      name: 'big',
      file,
      segmentSize: 300,
      concurrency: 2,
    });
    assert.equal(r.segments.length, 4);
    assert.deepEqual(
      r.segments.map((s) => s.bytes),
      [300, 300, 300, 100],
    );
    const puts = m.requests.filter((x) => x.method === 'PUT');
    const manifest = puts.at(-1)!;
    assert.match(manifest.url, /\/c\/big\?multipart-manifest=put$/);
    assert.equal(manifest.headers.etag, r.etag, 'the manifest PUT carries the expected SLO ETag');
    assert.equal(manifest.headers['content-type'], undefined, 'Swift guesses the content type from the name');
    const body = JSON.parse(manifest.body) as { path: string; etag: string; size_bytes: number }[];
    assert.equal(body.length, 4);
    assert.match(body[0]!.path, /^\/c_segments\/big\/slo\/[0-9.]+-[0-9a-f]{6}\/1000\/300\/00000000$/);
    const d = await m.os.downloadObject('c', 'big');
    assert.ok(d.data.equals(data));
    assert.equal(d.verification, 'segments');
  });

  test('a missing target container fails before any segment is sent', async () => {
    const file = join(dir, 'orphan.txt');
    writeFileSync(file, ascii(1000));
    const before = m.requests.length;
    await assert.rejects(
      m.os.uploadLargeObject({ container: 'nowhere', name: 'big', file, segmentSize: 300 }),
      (e: Error) => {
        assert.ok(e instanceof ResourceNotFoundError, `expected ResourceNotFoundError, got ${e.name}`);
        assert.match(e.message, /nowhere.*createContainer/);
        return true;
      },
    );
    const puts = m.requests.slice(before).filter((x) => x.method === 'PUT');
    assert.equal(puts.length, 0, 'no segment, segment container or manifest was written');
  });

  test('a corrupted segment is caught while downloading, naming the segment', async () => {
    await m.os.createContainer('c');
    const data = ascii(900);
    await m.os.createObject({ container: 'c', name: 'big', data, segmentSize: 300 });
    const seg = [...m.store.get('c_segments')!.entries()][1]!;
    seg[1].data = Buffer.from(seg[1].data);
    seg[1].data[0]! ^= 0xff; // same length, different bytes
    await assert.rejects(m.os.downloadObject('c', 'big'), (e: Error) => {
      assert.ok(e instanceof ChecksumMismatchError);
      assert.match(e.message, /segment 1/);
      return true;
    });
  });

  test('DLO: segments then a zero-byte manifest with X-Object-Manifest', async () => {
    await m.os.createContainer('c');
    const data = ascii(700);
    const r = await m.os.uploadLargeObject({
      container: 'c',
      name: 'd l o',
      data,
      segmentSize: 300,
      largeObject: 'dlo',
    });
    assert.equal(r.kind, 'dlo');
    const manifest = m.requests.filter((x) => x.method === 'PUT').at(-1)!;
    assert.match(
      String(manifest.headers['x-object-manifest']),
      /^c_segments\/d%20l%20o\/dlo\/[0-9.]+-[0-9a-f]{6}\/700\/300\/$/,
    );
    const d = await m.os.downloadObject('c', 'd l o');
    assert.ok(d.data.equals(data));
    assert.equal(d.verification, 'segments');
    await m.os.deleteObject('c', 'd l o', { withSegments: true });
    assert.equal(m.store.get('c_segments')!.size, 0);
  });

  test('a one-shot stream is segmented in order', async () => {
    await m.os.createContainer('c');
    const data = ascii(1000);
    const r = await m.os.createObject({
      container: 'c',
      name: 's',
      data: Readable.from([data.subarray(0, 450), data.subarray(450)]),
      segmentSize: 400,
    });
    assert.equal(r.isStaticLargeObject, true);
    assert.ok((await m.os.downloadObject('c', 's')).data.equals(data));
    assert.deepEqual(
      [...m.store.get('c_segments')!.values()].map((s) => s.data.length),
      [400, 400, 200],
    );
  });

  async function oldObject(): Promise<Buffer> {
    await m.os.createContainer('c');
    const old = ascii(600);
    await m.os.createObject({ container: 'c', name: 'big', data: old, segmentSize: 300 });
    return old;
  }

  /**
   * Abort when the second segment PUT arrives, and answer it only after the client is gone
   * (Swift stores nothing for a request whose client went away).
   */
  function abortAtSecondSegment(ac: AbortController) {
    let n = 0;
    m.intercept = async (req, res) => {
      if (req.method !== 'PUT' || !req.url.includes('_segments/big/')) return false;
      if (n++ === 0) return false;
      ac.abort();
      await sleep(100);
      if (res.socket?.destroyed || res.destroyed) return true;
      return false;
    };
  }

  test('aborted midway: the previous object is intact, the new segments are removed', async () => {
    const old = await oldObject();
    const oldSegments = [...m.store.get('c_segments')!.keys()];
    const ac = new AbortController();
    abortAtSecondSegment(ac);
    const err = await m.os
      .uploadLargeObject({
        container: 'c',
        name: 'big',
        data: ascii(2000),
        segmentSize: 300,
        concurrency: 1,
        signal: ac.signal,
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    assert.ok(err instanceof LargeObjectUploadError, String(err));
    assert.ok(err.cause instanceof AbortedError, String(err.cause));
    assert.match(err.message, /aborted.*previous object is unchanged/);
    assert.deepEqual(err.orphanSegments, []);
    await sleep(200);
    m.intercept = undefined;
    assert.ok((await m.os.downloadObject('c', 'big')).data.equals(old));
    assert.deepEqual([...m.store.get('c_segments')!.keys()], oldSegments);
  });

  test('keepSegmentsOnError: orphans are reported, listable, and cleanupOrphanSegments removes only them', async () => {
    const old = await oldObject();
    const ac = new AbortController();
    abortAtSecondSegment(ac);
    const err = (await m.os
      .uploadLargeObject({
        container: 'c',
        name: 'big',
        data: ascii(2000),
        segmentSize: 300,
        concurrency: 1,
        signal: ac.signal,
        keepSegmentsOnError: true,
      })
      .catch((e: unknown) => e)) as LargeObjectUploadError;
    assert.ok(err instanceof LargeObjectUploadError);
    assert.equal(err.orphanSegments.length, 1);
    assert.equal(err.segmentContainer, 'c_segments');
    await sleep(200);
    m.intercept = undefined;
    const dry = await m.os.cleanupOrphanSegments('c', 'big', { dryRun: true });
    assert.deepEqual(dry, err.orphanSegments);
    assert.deepEqual(await m.os.cleanupOrphanSegments('c', 'big'), err.orphanSegments);
    assert.deepEqual(await m.os.cleanupOrphanSegments('c', 'big'), []);
    assert.ok((await m.os.downloadObject('c', 'big')).data.equals(old), 'the old object keeps its segments');
  });

  test('a source that throws midway: its error is the cause; the previous object is intact', async () => {
    const old = await oldObject();
    const boom = new Error('disk on fire');
    const src = (async function* () {
      yield ascii(500);
      yield ascii(200);
      throw boom;
    })();
    const err = (await m.os
      .createObject({ container: 'c', name: 'big', data: src, segmentSize: 300 })
      .catch((e: unknown) => e)) as LargeObjectUploadError;
    assert.ok(err instanceof LargeObjectUploadError);
    assert.equal(err.cause, boom);
    assert.ok((await m.os.downloadObject('c', 'big')).data.equals(old));
    assert.equal(m.store.get('c_segments')!.size, 2, 'only the old segments');
  });

  test('replacing a large object deletes the old segments once the new manifest is in place', async () => {
    await oldObject();
    const r = await m.os.uploadLargeObject({
      container: 'c',
      name: 'big',
      data: ascii(900),
      segmentSize: 450,
    });
    assert.equal(r.oldSegmentsDeleted, 2);
    assert.deepEqual([...m.store.get('c_segments')!.keys()].sort(), r.segments.map((s) => s.name).sort());
  });

  test('more segments than an SLO manifest may list is refused before uploading', async () => {
    await m.os.createContainer('c');
    m.requests.length = 0;
    await assert.rejects(
      m.os.uploadLargeObject({ container: 'c', name: 'huge', data: ascii(1001), segmentSize: 1 }),
      /needs 1001\+ segments.*Fix: use a segmentSize of at least 2/,
    );
    assert.equal(m.requests.filter((r) => r.method === 'PUT').length, 0);
  });

  test('deleteObject withSegments uses ?multipart-manifest=delete for an SLO', async () => {
    await oldObject();
    await m.os.deleteObject('c', 'big', { withSegments: true });
    assert.ok(calls().includes('DELETE /v1/AUTH_test/c/big?multipart-manifest=delete'));
    assert.equal(m.store.get('c_segments')!.size, 0);
    await m.os.deleteObject('c', 'big', { ignoreMissing: true });
  });
});

describe('bulk delete and containers', () => {
  test('bulk delete batches by the cluster limit and reports per item', async () => {
    await m.os.createContainer('c');
    for (let i = 0; i < 6; i++) await m.os.createObject({ container: 'c', name: `o ${i}`, data: 'x' });
    m.requests.length = 0;
    const r = await m.os.bulkDelete([
      ...Array.from({ length: 6 }, (_, i) => ({ container: 'c', name: `o ${i}` })),
      { container: 'c', name: 'missing' },
    ]);
    assert.deepEqual(r, { deleted: 6, notFound: 1, errors: [] });
    const posts = m.requests.filter((x) => x.method === 'POST');
    assert.equal(posts.length, 3, 'max_deletes_per_request is 3 in the mock /info');
    assert.equal(posts[0]!.headers['content-type'], 'text/plain');
    assert.equal(posts[0]!.body, '/c/o%200\n/c/o%201\n/c/o%202\n');
  });

  test('deleteContainer({ empty: true }) empties then deletes', async () => {
    await m.os.createContainer({ name: 'c', metadata: { a: '1' }, readAcl: '.r:*' });
    assert.equal(m.requests.at(-1)!.headers['x-container-read'], '.r:*');
    for (let i = 0; i < 5; i++) await m.os.createObject({ container: 'c', name: `o${i}`, data: 'x' });
    await m.os.deleteContainer('c', { empty: true });
    assert.equal(m.store.has('c'), false);
    await m.os.deleteContainer('c', { ignoreMissing: true });
  });
});

describe('temp URL keys', () => {
  test('expiresIn counts from when the URL is returned, after a slow key look-up', async () => {
    await m.os.setAccountTempUrlKey('K');
    // the key look-up (a HEAD of the account) takes 1.5 s: a 1 s URL computed before it was
    // already expired when the caller got it
    m.intercept = async (c) => {
      if (c.method === 'HEAD') await sleep(1500);
      return false;
    };
    const url = await m.os.generateTempUrl({ container: 'c', name: 'o', expiresIn: 1 });
    const returnedAt = Date.now() / 1000;
    const expires = Number(new URL(url).searchParams.get('temp_url_expires'));
    assert.ok(expires >= returnedAt + 1, `expires ${expires} is at least 1 s after ${returnedAt}`);
    assert.ok(expires <= returnedAt + 2, `expires ${expires} is at most 2 s after ${returnedAt}`);
    await assert.rejects(
      m.os.generateTempUrl({ container: 'c', name: 'o', expiresIn: -5, key: 'K' }),
      /expiresIn must be a positive number of seconds \(got -5\)/,
    );
  });

  test('keys are sent but never logged; URLs are signed with the stored key', async () => {
    const lines: string[] = [];
    const push = (msg: string, d?: Record<string, unknown>) =>
      lines.push(`${msg} ${JSON.stringify(d ?? {})}`);
    const logger: Logger = { debug: push, info: push, warn: push };
    await m.close();
    m = await startSwift({ logger });
    await m.os.setAccountTempUrlKey('SUPER-SECRET-KEY');
    const keys = await m.os.getTempUrlKeys();
    assert.equal(keys.account[0], 'SUPER-SECRET-KEY');
    const acct = await m.os.getAccountMetadata();
    assert.equal(acct.hasTempUrlKey, true);
    const url = await m.os.generateTempUrl({ container: 'c', name: 'a b', expiresAt: 1700000000 });
    const u = new URL(url);
    assert.equal(u.pathname, '/v1/AUTH_test/c/a%20b');
    assert.equal(
      u.searchParams.get('temp_url_sig'),
      tempUrlSignature({
        method: 'GET',
        path: '/v1/AUTH_test/c/a b',
        expires: 1700000000,
        key: 'SUPER-SECRET-KEY',
      }),
    );
    const next = await m.os.rotateTempUrlKey();
    assert.deepEqual((await m.os.getTempUrlKeys()).account, [next, 'SUPER-SECRET-KEY']);
    assert.ok(lines.length > 0);
    const log = lines.join('\n');
    assert.doesNotMatch(log, /SUPER-SECRET-KEY/);
    assert.doesNotMatch(log, new RegExp(next));
    assert.doesNotMatch(log, new RegExp(u.searchParams.get('temp_url_sig')!));
    await assert.rejects(
      m.os.generateTempUrl({ container: 'c', expiresIn: 10 }),
      /exactly one of name and prefix/,
    );
  });
});

describe('file sources', () => {
  test('an upload reads the file by ranges: concurrent segments match the file', async () => {
    await m.os.createContainer('c');
    const data = ascii(5000);
    const file = join(dir, 'ranges.txt');
    writeFileSync(file, data);
    await m.os.createObject({ container: 'c', name: 'r', file, segmentSize: 1024, concurrency: 3 });
    assert.ok((await m.os.downloadObject('c', 'r')).data.equals(readFileSync(file)));
  });
});
