/**
 * The parallel path of downloadContainer without a cloud: which layouts take it, where each
 * segment goes, and that segments finishing in any order land at their offsets, stay within the
 * concurrency bound, and fail on a replaced segment, a corrupted byte or a changed manifest. The
 * object store is an in-memory set of segments and one manifest HEAD.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, test } from 'node:test';
import {
  downloadRanges,
  ObjectChangedError,
  planSegments,
  type RangeSource,
  wantsParallel,
} from '../../../src/cloud/parallel-download.js';
import type { ObjectLayout } from '../../../src/services/object-store/index.js';
import { ChecksumMismatchError } from '../../../src/services/object-store/index.js';

const MiB = 1024 * 1024;
const md5 = (b: Uint8Array) => createHash('md5').update(b).digest('hex');
const dir = mkdtempSync(join(tmpdir(), 'ossdk-pardl-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A layout of segments of these sizes over `data`, each with its MD5. */
function layoutOf(data: Buffer, sizes: number[], kind: ObjectLayout['kind'] = 'slo'): ObjectLayout {
  let off = 0;
  const parts = sizes.map((bytes, i) => {
    const hash = md5(data.subarray(off, off + bytes));
    off += bytes;
    return { container: 'c_segments', name: `seg/${i}`, bytes, hash, etag: hash };
  });
  return { kind, etag: 'e'.repeat(32), bytes: off, parts, consistent: true };
}

/** Segment GETs over `data` cut as `layout` says, each delayed by `delayOf(index)`, sent in 64 KiB chunks. */
function source(
  data: Buffer,
  layout: ObjectLayout,
  o: { headEtag?: string; badEtag?: number; delayOf?: (i: number) => number; corruptAt?: number } = {},
): RangeSource & { inFlight: number; maxInFlight: number; gets: string[] } {
  const s = {
    inFlight: 0,
    maxInFlight: 0,
    gets: [] as string[],
    async getObjectMetadata() {
      return { etag: `"${o.headEtag ?? layout.etag}"`, metadata: { mtime: '1700000000' } };
    },
    async streamObject(_c: string, name: string) {
      s.gets.push(name);
      const i = layout.parts.findIndex((p) => p.name === name);
      const start = layout.parts.slice(0, i).reduce((a, p) => a + p.bytes, 0);
      s.inFlight++;
      s.maxInFlight = Math.max(s.maxInFlight, s.inFlight);
      await new Promise((r) => setTimeout(r, o.delayOf?.(i) ?? 0));
      const body = Buffer.from(data.subarray(start, start + layout.parts[i]!.bytes));
      if (o.corruptAt !== undefined && o.corruptAt >= start && o.corruptAt < start + body.length)
        body[o.corruptAt - start]! ^= 1;
      const chunks = async function* () {
        try {
          for (let j = 0; j < body.length; j += 64 * 1024) yield body.subarray(j, j + 64 * 1024);
        } finally {
          s.inFlight--;
        }
      };
      const etag = o.badEtag === i ? 'b'.repeat(32) : layout.parts[i]!.etag;
      return {
        object: { etag: `"${etag}"`, metadata: {} },
        stream: Readable.from(chunks()),
        verification: 'none',
      };
    },
  };
  return s as unknown as RangeSource & typeof s;
}

const bytes = (n: number) => {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = (i * 13 + (i >> 16)) & 0xff;
  return b;
};

test('planSegments puts each segment at the sum of the sizes before it', () => {
  const data = bytes(3 * MiB + 10);
  const tasks = planSegments(layoutOf(data, [MiB, 2 * MiB, 10]));
  assert.deepEqual(
    tasks.map((t) => [t.start, t.index, t.part.name, t.part.bytes]),
    [
      [0, 0, 'seg/0', MiB],
      [MiB, 1, 'seg/1', 2 * MiB],
      [3 * MiB, 2, 'seg/2', 10],
    ],
    'contiguous offsets covering every byte, in manifest order',
  );
});

test('wantsParallel takes only consistent SLOs of 32 MiB and two whole segments or more', () => {
  const big = { kind: 'slo', etag: 'x', bytes: 64 * MiB, consistent: true } as const;
  const seg = (n: string) => ({
    container: 'c',
    name: n,
    bytes: 32 * MiB,
    hash: 'a'.repeat(32),
    etag: 'a'.repeat(32),
  });
  const two = [seg('0'), seg('1')];
  assert.equal(wantsParallel({ ...big, parts: two }), true, 'a 64 MiB SLO of two segments goes parallel');
  assert.equal(wantsParallel({ ...big, parts: [two[0]!] }), false, 'one segment: nothing to parallelise');
  assert.equal(
    wantsParallel({ ...big, parts: two, consistent: false }),
    false,
    'a changing SLO takes one GET',
  );
  assert.equal(wantsParallel({ ...big, bytes: 16 * MiB, parts: two }), false, 'below 32 MiB: one GET');
  assert.equal(wantsParallel({ ...big, kind: 'dlo', parts: two }), false, 'DLOs keep one GET');
  assert.equal(
    wantsParallel({ ...big, parts: [seg('0'), { ...seg('1'), range: '0-99', hash: undefined }] }),
    false,
    'a byte range of a segment is assembled only by the manifest GET',
  );
});

test('segments finishing out of order land at their offsets, within the concurrency bound', async () => {
  const data = bytes(40 * MiB + 123);
  const layout = layoutOf(data, [8 * MiB, 8 * MiB, 8 * MiB, 8 * MiB, 8 * MiB, 123]);
  // later segments answer first
  const src = source(data, layout, { delayOf: (i) => 60 - i * 10 });
  const file = join(dir, 'ordered.bin');
  let counted = 0;
  const r = await downloadRanges(src, 'c', 'big', layout, file, {
    concurrency: 3,
    onBytes: (n) => {
      counted += n;
    },
  });
  assert.equal(md5(readFileSync(file)), md5(data), 'the file holds the object bytes in order');
  assert.equal(counted, data.length, 'every byte is reported once');
  assert.equal(src.gets.length, 6, `one GET per segment: ${src.gets}`);
  assert.ok(src.maxInFlight <= 3, `at most 3 segments in flight, saw ${src.maxInFlight}`);
  assert.ok(src.maxInFlight >= 2, `segments do run in parallel, saw ${src.maxInFlight}`);
  assert.equal(r.metadata.mtime, '1700000000', 'the metadata of the closing HEAD is returned');
});

test('a manifest with another ETag after the download fails with ObjectChangedError', async () => {
  const data = bytes(16 * MiB);
  const layout = layoutOf(data, [8 * MiB, 8 * MiB]);
  await assert.rejects(
    downloadRanges(
      source(data, layout, { headEtag: 'f'.repeat(32) }),
      'c',
      'big',
      layout,
      join(dir, 'changed.bin'),
      {
        concurrency: 2,
      },
    ),
    (e: unknown) => e instanceof ObjectChangedError && /changed during the download/.test(e.message),
    'an ETag other than the layout one means the object changed',
  );
});

test('a replaced segment fails with ChecksumMismatchError naming it, its bytes discarded', async () => {
  const data = bytes(24 * MiB);
  const layout = layoutOf(data, [8 * MiB, 8 * MiB, 8 * MiB]);
  let counted = 0;
  await assert.rejects(
    downloadRanges(
      source(data, layout, { badEtag: 1, delayOf: (i) => (i === 1 ? 30 : 0) }),
      'c',
      'big',
      layout,
      join(dir, 'replaced.bin'),
      {
        concurrency: 1,
        onBytes: (n) => {
          counted += n;
        },
      },
    ),
    (e: unknown) => e instanceof ChecksumMismatchError && e.message.includes('seg/1'),
    'the ETag of segment 1 is not the one its manifest recorded',
  );
  assert.equal(counted, 8 * MiB, 'only the segment before the failure is counted');
});

test('a corrupted byte fails the segment with ChecksumMismatchError naming it', async () => {
  const data = bytes(24 * MiB);
  const layout = layoutOf(data, [8 * MiB, 8 * MiB, 8 * MiB]);
  await assert.rejects(
    downloadRanges(
      source(data, layout, { corruptAt: 12 * MiB }),
      'c',
      'big',
      layout,
      join(dir, 'corrupt.bin'),
      {
        concurrency: 2,
      },
    ),
    (e: unknown) => e instanceof ChecksumMismatchError && e.message.includes('seg/1'),
    'the MD5 of segment 1 does not match its layout',
  );
});
