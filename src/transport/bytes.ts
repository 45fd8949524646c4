/**
 * Byte helpers that work without Node's `Buffer`: where it exists (Node, Bun, Deno) results are
 * Buffers, so `HttpResponse.bytes()` keeps its Node contract; elsewhere plain Uint8Arrays.
 */

type BufferCtor = {
  from(a: ArrayBufferLike, off?: number, len?: number): Uint8Array;
  concat(list: readonly Uint8Array[], total?: number): Uint8Array;
};

function nodeBuffer(): BufferCtor | undefined {
  return (globalThis as { Buffer?: BufferCtor }).Buffer;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** UTF-8 bytes of a string. */
export function utf8Bytes(s: string): Uint8Array {
  return encoder.encode(s);
}

/** A string's UTF-8 length or an array's byte length. */
export function byteLength(body: string | Uint8Array): number {
  if (typeof body !== 'string') return body.byteLength;
  // ASCII (most JSON) needs no encoding to be measured
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point
  return /^[\x00-\x7f]*$/.test(body) ? body.length : encoder.encode(body).byteLength;
}

/** Bytes as text (UTF-8). */
export function utf8Text(b: Uint8Array): string {
  return decoder.decode(b);
}

/** A Buffer view of `b` where Buffer exists, else `b` itself. */
export function asNodeBytes(b: Uint8Array): Uint8Array {
  const B = nodeBuffer();
  return B ? B.from(b.buffer, b.byteOffset, b.byteLength) : b;
}

/** The chunks joined into one array (a Buffer where Buffer exists). */
export function concatBytes(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const B = nodeBuffer();
  if (B) return B.concat(chunks, total);
  if (chunks.length === 1 && chunks[0]!.byteLength === total) return chunks[0]!;
  const out = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.byteLength;
  }
  return out;
}

/** A chunk of a body: strings (some iterables yield them) become UTF-8 bytes. */
export function chunkBytes(c: Uint8Array | string): Uint8Array {
  return typeof c === 'string' ? utf8Bytes(c) : c;
}

/** Bytes as a Latin-1 string (one character per byte), as Node's `toString('latin1')`. */
export function latin1Text(b: Uint8Array): string {
  let s = '';
  // in slices: String.fromCharCode takes its arguments on the stack
  for (let i = 0; i < b.byteLength; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
}

/** A Latin-1 string's bytes (each character's low 8 bits), as Node's `Buffer.from(s, 'latin1')`. */
export function latin1Bytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

/** Bytes as standard base64 (padded). */
export function bytesToBase64(b: Uint8Array): string {
  return btoa(latin1Text(b));
}

/** Standard or URL-safe base64 (padding optional) as bytes; characters outside the alphabet are skipped, as Node does. */
export function base64ToBytes(s: string): Uint8Array {
  const clean = s
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .replace(/[^A-Za-z0-9+/]/g, '');
  const padded = clean.length % 4 === 1 ? clean.slice(0, -1) : clean;
  return latin1Bytes(atob(padded + '='.repeat((4 - (padded.length % 4)) % 4)));
}

/** Whether two byte arrays hold the same bytes. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Byte bodies larger than this are sent in slices of it: a transport then writes them with
 * back-pressure and sees each slice leave, so its idle timer measures the server, not the size.
 */
export const BODY_SLICE = 64 * 1024;

/** `b` in slices of {@link BODY_SLICE} bytes (views, not copies). */
export function* bodySlices(b: Uint8Array): Generator<Uint8Array> {
  for (let off = 0; off < b.byteLength; off += BODY_SLICE) yield b.subarray(off, off + BODY_SLICE);
}
