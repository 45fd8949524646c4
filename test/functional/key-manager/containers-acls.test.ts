/**
 * Barbican on the dev cloud: containers (generic, certificate) with their secrets and
 * consumers, as the demo member; secret and container ACLs across projects (admin shares with
 * the demo user, who reads only while the ACL names them).
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { ForbiddenError, NotFoundError, ValidationError } from '../../../src/index.js';
import { functionalSuite } from '../../support/cloud.js';

functionalSuite('key manager: containers, consumers and ACLs', (suite) => {
  const demo = suite.demo();
  const km = demo.keyManager;
  const adminKm = suite.admin().keyManager;
  const { cleanup } = suite;
  let demoUserId: string;

  before(async () => {
    demoUserId = (await demo.authorize()).userId!;
  });

  const secret = async (what: string, payload: string, owner = km) => {
    const s = await owner.createSecret({ name: suite.name(what), payload });
    cleanup.add(`secret ${s.id}`, () => owner.deleteSecret(s, { ignoreMissing: true }));
    return s;
  };

  test('a generic container: create, get, list, add and remove a secret, delete', async () => {
    const a = await secret('a', 'first-payload');
    const b = await secret('b', 'second-payload');
    const c = await km.createContainer({ name: suite.name('generic'), type: 'generic', secrets: { a } });
    cleanup.add(`container ${c.id}`, () => km.deleteContainer(c, { ignoreMissing: true }));
    assert.equal(c.status, 'ACTIVE', 'the container is ACTIVE');
    assert.deepEqual(c.secretRefs, [{ name: 'a', secret_ref: a.secretRef }], 'it holds a under its name');
    await km.addContainerSecret(c, 'b', b.secretRef);
    const names = (await km.getContainer(c.containerRef)).secretRefs.map((r) => r.name).sort();
    assert.deepEqual(names, ['a', 'b'], 'b was added');
    await km.removeContainerSecret(c, 'a', a);
    assert.deepEqual(
      (await km.getContainer(c)).secretRefs.map((r) => r.name),
      ['b'],
      'a was removed from the container',
    );
    assert.equal((await km.getSecret(a)).id, a.id, 'the removed secret itself stays');
    const listed = await km.listContainers({ name: c.name ?? '' }).toArray();
    assert.deepEqual(
      listed.map((x) => x.id),
      [c.id],
      'the listing by name finds it, with its id',
    );
    await km.deleteContainer(c);
    await assert.rejects(km.getContainer(c), NotFoundError, 'a deleted container is gone');
  });

  test('a certificate container with consumers', async () => {
    const cert = await secret('cert', '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    const key = await secret('key', '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n');
    const c = await km.createContainer({
      name: suite.name('tls'),
      type: 'certificate',
      secrets: { certificate: cert, private_key: key.id },
    });
    cleanup.add(`container ${c.id}`, () => km.deleteContainer(c, { ignoreMissing: true }));
    assert.equal(c.type, 'certificate', 'the type is kept');
    const consumer = { name: 'ossdk-test', URL: `https://lb.example/listeners/${suite.name('l')}` };
    const withConsumer = await km.addContainerConsumer(c, consumer);
    assert.deepEqual(withConsumer.consumers, [consumer], 'the consumer is registered');
    const listed = await km.listContainerConsumers(c).toArray();
    assert.deepEqual(
      listed.map((x) => ({ name: x.name, URL: x.URL })),
      [consumer],
      'the consumer is listed',
    );
    await km.removeContainerConsumer(c, consumer);
    assert.deepEqual((await km.getContainer(c)).consumers, [], 'the consumer is gone');
    await assert.rejects(
      km.addContainerConsumer(c, { name: 'x', URL: '' }),
      (e: unknown) => e instanceof ValidationError && e.field === 'consumer.URL',
      'a consumer without URL is refused before sending',
    );
  });

  test('secret ACLs: admin shares a private secret with the demo user, then revokes it', async () => {
    const s = await secret('shared', 'cross-project-payload', adminKm);
    await assert.rejects(
      km.getSecretPayloadText(s.secretRef),
      ForbiddenError,
      'another project cannot read it',
    );
    assert.deepEqual(await adminKm.getSecretAcl(s), { projectAccess: true, users: [] }, 'the default ACL');
    const acl = await adminKm.setSecretAcl(s, { users: [demoUserId], projectAccess: false });
    assert.equal(acl.projectAccess, false, 'project access is off');
    assert.deepEqual(acl.users, [demoUserId], 'the demo user is listed');
    assert.equal(
      await km.getSecretPayloadText(s.secretRef, { accept: 'text/plain' }),
      'cross-project-payload',
      'the demo user reads it through the ACL',
    );
    const updated = await adminKm.updateSecretAcl(s, { projectAccess: true });
    assert.deepEqual([updated.projectAccess, updated.users], [true, [demoUserId]], 'update keeps the users');
    await adminKm.deleteSecretAcl(s);
    assert.deepEqual(
      await adminKm.getSecretAcl(s),
      { projectAccess: true, users: [] },
      'back to the default',
    );
    await assert.rejects(
      km.getSecretPayloadText(s.secretRef, { accept: 'text/plain' }),
      ForbiddenError,
      'the demo user lost access',
    );
  });

  test('container ACLs: get, set, update, delete', async () => {
    const c = await adminKm.createContainer({ name: suite.name('acl'), type: 'generic' });
    cleanup.add(`container ${c.id}`, () => adminKm.deleteContainer(c, { ignoreMissing: true }));
    await assert.rejects(km.getContainer(c.containerRef), ForbiddenError, 'another project cannot read it');
    await adminKm.setContainerAcl(c, { users: [demoUserId] });
    assert.equal((await km.getContainer(c.containerRef)).id, c.id, 'the demo user reads it through the ACL');
    const acl = await adminKm.updateContainerAcl(c, { projectAccess: false });
    assert.deepEqual(
      [acl.projectAccess, acl.users],
      [false, [demoUserId]],
      'the update changed only project access',
    );
    await adminKm.deleteContainerAcl(c);
    assert.deepEqual((await adminKm.getContainerAcl(c)).users, [], 'no users after delete');
  });
});
