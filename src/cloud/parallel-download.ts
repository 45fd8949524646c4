/**
 * A static large object downloaded as GETs of its segments, several in flight, each written at
 * its offset into one file. A single GET of a manifest makes the proxy fetch the segments one
 * after another and re-chunk them through its SLO code; the segments themselves are plain
 * objects, served side by side and cheaper for the proxy. Each segment must carry the ETag the
 * manifest recorded and hash to it; a HEAD after the last one checks that the manifest is still
 * the one the layout was read from.
 */
import { ConflictError } from '../errors/errors.js';
import { nodeFunction } from '../platform/node.js';
import { unquoteEtag } from '../services/object-store/hashing.js';
import type { ObjectLayout, ObjectStoreV1 } from '../services/object-store/index.js';
import { ChecksumMismatchError } from '../services/object-store/index.js';
import { DownloadVerifier } from '../services/object-store/verify.js';
import { mapPool } from './directory-transfer.js';

/** Objects smaller than this keep the single GET: below it, start-up costs outweigh parallel segments. */
export const PARALLEL_MIN_BYTES = 32 * 1024 * 1024;
/** Segment GETs in flight per object (and never more than the call's `concurrency`). */
export const PARALLEL_PER_OBJECT = 4;

/**
 * The object's ETag after the download is not the layout's: it changed since its layout was
 * read. A ConflictError, as the single GET's; told apart from a 409 of Swift itself so that
 * only this one is retried.
 */
export class ObjectChangedError extends ConflictError {
  override name = 'ObjectChangedError';
}

/** One segment GET: the layout's part `index`, written at `start`. */
export interface SegmentTask {
  /** Offset of the segment's first byte in the object and the file. */
  start: number;
  /** Index of the part in the layout, for messages. */
  index: number;
  /** Where the segment is and what it must hold. */
  part: { container: string; name: string; bytes: number; hash: string; etag: string };
}

/**
 * Whether an object with this layout is downloaded by {@link downloadRanges} rather than one
 * GET: a consistent SLO of {@link PARALLEL_MIN_BYTES} or more whose two or more parts are all
 * whole segments with an MD5 (no byte ranges, inline data or nested SLOs, which only the
 * manifest's own GET assembles).
 */
export function wantsParallel(layout: ObjectLayout): boolean {
  return (
    layout.kind === 'slo' &&
    layout.consistent &&
    layout.bytes >= PARALLEL_MIN_BYTES &&
    layout.parts.length >= 2 &&
    layout.parts.every((p) => p.container && p.name && p.hash && !p.range)
  );
}

/** The segment GETs of a layout that {@link wantsParallel} accepted, each with its offset. */
export function planSegments(layout: ObjectLayout): SegmentTask[] {
  let offset = 0;
  return layout.parts.map((p, index) => {
    const t = {
      start: offset,
      index,
      part: { container: p.container!, name: p.name!, bytes: p.bytes, hash: p.hash!, etag: p.etag },
    };
    offset += p.bytes;
    return t;
  });
}

/** What {@link downloadRanges} needs of the object store. */
export type RangeSource = Pick<ObjectStoreV1, 'streamObject' | 'getObjectMetadata'>;

/** Options of {@link downloadRanges}. */
export interface RangeDownloadOptions {
  /** Segment GETs in flight. */
  concurrency: number;
  /** Bytes arrived (negative when a failed attempt is discarded). */
  onBytes?: (n: number) => void;
  /** Aborts every range. */
  signal?: AbortSignal;
  /** Per-attempt timeout in ms. */
  timeoutMs?: number;
}

/** What the segment download learnt about the object. */
export interface RangeDownloadResult {
  /** User metadata (`X-Object-Meta-*`) of the object, from the HEAD that closes the download. */
  metadata: Record<string, string>;
}

const WHAT = 'downloading a large object to a file';
const FIX = 'read the object with streamObject() instead';
const open = nodeFunction('node:fs/promises', 'open', WHAT, FIX);

/** Every range failed or finished; the first error, if any, is thrown after the others stopped. */
async function runTasks(
  tasks: SegmentTask[],
  limit: number,
  fn: (t: SegmentTask, signal: AbortSignal) => Promise<void>,
  outer?: AbortSignal,
): Promise<void> {
  const ac = new AbortController();
  const onAbort = () => ac.abort(outer?.reason);
  outer?.addEventListener('abort', onAbort, { once: true });
  let failure: unknown;
  try {
    await mapPool(tasks, Math.max(1, limit), async (t) => {
      // after a failure the tasks not started yet are passed over
      if (failure !== undefined) return;
      try {
        await fn(t, ac.signal);
      } catch (e) {
        // the first error is the cause; the aborts it triggers in the other ranges are not
        if (failure === undefined) failure = e;
        ac.abort(e);
      }
    });
  } finally {
    outer?.removeEventListener('abort', onAbort);
  }
  if (failure !== undefined) throw failure;
}

/**
 * Download `container/name`, whose layout is `layout`, into `file` (created or truncated) with
 * GETs of its segments in parallel, each written at its offset. Throws ChecksumMismatchError or
 * LengthMismatchError for a bad segment, and ObjectChangedError when the object's ETag after
 * the download is not the layout's (the caller reads the layout again and retries).
 */
export async function downloadRanges(
  os: RangeSource,
  container: string,
  name: string,
  layout: ObjectLayout,
  file: string,
  o: RangeDownloadOptions,
): Promise<RangeDownloadResult> {
  const what = `${container}/${name}`;
  const call = {
    ...(o.signal ? { signal: o.signal } : {}),
    ...(o.timeoutMs !== undefined ? { timeoutMs: o.timeoutMs } : {}),
  };
  const fh = await open(file, 'w');
  let failed = true;
  try {
    await fh.truncate(layout.bytes);
    await runTasks(
      planSegments(layout),
      o.concurrency,
      async (t, signal) => {
        const seg = `${what} segment ${t.index} (${t.part.container}/${t.part.name})`;
        // the segments are plain objects: fetched directly, the proxy's SLO assembly is skipped
        const d = await os.streamObject(t.part.container, t.part.name, { ...call, signal, verify: false });
        const facts = { method: 'GET', url: `${t.part.container}/${t.part.name}`, status: 200 };
        const etag = unquoteEtag(d.object.etag);
        if (etag !== t.part.etag) {
          // replaced after the manifest was written: Swift's own GET of the manifest refuses it too
          (d.stream as { destroy?: () => void }).destroy?.();
          throw new ChecksumMismatchError(seg, t.part.etag, etag ?? 'none', facts);
        }
        const v = new DownloadVerifier({
          what: seg,
          length: t.part.bytes,
          segments: [{ bytes: t.part.bytes, hash: t.part.hash }],
          facts,
        });
        let pos = t.start;
        let got = 0;
        try {
          for await (const c of d.stream as AsyncIterable<Uint8Array>) {
            const err = v.update(c);
            if (err) throw err;
            let off = 0;
            while (off < c.byteLength) {
              const { bytesWritten } = await fh.write(c, off, c.byteLength - off, pos + off);
              off += bytesWritten;
            }
            pos += c.byteLength;
            got += c.byteLength;
            o.onBytes?.(c.byteLength);
          }
          const err = v.finish();
          if (err) throw err;
        } catch (e) {
          o.onBytes?.(-got);
          throw e;
        }
      },
      o.signal,
    );
    failed = false;
  } finally {
    await fh.close().catch((e: unknown) => {
      if (!failed) throw e;
    });
  }
  // the segments match the manifest read before; the manifest must still be that one
  const now = await os.getObjectMetadata(container, name, call);
  const etag = unquoteEtag(now.etag);
  if (etag !== layout.etag) {
    throw new ObjectChangedError({
      status: 409,
      method: 'GET',
      url: what,
      serviceMessage: `the object changed during the download (ETag ${etag ?? 'none'}, expected ${layout.etag})`,
    });
  }
  return { metadata: now.metadata };
}
