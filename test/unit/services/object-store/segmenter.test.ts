import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { StreamSegmenter, sourceFromData } from '../../../../src/services/object-store/source.js';

async function collect(it: AsyncIterable<Uint8Array>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const c of it) parts.push(Buffer.from(c));
  return Buffer.concat(parts).toString();
}

async function* chunks(list: string[], failAfter?: number) {
  let i = 0;
  for (const c of list) {
    if (failAfter !== undefined && i++ === failAfter) throw new Error('source broke');
    yield Buffer.from(c);
  }
}

describe('stream segmenter', () => {
  test('cuts a stream into fixed-size segments whatever the chunk sizes', async () => {
    const s = new StreamSegmenter(chunks(['abc', '', 'defgh', 'ij', 'k']));
    const out: string[] = [];
    while (await s.hasMore()) out.push(await collect(s.segment(4)));
    assert.deepEqual(out, ['abcd', 'efgh', 'ijk']);
  });
  test('an exact multiple ends without an empty segment', async () => {
    const s = new StreamSegmenter(chunks(['abcd', 'efgh']));
    const out: string[] = [];
    while (await s.hasMore()) out.push(await collect(s.segment(4)));
    assert.deepEqual(out, ['abcd', 'efgh']);
  });
  test('the source error is kept', async () => {
    const s = new StreamSegmenter(chunks(['abcd', 'efgh', 'ij'], 2));
    assert.equal(await collect(s.segment(4)), 'abcd');
    await assert.rejects(collect(s.segment(8)), /source broke/);
    assert.match(String(s.sourceError), /source broke/);
  });
  test('strings are UTF-8 and iterables of strings work', async () => {
    assert.equal(sourceFromData('héllo').size, 6);
    const s = new StreamSegmenter(
      (async function* () {
        yield 'ab';
        yield 'cd';
      })(),
    );
    assert.equal(await collect(s.segment(3)), 'abc');
  });
  test('other data is refused', () => {
    assert.throws(() => sourceFromData(42 as unknown as string), /data must be/);
  });
});
