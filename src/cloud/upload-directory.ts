/**
 * Upload a local directory tree into a container: one object per file, named
 * `<prefix><relative path with "/">`, files bigger than `segmentSize` as static large objects.
 * Every request (whole files and segments alike) shares one limit of `concurrency` in flight.
 *
 * `skipIdentical` compares content, never timestamps or stored checksums: one listing of the
 * container gives each object's size and ETag; a file whose size matches is hashed and
 * compared with the ETag, or, for a large object, cut at the remote segment boundaries (SLO
 * manifest / DLO segment listing) and compared segment by segment. So objects uploaded by any
 * tool, with any segment size, are recognised, and a stale `X-Object-Meta-*` checksum can
 * never hide a changed file. Each object also gets `X-Object-Meta-Mtime` (the file's mtime,
 * as python-swiftclient sets it), which downloads restore.
 */
import { AbortedError, NotFoundError } from '../errors/errors.js';
import { nodeFunction } from '../platform/node.js';
import { pathSep } from '../platform/path.js';
import type { ObjectStoreV1 } from '../services/object-store/index.js';
import { readLayout } from '../services/object-store/layout.js';
import { Limiter } from '../services/object-store/limiter.js';
import type { ObjectResource } from '../services/object-store/object.js';
import { objectPath } from '../services/object-store/paths.js';
import {
  type FileTransferResult,
  mapPool,
  ProgressReporter,
  summarize,
  type TransferProgress,
  type TransferSummary,
} from './directory-transfer.js';
import { fileMatchesLayout } from './object-compare.js';

// a directory walk needs Node's file system (Node.js, Deno, Bun); elsewhere these fail with a
// ValidationError naming the operation, when called, not when the module loads
const WHAT = 'uploading a directory';
const FIX = 'upload each object with uploadObject({ data }) instead';
const lstat = nodeFunction('node:fs/promises', 'lstat', WHAT, FIX);
const readdir = nodeFunction('node:fs/promises', 'readdir', WHAT, FIX);
const stat = nodeFunction('node:fs/promises', 'stat', WHAT, FIX);
const join = nodeFunction('node:path', 'join', WHAT, FIX);
const relative = nodeFunction('node:path', 'relative', WHAT, FIX);

/** Options of {@link uploadDirectory}. */
export interface UploadDirectoryOptions {
  /** Prepended to every object name (add the trailing `/` yourself for a folder). Default ''. */
  prefix?: string;
  /** Requests in flight at once, files and segments together. Default 8. */
  concurrency?: number;
  /** Files bigger than this become static large objects with segments of this size. Default 1 GiB. */
  segmentSize?: number;
  /** Default `<container>_segments`. */
  segmentContainer?: string;
  /** Skip files whose content already matches the object (see the module comment). Default false. */
  skipIdentical?: boolean;
  /** Metadata for every object. */
  metadata?: Record<string, string>;
  /** Follow symbolic links (default false: they are skipped). */
  followSymlinks?: boolean;
  /** Called as files complete and bytes are sent. */
  onProgress?: (p: TransferProgress) => void;
  /** Aborts the upload (finished objects stay). */
  signal?: AbortSignal;
}

interface LocalFile {
  abs: string;
  rel: string;
  size: number;
  mtimeMs: number;
}

/**
 * Files larger than this (1 GiB) are uploaded as segmented large objects unless `segmentSize` says otherwise.
 */
export const DEFAULT_SEGMENT_SIZE = 1024 ** 3;

/** Every regular file under `root` (sorted), with `/`-separated relative paths. */
export async function walkFiles(root: string, followSymlinks = false): Promise<LocalFile[]> {
  const out: LocalFile[] = [];
  const walk = async (dir: string) => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const abs = join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        if (!followSymlinks) continue;
        const st = await stat(abs).catch(() => undefined);
        isDir = !!st?.isDirectory();
        isFile = !!st?.isFile();
      }
      if (isDir) await walk(abs);
      else if (isFile) {
        const st = followSymlinks ? await stat(abs) : await lstat(abs);
        out.push({
          abs,
          rel: relative(root, abs).split(pathSep()).join('/'),
          size: st.size,
          mtimeMs: st.mtimeMs,
        });
      }
    }
  };
  await walk(root);
  return out;
}

interface RemoteRow {
  bytes: number;
  hash?: string;
  slo: boolean;
}

async function remoteIndex(os: ObjectStoreV1, container: string, prefix: string, signal?: AbortSignal) {
  const rows = new Map<string, RemoteRow>();
  try {
    for await (const o of os.listObjects(container, { prefix }, { signal })) {
      if (o.name === undefined) continue;
      rows.set(o.name, { bytes: o.bytes ?? 0, hash: o.hash, slo: o.sloEtag !== undefined });
    }
  } catch (e) {
    if (!(e instanceof NotFoundError)) throw e;
  }
  return rows;
}

async function isIdentical(
  os: ObjectStoreV1,
  container: string,
  name: string,
  f: LocalFile,
  row: RemoteRow,
  signal?: AbortSignal,
): Promise<boolean> {
  // a DLO manifest lists as 0 bytes whatever its size; anything else must list the file's size
  const maybeDlo = row.bytes === 0;
  if (!maybeDlo && row.bytes !== f.size) return false;
  if (!row.slo && !maybeDlo) {
    return fileMatchesLayout(f.abs, f.size, {
      kind: 'plain',
      etag: row.hash,
      bytes: row.bytes,
      parts: [],
      consistent: true,
    });
  }
  const head = await os.request('HEAD', objectPath(container, name), { signal });
  await head.body.dump();
  const layout = await readLayout(os.client, container, name, head.headers, { signal });
  return fileMatchesLayout(f.abs, f.size, layout);
}

/**
 * Upload every file under `localDir` to `container` (created if missing). Failures are
 * reported per file, never thrown (except for an unreadable `localDir` or container).
 *
 * @example
 * ```ts
 * import { cloud } from 'openstack-sdk';
 *
 * const up = await cloud.uploadDirectory(conn, './site', 'www', { skipIdentical: true, concurrency: 8 });
 * console.log(`${up.transferred} uploaded, ${up.skipped} unchanged, ${up.failed} failed`);
 * ```
 */
export async function uploadDirectory(
  conn: { objectStore: ObjectStoreV1 },
  localDir: string,
  container: string,
  o: UploadDirectoryOptions = {},
): Promise<TransferSummary> {
  const started = performance.now();
  const os = conn.objectStore;
  const prefix = o.prefix ?? '';
  const concurrency = o.concurrency ?? 8;
  const segmentSize = o.segmentSize ?? DEFAULT_SEGMENT_SIZE;
  const files = await walkFiles(localDir, o.followSymlinks);
  const progress = new ProgressReporter(
    files.length,
    files.reduce((a, f) => a + f.size, 0),
    o.onProgress,
  );
  await os.createContainer(container);
  const remote = o.skipIdentical
    ? await remoteIndex(os, container, prefix, o.signal)
    : new Map<string, RemoteRow>();
  const limiter = new Limiter(concurrency);

  const results = await mapPool(files, concurrency, async (f): Promise<FileTransferResult> => {
    const name = `${prefix}${f.rel}`;
    const result: FileTransferResult = { path: f.rel, object: name, status: 'failed', bytes: f.size };
    let sent = 0;
    try {
      if (o.signal?.aborted) throw new AbortedError('upload aborted');
      const row = remote.get(name);
      if (row && (await isIdentical(os, container, name, f, row, o.signal))) {
        result.status = 'skipped';
        progress.fileDone(result, f.size);
        return result;
      }
      const obj: ObjectResource = await os.createObject({
        container,
        name,
        file: f.abs,
        metadata: { ...o.metadata, mtime: (f.mtimeMs / 1000).toFixed(6) },
        segmentSize,
        segmentContainer: o.segmentContainer,
        limiter,
        signal: o.signal,
        onBytes: (n) => {
          sent += n;
          progress.bytes(n);
        },
      });
      result.status = 'uploaded';
      if (obj.isStaticLargeObject) result.segments = Math.ceil(f.size / segmentSize);
      progress.fileDone(result, f.size - sent);
    } catch (e) {
      result.error = e as Error;
      progress.fileDone(result, f.size - sent);
    }
    return result;
  });
  return summarize(container, results, progress.bytesTransferred, started);
}
