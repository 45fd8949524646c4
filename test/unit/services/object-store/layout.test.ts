import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import {
  bulkDeleteLine,
  parseBulkDeleteResponse,
} from '../../../../src/services/object-store/bulk-delete.js';
import { parseObjectManifest, sloParts } from '../../../../src/services/object-store/layout.js';
import { Limiter } from '../../../../src/services/object-store/limiter.js';
import {
  isSegmentOf,
  segmentName,
  segmentPrefix,
} from '../../../../src/services/object-store/segment-names.js';

describe('large-object layouts', () => {
  test('SLO manifest rows: ranges and nested SLOs are counted, not checked; data segments are', () => {
    const parts = sloParts([
      { name: '/segs/a b/00', hash: 'd41d8cd98f00b204e9800998ecf8427e', bytes: 10 },
      { name: '/segs/x', hash: 'd41d8cd98f00b204e9800998ecf8427e', bytes: 100, range: '10-19' },
      { name: '/segs/y', hash: 'd41d8cd98f00b204e9800998ecf8427e', bytes: 100, range: '-5' },
      { name: '/segs/sub', hash: 'd41d8cd98f00b204e9800998ecf8427e', bytes: 7, sub_slo: true },
      { data: Buffer.from('inline').toString('base64') },
    ]);
    assert.deepEqual(parts[0], {
      container: 'segs',
      name: 'a b/00',
      bytes: 10,
      hash: 'd41d8cd98f00b204e9800998ecf8427e',
      etag: 'd41d8cd98f00b204e9800998ecf8427e',
    });
    assert.equal(parts[1]!.bytes, 10);
    assert.equal(parts[1]!.hash, undefined);
    assert.equal(parts[2]!.bytes, 5);
    assert.equal(parts[3]!.hash, undefined);
    assert.equal(parts[4]!.bytes, 6);
    assert.equal(parts[4]!.hash, createHash('md5').update('inline').digest('hex'));
  });
  test('X-Object-Manifest is decoded and split at the first slash', () => {
    assert.deepEqual(parseObjectManifest('c_segments/a%20b/dlo/1/2/3/'), {
      container: 'c_segments',
      prefix: 'a b/dlo/1/2/3/',
    });
    assert.deepEqual(parseObjectManifest('c/100%'), { container: 'c', prefix: '100%' });
  });
  test('segment names are unique per upload and recognised (ours and swiftclient)', () => {
    const p = segmentPrefix('dir/file', 'slo', '1700000000.123000-abcdef', 100, 10);
    assert.equal(segmentName(p, 3), 'dir/file/slo/1700000000.123000-abcdef/100/10/00000003');
    assert.ok(isSegmentOf('dir/file', segmentName(p, 3)));
    assert.ok(isSegmentOf('big.bin', 'big.bin/slo/1795623075.070529/3000000/1000000/00000000'));
    assert.ok(isSegmentOf('big.bin', 'big.bin/1795623075.070529/3000000/1000000/00000000'));
    assert.ok(isSegmentOf('s', segmentName(segmentPrefix('s', 'dlo', '1.5-00', undefined, 4), 0)));
    // an object of its own under the name, or a segment of a longer name
    assert.ok(!isSegmentOf('dir', 'dir/file'));
    assert.ok(!isSegmentOf('dir', 'dir/file/slo/1.0-aa/100/10/00000003'));
    assert.ok(!isSegmentOf('dir/fil', 'dir/file/slo/1.0-aa/100/10/00000003'));
  });
});

describe('bulk delete', () => {
  test('lines are URL-encoded paths', () => {
    assert.equal(bulkDeleteLine({ container: 'c d', name: 'ü/x y' }), '/c%20d/%C3%BC/x%20y');
    assert.equal(bulkDeleteLine({ container: 'c' }), '/c');
  });
  test('the JSON report is parsed, failed paths decoded', () => {
    const r = parseBulkDeleteResponse(
      '   \n{"Number Not Found": 1, "Response Status": "400 Bad Request", "Response Body": "", "Errors": [["/c/a%20b", "409 Conflict"]], "Number Deleted": 6}',
    );
    assert.deepEqual(r, { deleted: 6, notFound: 1, errors: [{ path: '/c/a b', status: '409 Conflict' }] });
    const whole = parseBulkDeleteResponse(
      '{"Response Status": "413 Request Entity Too Large", "Response Body": "Max delete failures exceeded", "Errors": []}',
    );
    assert.equal(whole.errors.length, 1);
    assert.match(whole.errors[0]!.status, /413/);
  });
});

describe('limiter', () => {
  test('never more than the limit in flight, FIFO', async () => {
    const l = new Limiter(3);
    let active = 0;
    let peak = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        l.run(async () => {
          active++;
          peak = Math.max(peak, active);
          await new Promise((r) => setTimeout(r, 1 + (i % 3)));
          order.push(i);
          active--;
        }),
      ),
    );
    assert.equal(peak, 3);
    assert.equal(order.length, 20);
    assert.throws(() => new Limiter(0), RangeError);
  });
});
