/**
 * Offline tests of the key manager proxy's own logic: refs as ids, payload bodies and their
 * checks, the payload endpoint's Accept header, offset listings, the order waiter's failure
 * reason, ACL and quota bodies, and barbican's error message.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BadRequestError, ResourceFailureError, ValidationError } from '../../../../src/index.js';
import { KeyManagerV1 } from '../../../../src/services/key-manager/proxy.js';
import { fakeStarter, json, type Route, reply, route } from '../../../support/fake-service.js';

const startFake = fakeStarter();

const UUID = '0b6c2f2e-33e1-4d43-a5d4-8d7f2a0a5b11';

/** A fake barbican answering `routes`, and a proxy on it. */
async function barbican(routes: Route[]) {
  const f = await startFake('key-manager', routes);
  const ref = (kind: string, id = UUID) => `${f.endpoint('key-manager')}/${kind}s/${id}`;
  return Object.assign(f, { km: f.proxy(KeyManagerV1), ref });
}

/** A secret document as barbican sends it. */
function secretDoc(ref: string, extra: Record<string, unknown> = {}) {
  return {
    secret_ref: ref,
    name: 'db',
    status: 'ACTIVE',
    secret_type: 'opaque',
    algorithm: null,
    bit_length: null,
    mode: null,
    expiration: null,
    content_types: { default: 'text/plain' },
    creator_id: 'u1',
    created: '2026-01-01T00:00:00',
    updated: '2026-01-01T00:00:00',
    ...extra,
  };
}

describe('refs', () => {
  test('a uuid, a ref and a resource all name the same secret; the id is the ref uuid', async () => {
    const f = await barbican([]);
    f.on(route('GET', '/secrets/:id', (_c, res) => json(res, 200, secretDoc(f.ref('secret')))));
    const byId = await f.km.getSecret(UUID);
    assert.equal(byId.id, UUID, 'the id is derived from secret_ref');
    assert.equal(byId.secretRef, f.ref('secret'), 'the ref is kept');
    await f.km.getSecret(f.ref('secret'));
    await f.km.getSecret(byId);
    assert.deepEqual(f.lines(), Array(3).fill(`GET /secrets/${UUID}`), 'every form requests the uuid path');
  });

  test('a missing id or ref is a ValidationError before any request', async () => {
    const f = await barbican([]);
    for (const bad of ['', undefined, {}, { id: '' }]) {
      await assert.rejects(
        f.km.getSecret(bad as never),
        (e: unknown) => e instanceof ValidationError && /secret\.id/.test(e.message),
        `${JSON.stringify(bad)} is refused naming secret.id`,
      );
    }
    await assert.rejects(f.km.deleteOrder(''), ValidationError, 'orders too');
    assert.equal(f.calls.length, 0, 'nothing was sent');
  });
});

describe('secret payloads', () => {
  test('a text payload is sent as text/plain, and the answer is fetched again', async () => {
    const f = await barbican([]);
    f.on(
      route('POST', '/secrets', (_c, res) => json(res, 201, { secret_ref: f.ref('secret') })),
      route('GET', '/secrets/:id', (_c, res) => json(res, 200, secretDoc(f.ref('secret')))),
    );
    const s = await f.km.createSecret({ name: 'db', payload: 'pa55word', secretType: 'passphrase' });
    assert.deepEqual(
      f.bodies()[0],
      { name: 'db', secret_type: 'passphrase', payload: 'pa55word', payload_content_type: 'text/plain' },
      'the create body maps names and adds the content type',
    );
    assert.equal(s.id, UUID, 'the created secret comes back with its id');
    assert.ok(!JSON.stringify(s.raw).includes('pa55word'), 'the resource never holds the payload');
  });

  test('bytes are sent base64 as application/octet-stream', async () => {
    const f = await barbican([]);
    f.on(
      route('POST', '/secrets', (_c, res) => json(res, 201, { secret_ref: f.ref('secret') })),
      route('GET', '/secrets/:id', (_c, res) => json(res, 200, secretDoc(f.ref('secret')))),
    );
    await f.km.createSecret({ payload: new Uint8Array([0, 1, 2, 255]) });
    assert.deepEqual(
      f.bodies()[0],
      {
        payload: 'AAEC/w==',
        payload_content_type: 'application/octet-stream',
        payload_content_encoding: 'base64',
      },
      'bytes travel base64-encoded',
    );
  });

  test('payload mistakes are ValidationErrors naming the field, before any request', async () => {
    const f = await barbican([]);
    const cases: [Record<string, unknown>, string][] = [
      [{ payload: '' }, 'payload'],
      [{ payload: 42 }, 'payload'],
      [{ payloadContentType: 'text/plain' }, 'payloadContentType'],
      [{ payload: 'abc', payloadContentType: 'application/octet-stream' }, 'payloadContentEncoding'],
      [{ payload: 'x', status: 'ACTIVE' }, 'secret.status'],
      [{ payload: 'x', secretType: 'weird' }, 'secret.secretType'],
    ];
    for (const [input, field] of cases) {
      await assert.rejects(
        f.km.createSecret(input as never),
        (e: unknown) => e instanceof ValidationError && e.field === field,
        `${JSON.stringify(input)} is refused naming ${field}`,
      );
    }
    assert.equal(f.calls.length, 0, 'nothing was sent');
  });

  test('the payload is read with the stored content type as Accept', async () => {
    const f = await barbican([]);
    f.on(
      route('GET', '/secrets/:id', (_c, res) =>
        json(
          res,
          200,
          secretDoc(f.ref('secret'), { content_types: { default: 'application/octet-stream' } }),
        ),
      ),
      route('GET', '/secrets/:id/payload', (c, res) => {
        res.writeHead(200, { 'content-type': String(c.headers.accept) });
        res.end(Buffer.from([9, 8, 7]));
      }),
    );
    const bytes = await f.km.getSecretPayload(f.ref('secret'));
    assert.deepEqual([...bytes], [9, 8, 7], 'the raw bytes come back');
    assert.equal(f.calls[1]!.headers.accept, 'application/octet-stream', 'Accept is the stored type');
    await f.km.getSecretPayloadText(UUID, { accept: 'text/plain' });
    assert.equal(f.calls.length, 3, 'an explicit accept skips the description fetch');
    assert.equal(f.calls[2]!.headers.accept, 'text/plain', 'Accept is the one asked for');
  });

  test('putSecretPayload sends the raw bytes with the content type', async () => {
    const f = await barbican([reply('PUT', '/secrets/:id', 204)]);
    await f.km.putSecretPayload(UUID, 'later-payload');
    const c = f.calls[0]!;
    assert.equal(c.headers['content-type'], 'text/plain', 'text is text/plain');
    assert.equal(c.body, 'later-payload', 'the body is the payload itself');
    await assert.rejects(f.km.putSecretPayload(UUID, ''), ValidationError, 'an empty payload is refused');
  });
});

describe('payloads never reach logs or errors', () => {
  const PAYLOAD = 'TOP-SECRET-PAYLOAD-771';

  /** A fake that answers 400 echoing the request body (as a careless service could). */
  function echoing(): Route[] {
    const echo = (c: { body: string }, res: Parameters<typeof json>[0]) =>
      json(res, 400, { code: 400, title: 'Bad Request', description: `refused: ${c.body}` });
    return [route('POST', '/secrets', echo), route('PUT', '/secrets/:id', echo)];
  }

  test('debug logs and a 4xx after sending a payload do not contain it', async () => {
    const f = await startFake('key-manager', echoing());
    const lines: string[] = [];
    const push = (m: string, d?: Record<string, unknown>) => lines.push(`${m} ${JSON.stringify(d ?? {})}`);
    const km = f.proxy(KeyManagerV1, { logger: { debug: push, info: push, warn: push } });
    const leaks = (t: string) =>
      [PAYLOAD, Buffer.from(PAYLOAD).toString('base64')].filter((form) => t.includes(form));

    const posted = await km.createSecret({ name: 'x', payload: PAYLOAD }).catch((e: unknown) => e);
    assert.ok(posted instanceof BadRequestError, 'the create failed with a 400');
    assert.match(posted.message, /refused/, "barbican's description is the error's message");
    const put = await km.putSecretPayload(UUID, PAYLOAD).catch((e: unknown) => e);
    assert.ok(put instanceof BadRequestError, 'the payload upload failed with a 400');
    const bytes = await km.createSecret({ payload: Buffer.from(PAYLOAD) }).catch((e: unknown) => e);
    assert.ok(bytes instanceof BadRequestError, 'the bytes create failed with a 400');

    assert.ok(
      lines.some((l) => l.startsWith('REQ POST')),
      'debug logging was on',
    );
    for (const e of [posted, put, bytes] as BadRequestError[]) {
      const text = `${e.message} ${e.body ?? ''} ${e.serviceMessage ?? ''} ${String(e.stack)}`;
      assert.deepEqual(leaks(text), [], `the error of ${e.method} carries no form of the payload`);
    }
    assert.deepEqual(leaks(lines.join('\n')), [], 'no log line carries any form of the payload');
  });
});

describe('listings', () => {
  test("pages follow barbican's next URL by offset; every row gets its id", async () => {
    const f = await barbican([]);
    f.on(
      route('GET', '/secrets', (c, res) => {
        const offset = Number(c.query.get('offset') ?? 0);
        const ids = offset === 0 ? ['a', 'b'] : ['c'];
        json(res, 200, {
          secrets: ids.map((id) => secretDoc(f.ref('secret', id))),
          total: 3,
          ...(offset === 0 ? { next: `${f.endpoint('key-manager')}/secrets?limit=2&offset=2` } : {}),
        });
      }),
    );
    const all = await f.km.listSecrets({ limit: 2, name: 'db' }).toArray();
    assert.deepEqual(
      all.map((s) => s.id),
      ['a', 'b', 'c'],
      'both pages, in order, with ids',
    );
    assert.deepEqual(
      f.lines(),
      ['GET /secrets?limit=2&name=db', 'GET /secrets?limit=2&name=db&offset=2'],
      'two requests, the filter kept on page two',
    );
  });

  test('an unknown filter is refused', async () => {
    const f = await barbican([]);
    await assert.rejects(
      async () => f.km.listOrders({ bogus: 1 } as never).toArray(),
      (e: unknown) => e instanceof ValidationError && e.field === 'bogus',
      'unknown filters are named',
    );
  });
});

describe('orders', () => {
  const orderDoc = (ref: string, status: string, extra: Record<string, unknown> = {}) => ({
    order_ref: ref,
    type: 'asymmetric',
    status,
    meta: { algorithm: 'ec', bit_length: 256 },
    creator_id: 'u1',
    created: '2026-01-01T00:00:00',
    updated: '2026-01-01T00:00:00',
    ...extra,
  });

  test("an order that goes to ERROR fails the wait with barbican's reason", async () => {
    const f = await barbican([]);
    let polls = 0;
    f.on(
      route('GET', '/orders/:id', (_c, res) =>
        json(
          res,
          200,
          ++polls < 2
            ? orderDoc(f.ref('order'), 'PENDING')
            : orderDoc(f.ref('order'), 'ERROR', {
                error_status_code: '400',
                error_reason: 'Requested algorithm is not supported.',
              }),
        ),
      ),
    );
    const err = await f.km.waitForOrder(f.ref('order'), { intervalMs: 1 }).catch((e: unknown) => e);
    assert.ok(err instanceof ResourceFailureError, 'an ERROR order is a ResourceFailureError');
    assert.match(
      err.message,
      /Requested algorithm is not supported\. \(error status 400\)/,
      'the reason is in the message',
    );
    assert.equal(err.fault, 'Requested algorithm is not supported. (error status 400)', 'and in fault');
    assert.equal(err.status, 'ERROR', 'the failure status is named');
  });

  test('create needs a type and meta before anything is sent', async () => {
    const f = await barbican([]);
    await assert.rejects(
      f.km.createOrder({ meta: { algorithm: 'aes' } }),
      (e: unknown) => e instanceof ValidationError && e.field === 'type',
      'the type is required',
    );
    await assert.rejects(
      f.km.createOrder({ type: 'key' }),
      (e: unknown) => e instanceof ValidationError && e.field === 'meta',
      'meta is required',
    );
    assert.equal(f.calls.length, 0, 'nothing was sent');
  });
});

describe('containers, ACLs and quotas', () => {
  test('container secrets are sent as full refs, whatever form names them', async () => {
    const f = await barbican([]);
    const doc = {
      container_ref: f.ref('container'),
      name: 'tls',
      type: 'rsa',
      status: 'ACTIVE',
      secret_refs: [],
      consumers: [],
      creator_id: 'u1',
      created: 'x',
      updated: 'x',
    };
    f.on(
      route('POST', '/containers', (_c, res) => json(res, 201, { container_ref: f.ref('container') })),
      route('GET', '/containers/:id', (_c, res) => json(res, 200, doc)),
    );
    const c = await f.km.createContainer({
      name: 'tls',
      type: 'rsa',
      secrets: { public_key: 'p1', private_key: f.ref('secret', 'k1') },
    });
    assert.deepEqual(
      f.bodies()[0],
      {
        name: 'tls',
        type: 'rsa',
        secret_refs: [
          { name: 'public_key', secret_ref: f.ref('secret', 'p1') },
          { name: 'private_key', secret_ref: f.ref('secret', 'k1') },
        ],
      },
      'a uuid becomes a ref on this endpoint',
    );
    assert.equal(c.id, UUID, 'the container has its id');
    await assert.rejects(
      f.km.addContainerConsumer(UUID, { name: 'lb', URL: '' }),
      (e: unknown) => e instanceof ValidationError && e.field === 'consumer.URL',
      'a consumer needs its URL',
    );
  });

  test('ACLs map project-access both ways', async () => {
    const f = await barbican([
      reply('PUT', '/secrets/:id/acl', 200, { acl_ref: 'x' }),
      reply('GET', '/secrets/:id/acl', 200, {
        read: { 'project-access': false, users: ['u2'], created: 'c', updated: 'u' },
      }),
    ]);
    const acl = await f.km.setSecretAcl(UUID, { users: ['u2'], projectAccess: false });
    assert.deepEqual(
      f.bodies()[0],
      { read: { users: ['u2'], 'project-access': false } },
      'the body uses barbican names',
    );
    assert.deepEqual(
      acl,
      { projectAccess: false, users: ['u2'], created: 'c', updated: 'u' },
      'the ACL is read back',
    );
    await assert.rejects(
      f.km.setContainerAcl(UUID, { users: [''] }),
      (e: unknown) => e instanceof ValidationError && e.field === 'acl.users',
      'empty user ids are refused',
    );
  });

  test('quota values are checked before sending', async () => {
    const f = await barbican([reply('PUT', '/project-quotas/:id', 204)]);
    await f.km.setProjectQuotas('p1', { secrets: 10, orders: -1 });
    assert.deepEqual(f.bodies()[0], { project_quotas: { secrets: 10, orders: -1 } }, 'the body');
    for (const [q, field] of [
      [{ secrets: -2 }, 'quotas.secrets'],
      [{ volumes: 1 }, 'quotas.volumes'],
    ] as const) {
      await assert.rejects(
        f.km.setProjectQuotas('p1', q as never),
        (e: unknown) => e instanceof ValidationError && e.field === field,
        `${JSON.stringify(q)} is refused naming ${field}`,
      );
    }
  });
});
