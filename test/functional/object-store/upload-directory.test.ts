/**
 * The cloud layer on the dev cloud: upload a tree (nested directories, odd names, a big file
 * segmented with a small segment size), a second run that skips everything identical, a
 * download of the container that reproduces the tree byte for byte.
 */
import assert from 'node:assert/strict';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { downloadContainer, type TransferProgress, uploadDirectory } from '../../../src/cloud/index.js';
import { functionalSuite } from '../../support/cloud.js';
import { assertSameTree, MiB, random, scratchContainer, scratchDir, writeOddTree } from './helpers.js';

functionalSuite('cloud: uploadDirectory / downloadContainer', (suite) => {
  const conn = suite.demo();
  const os = conn.objectStore;
  const { cleanup } = suite;
  let c: string;
  let src: string;
  before(() => {
    c = scratchContainer(os, cleanup, 'updir');
    src = scratchDir(cleanup, 'updir-src');
    writeOddTree(src, { bigFile: 7 * MiB + 3, smallFiles: 40 });
  });

  test('uploads the tree with bounded concurrency, segmenting the big file; reports progress', async () => {
    const reports: TransferProgress[] = [];
    const r = await uploadDirectory(conn, src, c, {
      prefix: 'backup/',
      segmentSize: 2 * MiB,
      concurrency: 8,
      onProgress: (p) => reports.push(p),
    });
    console.log(
      `uploadDirectory: ${r.files.length} files, ${(r.bytesTransferred / MiB).toFixed(1)} MiB in ${r.seconds.toFixed(2)} s`,
    );
    assert.equal(
      r.failed,
      0,
      r.files
        .filter((f) => f.error)
        .map((f) => `${f.path}: ${f.error}`)
        .join('\n'),
    );
    assert.equal(r.transferred, 49);
    assert.equal(r.skipped, 0);
    const big = r.files.find((f) => f.path === 'big/large file.bin')!;
    assert.equal(big.segments, 4);
    const last = reports.at(-1)!;
    assert.equal(last.filesDone, last.filesTotal);
    assert.equal(last.bytesDone, last.bytesTotal);
    assert.equal(r.bytesTransferred, last.bytesTotal);
    assert.ok(
      reports.some((p) => !p.file),
      'byte-level progress is reported between files',
    );
    const head = await os.getObjectMetadata(c, 'backup/big/large file.bin');
    assert.equal(head.isStaticLargeObject, true);
    assert.ok(head.metadata.mtime, 'X-Object-Meta-Mtime is set');
    const names = new Set((await os.listObjects(c, { prefix: 'backup/' }).toArray()).map((o) => o.name));
    assert.ok(names.has('backup/sub dir/100% sure?.txt'));
    assert.ok(names.has('backup/ünïcödé/日本語/ファイル.txt'));
    assert.ok(names.has('backup/.hidden'));
    assert.ok(names.has('backup/empty file'));
  });

  test('a second run skips every identical file; a changed file is uploaded again', async () => {
    const again = await uploadDirectory(conn, src, c, {
      prefix: 'backup/',
      segmentSize: 2 * MiB,
      skipIdentical: true,
    });
    console.log(
      `uploadDirectory (all identical): ${again.files.length} files checked in ${again.seconds.toFixed(2)} s`,
    );
    assert.equal(again.skipped, 49);
    assert.equal(again.transferred, 0);
    assert.equal(again.bytesTransferred, 0);
    // a different segment size still recognises the big file (compared at the remote boundaries)
    writeFileSync(join(src, 'top.txt'), 'changed');
    writeFileSync(join(src, 'new file.txt'), 'new');
    const third = await uploadDirectory(conn, src, c, {
      prefix: 'backup/',
      segmentSize: 3 * MiB,
      skipIdentical: true,
    });
    assert.deepEqual(
      third.files
        .filter((f) => f.status === 'uploaded')
        .map((f) => f.path)
        .sort(),
      ['new file.txt', 'top.txt'],
    );
    assert.equal(third.skipped, 48);
  });

  test('downloadContainer reproduces the tree byte for byte, mtimes included; then skips identical', async () => {
    const dst = scratchDir(cleanup, 'updir-dst');
    const d = await downloadContainer(conn, c, dst, { prefix: 'backup/', concurrency: 8 });
    console.log(
      `downloadContainer: ${d.files.length} files, ${(d.bytesTransferred / MiB).toFixed(1)} MiB in ${d.seconds.toFixed(2)} s`,
    );
    assert.equal(
      d.failed,
      0,
      d.files
        .filter((f) => f.error)
        .map((f) => `${f.path}: ${f.error}`)
        .join('\n'),
    );
    assert.equal(await assertSameTree(src, dst), 50);
    const a = statSync(join(src, 'big/large file.bin')).mtimeMs;
    const b = statSync(join(dst, 'big/large file.bin')).mtimeMs;
    assert.ok(Math.abs(a - b) < 1000, 'mtime restored from X-Object-Meta-Mtime');
    const again = await downloadContainer(conn, c, dst, { prefix: 'backup/', skipIdentical: true });
    assert.equal(again.skipped, 50);
    assert.equal(again.bytesTransferred, 0);
  });

  test('unsafe object names fail alone and never escape the target directory', async () => {
    const evil = scratchContainer(os, cleanup, 'evil');
    await os.createContainer(evil);
    for (const name of ['ok.txt', '../escape.txt', 'a/../../escape2.txt', '/abs.txt'])
      await os.createObject({ container: evil, name, data: random(10) });
    const root = scratchDir(cleanup, 'evil');
    const dst = join(root, 'inner');
    const d = await downloadContainer(conn, evil, dst);
    assert.deepEqual(
      d.files.filter((f) => f.status === 'downloaded').map((f) => f.object),
      ['ok.txt'],
    );
    assert.equal(d.failed, 3);
    assert.ok(!existsSync(join(root, 'escape.txt')));
    assert.ok(!existsSync(join(root, 'escape2.txt')));
  });
});
