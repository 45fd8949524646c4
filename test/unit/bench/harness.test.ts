/** The bench harness's own logic: statistics, fixture naming, output parsing, the report table. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { missingNames, objectName, portName } from '../../../bench/lib/fixtures.js';
import { lastJson } from '../../../bench/lib/proc.js';
import { type Row, renderReport, renderTable } from '../../../bench/lib/report.js';
import {
  fmtMs,
  fmtRatio,
  median,
  pairedRatio,
  quantile,
  rotate,
  summarize,
} from '../../../bench/lib/stats.js';

describe('bench statistics', () => {
  test('median of odd and even lists, ignoring non-finite values', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(median([1, Number.NaN, 3]), 2);
    assert.ok(Number.isNaN(median([])));
  });

  test('quantiles interpolate; summarize reports median, range and IQR', () => {
    assert.equal(quantile([1, 2, 3, 4, 5], 0.25), 2);
    assert.equal(quantile([1, 2], 0.5), 1.5);
    const s = summarize([5, 1, 4, 2, 3]);
    assert.deepEqual(s, { median: 3, min: 1, max: 5, iqr: 2, n: 5 });
  });

  test('paired ratios take one ratio per round, so a slow round does not skew the result', () => {
    // round 2 ran on a loaded machine: both sides doubled, the ratio did not move
    assert.equal(pairedRatio([110, 220, 110], [100, 200, 100]), 1.1);
    // a ratio of medians would mix rounds; the paired one does not
    assert.equal(pairedRatio([2, 30], [1, 10]), 2.5);
    assert.ok(Number.isNaN(pairedRatio([1], [0])));
  });

  test('rotate moves the first implementation to the back, round by round', () => {
    assert.deepEqual(rotate(['a', 'b', 'c'], 0), ['a', 'b', 'c']);
    assert.deepEqual(rotate(['a', 'b', 'c'], 1), ['b', 'c', 'a']);
    assert.deepEqual(rotate(['a', 'b', 'c'], 5), ['c', 'a', 'b']);
    assert.deepEqual(rotate([], 3), []);
  });

  test('formatting', () => {
    assert.equal(fmtMs(0.25), '250 µs');
    assert.equal(fmtMs(12.34), '12.3 ms');
    assert.equal(fmtMs(1234), '1.23 s');
    assert.equal(fmtMs(42_000), '42.0 s');
    assert.equal(fmtRatio(1.0449), '1.04×');
    assert.equal(fmtRatio(12.34), '12.3×');
    assert.equal(fmtMs(Number.NaN), 'n/a');
  });
});

describe('bench fixtures and workers', () => {
  test('fixture names sort in creation order and the missing ones are found by name', () => {
    assert.equal(portName(7), 'ossdk-bench-port-00007');
    assert.equal(objectName(12345), 'obj-012345');
    const have = new Set([portName(0), portName(2)]);
    assert.deepEqual(missingNames(4, have, portName), [portName(1), portName(3)]);
    assert.deepEqual(missingNames(2, new Set([objectName(0), objectName(1)]), objectName), []);
  });

  test('a worker result is the last JSON line of stdout, after any chatter', () => {
    assert.deepEqual(lastJson('warming up\n{"a":1}\n{"b":2}\n'), { b: 2 });
    assert.deepEqual(lastJson('{"a":1}\n{broken\n'), { a: 1 });
    assert.equal(lastJson('no json here'), undefined);
  });
});

describe('bench report', () => {
  const rows: Row[] = [
    {
      id: '1',
      workload: '1000 sequential GETs',
      metric: 'wall time of 1000 GETs',
      ours: summarize([1000]),
      openstacksdk: summarize([6000]),
      floor: summarize([950]),
      oursOverFloor: 1.05,
      sdkOverOurs: 6,
      targets: [
        { text: 'overhead ≤ 1.10× floor', verdict: 'met' },
        { text: '≥ 5× openstacksdk', verdict: 'met' },
      ],
      details: ['per request: 1 ms'],
    },
    {
      id: '5a',
      workload: 'upload',
      metric: '',
      targets: [],
      details: [],
      pending: 'uploadDirectory is not built yet',
    },
  ];

  test('the table has one line per row, with ratios, verdicts and pending reasons', () => {
    const t = renderTable(rows).split('\n');
    assert.equal(t.length, 4);
    assert.match(
      t[2]!,
      /\| 1 \| 1000 sequential GETs \| .* \| 1.00 s \| 6.00 s \| 950 ms \| 1.05× \| 6.00× \|/,
    );
    assert.match(t[2]!, /overhead ≤ 1.10× floor: \*\*met\*\*/);
    assert.match(t[3]!, /pending: uploadDirectory is not built yet/);
  });

  test('the report names the machine, the versions and every row', () => {
    const md = renderReport({
      date: '2026-01-01T00:00:00Z',
      command: 'npm run bench',
      durationMs: 60_000,
      machine: { nproc: 2, memoryGiB: 24, cpuModel: 'Test CPU', loadAvg: [1, 2, 3] },
      versions: {
        node: '20',
        sdk: '0.1.0',
        undici: '7',
        tinybench: '6',
        python: '3.11',
        openstacksdk: '0.101.0',
        swiftclient: '4.1.0',
        openstackclient: '6.0.0',
        hyperfine: '1.15.0',
      },
      rounds: 3,
      quick: false,
      rows,
      notes: ['a note'],
    });
    assert.match(md, /2 CPUs \(Test CPU\), 24 GiB RAM/);
    assert.match(md, /openstacksdk 0\.101\.0/);
    assert.match(md, /### 1\. 1000 sequential GETs/);
    assert.match(md, /### 5a\. upload\n\nPending: uploadDirectory is not built yet/);
    assert.match(md, /- a note/);
  });
});
