/**
 * Interoperability with python-swiftclient (Debian's `swift` CLI, the reference client):
 * what the SDK uploads, `swift download` reads back byte-identical (it checks MD5s of plain
 * objects itself), including segmented objects; what `swift upload --segment-size` writes
 * (SLO with --use-slo, DLO by default), the SDK downloads byte-identical and verified.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { downloadContainer, uploadDirectory } from '../../../src/cloud/index.js';
import { functionalSuite } from '../../support/cloud.js';
import { assertSameTree, MiB, random, scratchContainer, scratchDir, swift, writeOddTree } from './helpers.js';

functionalSuite('interop with python-swiftclient', (suite) => {
  const conn = suite.demo();
  const os = conn.objectStore;
  const { cleanup } = suite;
  let work: string;
  before(async () => {
    work = scratchDir(cleanup, 'interop');
    await swift(['--version'], work);
  });

  test('SDK uploads (plain, SLO, DLO, odd names) → swift download, byte-identical', async () => {
    const c = scratchContainer(os, cleanup, 'sdk2cli');
    await os.createContainer(c);
    const plain = random(300_000);
    const big = random(5 * MiB + 77);
    await os.createObject({ container: c, name: 'plain file ü.bin', data: plain });
    await os.createObject({ container: c, name: 'dir/slo big.bin', data: big, segmentSize: 2 * MiB });
    await os.createObject({
      container: c,
      name: 'dir/dlo big.bin',
      data: big,
      segmentSize: 2 * MiB,
      largeObject: 'dlo',
    });
    const out = join(work, 'sdk2cli');
    mkdirSync(out);
    await swift(['download', c, '--output-dir', out], work);
    assert.ok(readFileSync(join(out, 'plain file ü.bin')).equals(plain));
    assert.ok(readFileSync(join(out, 'dir/slo big.bin')).equals(big));
    assert.ok(readFileSync(join(out, 'dir/dlo big.bin')).equals(big));
    const { stdout } = await swift(['stat', c, 'dir/slo big.bin'], work);
    assert.match(stdout, /Manifest: |X-Static-Large-Object: True/i);
  });

  test('uploadDirectory tree → swift download --prefix --remove-prefix reproduces the tree', async () => {
    const c = scratchContainer(os, cleanup, 'tree2cli');
    const src = join(work, 'tree-src');
    writeOddTree(src, { bigFile: 3 * MiB + 1 });
    const r = await uploadDirectory(conn, src, c, { prefix: 'p/', segmentSize: MiB });
    assert.equal(r.failed, 0);
    const out = join(work, 'tree-cli');
    mkdirSync(out);
    await swift(['download', c, '--prefix', 'p/', '--remove-prefix', '--output-dir', out], work);
    await assertSameTree(src, out);
  });

  test('swift upload --use-slo and DLO (default) → SDK download, verified per segment', async () => {
    const c = scratchContainer(os, cleanup, 'cli2sdk');
    const dir = join(work, 'cli-src');
    mkdirSync(dir);
    const big = random(4 * MiB + 5);
    writeFileSync(join(dir, 'slo file.bin'), big);
    writeFileSync(join(dir, 'dlo file.bin'), big);
    writeFileSync(join(dir, 'small ü.txt'), 'small');
    const t0 = performance.now();
    await swift(['upload', c, '--use-slo', '--segment-size', String(MiB), 'slo file.bin'], dir);
    await swift(['upload', c, '--segment-size', String(MiB), 'dlo file.bin'], dir);
    await swift(['upload', c, 'small ü.txt'], dir);
    console.log(`swift CLI: 3 uploads in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
    const slo = await os.downloadObject(c, 'slo file.bin');
    assert.equal(slo.object.isStaticLargeObject, true);
    assert.equal(slo.verification, 'segments');
    assert.ok(slo.data.equals(big));
    const dlo = await os.downloadObject(c, 'dlo file.bin');
    assert.ok(dlo.object.objectManifest);
    assert.equal(dlo.verification, 'segments');
    assert.ok(dlo.data.equals(big));
    assert.equal((await os.downloadObject(c, 'small ü.txt')).data.toString(), 'small');
    // downloadContainer and skipIdentical understand swiftclient's segments too
    const out = scratchDir(cleanup, 'cli2sdk-out');
    const d = await downloadContainer(conn, c, out);
    assert.equal(d.failed, 0);
    await assertSameTree(dir, out);
    const again = await uploadDirectory(conn, dir, c, { skipIdentical: true, segmentSize: 3 * MiB });
    assert.equal(again.skipped, 3, 'swiftclient SLO and DLO objects are recognised as identical');
    // the SDK finds swiftclient's segments as the object's own
    const layout = await os.getObjectLayout(c, 'slo file.bin');
    assert.equal(layout.parts.length, 5);
    assert.deepEqual(await os.cleanupOrphanSegments(c, 'slo file.bin', { dryRun: true }), []);
  });

  test('swift upload of a tree with odd names → downloadContainer, byte-identical', async () => {
    const c = scratchContainer(os, cleanup, 'clitree');
    const src = join(work, 'cli-tree');
    writeOddTree(src, { smallFiles: 30 });
    const t0 = performance.now();
    await swift(['upload', c, '.'], src);
    console.log(`swift upload of the tree (${38} files): ${((performance.now() - t0) / 1000).toFixed(2)} s`);
    const out = scratchDir(cleanup, 'clitree-out');
    const d = await downloadContainer(conn, c, out);
    assert.equal(
      d.failed,
      0,
      d.files
        .filter((f) => f.error)
        .map((f) => `${f.object}: ${f.error}`)
        .join('\n'),
    );
    await assertSameTree(src, out);
  });
});
