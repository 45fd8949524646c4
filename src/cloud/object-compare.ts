/**
 * "Is this local file identical to that object?" without trusting metadata: the file's MD5
 * is compared with the object's ETag; for a large object, the file is cut at the remote
 * segment boundaries (from the SLO manifest or the DLO segment listing) and each piece's MD5
 * is compared with its segment's ETag. This works for objects uploaded by any tool and with
 * any segment size, at the cost of reading the local file once.
 */
import { mustDigest } from '../platform/crypto.js';
import { nodeFunction } from '../platform/node.js';
import type { ObjectLayout } from '../services/object-store/layout.js';

const createReadStream = nodeFunction('node:fs', 'createReadStream', 'comparing a local file with an object');

/** MD5 (hex) of bytes [start, end) of a file. */
export async function md5OfFileRange(path: string, start = 0, end?: number): Promise<string> {
  const h = mustDigest('md5');
  if (end !== undefined && end <= start) return h.hex();
  const s = createReadStream(path, {
    start,
    end: end === undefined ? undefined : end - 1,
    highWaterMark: 1 << 20,
  });
  for await (const c of s) h.update(c as Uint8Array);
  return h.hex();
}

/** MD5s of consecutive ranges of a file, read in one pass. */
export async function md5sOfFileParts(path: string, sizes: readonly number[]): Promise<string[]> {
  const out: string[] = [];
  let h = mustDigest('md5');
  let i = 0;
  let fill = 0;
  const close = () => {
    out.push(h.hex());
    h = mustDigest('md5');
    i++;
    fill = 0;
  };
  while (i < sizes.length && sizes[i] === 0) close();
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const c = chunk as Buffer;
    let off = 0;
    while (off < c.length && i < sizes.length) {
      const take = Math.min(sizes[i]! - fill, c.length - off);
      h.update(c.subarray(off, off + take));
      off += take;
      fill += take;
      if (fill === sizes[i]) {
        close();
        while (i < sizes.length && sizes[i] === 0) close();
      }
    }
    if (i >= sizes.length) break;
  }
  return out;
}

/** Whether the local file has the same bytes as the remote object described by `layout`. */
export async function fileMatchesLayout(path: string, size: number, layout: ObjectLayout): Promise<boolean> {
  if (layout.bytes !== size) return false;
  if (layout.kind === 'plain') {
    if (!layout.etag || !/^[0-9a-f]{32}$/i.test(layout.etag)) return false;
    return (await md5OfFileRange(path)) === layout.etag.toLowerCase();
  }
  if (!layout.consistent || layout.parts.some((p) => !p.hash)) return false;
  const sums = await md5sOfFileParts(
    path,
    layout.parts.map((p) => p.bytes),
  );
  return sums.length === layout.parts.length && layout.parts.every((p, i) => p.hash === sums[i]);
}
