/** The bench harness's own logic: statistics, fixture naming, output parsing, the report table. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { missingNames, objectName, portName } from '../../../bench/lib/fixtures.js';
import { lastJson } from '../../../bench/lib/proc.js';
import {
  type Report,
  type Row,
  renderReport,
  renderTable,
  target,
  verdictCounts,
  verdictText,
  writeReport,
} from '../../../bench/lib/report.js';
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
      targets: [target('≤ 1.05× floor', 1.05, (v) => v <= 1.05)],
      details: ['per request: 1 ms'],
    },
    {
      id: '3',
      workload: 'list 5000 ports',
      metric: 'wall time of the whole listing',
      ours: summarize([4000]),
      openstacksdk: summarize([8000]),
      floor: summarize([3900]),
      oursOverFloor: 1.03,
      sdkOverOurs: 2,
      peakRss: { ours: 100 * 1024 * 1024, openstacksdk: 75 * 1024 * 1024, floor: 99 * 1024 * 1024 },
      retainedHeap: { ours: 1024 * 1024, openstacksdk: 512 * 1024, floor: 1024 * 1024 },
      targets: [
        target('peak RSS ≤ openstacksdk', 100 / 75, (v) => v <= 1),
        target('retained heap flat', 1024 * 1024, (v) => v <= 4 * 1024 * 1024, 'MiB'),
      ],
      details: [],
    },
    {
      id: '5c',
      workload: 'upload 5000 × 1 KiB',
      metric: 'wall time of the whole process',
      peer: '`swift upload`',
      ours: summarize([10_000]),
      openstacksdk: summarize([18_000]),
      floor: summarize([9000]),
      oursOverFloor: 1.11,
      sdkOverOurs: 1.8,
      targets: [
        target('≥ 2× `swift upload`', 1.8, (v) => v >= 2),
        target('≤ 1.2× floor', undefined, () => true),
      ],
      details: [],
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

  const report = (): Report => ({
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

  test('a target is judged on its value, and has no verdict without one', () => {
    assert.equal(target('x', 1.04, (v) => v <= 1.05).verdict, 'met', '1.04 is within 1.05');
    assert.equal(target('x', 1.06, (v) => v <= 1.05).verdict, 'missed', '1.06 is over 1.05');
    assert.equal(target('x', Number.NaN, () => true).verdict, 'n/a', 'NaN is no measurement');
    assert.equal(target('x', undefined, () => true).value, undefined, 'no value is invented');
    assert.equal(
      verdictText(target('≤ 1.2× floor', 1.31, (v) => v <= 1.2)),
      '≤ 1.2× floor: **not met** (1.31×)',
      'a verdict names the ratio it was taken on',
    );
    assert.equal(
      verdictText(target('heap flat', 3 * 1024 * 1024, (v) => v <= 4 * 1024 * 1024, 'MiB')),
      'heap flat: **met** (3.0 MiB)',
      'a memory target shows MiB, not a ratio',
    );
  });

  test('the table has one line per row: ours, floor, peer, ratios, memory, verdicts with ratios', () => {
    const t = renderTable(rows).split('\n');
    assert.equal(t.length, 6, 'header, separator and four rows');
    assert.match(
      t[2]!,
      /\| 1 \| 1000 sequential GETs \| .* \| 1.00 s \| 950 ms \| 6.00 s \(openstacksdk\) \| 1.05× \| 6.00× \|/,
      'ours, then the floor, then the peer with its name, then the ratios',
    );
    assert.match(t[2]!, /≤ 1.05× floor: \*\*met\*\* \(1.05×\)/, 'the verdict carries its ratio');
    assert.match(
      t[3]!,
      /RSS 100.0 MiB \/ 99.0 MiB \/ 75.0 MiB<br>heap 1.0 MiB \/ 1.0 MiB \/ 0.5 MiB/,
      'memory cell',
    );
    assert.match(t[3]!, /peak RSS ≤ openstacksdk: \*\*not met\*\* \(1.33×\)/, 'a missed memory target');
    assert.match(t[4]!, /18.0 s \(`swift upload`\)/, 'the peer column names a peer other than openstacksdk');
    assert.match(t[4]!, /≤ 1.2× floor: n\/a/, 'a target without a value is n/a');
    assert.match(t[5]!, /pending: uploadDirectory is not built yet/, 'a row that could not run says why');
  });

  test('verdicts are counted over every row', () => {
    assert.deepEqual(verdictCounts(rows), { met: 2, missed: 2, 'n/a': 1, pending: 1 }, 'counts');
  });

  test('the report names the machine, the versions, the verdict counts and every row', () => {
    const md = renderReport(report());
    assert.match(md, /2 CPUs \(Test CPU\), 24 GiB RAM/, 'machine');
    assert.match(md, /openstacksdk 0\.101\.0/, 'versions');
    assert.match(md, /Targets: 2 met, 2 not met, 1 not measurable; 1 row\(s\) could not run\./, 'summary');
    assert.match(md, /### 1\. 1000 sequential GETs/, 'details of row 1');
    assert.match(
      md,
      /### 5c\. upload 5000 × 1 KiB\n\n- ours: median 10\.0 s[^\n]*\n- raw floor: [^\n]*\n- `swift upload`: /,
      'details name the peer',
    );
    assert.match(md, /### 5a\. upload\n\nPending: uploadDirectory is not built yet/, 'pending row');
    assert.match(md, /- a note/, 'notes');
  });

  test('writeReport writes the Markdown and a JSON that holds the same rows', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ossdk-bench-report-'));
    try {
      const out = writeReport(join(dir, 'results'), 'smoke', report());
      assert.equal(out.md, join(dir, 'results', 'smoke.md'), 'the Markdown path');
      const md = readFileSync(out.md, 'utf8');
      assert.equal(md, renderReport(report()), 'the Markdown is the rendered report');
      const json = JSON.parse(readFileSync(out.json, 'utf8')) as Report;
      assert.deepEqual(
        json.rows.map((r) => r.id),
        ['1', '3', '5c', '5a'],
        'every row is in the JSON',
      );
      assert.equal(json.rows[1]!.targets[0]!.verdict, 'missed', 'verdicts are in the JSON');
      assert.equal(json.rows[1]!.peakRss?.openstacksdk, 75 * 1024 * 1024, 'memory figures are in the JSON');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
