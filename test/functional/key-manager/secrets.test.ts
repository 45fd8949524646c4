/**
 * Barbican on the dev cloud, as the demo member: secrets with text and binary payloads, a
 * secret stored without a payload and given one later, user metadata, expiration, listing
 * with paging, and a payload that never reaches the debug log nor an error's message.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { BadRequestError, ConflictError, NotFoundError, ValidationError } from '../../../src/index.js';
import { functionalSuite } from '../../support/cloud.js';

functionalSuite('key manager: secrets, payloads and metadata (demo)', (suite) => {
  const lines: string[] = [];
  const push = (m: string, d?: Record<string, unknown>) => lines.push(`${m} ${JSON.stringify(d ?? {})}`);
  const km = suite.demo({ logger: { debug: push, info: push, warn: push } }).keyManager;
  const { cleanup } = suite;
  /** Delete a secret after the suite, whatever happens. */
  const track = <T extends { id: string }>(s: T): T => {
    cleanup.add(`secret ${s.id}`, () => km.deleteSecret(s, { ignoreMissing: true }));
    return s;
  };

  test('store a text secret, read its description and payload, delete it', async () => {
    const payload = `pass-${randomBytes(8).toString('hex')}`;
    const s = track(await km.createSecret({ name: suite.name('text'), payload, secretType: 'passphrase' }));
    assert.equal(s.status, 'ACTIVE', 'a secret stored with its payload is ACTIVE');
    assert.equal(s.secretType, 'passphrase', 'the type is kept');
    assert.equal(s.contentTypes?.default, 'text/plain', 'text is stored as text/plain');
    assert.ok(s.secretRef.endsWith(`/secrets/${s.id}`), 'the id is the uuid of the ref');
    assert.equal(await km.getSecretPayloadText(s.secretRef), payload, 'the payload comes back by ref');
    assert.equal((await km.getSecret(s.id)).name, s.name, 'the description comes back by id');
    await km.deleteSecret(s);
    await assert.rejects(km.getSecret(s), NotFoundError, 'a deleted secret is gone');
  });

  test('binary payloads round-trip as bytes; bad input fails before sending', async () => {
    const bytes = new Uint8Array(randomBytes(32));
    const s = track(
      await km.createSecret({
        name: suite.name('bin'),
        payload: bytes,
        secretType: 'symmetric',
        algorithm: 'aes',
        bitLength: 256,
        mode: 'cbc',
      }),
    );
    assert.equal(s.contentTypes?.default, 'application/octet-stream', 'bytes are octet-stream');
    assert.equal(s.bitLength, 256, 'the bit length is kept');
    assert.deepEqual([...(await km.getSecretPayload(s))], [...bytes], 'the same bytes come back');
    await assert.rejects(
      km.createSecret({ payload: '' }),
      (e: unknown) => e instanceof ValidationError && e.field === 'payload',
      'an empty payload is refused by the SDK',
    );
  });

  test('a secret stored without payload gets its payload later, once', async () => {
    const s = track(await km.createSecret({ name: suite.name('later') }));
    assert.equal(s.contentTypes, undefined, 'no payload yet, so no content type');
    await assert.rejects(
      km.getSecretPayload(s, { accept: 'text/plain' }),
      NotFoundError,
      'no payload to read yet',
    );
    await km.putSecretPayload(s, 'given-later');
    assert.equal((await km.getSecret(s)).contentTypes?.default, 'text/plain', 'the payload has its type');
    assert.equal(await km.getSecretPayloadText(s), 'given-later', 'the payload was stored');
    await assert.rejects(km.putSecretPayload(s, 'again'), ConflictError, 'barbican stores a payload once');
  });

  test('user metadata: replace, add, change, read and delete keys', async () => {
    const s = track(await km.createSecret({ name: suite.name('meta'), payload: 'meta-payload' }));
    assert.deepEqual(await km.getSecretMetadata(s), {}, 'no metadata at first');
    assert.deepEqual(
      await km.setSecretMetadata(s, { owner: 'team-a', tier: 'gold' }),
      { owner: 'team-a', tier: 'gold' },
      'replaced',
    );
    await km.setSecretMetadataItem(s, 'rotation', 'yearly');
    await km.setSecretMetadataItem(s, 'tier', 'silver');
    assert.equal(await km.getSecretMetadataItem(s, 'tier'), 'silver', 'an existing key changed');
    await km.deleteSecretMetadataItem(s, 'owner');
    assert.deepEqual(
      await km.getSecretMetadata(s),
      { tier: 'silver', rotation: 'yearly' },
      'added, changed and removed keys',
    );
    await assert.rejects(km.getSecretMetadataItem(s, 'owner'), NotFoundError, 'a deleted key is gone');
  });

  test('expiration is kept; an expiration in the past is refused', async () => {
    const when = new Date(Date.now() + 86_400_000).toISOString().replace(/\.\d+Z$/, '');
    const s = track(
      await km.createSecret({ name: suite.name('exp'), payload: 'expiring', expiration: when }),
    );
    assert.ok(s.expiration?.startsWith(when), `the expiration is stored (${s.expiration})`);
    await assert.rejects(
      km.createSecret({ name: suite.name('past'), payload: 'expired', expiration: '2000-01-01T00:00:00' }),
      BadRequestError,
      'barbican refuses a past expiration',
    );
  });

  test('listing pages by offset and filters by name', async () => {
    const name = suite.name('page');
    for (let i = 0; i < 3; i++) track(await km.createSecret({ name, payload: `page-${i}-payload` }));
    const rows = await km.listSecrets({ name, limit: 2 }).toArray();
    assert.equal(rows.length, 3, 'three secrets over two pages');
    assert.equal(new Set(rows.map((r) => r.id)).size, 3, 'no row twice');
    assert.ok(
      rows.every((r) => r.secretRef.endsWith(r.id)),
      'every row has its id',
    );
  });

  test('a payload never shows up in the debug log or in an error', async () => {
    const payload = `NEVER-LOG-${randomBytes(12).toString('hex')}`;
    const b64 = Buffer.from(payload).toString('base64');
    lines.length = 0;
    const s = track(await km.createSecret({ name: suite.name('quiet'), payload }));
    assert.equal(await km.getSecretPayloadText(s), payload, 'the payload was stored and read');
    // a 4xx after sending a payload: barbican refuses an unknown secret type
    const e = await km
      .createSecret({ name: suite.name('bad'), payload, algorithm: 'x'.repeat(300) })
      .catch((x: unknown) => x);
    assert.ok(
      e instanceof BadRequestError,
      `the create with a too-long algorithm was refused (${String(e)})`,
    );
    const p = await km.createSecret({ name: suite.name('pending') });
    track(p);
    await km.putSecretPayload(p, payload);
    const again = await km.putSecretPayload(p, payload).catch((x: unknown) => x);
    assert.ok(again instanceof ConflictError, 'a second payload upload is a 409');
    assert.ok(
      lines.some((l) => l.includes('REQ POST')),
      'debug logging saw the requests',
    );
    const everything = [
      lines.join('\n'),
      ...[e, again].map((x) => `${(x as Error).message} ${(x as BadRequestError).body}`),
    ];
    for (const text of everything) {
      assert.ok(
        !text.includes(payload) && !text.includes(b64),
        'no form of the payload was logged or thrown',
      );
    }
  });
});
