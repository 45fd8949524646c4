/**
 * Upload a directory tree to a container and download it again: a temporary tree (nested
 * folders, a name with a space, an empty file, a file big enough to be split into segments),
 * `cloud.uploadDirectory`, `cloud.downloadContainer` into a second directory, a byte-for-byte
 * comparison, then the container and both directories removed.
 *
 * Run: node --import tsx examples/directory-transfer.ts [cloud]
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Connection, cloud } from '../src/index.js';

const MiB = 1024 * 1024;

/** Every file under `dir`, as `/`-separated paths relative to it, sorted. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

export async function directoryTransfer(conn: Connection, log: (s: string) => void): Promise<void> {
  const container = `example-dir-${Date.now().toString(36)}`;
  const work = await mkdtemp(join(tmpdir(), 'ossdk-dir-'));
  const src = join(work, 'src');
  const dst = join(work, 'dst');
  try {
    await mkdir(join(src, 'docs', 'notes'), { recursive: true });
    await mkdir(join(src, 'data'), { recursive: true });
    await writeFile(join(src, 'README.txt'), 'a tree uploaded by the openstack-sdk example\n');
    await writeFile(join(src, 'docs', 'notes', 'meeting notes.md'), '# notes\n- upload\n- download\n');
    await writeFile(join(src, 'docs', 'empty.txt'), '');
    await writeFile(join(src, 'data', 'blob.bin'), randomBytes(3 * MiB + 17));

    // Files above segmentSize become static large objects; 1 MiB here to show it on a small file.
    const up = await cloud.uploadDirectory(conn, src, container, { segmentSize: MiB, concurrency: 4 });
    if (up.failed)
      throw new Error(
        `upload failed: ${up.files
          .filter((f) => f.error)
          .map((f) => `${f.path}: ${f.error?.message}`)
          .join('; ')}`,
      );
    const segmented = up.files.filter((f) => f.segments).map((f) => `${f.path} in ${f.segments} segments`);
    log(
      `uploaded ${up.transferred} files (${up.bytesTransferred} bytes) to ${container} in ${up.seconds.toFixed(2)} s; ${segmented.join(', ')}`,
    );

    const down = await cloud.downloadContainer(conn, container, dst, { concurrency: 4 });
    if (down.failed)
      throw new Error(
        `download failed: ${down.files
          .filter((f) => f.error)
          .map((f) => `${f.path}: ${f.error?.message}`)
          .join('; ')}`,
      );
    log(
      `downloaded ${down.transferred} objects (${down.bytesTransferred} bytes) in ${down.seconds.toFixed(2)} s`,
    );

    const want = await filesUnder(src);
    const got = await filesUnder(dst);
    if (want.join('\n') !== got.join('\n'))
      throw new Error(`different files: sent ${want.join(', ')}; got ${got.join(', ')}`);
    for (const f of want) {
      const [a, b] = await Promise.all([readFile(join(src, f)), readFile(join(dst, f))]);
      if (!a.equals(b)) throw new Error(`${f} differs after the round trip`);
    }
    log(`the downloaded tree is identical, byte for byte: ${want.join(', ')}`);
  } finally {
    // empty: deletes the objects first; the segments live in <container>_segments
    await conn.objectStore.deleteContainer(container, { empty: true, ignoreMissing: true });
    await conn.objectStore.deleteContainer(`${container}_segments`, { empty: true, ignoreMissing: true });
    await rm(work, { recursive: true, force: true });
    log(`deleted containers ${container} and ${container}_segments, and the local directories`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const conn = Connection.fromCloud(process.argv[2] ?? process.env.OS_CLOUD ?? 'devcloud-demo');
  try {
    await directoryTransfer(conn, console.log);
  } finally {
    await conn.close();
  }
}
