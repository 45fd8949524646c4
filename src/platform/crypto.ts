/**
 * Hashes, HMACs and random ids in every runtime. Node's crypto is used where it exists (native,
 * several times faster on large uploads); elsewhere the pure-JS hashes of `@noble/hashes`. Not
 * WebCrypto's `crypto.subtle`: it cannot hash incrementally (a streamed upload's MD5) and is
 * asynchronous, while `tempUrlSignature` and the ETag checks are synchronous.
 */
import { hmac as nobleHmac } from '@noble/hashes/hmac.js';
import { md5 as nobleMd5, sha1 as nobleSha1 } from '@noble/hashes/legacy.js';
import { sha224, sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { nodeModule } from './node.js';

/** The digest algorithms available in every runtime (Node's names). */
export type DigestName = 'md5' | 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';

/** An incremental hash: feed it chunks, then read the hex digest once. */
export interface Digest {
  /** Add bytes (strings are UTF-8). */
  update(data: Uint8Array | string): Digest;
  /** The digest as bytes; the hash cannot be updated afterwards. */
  bytes(): Uint8Array;
  /** The digest as lower-case hex; the hash cannot be updated afterwards. */
  hex(): string;
}

const NOBLE = { md5: nobleMd5, sha1: nobleSha1, sha224, sha256, sha384, sha512 } as const;

const utf8 = new TextEncoder();

function asBytes(data: Uint8Array | string): Uint8Array {
  return typeof data === 'string' ? utf8.encode(data) : data;
}

/** Whether `name` is a digest every runtime can compute (after `-`/`_` folding and lower-casing). */
export function digestName(name: string): DigestName | undefined {
  const n = name.toLowerCase().replace(/[-_]/g, '');
  return n in NOBLE ? (n as DigestName) : undefined;
}

/**
 * A new incremental hash. `name` is a {@link DigestName}, or on Node any algorithm its crypto
 * knows (e.g. `sha3-256`); undefined when the runtime cannot compute it, or when Node refuses it
 * (MD5 in FIPS mode).
 */
export function createDigest(name: string): Digest | undefined {
  const node = nodeModule('node:crypto');
  if (node) {
    let h: import('node:crypto').Hash;
    try {
      h = node.createHash(name);
    } catch {
      return undefined;
    }
    return {
      update(d) {
        h.update(d);
        return this;
      },
      bytes: () => new Uint8Array(h.digest()),
      hex: () => h.digest('hex'),
    };
  }
  const known = digestName(name);
  if (!known) return undefined;
  const h = NOBLE[known].create();
  let out: Uint8Array | undefined;
  const bytes = () => {
    out ??= h.digest();
    return out;
  };
  return {
    update(d) {
      h.update(asBytes(d));
      return this;
    },
    bytes,
    hex: () => bytesToHex(bytes()),
  };
}

/** A digest every runtime has: a programming error, not a runtime gap, when it is missing. */
export function mustDigest(name: DigestName): Digest {
  const d = createDigest(name);
  if (!d) throw new Error(`the ${name} digest is unavailable in this runtime`);
  return d;
}

/** Hex digest of one string or byte array. */
export function hexDigest(name: DigestName, data: Uint8Array | string): string {
  return mustDigest(name).update(data).hex();
}

/**
 * The sha256 hex of a short string, always in JS (`@noble/hashes`, loaded with this module
 * anyway). For small inputs such as the token cache key, where loading Node's crypto module would
 * cost a CLI call more than the hash itself (~14 M instructions, ~2 ms).
 */
export function sha256HexSmall(text: string): string {
  return bytesToHex(sha256(utf8.encode(text)));
}

/** HMAC of `message` under `key` (both UTF-8 when strings), as bytes. */
export function hmacBytes(
  name: 'sha1' | 'sha256' | 'sha512',
  key: Uint8Array | string,
  message: Uint8Array | string,
): Uint8Array {
  const node = nodeModule('node:crypto');
  if (node) return new Uint8Array(node.createHmac(name, asBytes(key)).update(asBytes(message)).digest());
  return nobleHmac(NOBLE[name], asBytes(key), asBytes(message));
}

/** Bytes as lower-case hex. */
export function toHex(bytes: Uint8Array): string {
  return bytesToHex(bytes);
}

/** Bytes as unpadded URL-safe base64 (RFC 4648 §5). */
export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** `n` random bytes from the runtime's CSPRNG (WebCrypto, present in Node ≥ 19 too), as hex. */
export function randomHex(n: number): string {
  const b = new Uint8Array(n);
  globalThis.crypto.getRandomValues(b);
  return bytesToHex(b);
}

/** A random RFC 4122 v4 UUID. */
export function randomUuid(): string {
  return globalThis.crypto.randomUUID();
}
