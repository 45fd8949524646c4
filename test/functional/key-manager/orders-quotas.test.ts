/**
 * Barbican on the dev cloud: orders carried out by barbican-worker over rabbitmq (a key and an
 * RSA key pair to ACTIVE, an unsupported algorithm to ERROR with its reason), and quotas (the
 * caller's effective ones; an admin's per-project ones).
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { NotFoundError, ResourceFailureError, ValidationError } from '../../../src/index.js';
import { functionalSuite } from '../../support/cloud.js';

functionalSuite('key manager: orders and quotas', (suite) => {
  const demo = suite.demo();
  const km = demo.keyManager;
  const adminKm = suite.admin().keyManager;
  const { cleanup } = suite;
  let demoProject: string;

  before(async () => {
    demoProject = (await demo.authorize()).projectId!;
  });

  test('a key order goes ACTIVE and names a 256-bit key', async () => {
    const order = await km.createOrder({
      type: 'key',
      meta: {
        name: suite.name('key'),
        algorithm: 'aes',
        bit_length: 256,
        mode: 'cbc',
        payload_content_type: 'application/octet-stream',
      },
    });
    cleanup.add(`order ${order.id}`, () => km.deleteOrder(order, { ignoreMissing: true }));
    assert.ok(
      ['PENDING', 'ACTIVE'].includes(order.status),
      `a new order is PENDING or ACTIVE (${order.status})`,
    );
    const done = await km.waitForOrder(order, { timeoutMs: 60_000 });
    assert.equal(done.status, 'ACTIVE', 'the worker carried it out');
    assert.ok(done.secretRef, 'the order names its secret');
    cleanup.add(`secret ${done.secretRef}`, () => km.deleteSecret(done.secretRef!, { ignoreMissing: true }));
    const key = await km.getSecretPayload(done.secretRef!);
    assert.equal(key.byteLength, 32, 'a 256-bit key');
    assert.ok(
      (await km.listOrders().toArray()).some((o) => o.id === order.id),
      'the order is listed',
    );
    await km.deleteOrder(order);
    await assert.rejects(km.getOrder(order.orderRef), NotFoundError, 'a deleted order is gone');
  });

  test('an asymmetric order makes an rsa container with both keys', async () => {
    const order = await km.createOrder({
      type: 'asymmetric',
      meta: { name: suite.name('pair'), algorithm: 'rsa', bit_length: 2048 },
    });
    cleanup.add(`order ${order.id}`, () => km.deleteOrder(order, { ignoreMissing: true }));
    const done = await km.waitForOrder(order.orderRef, { timeoutMs: 90_000 });
    assert.ok(done.containerRef, 'the order names its container');
    const c = await km.getContainer(done.containerRef!);
    cleanup.add(`container ${c.id}`, async () => {
      await km.deleteContainer(c, { ignoreMissing: true });
      for (const r of c.secretRefs) await km.deleteSecret(r.secret_ref, { ignoreMissing: true });
    });
    assert.equal(c.type, 'rsa', 'an rsa container');
    assert.deepEqual(c.secretRefs.map((r) => r.name).sort(), ['private_key', 'public_key'], 'both keys');
    const pub = c.secretRefs.find((r) => r.name === 'public_key')!;
    const pem = await km.getSecretPayloadText(pub.secret_ref);
    assert.match(pem, /BEGIN PUBLIC KEY/, 'the public key is a PEM document');
  });

  test('an order the worker cannot carry out fails the wait with its reason', async () => {
    const order = await km.createOrder({
      type: 'asymmetric',
      meta: { name: suite.name('bad'), algorithm: 'ec', bit_length: 256 },
    });
    cleanup.add(`order ${order.id}`, () => km.deleteOrder(order, { ignoreMissing: true }));
    const e = await km.waitForOrder(order, { timeoutMs: 60_000 }).catch((x: unknown) => x);
    assert.ok(e instanceof ResourceFailureError, `the wait failed (${String(e)})`);
    assert.equal(e.status, 'ERROR', 'the order is in ERROR');
    assert.match(e.message, /not supported/, `barbican's reason is in the message (${e.message})`);
    assert.match(e.fault ?? '', /error status \d+/, 'the error status code is in the fault');
  });

  test('quotas: effective for the member; set, read, list and delete per project as admin', async () => {
    const mine = await km.getQuotas();
    for (const k of ['secrets', 'orders', 'containers'] as const) {
      assert.equal(typeof mine[k], 'number', `the ${k} quota is a number`);
    }
    cleanup.add('demo project quotas', () =>
      adminKm.deleteProjectQuotas(demoProject, { ignoreMissing: true }),
    );
    await adminKm.setProjectQuotas(demoProject, { secrets: 5000, orders: 500, containers: 1000 });
    const set = await adminKm.getProjectQuotas(demoProject);
    assert.deepEqual([set.secrets, set.orders, set.containers], [5000, 500, 1000], 'the values were stored');
    assert.equal((await km.getQuotas()).orders, 500, 'the member sees the project quota');
    const all = await adminKm.listProjectQuotas();
    assert.ok(
      all.some((p) => p.projectId === demoProject && p.quotas.secrets === 5000),
      'the project is listed',
    );
    await adminKm.deleteProjectQuotas(demoProject);
    await assert.rejects(adminKm.getProjectQuotas(demoProject), NotFoundError, 'no own quotas after delete');
    await assert.rejects(
      adminKm.setProjectQuotas(demoProject, { secrets: -5 }),
      (x: unknown) => x instanceof ValidationError && x.field === 'quotas.secrets',
      'a quota below -1 is refused before sending',
    );
  });
});
