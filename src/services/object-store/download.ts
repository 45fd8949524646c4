/**
 * Downloads as verified streams. The GET is sent first; for a large object its layout is
 * read next (the body waits, applying backpressure) and must reproduce the ETag of the GET,
 * else the object changed in between and the download restarts (up to 3 times). Ranged
 * responses are not verified (Swift gives no checksum for a range).
 */
import type { Readable } from 'node:stream';
import { ConflictError } from '../../errors/errors.js';
import { asReadable } from '../../platform/streams.js';
import type { ServiceClient } from '../../session/service-client.js';
import type { HttpResponse } from '../../transport/http-client.js';
import { redactUrl } from '../../transport/redact.js';
import { objectFromHeaders } from './from-headers.js';
import { isMd5, unquoteEtag } from './hashing.js';
import { type ObjectLayout, readLayout } from './layout.js';
import type { ObjectResource } from './object.js';
import { objectPath } from './paths.js';
import { followUp } from './send.js';
import { type Expectation, verified } from './verify.js';

/** What to download and how to check it. */
export interface DownloadOptions {
  /** Bytes to read: `{ start, end }` (inclusive, like HTTP), `{ suffix: n }` for the last n, or a raw `bytes=` value. */
  range?: { start: number; end?: number } | { suffix: number } | string;
  /** Check the MD5 of what is read against the ETag (per segment for large objects). Default true. */
  verify?: boolean;
  /** A specific version (object versioning). */
  versionId?: string;
  /** Extra headers (If-Match, If-Modified-Since, ...). */
  headers?: Record<string, string>;
  /** Aborts the download. */
  signal?: AbortSignal;
  /** Per-attempt timeout in ms. */
  timeoutMs?: number;
}

/** An object being downloaded: its metadata, its bytes as a stream, and what is verified. */
export interface ObjectDownload {
  /** The object's metadata, from the GET's headers. */
  object: ObjectResource;
  /**
   * The bytes; fails with ChecksumMismatchError / LengthMismatchError at the first bad part. A
   * Node Readable where Node's streams exist; in a browser or worker an async iterable of
   * Uint8Array chunks (read it with `for await`).
   */
  stream: Readable;
  /** What is verified: the whole body's MD5, each segment's MD5, or only the length. */
  verification: 'md5' | 'segments' | 'length' | 'none';
  /** The layout, for large objects. */
  layout?: ObjectLayout;
}

/**
 * The error when a large object's manifest changed on every attempt to read it whole (the
 * single GET's and the cloud layer's segment-by-segment download give up alike).
 */
export function manifestKeptChanging(url: string): ConflictError {
  return new ConflictError({
    status: 409,
    method: 'GET',
    url,
    serviceMessage: 'the manifest kept changing during the download',
  });
}

/** The Range header value for a range option. */
export function rangeHeader(r: NonNullable<DownloadOptions['range']>): string {
  if (typeof r === 'string') return r.startsWith('bytes=') ? r : `bytes=${r}`;
  if ('suffix' in r) return `bytes=-${r.suffix}`;
  return `bytes=${r.start}-${r.end ?? ''}`;
}

/** GET an object as a verified stream. */
export async function openDownload(
  client: ServiceClient,
  container: string,
  name: string,
  o: DownloadOptions = {},
): Promise<ObjectDownload> {
  const path = objectPath(container, name);
  const what = `${container}/${name}`;
  const headers: Record<string, string> = {};
  if (o.range !== undefined) headers.range = rangeHeader(o.range);
  const query = o.versionId ? { 'version-id': o.versionId } : undefined;
  for (let attempt = 1; ; attempt++) {
    const res: HttpResponse = await client.request('GET', path, { headers, query }, o);
    const h = res.headers;
    const object = objectFromHeaders(client, container, name, h);
    const length = h['content-length'] !== undefined ? Number(h['content-length']) : undefined;
    let exp: Expectation | undefined;
    let verification: ObjectDownload['verification'] = 'none';
    let layout: ObjectLayout | undefined;
    if (o.verify !== false && res.status === 200 && !h['content-range']) {
      const isLarge =
        h['x-static-large-object']?.toLowerCase() === 'true' || h['x-object-manifest'] !== undefined;
      if (isLarge) {
        try {
          layout = await readLayout(client, container, name, h, followUp(o));
        } catch (e) {
          await res.body.dump().catch(() => {});
          throw e;
        }
        if (!layout.consistent && attempt < 3) {
          await res.body.dump().catch(() => {});
          continue;
        }
        if (!layout.consistent) {
          if (layout.kind === 'slo') {
            await res.body.dump().catch(() => {});
            throw manifestKeptChanging(what);
          }
          // DLO listings are eventually consistent: fall back to the length
          exp = { what, length };
          verification = 'length';
        } else {
          exp = {
            what,
            length,
            segments: layout.parts.map((p) => ({ bytes: p.bytes, hash: p.hash, name: p.name })),
          };
          verification = 'segments';
        }
      } else {
        const md5 = unquoteEtag(h.etag);
        exp = { what, length, ...(isMd5(md5) ? { md5 } : {}) };
        verification = isMd5(md5) ? 'md5' : 'length';
      }
    }
    if (!exp) return { object, stream: res.body, verification, layout };
    exp.facts = { method: 'GET', url: redactUrl(res.url), status: res.status, requestId: res.requestId };
    const stream = asReadable(verified(res.body as AsyncIterable<Uint8Array>, exp));
    return { object, stream, verification, layout };
  }
}
