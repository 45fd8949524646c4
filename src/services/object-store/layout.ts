/**
 * The layout of an object: plain, or a large object made of segments. For a static large
 * object the segments come from its manifest (`GET ?multipart-manifest=get`); for a dynamic
 * one from listing `<segment container>?prefix=<prefix>` (X-Object-Manifest), in name order.
 * Used to verify downloads, compare local files, delete segments and find orphans.
 */
import { decodeJson } from '../../session/decode.js';
import type { RequestOptions } from '../../session/request-options.js';
import type { ServiceClient } from '../../session/service-client.js';
import { base64ToBytes } from '../../transport/bytes.js';
import { isMd5, md5Hex, unquoteEtag } from './hashing.js';
import { markerListing } from './listing.js';
import { containerPath, objectPath } from './paths.js';
import { largeObjectEtag } from './verify.js';

/** One part of an object's data: a segment, or a range of one. */
export interface LayoutPart {
  /** Segment container and name (absent for inline data segments). */
  container?: string;
  /** The segment's name. */
  name?: string;
  /** Bytes this part contributes. */
  bytes: number;
  /** MD5 of those bytes, when it can be checked (not for ranges or nested SLOs). */
  hash?: string;
  /** The segment's ETag as recorded (for the large object's ETag). */
  etag: string;
  /** The byte range of the segment used (SLO ranges), e.g. `0-1023`. */
  range?: string;
}

/** How an object's data is stored: plain, or a large object and its parts. */
export interface ObjectLayout {
  /** Plain, static large object or dynamic large object. */
  kind: 'plain' | 'slo' | 'dlo';
  /** The object's ETag, unquoted. */
  etag?: string;
  /** Total size. */
  bytes: number;
  /** The parts in order (empty for a plain object). */
  parts: LayoutPart[];
  /** DLO: where the segments are. */
  dlo?: { container: string; prefix: string };
  /** Whether `etag` equals the ETag recomputed from the parts (false: the object changed meanwhile). */
  consistent: boolean;
}

interface SloManifestEntry {
  name?: string;
  hash?: string;
  bytes?: number;
  range?: string;
  sub_slo?: boolean;
  data?: string;
}

function splitSegmentPath(p: string): { container: string; name: string } {
  const s = p.replace(/^\//, '');
  const i = s.indexOf('/');
  return { container: s.slice(0, i), name: s.slice(i + 1) };
}

function rangeLength(range: string, size: number): number {
  const m = /^(\d*)-(\d*)$/.exec(range.trim());
  if (!m) return size;
  const [, a, b] = m;
  if (a === '') return Math.min(Number(b), size);
  const start = Number(a);
  const end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  return Math.max(0, end - start + 1);
}

/** Parse a `?multipart-manifest=get` body into parts. */
export function sloParts(manifest: SloManifestEntry[]): LayoutPart[] {
  return manifest.map((e) => {
    if (e.data !== undefined) {
      const raw = base64ToBytes(e.data);
      const h = md5Hex(raw);
      return { bytes: raw.byteLength, hash: h, etag: h };
    }
    const { container, name } = splitSegmentPath(e.name ?? '');
    const size = e.bytes ?? 0;
    const etag = e.hash ?? '';
    const checkable = !e.range && !e.sub_slo && isMd5(etag);
    return {
      container,
      name,
      bytes: e.range ? rangeLength(e.range, size) : size,
      ...(checkable ? { hash: etag } : {}),
      etag,
      ...(e.range ? { range: e.range } : {}),
    };
  });
}

/** Decode an X-Object-Manifest value (`<container>/<prefix>`, URL-encoded by most clients). */
export function parseObjectManifest(v: string): { container: string; prefix: string } {
  let s = v;
  try {
    s = decodeURIComponent(v);
  } catch {
    // not encoded
  }
  const i = s.indexOf('/');
  return i < 0 ? { container: s, prefix: '' } : { container: s.slice(0, i), prefix: s.slice(i + 1) };
}

/**
 * The layout of an object whose HEAD/GET headers are known; `call` is the caller's options
 * for the manifest read or listing (without the headers meant for the object's own request).
 */
export async function readLayout(
  client: ServiceClient,
  container: string,
  name: string,
  headers: Record<string, string>,
  call?: RequestOptions,
): Promise<ObjectLayout> {
  const etag = unquoteEtag(headers.etag);
  const size = Number(headers['content-length'] ?? 0);
  if ((headers['x-static-large-object'] ?? '').toLowerCase() === 'true') {
    const res = await client.request(
      'GET',
      objectPath(container, name),
      { query: { 'multipart-manifest': 'get' }, buffer: true },
      call,
    );
    const parts = sloParts((await decodeJson(res)).rows(null) as unknown as SloManifestEntry[]);
    const computed = largeObjectEtag(parts.map((p) => ({ hash: p.etag, range: p.range })));
    return {
      kind: 'slo',
      etag,
      bytes: parts.reduce((a, p) => a + p.bytes, 0),
      parts,
      consistent: computed === etag,
    };
  }
  if (headers['x-object-manifest'] !== undefined) {
    const dlo = parseObjectManifest(headers['x-object-manifest']);
    const parts: LayoutPart[] = [];
    const rows = markerListing(
      client,
      { path: containerPath(dlo.container), query: { prefix: dlo.prefix }, call },
      (r) => r,
    );
    for await (const r of rows) {
      const hash = String(r.hash ?? '');
      parts.push({
        container: dlo.container,
        name: String(r.name),
        bytes: Number(r.bytes ?? 0),
        ...(isMd5(hash) ? { hash } : {}),
        etag: hash,
      });
    }
    const computed = largeObjectEtag(parts.map((p) => ({ hash: p.etag })));
    const bytes = parts.reduce((a, p) => a + p.bytes, 0);
    return { kind: 'dlo', etag, bytes, parts, dlo, consistent: computed === etag && bytes === size };
  }
  return { kind: 'plain', etag, bytes: size, parts: [], consistent: true };
}
