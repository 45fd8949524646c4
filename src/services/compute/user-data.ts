/**
 * User data for servers. Nova wants base64 text; the SDK never guesses whether a string is
 * already encoded:
 *
 * - bytes (`Uint8Array`, `Buffer`) are encoded by the SDK: `Buffer.from('#cloud-config\n...')`;
 * - a string must already be base64 and is sent unchanged; a string that is not valid base64
 *   (e.g. plain `#!/bin/sh` text) is rejected with a {@link ValidationError} before sending,
 *   because a plain text that happens to be valid base64 ("echo") would otherwise reach the
 *   server as garbage.
 */
import { ValidationError } from '../../errors/errors.js';
import { bytesToBase64 } from '../../transport/bytes.js';

/** Nova's limit on the encoded size. */
export const MAX_USER_DATA_LENGTH = 65535;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** True when `s` is canonical base64 (line breaks allowed). */
export function isBase64(s: string): boolean {
  return BASE64.test(s.replace(/\r?\n/g, ''));
}

/** The base64 text nova expects for `user_data`, from bytes or base64 text. */
export function encodeUserData(value: string | Uint8Array, field = 'server.userData'): string {
  let out: string;
  if (value instanceof Uint8Array) out = bytesToBase64(value);
  else if (typeof value === 'string') {
    if (!isBase64(value)) {
      throw new ValidationError('must be base64-encoded text, or bytes for the SDK to encode', {
        field,
        fix: "pass Buffer.from(text) to have the SDK encode it, or Buffer.from(text).toString('base64')",
      });
    }
    out = value;
  } else {
    throw new ValidationError(`must be a base64 string or bytes, got ${typeof value}`, {
      field,
      fix: 'pass Buffer.from(text)',
    });
  }
  if (out.length > MAX_USER_DATA_LENGTH) {
    throw new ValidationError(`is ${out.length} bytes once encoded; nova accepts ${MAX_USER_DATA_LENGTH}`, {
      field,
      fix: 'shrink it (e.g. gzip it: cloud-init reads gzipped user data) or fetch the payload from the guest',
    });
  }
  return out;
}
