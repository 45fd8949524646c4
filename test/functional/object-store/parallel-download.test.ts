/**
 * downloadContainer's parallel path on the dev cloud: a static large object of 32 MiB or more
 * is fetched as GETs of its segments written at their offsets. Each segment holds distinct bytes so a
 * range written at the wrong offset shows; a segment replaced after the upload must fail the
 * download and leave no file behind.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { downloadContainer } from '../../../src/cloud/index.js';
import { ChecksumMismatchError } from '../../../src/services/object-store/index.js';
import { functionalSuite } from '../../support/cloud.js';
import { MiB, md5, scratchContainer, scratchDir } from './helpers.js';

functionalSuite('cloud: downloadContainer, large objects in parallel segments', (suite) => {
  // the request log shows which path ran: GETs of the segments, or one GET of the manifest
  const gets: string[] = [];
  const conn = suite.demo({
    logger: {
      debug(message) {
        if (message.startsWith('REQ GET') && message.includes('big.bin')) gets.push(message);
      },
      warn() {},
    },
  });
  const os = conn.objectStore;
  const { cleanup } = suite;
  const segment = 8 * MiB;
  // five segments of distinct bytes and a short sixth: 41 MiB + 5 bytes, over the 32 MiB threshold
  const data = Buffer.alloc(5 * segment + MiB + 5);
  for (let i = 0; i < data.length; i++) data[i] = (i * 7 + Math.floor(i / segment) * 31) & 0xff;
  let c: string;
  before(async () => {
    c = scratchContainer(os, cleanup, 'pardl');
    await os.createContainer(c);
    await os.uploadLargeObject({ container: c, name: 'big.bin', data, segmentSize: segment });
  });

  test('downloads the SLO segment by segment and reproduces it byte for byte', async () => {
    const dir = scratchDir(cleanup, 'pardl');
    gets.length = 0;
    const r = await downloadContainer(conn, c, dir, { concurrency: 4 });
    const f = r.files[0]!;
    assert.equal(r.failed, 0, `download failed: ${f.error}`);
    const segmentGets = gets.filter((m) => m.includes(`/${c}_segments/`));
    const wholeGets = gets.filter(
      (m) => m.includes(`/${c}/big.bin`) && !m.includes('multipart-manifest=get'),
    );
    assert.equal(segmentGets.length, 6, `one GET per segment:\n${gets.join('\n')}`);
    assert.equal(wholeGets.length, 0, `the manifest is read, never streamed whole:\n${gets.join('\n')}`);
    assert.equal(f.segments, 6, 'the file result counts the six segments of the layout');
    assert.equal(r.bytesTransferred, data.length, 'every byte is counted once');
    const got = readFileSync(join(dir, 'big.bin'));
    assert.equal(got.length, data.length, 'the file has the object size');
    assert.equal(md5(got), md5(data), 'the file holds the uploaded bytes in order');
    assert.deepEqual(readdirSync(dir), ['big.bin'], 'no temporary file is left');
  });

  test('a segment replaced after the upload fails the download and writes no file', async () => {
    const layout = await os.getObjectLayout(c, 'big.bin');
    const victim = layout.parts[2]!;
    assert.ok(victim.container && victim.name, 'the layout names the segment to replace');
    await os.createObject({
      container: victim.container,
      name: victim.name,
      data: Buffer.alloc(victim.bytes, 0x5a),
    });
    const dir = scratchDir(cleanup, 'pardl-bad');
    const r = await downloadContainer(conn, c, dir, { concurrency: 4 });
    const f = r.files[0]!;
    assert.equal(r.failed, 1, 'the object with a replaced segment fails');
    assert.ok(f.error instanceof Error, `the failure carries its error, got ${String(f.error)}`);
    assert.ok(
      f.error instanceof ChecksumMismatchError && f.error.message.includes(victim.name),
      `the error names the replaced segment, not a changed object: ${f.error.message}`,
    );
    assert.ok(!existsSync(join(dir, 'big.bin')), 'the target file is not written');
    assert.deepEqual(readdirSync(dir), [], 'the temporary file is removed');
  });
});
