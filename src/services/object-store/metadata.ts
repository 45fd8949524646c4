/**
 * Swift user metadata travels in headers: `X-<Kind>-Meta-<Key>: <value>` to set,
 * `X-Remove-<Kind>-Meta-<Key>` to remove. Header values are UTF-8 bytes on the wire; Node
 * only sends Latin-1 header strings, so values (and keys) are carried as UTF-8 bytes spelled
 * in Latin-1 and decoded back when read.
 */
import { ValidationError } from '../../errors/errors.js';
import { latin1Bytes, latin1Text, utf8Bytes } from '../../transport/bytes.js';

export type MetaKind = 'account' | 'container' | 'object';

const tokenChars = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Temp URL keys are metadata too, but secrets: never returned in `metadata`. */
export const TEMP_URL_KEY_HEADERS = new Set([
  'x-account-meta-temp-url-key',
  'x-account-meta-temp-url-key-2',
  'x-container-meta-temp-url-key',
  'x-container-meta-temp-url-key-2',
]);

/** A string as UTF-8 bytes spelled in Latin-1 (what a header carries). */
export function toHeaderValue(v: string): string {
  return latin1Text(utf8Bytes(v));
}

/** A header value received as Latin-1 back to text, decoding UTF-8 when it is valid UTF-8. */
export function fromHeaderValue(v: string): string {
  // all-ASCII values are the common case
  if (!/[\u0080-\u00ff]/.test(v) || [...v].some((c) => c.charCodeAt(0) > 0xff)) return v;
  try {
    // fatal: bytes that are not UTF-8 are kept as the Latin-1 text they arrived as
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(latin1Bytes(v));
  } catch {
    return v;
  }
}

function checkKey(kind: MetaKind, key: string): void {
  if (!key || !tokenChars.test(key)) {
    throw new ValidationError(`metadata key "${key}" is not a valid header name part`, {
      field: `${kind}.metadata`,
      fix: 'use letters, digits and "-" (Swift reports keys lower-cased)',
    });
  }
}

/** Headers that set metadata: `{ color: 'red' }` → `{ 'X-Object-Meta-color': 'red' }`. */
export function metadataHeaders(
  kind: MetaKind,
  md: Record<string, string> | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  const prefix = `X-${kind[0]!.toUpperCase()}${kind.slice(1)}-Meta-`;
  for (const [k, v] of Object.entries(md ?? {})) {
    checkKey(kind, k);
    if (typeof v !== 'string') {
      throw new ValidationError(`metadata value of "${k}" must be a string`, { field: `${kind}.metadata` });
    }
    if (/[\r\n]/.test(v)) {
      throw new ValidationError(`metadata value of "${k}" contains a line break`, {
        field: `${kind}.metadata`,
      });
    }
    out[`${prefix}${k}`] = toHeaderValue(v);
  }
  return out;
}

/** Headers that remove metadata keys (`X-Remove-Object-Meta-<key>`; objects: POST replaces instead). */
export function removeMetadataHeaders(kind: MetaKind, keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const prefix = `X-Remove-${kind[0]!.toUpperCase()}${kind.slice(1)}-Meta-`;
  for (const k of keys) {
    checkKey(kind, k);
    out[`${prefix}${k}`] = 'x';
  }
  return out;
}

/** User metadata from response headers (keys lower-cased, temp URL keys left out). */
export function metadataFromHeaders(kind: MetaKind, headers: Record<string, string>): Record<string, string> {
  const prefix = `x-${kind}-meta-`;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    const lk = k.toLowerCase();
    if (!lk.startsWith(prefix) || TEMP_URL_KEY_HEADERS.has(lk)) continue;
    out[fromHeaderValue(lk.slice(prefix.length))] = fromHeaderValue(v);
  }
  return out;
}
