/**
 * Large objects on the dev cloud: a 25 MiB file as an SLO of 5 MiB segments and as a DLO,
 * read back byte-identical and verified per segment, deleted with their segments; uploads
 * interrupted midway (abort, a failing source) leave the previous object intact.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { AbortedError } from '../../../src/index.js';
import { LargeObjectUploadError } from '../../../src/services/object-store/index.js';
import { functionalSuite } from '../../support/cloud.js';
import { MiB, md5, random, scratchContainer, scratchDir } from './helpers.js';

functionalSuite('object store: large objects', (suite) => {
  const conn = suite.demo();
  const os = conn.objectStore;
  const { cleanup } = suite;
  const data = random(25 * MiB + 4321);
  let c: string;
  let file: string;
  before(async () => {
    c = scratchContainer(os, cleanup, 'large');
    file = join(scratchDir(cleanup, 'large'), 'big.bin');
    writeFileSync(file, data);
    await os.createContainer(c);
  });

  test('SLO: 25 MiB file, 5 MiB segments, concurrent; read back identical; delete with segments', async () => {
    const t0 = performance.now();
    const r = await os.uploadLargeObject({
      container: c,
      name: 'big slo ü.bin',
      file,
      segmentSize: 5 * MiB,
      concurrency: 4,
    });
    const secs = (performance.now() - t0) / 1000;
    console.log(
      `SLO upload: ${(data.length / MiB).toFixed(1)} MiB in ${secs.toFixed(2)} s = ${(data.length / MiB / secs).toFixed(1)} MiB/s`,
    );
    assert.equal(r.kind, 'slo');
    assert.equal(r.segmentContainer, `${c}_segments`);
    assert.equal(r.segments.length, 6);
    assert.ok(r.segments.slice(0, 5).every((s) => s.bytes === 5 * MiB));
    const head = await os.getObjectMetadata(c, 'big slo ü.bin');
    assert.equal(head.isStaticLargeObject, true);
    assert.equal(head.bytes, data.length);
    assert.equal(head.etag, `"${r.etag}"`, 'the quoted ETag is the MD5 of the segment ETags');
    assert.equal(r.etag, md5(r.segments.map((s) => s.etag).join('')));
    const t1 = performance.now();
    const d = await os.downloadObject(c, 'big slo ü.bin');
    const dsecs = (performance.now() - t1) / 1000;
    console.log(`SLO download (verified per segment): ${(data.length / MiB / dsecs).toFixed(1)} MiB/s`);
    assert.equal(d.verification, 'segments');
    assert.ok(d.data.equals(data));
    const manifest = await os.getManifest(c, 'big slo ü.bin');
    assert.equal(manifest.length, 6);
    assert.equal(manifest[0]!.name, `/${c}_segments/${r.segments[0]!.name}`);
    const listed = (await os.listObjects(c).toArray()).find((o) => o.name === 'big slo ü.bin')!;
    assert.equal(listed.bytes, data.length);
    assert.equal(listed.sloEtag, `"${r.etag}"`);
    await os.deleteObject(c, 'big slo ü.bin', { withSegments: true });
    assert.deepEqual(await os.listObjects(`${c}_segments`, { prefix: 'big slo ü.bin/' }).toArray(), []);
  });

  test('DLO: segments and an X-Object-Manifest; read back identical; delete with segments', async () => {
    const r = await os.uploadLargeObject({
      container: c,
      name: 'big dlo',
      file,
      segmentSize: 5 * MiB,
      largeObject: 'dlo',
      segmentContainer: `${c}_segments`,
    });
    assert.equal(r.kind, 'dlo');
    const head = await os.getObjectMetadata(c, 'big dlo');
    assert.match(head.objectManifest!, new RegExp(`^${c}_segments/big%20dlo/dlo/`));
    assert.equal(head.bytes, data.length);
    assert.equal(head.etag, `"${r.etag}"`);
    const d = await os.downloadObject(c, 'big dlo');
    assert.equal(d.verification, 'segments');
    assert.ok(d.data.equals(data));
    const part = await os.downloadObject(c, 'big dlo', { range: { start: 5 * MiB - 10, end: 5 * MiB + 9 } });
    assert.ok(
      part.data.equals(data.subarray(5 * MiB - 10, 5 * MiB + 10)),
      'a range across a segment boundary',
    );
    await os.deleteObject(c, 'big dlo', { withSegments: true });
    assert.deepEqual(await os.listObjects(`${c}_segments`, { prefix: 'big dlo/' }).toArray(), []);
  });

  test('a stream of unknown length becomes an SLO in order', async () => {
    const src = (async function* () {
      for (let i = 0; i < 3 * MiB; i += 256 * 1024) yield data.subarray(i, i + 256 * 1024);
    })();
    const o = await os.createObject({ container: c, name: 'streamed', data: src, segmentSize: MiB });
    assert.equal(o.isStaticLargeObject, true);
    assert.ok((await os.downloadObject(c, 'streamed')).data.equals(data.subarray(0, 3 * MiB)));
    await os.deleteObject(c, 'streamed', { withSegments: true });
  });

  test('aborted midway: the old object stays; kept segments are listed, then cleaned up', async () => {
    const old = random(2 * MiB + 5);
    await os.uploadLargeObject({ container: c, name: 'victim', data: old, segmentSize: MiB });
    const oldSegments = (await os.listObjects(`${c}_segments`, { prefix: 'victim/' }).toArray()).map(
      (s) => s.name,
    );
    assert.equal(oldSegments.length, 3);
    const ac = new AbortController();
    let sent = 0;
    const err = await os
      .uploadLargeObject({
        container: c,
        name: 'victim',
        file,
        segmentSize: 2 * MiB,
        concurrency: 2,
        signal: ac.signal,
        keepSegmentsOnError: true,
        onBytes: (n) => {
          sent += n;
          if (sent > 5 * MiB) ac.abort();
        },
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    assert.ok(err instanceof LargeObjectUploadError, String(err));
    assert.ok(err.cause instanceof AbortedError, String(err.cause));
    assert.match(err.message, /previous object is unchanged/);
    assert.ok(err.orphanSegments.length >= 1, 'the segments finished before the abort are reported');
    const d = await os.downloadObject(c, 'victim');
    assert.ok(d.data.equals(old), 'the previous object is intact');
    const listed = (await os.listObjects(`${c}_segments`, { prefix: 'victim/' }).toArray()).map(
      (s) => s.name!,
    );
    for (const o of err.orphanSegments) assert.ok(listed.includes(o), `orphan ${o} is listable`);
    const removed = await os.cleanupOrphanSegments(c, 'victim');
    assert.deepEqual(removed.sort(), err.orphanSegments.sort());
    assert.deepEqual(
      (await os.listObjects(`${c}_segments`, { prefix: 'victim/' }).toArray()).map((s) => s.name),
      oldSegments,
    );
    assert.ok((await os.downloadObject(c, 'victim')).data.equals(old));
  });

  test('a source that fails midway: its error surfaces, the old object stays, segments are removed', async () => {
    const old = (await os.downloadObject(c, 'victim')).data;
    const boom = new Error('source failed after 3 MiB');
    const src = (async function* () {
      yield data.subarray(0, 2 * MiB);
      yield data.subarray(2 * MiB, 3 * MiB);
      throw boom;
    })();
    const err = await os.createObject({ container: c, name: 'victim', data: src, segmentSize: MiB }).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err instanceof LargeObjectUploadError, String(err));
    assert.equal(err.cause, boom);
    assert.deepEqual(err.orphanSegments, []);
    assert.ok((await os.downloadObject(c, 'victim')).data.equals(old));
    assert.deepEqual(await os.cleanupOrphanSegments(c, 'victim', { dryRun: true }), []);
  });

  test('replacing a large object removes the replaced segments', async () => {
    const before = (await os.listObjects(`${c}_segments`, { prefix: 'victim/' }).toArray()).map(
      (s) => s.name,
    );
    const r = await os.uploadLargeObject({
      container: c,
      name: 'victim',
      data: random(MiB + 1),
      segmentSize: MiB,
    });
    assert.equal(r.oldSegmentsDeleted, before.length);
    const now = (await os.listObjects(`${c}_segments`, { prefix: 'victim/' }).toArray()).map((s) => s.name);
    assert.deepEqual(now.sort(), r.segments.map((s) => s.name).sort());
  });
});
