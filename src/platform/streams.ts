/**
 * Streams the SDK hands to callers: a Node Readable where Node's streams exist (pipe(), the
 * stream/promises pipeline, `.destroy()` all work), else the async iterable of Uint8Array chunks
 * itself, which `for await` reads in every runtime.
 */
import type { Readable } from 'node:stream';
import { nodeModule } from './node.js';

/** `chunks` as a Node Readable, or as itself where the runtime has no Node streams. */
export function asReadable(chunks: AsyncIterable<Uint8Array>): Readable {
  const stream = nodeModule('node:stream');
  if (!stream) return chunks as unknown as Readable;
  const r = stream.Readable.from(chunks, { objectMode: false });
  return r;
}
