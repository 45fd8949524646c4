/**
 * The Swift headers an object or container call sends for its options (metadata, ACLs,
 * versioning, quotas, expiry, content headers). The caller's own `headers` are not part of
 * them: they are the caller's options, merged over these when the request is sent.
 */
import { metadataHeaders } from './metadata.js';
import type { CreateContainerOptions, CreateObjectOptions, UpdateContainerOptions } from './options.js';

/** Unix seconds of a time given as seconds or a Date. */
export function unixTime(v: number | Date): number {
  return Math.floor(v instanceof Date ? v.getTime() / 1000 : v);
}

/** The headers of an object's content type, encoding, disposition, metadata, expiry and If-None-Match. */
export function objectHeaders(
  o: Pick<
    CreateObjectOptions,
    | 'contentType'
    | 'contentEncoding'
    | 'contentDisposition'
    | 'metadata'
    | 'deleteAfter'
    | 'deleteAt'
    | 'ifNoneMatch'
  >,
): Record<string, string> {
  const h: Record<string, string> = { ...metadataHeaders('object', o.metadata) };
  if (o.contentType) h['content-type'] = o.contentType;
  if (o.contentEncoding) h['content-encoding'] = o.contentEncoding;
  if (o.contentDisposition) h['content-disposition'] = o.contentDisposition;
  if (o.deleteAfter !== undefined) h['x-delete-after'] = String(Math.floor(o.deleteAfter));
  if (o.deleteAt !== undefined) h['x-delete-at'] = String(unixTime(o.deleteAt));
  if (o.ifNoneMatch) h['if-none-match'] = o.ifNoneMatch;
  return h;
}

/** The headers of a container's settings; `null` sends the matching `X-Remove-*`. */
export function containerHeaders(o: CreateContainerOptions | UpdateContainerOptions): Record<string, string> {
  const h: Record<string, string> = { ...metadataHeaders('container', o.metadata) };
  const set = (name: string, remove: string, v: string | number | null | undefined) => {
    if (v === undefined) return;
    if (v === null) h[remove] = 'x';
    else h[name] = String(v);
  };
  set('x-container-read', 'x-remove-container-read', o.readAcl);
  set('x-container-write', 'x-remove-container-write', o.writeAcl);
  set('x-versions-location', 'x-remove-versions-location', o.versionsLocation);
  set('x-history-location', 'x-remove-history-location', o.historyLocation);
  if (o.versionsEnabled !== undefined) h['x-versions-enabled'] = String(o.versionsEnabled);
  set('x-container-meta-quota-bytes', 'x-remove-container-meta-quota-bytes', o.quotaBytes);
  set('x-container-meta-quota-count', 'x-remove-container-meta-quota-count', o.quotaCount);
  if ('storagePolicy' in o && o.storagePolicy) h['x-storage-policy'] = o.storagePolicy;
  return h;
}

/** Lower-cased request headers worth reflecting on a created resource (not removals). */
export function reflected(h: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(h)
      .filter(([k]) => !k.toLowerCase().startsWith('x-remove-'))
      .map(([k, v]) => [k.toLowerCase(), v]),
  );
}
