import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import { ChecksumMismatchError } from '../../../../src/services/object-store/errors.js';
import {
  type Expectation,
  LengthMismatchError,
  largeObjectEtag,
  verified,
} from '../../../../src/services/object-store/verify.js';

const md5 = (b: Buffer | string) => createHash('md5').update(b).digest('hex');

async function run(chunks: Buffer[], exp: Expectation): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const c of verified(Readable.from(chunks), exp)) out.push(c as Buffer);
  return Buffer.concat(out);
}

describe('download verification', () => {
  const a = Buffer.from('aaaaaaaaaa');
  const b = Buffer.from('bbbbbbb');
  const all = Buffer.concat([a, b]);
  // chunk boundaries that do not line up with segment boundaries
  const chunks = [all.subarray(0, 3), all.subarray(3, 12), all.subarray(12)];

  test('whole-body MD5', async () => {
    assert.deepEqual(await run(chunks, { what: 'c/o', md5: md5(all), length: all.length }), all);
    await assert.rejects(run(chunks, { what: 'c/o', md5: md5('x') }), ChecksumMismatchError);
    await assert.rejects(run(chunks, { what: 'c/o', length: 99 }), LengthMismatchError);
  });

  test('per segment, across chunk boundaries', async () => {
    const segments = [
      { bytes: a.length, hash: md5(a) },
      { bytes: b.length, hash: md5(b) },
    ];
    assert.deepEqual(await run(chunks, { what: 'c/o', segments, length: all.length }), all);
    const bad = [segments[0]!, { bytes: b.length, hash: md5('other') }];
    await assert.rejects(run(chunks, { what: 'c/o', segments: bad }), (e: Error) => {
      assert.ok(e instanceof ChecksumMismatchError);
      assert.match(e.message, /segment 1/);
      return true;
    });
    // unverifiable parts (ranges, nested SLOs) are only counted
    assert.deepEqual(await run(chunks, { what: 'c/o', segments: [{ bytes: a.length }, segments[1]!] }), all);
    await assert.rejects(run(chunks, { what: 'c/o', segments: [segments[0]!] }), LengthMismatchError);
    await assert.rejects(
      run([a], { what: 'c/o', segments }),
      (e: Error) => e instanceof LengthMismatchError && /segment 1 of 2/.test(e.message),
    );
  });

  test('large-object ETag: MD5 of the segment ETags, "etag:range;" for ranges (swift slo docs)', () => {
    assert.equal(largeObjectEtag([{ hash: 'e1' }, { hash: 'e2' }]), md5('e1e2'));
    assert.equal(
      largeObjectEtag([
        { hash: 'etagoftheobjectsegmentone', range: '1-2' },
        { hash: 'etagoftheobjectsegmenttwo', range: '3-4' },
      ]),
      md5('etagoftheobjectsegmentone:1-2;etagoftheobjectsegmenttwo:3-4;'),
    );
  });
});
