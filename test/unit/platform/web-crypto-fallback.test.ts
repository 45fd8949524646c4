/**
 * Where Node's crypto is absent the SDK hashes with @noble/hashes: the same temp URL signatures,
 * MD5 ETags (whole and streamed) and random ids as on Node. The platform module is bundled for the
 * browser and run in a context without `process`, so its fallback path is the one exercised,
 * and every result is compared with Node's own crypto.
 */
import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';
import { createContext, runInContext } from 'node:vm';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '../../..');

async function webModule(): Promise<Record<string, (...a: unknown[]) => unknown>> {
  const r = await build({
    stdin: {
      contents: `export { createDigest, hexDigest, randomHex, randomUuid } from './src/platform/crypto.ts';
export { tempUrlSignature } from './src/services/object-store/temp-url.ts';`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'M',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const ctx = createContext({ TextEncoder, crypto: globalThis.crypto, btoa, atob });
  runInContext(r.outputFiles[0]!.text, ctx);
  assert.equal(runInContext('typeof process', ctx), 'undefined', 'the context must have no process');
  return runInContext('M', ctx) as Record<string, (...a: unknown[]) => unknown>;
}

describe('crypto without node:crypto', () => {
  test('temp URL signatures match HMAC-SHA1/256/512 of Node', async () => {
    const m = await webModule();
    const key = 'sécret-key';
    const base = { method: 'GET', path: '/v1/AUTH_p/c/o ü', expires: 1_900_000_000, key };
    const message = `GET\n1900000000\n/v1/AUTH_p/c/o ü`;
    for (const digest of ['sha1', 'sha256'] as const) {
      const want = createHmac(digest, key).update(message).digest('hex');
      assert.equal(m.tempUrlSignature!({ ...base, digest }), want, `${digest} signature should match Node's`);
    }
    const want512 = `sha512:${createHmac('sha512', key).update(message).digest('base64url')}`;
    assert.equal(
      m.tempUrlSignature!({ ...base, digest: 'sha512' }),
      want512,
      "sha512 signature should match Node's",
    );
  });

  test('MD5 and SHA digests, whole and streamed, match Node', async () => {
    const m = await webModule();
    const data = new Uint8Array(100_003).map((_, i) => (i * 31) % 251);
    for (const alg of ['md5', 'sha1', 'sha256', 'sha512']) {
      const want = createHash(alg).update(data).digest('hex');
      assert.equal(m.hexDigest!(alg, data), want, `${alg} of bytes should match Node's`);
      const d = m.createDigest!(alg) as { update(b: Uint8Array): unknown; hex(): string };
      for (let i = 0; i < data.length; i += 7_777) d.update(data.subarray(i, i + 7_777));
      assert.equal(d.hex(), want, `${alg} fed in chunks should match Node's`);
    }
    assert.equal(
      m.hexDigest!('md5', 'Hello, world!'),
      '6cd3556deb0da54bca060b4c39479839',
      'MD5 of text is of its UTF-8',
    );
    assert.equal(
      m.createDigest!('sha3-256'),
      undefined,
      'an algorithm the fallback lacks is undefined, not a throw',
    );
  });

  test('random ids come from WebCrypto', async () => {
    const m = await webModule();
    const a = m.randomHex!(16) as string;
    assert.match(a, /^[0-9a-f]{32}$/, `16 random bytes as hex: ${a}`);
    assert.notEqual(a, m.randomHex!(16), 'two random ids should differ');
    assert.match(m.randomUuid!() as string, /^[0-9a-f-]{36}$/, 'a UUID');
  });
});
