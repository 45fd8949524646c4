/**
 * Whole calls over the fetch transport, against the project's fake cloud: a Connection listing
 * servers, and the object store's uploads, verified downloads (MD5 per body and per segment)
 * and error mapping, the paths a browser program takes. The transport tests cover the client's
 * contract over both transports; these show the layers above keep theirs over fetch.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { NotFoundError } from '../../../src/errors/errors.js';
import { ObjectStoreV1 } from '../../../src/services/object-store/proxy.js';
import { json, route, startFake } from '../../support/fake-service.js';
import { type FakeSwift, startSwift } from '../../support/fakes/swift.js';

describe('the fake cloud over fetch', () => {
  let swift: FakeSwift;
  let os: ObjectStoreV1;
  before(async () => {
    swift = await startSwift();
    os = swift.proxy(ObjectStoreV1, { transport: 'fetch' });
  });
  after(async () => {
    await swift.close();
  });

  test('a Connection lists servers through fetch', async () => {
    const fake = await startFake('compute', [
      route('GET', '/servers/detail', (_c, res) =>
        json(res, 200, {
          servers: [
            { id: 's1', name: 'web' },
            { id: 's2', name: 'db' },
          ],
        }),
      ),
    ]);
    try {
      const conn = fake.connection({}, { transport: 'fetch' });
      assert.equal(conn.session.http.transport, 'fetch', 'the connection should send through fetch');
      const names: string[] = [];
      for await (const s of conn.compute.listServers()) names.push(s.name ?? '');
      assert.deepEqual(names, ['web', 'db'], 'both servers should be listed');
    } finally {
      await fake.close();
    }
  });

  test('objects: upload, verified download, large object by segments', async () => {
    assert.equal(os.client.session.http.transport, 'fetch', 'the proxy should send through fetch');
    await os.createContainer('c');
    const small = randomBytes(4096);
    await os.createObject({ container: 'c', name: 'small', data: small });
    const got = await os.downloadObject('c', 'small');
    assert.equal(got.verification, 'md5', 'a plain object is checked by its MD5');
    assert.ok(Buffer.from(got.data).equals(small), 'the downloaded bytes should be the uploaded ones');

    const big = randomBytes(300_000);
    async function* chunks() {
      for (let i = 0; i < big.length; i += 50_000) yield big.subarray(i, i + 50_000);
    }
    await os.createObject({ container: 'c', name: 'big', data: chunks(), segmentSize: 100_000 });
    const d = await os.streamObject('c', 'big');
    assert.equal(d.verification, 'segments', 'a large object is checked segment by segment');
    const parts: Buffer[] = [];
    for await (const c of d.stream) parts.push(c as Buffer);
    assert.ok(Buffer.concat(parts).equals(big), 'the large object should come back whole');
  });

  test('a missing object is a NotFoundError, not a fetch error', async () => {
    await assert.rejects(os.downloadObject('c', 'nope'), NotFoundError, 'a 404 should map to NotFoundError');
  });
});
