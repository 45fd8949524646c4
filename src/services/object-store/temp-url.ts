/**
 * Temporary URL signatures (tempurl middleware): an HMAC over
 * `[ip=<range>\n]<METHOD>\n<expires>\n[prefix:]<path>`, where path is the decoded
 * `/v1/AUTH_<project>/<container>/<object or prefix>`. SHA-256 signatures are hex; SHA-512
 * ones must be `sha512:` + unpadded URL-safe base64; SHA-1 (deprecated upstream) is hex and
 * only used when asked for.
 */
import { ValidationError } from '../../errors/errors.js';
import { hmacBytes, toBase64Url, toHex } from '../../platform/crypto.js';

/** The HMAC digest a temp URL is signed with. */
export type TempUrlDigest = 'sha1' | 'sha256' | 'sha512';
/** The HTTP methods a temp URL can grant. */
export type TempUrlMethod = 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE';

export interface TempUrlSignInput {
  method: TempUrlMethod;
  /** Decoded path from `/v1/` on: `/v1/AUTH_x/c/o`, or `/v1/AUTH_x/c/<prefix>` with `prefix`. */
  path: string;
  /** Expiry as a Unix time in seconds. */
  expires: number;
  key: string;
  digest?: TempUrlDigest;
  /** Sign for every object whose name starts with the last part of `path`. */
  prefix?: boolean;
  /** Restrict to a client IP or CIDR range. */
  ipRange?: string;
}

/** The `temp_url_sig` value. */
export function tempUrlSignature(i: TempUrlSignInput): string {
  const digest = i.digest ?? 'sha256';
  if (!['sha1', 'sha256', 'sha512'].includes(digest)) {
    throw new ValidationError(`unknown digest "${digest}"`, { field: 'digest', fix: 'use sha256 or sha512' });
  }
  if (!Number.isInteger(i.expires) || i.expires <= 0) {
    throw new ValidationError('expires must be a positive whole Unix time', { field: 'expires' });
  }
  if (!i.key) throw new ValidationError('a temp URL key is required', { field: 'key' });
  const parts = [i.method, String(i.expires), `${i.prefix ? 'prefix:' : ''}${i.path}`];
  if (i.ipRange) parts.unshift(`ip=${i.ipRange}`);
  const mac = hmacBytes(digest, i.key, parts.join('\n'));
  return digest === 'sha512' ? `sha512:${toBase64Url(mac)}` : toHex(mac);
}

/** Split an account URL into its origin+path and the `/v1/...` part signatures cover. */
export function signedAccountPath(accountUrl: string): string {
  const path = decodeURIComponent(new URL(accountUrl).pathname).replace(/\/+$/, '');
  const i = path.search(/\/v1(\/|$)/);
  return i >= 0 ? path.slice(i) : path;
}
