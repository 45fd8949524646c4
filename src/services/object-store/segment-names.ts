/**
 * Where segments go and how they are named. The layout follows python-swiftclient so either
 * tool recognises the other's segments: `<object>/slo/<upload id>/<size>/<segment size>/<%08d>`
 * in `<container>_segments` (DLO: `<object>/dlo/...`; swiftclient's own DLO segments have
 * no kind part). The upload id (a timestamp plus a random suffix) makes every upload's names
 * unique, so an upload that fails midway never touches the segments of the object it was
 * replacing.
 */
import { randomHex } from '../../platform/crypto.js';

/** Static (`slo`: a manifest listing the segments) or dynamic (`dlo`: every object under a prefix). */
export type LargeObjectKind = 'slo' | 'dlo';

/** Default segment container for a container. */
export function defaultSegmentContainer(container: string): string {
  return `${container}_segments`;
}

/** A new upload id: `<unix seconds with µs>-<6 hex>`. */
export function newUploadId(now = Date.now()): string {
  return `${(now / 1000).toFixed(6)}-${randomHex(3)}`;
}

/** The common prefix of one upload's segments (ends with `/`). */
export function segmentPrefix(
  name: string,
  kind: LargeObjectKind,
  uploadId: string,
  size: number | undefined,
  segmentSize: number,
): string {
  return `${name}/${kind}/${uploadId}/${size ?? 'stream'}/${segmentSize}/`;
}

/** Name of segment `index` under a prefix. */
export function segmentName(prefix: string, index: number): string {
  return `${prefix}${String(index).padStart(8, '0')}`;
}

/**
 * Whether `segment` looks like a segment of object `name` written by this SDK or by
 * swiftclient (`<name>/[slo|dlo/]<id>/<size>/<segment size>/<digits>`), and not like an
 * object of its own whose name merely starts with `<name>/`.
 */
export function isSegmentOf(name: string, segment: string): boolean {
  if (!segment.startsWith(`${name}/`)) return false;
  const rest = segment.slice(name.length + 1).split('/');
  const parts = rest[0] === 'slo' || rest[0] === 'dlo' ? rest.slice(1) : rest;
  return (
    parts.length === 4 &&
    /^[0-9.]+(-[0-9a-f]+)?$/.test(parts[0]!) &&
    /^(\d+|stream)$/.test(parts[1]!) &&
    /^\d+$/.test(parts[2]!) &&
    /^\d+$/.test(parts[3]!)
  );
}
