/**
 * Key pairs on the dev cloud: generated (private key returned once) and imported; listing
 * with pages; the admin reaching the demo user's key pairs with `userId`; 2.92 refusing
 * generation.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { NotFoundError, ResourceNotFoundError, ValidationError } from '../../../src/index.js';
import type { ComputeV2 } from '../../../src/services/compute/index.js';
import { demoConnection, functionalSuite } from '../../support/cloud.js';
import { sqliteTolerant, sshPublicKey, userIdOf } from './helpers.js';

functionalSuite('compute: key pairs', (suite) => {
  const demo = suite.demo(sqliteTolerant);
  const admin = suite.admin(sqliteTolerant);
  const c: ComputeV2 = demo.compute;
  const { cleanup } = suite;
  const generated = suite.name('gen');
  const imported = suite.name('imp');
  const forDemo = suite.name('adm');
  const publicKey = sshPublicKey();
  let demoUser: string;

  before(async () => {
    demoUser = await userIdOf(demo);
  });

  test('create without a public key: nova generates it and returns the private key once', async () => {
    const kp = await c.createKeypair({ name: generated });
    cleanup.add(`keypair ${generated}`, () => c.deleteKeypair(generated, { ignoreMissing: true }));
    assert.equal(kp.id, generated);
    assert.equal(kp.name, generated);
    assert.match(kp.privateKey ?? '', /-----BEGIN (RSA |OPENSSH )?PRIVATE KEY-----/);
    assert.match(kp.publicKey ?? '', /^ssh-rsa /);
    assert.match(kp.fingerprint ?? '', /^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
    assert.equal(kp.type, 'ssh');
    assert.equal(kp.userId, demoUser);
    const again = await c.getKeypair(generated);
    assert.equal(again.privateKey, undefined, 'the private key is not kept by nova');
    assert.equal(again.publicKey, kp.publicKey);
    assert.equal(typeof again.internalId, 'number');
    assert.equal(again.deleted, false);
    assert.ok(again.createdAt);
  });

  test('create with a public key imports it', async () => {
    const kp = await c.createKeypair({ name: imported, publicKey, type: 'ssh' });
    cleanup.add(`keypair ${imported}`, () => c.deleteKeypair(imported, { ignoreMissing: true }));
    assert.equal(kp.privateKey, undefined);
    assert.equal(kp.publicKey, publicKey);
    assert.match(kp.fingerprint ?? '', /^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
    assert.equal((await c.findKeypair(imported)).publicKey, publicKey);
  });

  test('list (also page by page) and find', async () => {
    const all = await c.listKeypairs().toArray();
    const names = all.map((k) => k.name);
    assert.ok(names.includes(generated) && names.includes(imported));
    assert.ok(
      all.every((k) => k.fingerprint && k.publicKey),
      'list items are unwrapped',
    );
    const paged = await c.listKeypairs({ limit: 1 }).toArray();
    assert.deepEqual(paged.map((k) => k.name).sort(), [...names].sort());
    assert.equal(await c.findKeypair(suite.name('none'), { ignoreMissing: true }), undefined);
    await assert.rejects(c.findKeypair(suite.name('none')), ResourceNotFoundError);
  });

  test('admin: list, get and create key pairs of the demo user', async () => {
    const a = admin.compute;
    const theirs = await a.listKeypairs({ userId: demoUser }).toArray();
    assert.ok(theirs.some((k) => k.name === generated));
    assert.ok(!(await a.listKeypairs().toArray()).some((k) => k.name === generated), 'not the admin’s own');
    assert.equal((await a.getKeypair(generated, { userId: demoUser })).userId, demoUser);
    await assert.rejects(a.getKeypair(generated), NotFoundError);

    const kp = await a.createKeypair({ name: forDemo, publicKey: sshPublicKey(), userId: demoUser });
    cleanup.add(`keypair ${forDemo}`, () =>
      a.deleteKeypair(forDemo, { userId: demoUser, ignoreMissing: true }),
    );
    assert.equal(kp.userId, demoUser);
    assert.equal((await c.getKeypair(forDemo)).name, forDemo);
    await a.deleteKeypair(forDemo, { userId: demoUser });
    await assert.rejects(c.getKeypair(forDemo), NotFoundError);
  });

  test('2.92: generation is refused before sending, import still works', async () => {
    const pinned = demoConnection({ ...sqliteTolerant, microversions: { compute: '2.92' } });
    try {
      const name = suite.name('mv292');
      await assert.rejects(
        pinned.compute.createKeypair({ name }),
        (e: unknown) => e instanceof ValidationError && /2\.91/.test(e.message),
      );
      assert.equal(await c.findKeypair(name, { ignoreMissing: true }), undefined, 'nothing was created');
      const kp = await pinned.compute.createKeypair({ name, publicKey: sshPublicKey() });
      cleanup.add(`keypair ${name}`, () => c.deleteKeypair(name, { ignoreMissing: true }));
      assert.equal(kp.type, 'ssh');
    } finally {
      await pinned.close();
    }
  });

  test('delete', async () => {
    await c.deleteKeypair(imported);
    await assert.rejects(c.getKeypair(imported), NotFoundError);
    await assert.rejects(c.deleteKeypair(imported), NotFoundError);
    await c.deleteKeypair(imported, { ignoreMissing: true });
  });
});
