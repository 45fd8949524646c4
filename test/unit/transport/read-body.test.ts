import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { readBody } from '../../../src/transport/read-body.js';

const tooLarge = (detail: string) => new Error(`too large: ${detail}`);

function read(chunks: Uint8Array[], as: 'text' | 'bytes', limit = 1 << 20, node = true) {
  const body: AsyncIterable<unknown> = node
    ? Readable.from(chunks.map((c) => Buffer.from(c)))
    : (async function* () {
        yield* chunks;
      })();
  return readBody(body, { limit, contentLength: undefined, as, tooLarge, discard: () => {} });
}

/** Every way of cutting `bytes` into 1-, 2- and 3-byte chunks at each offset. */
function splits(bytes: Uint8Array): Uint8Array[][] {
  const out: Uint8Array[][] = [[bytes]];
  for (let size = 1; size <= 3; size++) {
    const parts: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
    out.push(parts);
  }
  for (let cut = 1; cut < bytes.length; cut++) out.push([bytes.subarray(0, cut), bytes.subarray(cut)]);
  return out;
}

describe('readBody', () => {
  const valid = new TextEncoder().encode('{"name":"ünïcødé €𝄞"}');
  // a lone continuation byte in the middle, then a truncated 4-byte sequence at the end
  const invalid = Uint8Array.from([...valid.subarray(0, 12), 0x80, ...valid.subarray(12), 0xf0, 0x9d]);
  const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...valid]);

  for (const node of [true, false]) {
    const kind = node ? 'a Node stream' : 'an async iterable';
    it(`keeps valid UTF-8 as text and gives the bytes back exactly (${kind})`, async () => {
      for (const parts of splits(bom)) {
        const b = await read(parts, 'text', 1 << 20, node);
        assert.equal(b.utf8, new TextDecoder().decode(bom), `text of ${parts.length} chunks`);
        assert.deepEqual(Buffer.from(b.bytes()), Buffer.from(bom), `bytes of ${parts.length} chunks`);
        assert.equal(b.byteLength, bom.byteLength, 'the byte count is of bytes, not characters');
      }
    });

    it(`falls back to the exact bytes when the body is not UTF-8 (${kind})`, async () => {
      for (const parts of splits(invalid)) {
        const b = await read(parts, 'text', 1 << 20, node);
        assert.equal(b.utf8, undefined, `invalid UTF-8 in ${parts.length} chunks has no strict text`);
        assert.deepEqual(Buffer.from(b.bytes()), Buffer.from(invalid), `bytes of ${parts.length} chunks`);
        assert.equal(
          b.text(),
          new TextDecoder().decode(invalid),
          'lenient text replaces as TextDecoder does',
        );
      }
    });
  }

  it('caps at the exact byte count, not the character count', async () => {
    const ok = await read(splits(valid)[1]!, 'text', valid.byteLength);
    assert.equal(ok.byteLength, valid.byteLength, 'a body of exactly the cap is read');
    await assert.rejects(
      read(splits(valid)[1]!, 'text', valid.byteLength - 1),
      /too large/,
      'one byte over fails',
    );
  });

  it('reads bytes as they came when bytes are asked for first', async () => {
    const b = await read([invalid], 'bytes');
    assert.deepEqual(Buffer.from(b.bytes()), Buffer.from(invalid), 'bytes kept as received');
    assert.equal(b.utf8, undefined, 'and they are still refused as strict UTF-8');
  });

  it('fails a stream closed before its end as a premature close', async () => {
    const body = new Readable({ read() {} });
    body.push(Buffer.from('{"a"'));
    const p = readBody(body, {
      limit: 100,
      contentLength: undefined,
      as: 'text',
      tooLarge,
      discard: () => {},
    });
    setImmediate(() => body.destroy());
    await assert.rejects(p, /Premature close/, 'a destroyed body is not a complete document');
  });
});
