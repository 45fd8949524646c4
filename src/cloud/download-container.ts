/**
 * Download a container (or the objects under a prefix) into a local directory, the mirror of
 * {@link uploadDirectory}: object `<prefix><a/b>` becomes `<localDir>/a/b` (the prefix is
 * removed unless `keepPrefix`). Every download is verified (MD5 per object, per segment for
 * large objects) and written to a temporary file renamed into place, so a failed or aborted
 * download never leaves a partial file under the final name. `X-Object-Meta-Mtime` (set by
 * uploadDirectory and python-swiftclient) becomes the file's mtime.
 *
 * Object names that cannot be a safe relative path (empty, `.` or `..` segments, or an
 * absolute path after the prefix is removed) fail for that object instead of escaping
 * `localDir`; names ending in `/` (directory markers) become directories.
 */
import { AbortedError, ValidationError } from '../errors/errors.js';
import { randomHex } from '../platform/crypto.js';
import { nodeFunction } from '../platform/node.js';
import { pathSep } from '../platform/path.js';
import { manifestKeptChanging } from '../services/object-store/download.js';
import type { ObjectLayout, ObjectStoreV1 } from '../services/object-store/index.js';
import {
  type FileTransferResult,
  mapPool,
  ProgressReporter,
  summarize,
  type TransferProgress,
  type TransferSummary,
} from './directory-transfer.js';
import { fileMatchesLayout } from './object-compare.js';
import {
  downloadRanges,
  ObjectChangedError,
  PARALLEL_MIN_BYTES,
  PARALLEL_PER_OBJECT,
  wantsParallel,
} from './parallel-download.js';

/** Options of {@link downloadContainer}. */
export interface DownloadContainerOptions {
  /** Only objects whose names start with this. Default ''. */
  prefix?: string;
  /** Keep the prefix in local paths (default false: `<prefix>a/b` → `a/b`). */
  keepPrefix?: boolean;
  /**
   * Downloads in flight. Default 8. A static large object of 32 MiB or more is fetched as up
   * to min(4, concurrency) GETs of its segments in parallel, on top of the other downloads.
   */
  concurrency?: number;
  /** Skip objects whose local file already has the same content (MD5, per segment for large objects). */
  skipIdentical?: boolean;
  /** Called as files complete and bytes arrive. */
  onProgress?: (p: TransferProgress) => void;
  /** Aborts the download (finished files stay). */
  signal?: AbortSignal;
}

// a download to a directory needs Node's file system (Node.js, Deno, Bun); elsewhere these fail
// with a ValidationError naming the operation, when called, not when the module loads
const WHAT = 'downloading a container to a directory';
const FIX = 'read the objects with downloadObject() / streamObject() instead';
const createWriteStream = nodeFunction('node:fs', 'createWriteStream', WHAT, FIX);
const mkdir = nodeFunction('node:fs/promises', 'mkdir', WHAT, FIX);
const rename = nodeFunction('node:fs/promises', 'rename', WHAT, FIX);
const rm = nodeFunction('node:fs/promises', 'rm', WHAT, FIX);
const stat = nodeFunction('node:fs/promises', 'stat', WHAT, FIX);
const utimes = nodeFunction('node:fs/promises', 'utimes', WHAT, FIX);
const dirname = nodeFunction('node:path', 'dirname', WHAT, FIX);
const resolve = nodeFunction('node:path', 'resolve', WHAT, FIX);
const pipeline = nodeFunction('node:stream/promises', 'pipeline', WHAT, FIX);

/** The local path for an object, or an error when the name is not a safe relative path. */
export function localPathFor(root: string, rel: string): string {
  const parts = rel.split('/');
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop(); // directory marker
  if (!rel || parts.some((p) => p === '' || p === '.' || p === '..' || p.includes('\0'))) {
    throw new ValidationError(`object name "${rel}" is not a safe relative path`, {
      field: 'name',
      fix: 'download it with streamObject() to a path of your choice',
    });
  }
  const base = resolve(root);
  const full = resolve(base, ...parts);
  if (!full.startsWith(base + pathSep())) {
    throw new ValidationError(`object name "${rel}" points outside the target directory`, { field: 'name' });
  }
  return full;
}

async function localSize(path: string): Promise<number | undefined> {
  const st = await stat(path).catch(() => undefined);
  return st?.isFile() ? st.size : undefined;
}

/**
 * Download every object of `container` (under `prefix`) into `localDir`. Failures are
 * reported per object, never thrown (except for a missing container).
 *
 * @example
 * ```ts
 * import { cloud } from 'openstack-sdk';
 *
 * const down = await cloud.downloadContainer(conn, 'www', './site-copy');
 * console.log(`${down.transferred} files, ${down.bytesTransferred} bytes in ${down.seconds} s`);
 * ```
 */
export async function downloadContainer(
  conn: { objectStore: ObjectStoreV1 },
  container: string,
  localDir: string,
  o: DownloadContainerOptions = {},
): Promise<TransferSummary> {
  const started = performance.now();
  const os = conn.objectStore;
  const prefix = o.prefix ?? '';
  const rows: { name: string; bytes: number; dirMarker: boolean }[] = [];
  for await (const r of os.listObjects(container, { prefix }, o)) {
    if (r.name === undefined) continue;
    const dirMarker = r.name.endsWith('/') || r.contentType === 'application/directory';
    rows.push({ name: r.name, bytes: r.bytes ?? 0, dirMarker });
  }
  const progress = new ProgressReporter(
    rows.length,
    rows.reduce((a, r) => a + r.bytes, 0),
    o.onProgress,
  );
  await mkdir(localDir, { recursive: true });

  const results = await mapPool(rows, o.concurrency ?? 8, async (row): Promise<FileTransferResult> => {
    const rel = o.keepPrefix ? row.name : row.name.slice(prefix.length);
    const result: FileTransferResult = { path: rel, object: row.name, status: 'failed', bytes: row.bytes };
    let got = 0;
    let tmp: string | undefined;
    /** The listing's size was not the object's (a DLO lists as 0 bytes): count the real one. */
    const resize = (bytes: number) => {
      if (bytes === result.bytes) return;
      progress.p.bytesTotal += bytes - result.bytes;
      result.bytes = bytes;
    };
    /** The temporary file is whole: move it into place with the object's mtime, and count it. */
    const finish = async (target: string, metadata: Record<string, string>, segments: number | undefined) => {
      await rename(tmp!, target);
      tmp = undefined;
      const mtime = Number(metadata.mtime);
      if (Number.isFinite(mtime) && mtime > 0) await utimes(target, mtime, mtime).catch(() => {});
      if (segments !== undefined) result.segments = segments;
      result.status = 'downloaded';
      progress.fileDone(result, Math.max(0, result.bytes - got));
    };
    // a large object's segments in parallel; false when its layout says one GET is better.
    // `known`: a layout just read for skipIdentical, used for the first attempt
    const parallelDownload = async (name: string, target: string, known?: ObjectLayout) => {
      for (let attempt = 1; ; attempt++) {
        const layout = attempt === 1 && known ? known : await os.getObjectLayout(container, name, o);
        if (!wantsParallel(layout)) return false;
        resize(layout.bytes);
        await mkdir(dirname(target), { recursive: true });
        tmp ??= `${target}.part-${randomHex(4)}`;
        try {
          const { metadata } = await downloadRanges(os, container, name, layout, tmp, {
            concurrency: Math.min(PARALLEL_PER_OBJECT, o.concurrency ?? 8),
            onBytes: (n) => {
              got += n;
              progress.bytes(n);
            },
            ...(o.signal ? { signal: o.signal } : {}),
          });
          await finish(target, metadata, layout.parts.length);
          return true;
        } catch (e) {
          if (!(e instanceof ObjectChangedError) || o.signal?.aborted) throw e;
          progress.bytes(-got);
          got = 0;
          // the object changed since its layout was read: read it again, as the single GET does
          if (attempt >= 3) throw manifestKeptChanging(`${container}/${name}`);
        }
      }
    };
    try {
      if (o.signal?.aborted) throw new AbortedError('download aborted');
      const target = localPathFor(localDir, rel);
      if (row.dirMarker && row.bytes === 0) {
        await mkdir(target, { recursive: true });
        result.status = 'downloaded';
        progress.fileDone(result);
        return result;
      }
      let layout: ObjectLayout | undefined;
      if (o.skipIdentical) {
        const size = await localSize(target);
        if (size !== undefined && (size === row.bytes || row.bytes === 0)) {
          layout = await os.getObjectLayout(container, row.name, o);
          if (await fileMatchesLayout(target, size, layout)) {
            result.status = 'skipped';
            result.bytes = size;
            progress.fileDone(result, size);
            return result;
          }
        }
      }
      if (row.bytes >= PARALLEL_MIN_BYTES && (await parallelDownload(row.name, target, layout)))
        return result;
      const d = await os.streamObject(container, row.name, o);
      // DLO manifests list as 0 bytes: the GET knows the real size
      resize(d.object.bytes ?? row.bytes);
      await mkdir(dirname(target), { recursive: true });
      tmp = `${target}.part-${randomHex(4)}`;
      await pipeline(
        d.stream,
        async function* (src: AsyncIterable<Buffer>) {
          for await (const c of src) {
            got += c.length;
            progress.bytes(c.length);
            yield c;
          }
        },
        createWriteStream(tmp),
        { signal: o.signal },
      );
      await finish(
        target,
        d.object.metadata,
        d.object.isStaticLargeObject ? d.layout?.parts.length : undefined,
      );
    } catch (e) {
      if (tmp) await rm(tmp, { force: true }).catch(() => {});
      result.error = e as Error;
      progress.fileDone(result, Math.max(0, result.bytes - got));
    }
    return result;
  });
  return summarize(container, results, progress.bytesTransferred, started);
}
