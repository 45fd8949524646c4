import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { ResourceNotFoundError, ValidationError } from '../../../../src/errors/errors.js';
import { ComputeV2 } from '../../../../src/services/compute/proxy.js';
import { bodyOf, type FakeService, json, reply, route, startFake } from '../../../support/fake-service.js';

const kp = (name: string) => ({
  keypair: { name, fingerprint: `fp-${name}`, public_key: `ssh-ed25519 ${name}`, type: 'ssh' },
});

describe('compute key pairs (offline)', () => {
  let nova: FakeService;

  const compute = (microversion?: string) => nova.proxy(ComputeV2, { microversion });

  before(async () => {
    nova = await startFake('compute', [
      route('GET', '/os-keypairs', (c, res) =>
        // two pages joined by keypairs_links, as nova does with limit (2.35+)
        c.query.get('marker') === 'b'
          ? json(res, 200, { keypairs: [kp('c')] })
          : json(res, 200, {
              keypairs: [kp('a'), kp('b')],
              keypairs_links: [{ rel: 'next', href: `${nova.url}/v2.1/os-keypairs?limit=2&marker=b` }],
            }),
      ),
      route('GET', '/os-keypairs/a', (c, res) =>
        json(res, 200, { keypair: { ...kp('a').keypair, id: 7, user_id: c.query.get('user_id') ?? 'me' } }),
      ),
      route('POST', '/os-keypairs', (c, res) => {
        const b = JSON.parse(c.body).keypair;
        json(res, 200, {
          keypair: {
            ...b,
            fingerprint: 'fp',
            user_id: 'me',
            ...(b.public_key ? {} : { private_key: 'PRIV', public_key: 'gen' }),
          },
        });
      }),
      reply('DELETE', '/os-keypairs/a', 202),
      reply('*', '*', 404, { itemNotFound: { code: 404, message: 'Keypair not found' } }),
    ]);
  });
  beforeEach(() => nova.reset());
  after(() => nova.close());

  test('listing unwraps every item and follows keypairs_links', async () => {
    const all = await compute().listKeypairs({ limit: 2 }).toArray();
    assert.deepEqual(
      all.map((k) => k.name),
      ['a', 'b', 'c'],
    );
    assert.equal(all[0]?.fingerprint, 'fp-a');
    assert.equal(all[0]?.id, 'a', 'a key pair’s id is its name');
    assert.deepEqual(
      nova.calls.map((r) => r.url),
      ['/v2.1/os-keypairs?limit=2', '/v2.1/os-keypairs?limit=2&marker=b'],
    );
  });

  test('get, find and delete pass the owner as user_id', async () => {
    const c = compute();
    const got = await c.getKeypair('a', { userId: 'u1' });
    assert.equal(got.userId, 'u1');
    assert.equal(got.internalId, 7);
    assert.equal(nova.calls.at(-1)?.url, '/v2.1/os-keypairs/a?user_id=u1');
    assert.equal((await c.findKeypair('a')).name, 'a');
    assert.equal(await c.findKeypair('zz', { ignoreMissing: true }), undefined);
    await assert.rejects(c.findKeypair('zz'), ResourceNotFoundError);
    await c.deleteKeypair('a', { userId: 'u1' });
    assert.equal(nova.calls.at(-1)?.url, '/v2.1/os-keypairs/a?user_id=u1');
    await c.deleteKeypair('zz', { ignoreMissing: true });
  });

  test('create: generated (private key once) or imported', async () => {
    const c = compute();
    const g = await c.createKeypair({ name: 'g' });
    assert.deepEqual(bodyOf(nova.calls.at(-1)), { keypair: { name: 'g' } });
    assert.equal(g.privateKey, 'PRIV');
    const i = await c.createKeypair({ name: 'i', publicKey: 'ssh-ed25519 AAA', type: 'ssh', userId: 'u2' });
    assert.deepEqual(bodyOf(nova.calls.at(-1)), {
      keypair: { name: 'i', public_key: 'ssh-ed25519 AAA', type: 'ssh', user_id: 'u2' },
    });
    assert.equal(i.privateKey, undefined);
  });

  test('rejected before sending: generation from 2.92, user_id before 2.10, paging before 2.35', async () => {
    await assert.rejects(
      compute('2.92').createKeypair({ name: 'g' }),
      (e: unknown) => e instanceof ValidationError && /keypair\.publicKey/.test(e.message),
    );
    await assert.rejects(compute('2.9').createKeypair({ name: 'g', publicKey: 'k', userId: 'u' }), /2\.10/);
    await assert.rejects(compute('2.9').getKeypair('a', { userId: 'u' }), /2\.10/);
    await assert.rejects(compute('2.34').listKeypairs({ limit: 1 }).toArray(), /2\.35/);
    await assert.rejects(compute('2.1').createKeypair({ name: 'g', type: 'x509' }), /2\.2/);
    await assert.rejects(compute().getKeypair(''), ValidationError);
    assert.equal(nova.calls.length, 0);
  });
});
