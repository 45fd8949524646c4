/** Object verbs on the dev cloud, as the demo user. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { before, test } from 'node:test';
import { NotFoundError, PreconditionFailedError, UnprocessableEntityError } from '../../../src/index.js';
import { functionalSuite } from '../../support/cloud.js';
import { MiB, md5, random, scratchContainer, scratchDir } from './helpers.js';

functionalSuite('object store: objects', (suite) => {
  const conn = suite.demo();
  const os = conn.objectStore;
  const { cleanup } = suite;
  let c: string;
  let dir: string;
  before(async () => {
    c = scratchContainer(os, cleanup, 'obj');
    dir = scratchDir(cleanup, 'obj');
    await os.createContainer(c);
  });

  test('the seed calls work as written', async () => {
    const container = scratchContainer(os, cleanup, 'seed');
    await os.createContainer(container);
    const o = await os.createObject({ container, name: 'my_obj', data: 'Hello, world!' });
    assert.equal(o.hash, md5('Hello, world!'));
    assert.equal((await os.downloadObject(container, 'my_obj')).data.toString(), 'Hello, world!');
  });

  test('create from string, bytes, file, Readable and AsyncIterable; read back verified', async () => {
    const bytes = random(3 * MiB + 17);
    const file = join(dir, 'f.bin');
    writeFileSync(file, bytes);
    await os.createObject({ container: c, name: 'string', data: 'text ✓' });
    await os.createObject({ container: c, name: 'bytes', data: bytes });
    await os.createObject({ container: c, name: 'file', file });
    await os.createObject({
      container: c,
      name: 'readable',
      data: Readable.from([bytes.subarray(0, MiB), bytes.subarray(MiB)]),
    });
    await os.createObject({
      container: c,
      name: 'iterable',
      data: (async function* () {
        for (let i = 0; i < bytes.length; i += 100_000) yield bytes.subarray(i, i + 100_000);
      })(),
    });
    assert.equal((await os.downloadObject(c, 'string')).data.toString(), 'text ✓');
    for (const n of ['bytes', 'file', 'readable', 'iterable']) {
      const d = await os.downloadObject(c, n);
      assert.ok(d.data.equals(bytes), n);
      assert.equal(d.verification, 'md5');
      assert.equal(d.object.hash, md5(bytes));
      assert.equal(d.object.bytes, bytes.length);
    }
    const s = await os.streamObject(c, 'file');
    let n = 0;
    for await (const chunk of s.stream) n += (chunk as Buffer).length;
    assert.equal(n, bytes.length);
  });

  test('headers: content type, metadata, expiry, ifNoneMatch, a wrong ETag', async () => {
    const o = await os.createObject({
      container: c,
      name: 'meta.txt',
      data: 'x',
      contentType: 'text/x-test',
      metadata: { color: 'red', 'non-ascii': 'ünï' },
      deleteAfter: 3600,
    });
    assert.equal(o.hash, md5('x'));
    const h = await os.getObjectMetadata(c, 'meta.txt');
    assert.equal(h.contentType, 'text/x-test');
    assert.deepEqual(h.metadata, { color: 'red', 'non-ascii': 'ünï' });
    assert.ok(h.deleteAt && h.deleteAt > Date.now() / 1000);
    await assert.rejects(
      os.createObject({ container: c, name: 'meta.txt', data: 'y', ifNoneMatch: '*' }),
      PreconditionFailedError,
    );
    await assert.rejects(
      os.createObject({ container: c, name: 'bad', data: 'abc', etag: md5('abd') }),
      UnprocessableEntityError,
    );
    await assert.rejects(os.getObjectMetadata(c, 'bad'), NotFoundError);
    // Swift guesses the type from the name when none is given
    await os.createObject({ container: c, name: 'guess.json', data: '{}' });
    assert.equal((await os.getObjectMetadata(c, 'guess.json')).contentType, 'application/json');
  });

  test('metadata: POST merges by default, replace drops the rest, expiry can be removed', async () => {
    await os.createObject({
      container: c,
      name: 'post',
      data: 'p',
      contentType: 'text/plain',
      metadata: { a: '1' },
      deleteAfter: 3600,
    });
    await os.setObjectMetadata(c, 'post', { b: '2' });
    let h = await os.getObjectMetadata(c, 'post');
    assert.deepEqual(h.metadata, { a: '1', b: '2' });
    assert.equal(h.contentType, 'text/plain');
    assert.ok(h.deleteAt, 'expiry kept');
    await os.setObjectMetadata(c, 'post', { c: '3' }, { replace: true, removeDeleteAt: true });
    h = await os.getObjectMetadata(c, 'post');
    assert.deepEqual(h.metadata, { c: '3' });
    assert.equal(h.deleteAt, undefined);
    await os.deleteObjectMetadata(c, 'post', ['c']);
    assert.deepEqual((await os.getObjectMetadata(c, 'post')).metadata, {});
  });

  test('ranges', async () => {
    const data = random(10_000);
    await os.createObject({ container: c, name: 'range', data });
    const mid = await os.downloadObject(c, 'range', { range: { start: 1000, end: 1999 } });
    assert.ok(mid.data.equals(data.subarray(1000, 2000)));
    assert.equal(mid.object.contentRange, 'bytes 1000-1999/10000');
    assert.equal(mid.verification, 'none');
    assert.ok(
      (await os.downloadObject(c, 'range', { range: { suffix: 10 } })).data.equals(data.subarray(-10)),
    );
    assert.ok(
      (await os.downloadObject(c, 'range', { range: { start: 9990 } })).data.equals(data.subarray(9990)),
    );
  });

  test('server-side copy with COPY and with PUT + X-Copy-From', async () => {
    await os.createObject({ container: c, name: 'src ü', data: 'copy me', metadata: { a: '1' } });
    const other = scratchContainer(os, cleanup, 'copy');
    await os.createContainer(other);
    const c1 = await os.copyObject({
      from: { container: c, name: 'src ü' },
      to: { container: other, name: 'dst 1' },
      metadata: { b: '2' },
    });
    assert.equal(c1.hash, md5('copy me'));
    assert.deepEqual((await os.getObjectMetadata(other, 'dst 1')).metadata, { a: '1', b: '2' });
    await os.copyObject({
      from: { container: c, name: 'src ü' },
      to: { container: other, name: 'dst/2' },
      method: 'PUT',
      freshMetadata: true,
      metadata: { only: 'this' },
    });
    assert.deepEqual((await os.getObjectMetadata(other, 'dst/2')).metadata, { only: 'this' });
    assert.equal((await os.downloadObject(other, 'dst/2')).data.toString(), 'copy me');
  });

  test('odd names round-trip: spaces, unicode, %, ?, #, dot segments, trailing slash', async () => {
    const names = [
      'a b.txt',
      'ünï/cödé ✓.txt',
      '100%.txt',
      'q?x=1',
      'h#sh',
      'dir/../dots',
      './x',
      'trailing/',
      'a//b',
      '+plus+',
    ];
    for (const name of names) await os.createObject({ container: c, name, data: `data of ${name}` });
    for (const name of names)
      assert.equal((await os.downloadObject(c, name)).data.toString(), `data of ${name}`, name);
    const listed = new Set((await os.listObjects(c).toArray()).map((o) => o.name));
    for (const name of names) assert.ok(listed.has(name), name);
    for (const name of names) await os.deleteObject(c, name);
    await assert.rejects(os.deleteObject(c, names[0]!), NotFoundError);
    await os.deleteObject(c, names[0]!, { ignoreMissing: true });
  });

  test('bulk delete reports per-item results', async () => {
    const b = scratchContainer(os, cleanup, 'bulk');
    await os.createContainer(b);
    const names = Array.from({ length: 25 }, (_, i) => `n ${i} ü`);
    await Promise.all(names.map((name) => os.createObject({ container: b, name, data: name })));
    const r = await os.bulkDelete([
      ...names.map((name) => ({ container: b, name })),
      { container: b, name: 'never existed' },
      { container: c }, // not empty
    ]);
    assert.equal(r.deleted, 25);
    assert.equal(r.notFound, 1);
    assert.deepEqual(r.errors, [{ path: `/${c}`, status: '409 Conflict' }]);
    assert.equal((await os.listObjects(b).toArray()).length, 0);
  });
});
