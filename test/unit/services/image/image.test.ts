import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, beforeEach, describe, test } from 'node:test';
import { ResourceFailureError, ValidationError } from '../../../../src/errors/errors.js';
import { ChecksumMismatchError, ImageV2, NoImageDataError } from '../../../../src/services/image/index.js';
import { sampleAt } from '../../../support/api-samples.js';
import {
  type Call,
  catalogSession,
  type FakeService,
  json,
  reply,
  route,
  startFake,
} from '../../../support/fake-service.js';

let m: FakeService;
let image: ImageV2;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ossdk-image-unit-'));
  m = await startFake('image', [], { token: 'tok-admin' });
});
after(async () => {
  await m.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  m.routes.length = 0;
  m.reset();
  image = m.proxy(ImageV2);
});

const md5 = (b: Uint8Array) => createHash('md5').update(b).digest('hex');
const sha512 = (b: Uint8Array) => createHash('sha512').update(b).digest('hex');

function imageBody(extra: Record<string, unknown> = {}) {
  return {
    id: 'img',
    name: 'n',
    status: 'queued',
    tags: [],
    visibility: 'private',
    checksum: null,
    os_hash_algo: null,
    os_hash_value: null,
    size: null,
    ...extra,
  };
}

describe('JSON Patch updates', () => {
  test('an edited image sends exactly the upstream image-update-request operations', async () => {
    const expected = sampleAt('image/image-update-request.json');
    let got: unknown;
    let contentType: string | undefined;
    m.on(
      reply('GET', '/images/img', 200, imageBody({ name: 'Fedora', tags: ['x'] })),
      route('PATCH', '/images/img', (req, res) => {
        got = JSON.parse(req.body);
        contentType = req.headers['content-type'];
        return json(res, 200, imageBody({ name: 'Fedora 17', tags: ['beefy', 'fedora'] }));
      }),
    );
    const img = await image.getImage('img');
    img.name = 'Fedora 17';
    img.tags = ['fedora', 'beefy'];
    const { commitResource } = await import('../../../../src/resource/operations.js');
    await commitResource(img);
    assert.deepEqual(got, expected);
    assert.equal(contentType, 'application/openstack-images-v2.1-json-patch');
    assert.deepEqual(img.tags, ['beefy', 'fedora']);
    assert.equal(img.isDirty, false);
  });

  test('add, replace, remove of custom properties; null clears a nullable field; keys are escaped', async () => {
    let ops: unknown;
    m.on(
      route('PATCH', '/images/img', (req, res) => {
        ops = JSON.parse(req.body);
        return json(res, 200, imageBody({ name: null, min_ram: 512, 'a/b~c': '1' }));
      }),
    );
    const img = await image.updateImage('img', {
      name: null,
      minRam: 512,
      $extra: { 'a/b~c': '1', gone: null },
    });
    assert.deepEqual(ops, [
      { op: 'add', path: '/name', value: null },
      { op: 'add', path: '/min_ram', value: 512 },
      { op: 'add', path: '/a~1b~0c', value: '1' },
      { op: 'remove', path: '/gone' },
    ]);
    assert.equal(img.name, null);
    assert.equal(img.extra.gone, undefined, 'a removed key does not survive the commit');
    assert.equal(img.extra['a/b~c'], '1');
  });

  test('a fetched image replaces its own keys and removes a property it carries', async () => {
    let ops: unknown;
    m.on(
      reply('GET', '*', 200, imageBody({ os_distro: 'ubuntu', custom: 'v' })),
      route('PATCH', '*', (req, res) => {
        ops = JSON.parse(req.body);
        return json(res, 200, imageBody({ custom: 'w' }));
      }),
    );
    const img = await image.getImage('img');
    const updated = await image.updateImage(img, { osDistro: null, $extra: { custom: 'w' } });
    assert.deepEqual(ops, [
      { op: 'remove', path: '/os_distro' },
      { op: 'replace', path: '/custom', value: 'w' },
    ]);
    assert.equal(updated.osDistro, undefined);
  });

  test('read-only and create-only fields are refused before sending', async () => {
    await assert.rejects(image.updateImage('img', { status: 'active' } as never), ValidationError);
    await assert.rejects(image.updateImage('img', { id: 'x' } as never), ValidationError);
    await assert.rejects(image.updateImage('img', { visibility: 'everyone' as never }), /must be one of/);
    assert.equal(m.calls.length, 0);
  });
});

describe('listing', () => {
  test("glance's relative `next` is followed; filters keep their API names", async () => {
    m.on(
      route('*', '*', (req, res) => {
        if (req.url === '/v2/images?limit=1&tag=a&tag=b&member_status=all&sort=name%3Aasc')
          return json(res, 200, {
            images: [imageBody({ id: 'i1' })],
            next: '/v2/images?limit=1&marker=i1&tag=a&tag=b',
            first: '/v2/images',
          });
        if (req.url === '/v2/images?limit=1&marker=i1&tag=a&tag=b')
          return json(res, 200, { images: [imageBody({ id: 'i2' })], next: '/v2/images?limit=1&marker=i2' });
        if (req.url === '/v2/images?limit=1&marker=i2') return json(res, 200, { images: [] });
        return false;
      }),
    );
    const ids = (
      await image.listImages({ limit: 1, tag: ['a', 'b'], memberStatus: 'all', sort: 'name:asc' }).toArray()
    ).map((i) => i.id);
    assert.deepEqual(ids, ['i1', 'i2']);
  });
});

describe('upload', () => {
  const data = Buffer.alloc(3 * 1024 * 1024 + 17, 7);
  function uploadRoutes(
    recorded: { body?: Buffer; headers?: Call['headers'] },
    stored: Record<string, unknown>,
  ) {
    m.on(
      route('*', '*', async (req, res) => {
        if (req.method === 'PUT' && req.url === '/v2/images/img/file') {
          recorded.headers = req.headers;
          recorded.body = req.bytes;
          return json(res, 204);
        }
        if (req.method === 'GET' && req.url === '/v2/images/img') return json(res, 200, imageBody(stored));
        return false;
      }),
    );
  }

  test('from a Buffer: octet-stream, Content-Length, and every digest verified', async () => {
    const rec: { headers?: Call['headers'] } = {};
    uploadRoutes(rec, {
      status: 'active',
      size: data.length,
      checksum: md5(data),
      os_hash_algo: 'sha512',
      os_hash_value: sha512(data),
    });
    const r = await image.uploadImage('img', data, { store: 'fs' });
    assert.equal(rec.headers?.['content-type'], 'application/octet-stream');
    assert.equal(rec.headers?.['content-length'], String(data.length));
    assert.equal(rec.headers?.['x-image-meta-store'], 'fs');
    assert.deepEqual(r.verified, { size: true, checksum: true, hash: true });
    assert.equal(r.hashValue, sha512(data));
    assert.equal(r.image.status, 'active');
  });

  test('from a file path, with progress', async () => {
    const file = join(dir, 'up.bin');
    writeFileSync(file, data);
    uploadRoutes(
      {},
      { size: data.length, checksum: md5(data), os_hash_algo: 'sha512', os_hash_value: sha512(data) },
    );
    const seen: number[] = [];
    const r = await image.uploadImage('img', file, { onProgress: (n) => seen.push(n) });
    assert.equal(r.size, data.length);
    assert.equal(seen.at(-1), data.length);
    assert.ok(seen.length > 1, 'reported chunk by chunk');
  });

  test('a different os_hash_algo is not compared; MD5 still is', async () => {
    uploadRoutes(
      {},
      { size: data.length, checksum: md5(data), os_hash_algo: 'sha256', os_hash_value: 'abc' },
    );
    const r = await image.uploadImage('img', Readable.from([data]));
    assert.deepEqual(r.verified, { size: true, checksum: true, hash: false });
    m.routes.length = 0;
    const sha256 = createHash('sha256').update(data).digest('hex');
    uploadRoutes(
      {},
      { size: data.length, checksum: md5(data), os_hash_algo: 'sha256', os_hash_value: sha256 },
    );
    const r2 = await image.uploadImage('img', Readable.from([data]), { hashAlgo: 'sha256' });
    assert.equal(r2.hashValue, sha256);
    assert.deepEqual(r2.verified, { size: true, checksum: true, hash: true });
  });

  test('a mismatch between what was sent and what glance stored is an error', async () => {
    uploadRoutes({}, { size: data.length, checksum: md5(Buffer.from('other')), os_hash_algo: 'sha512' });
    await assert.rejects(image.uploadImage('img', data), (e: unknown) => {
      assert.ok(e instanceof ChecksumMismatchError);
      assert.equal(e.what, 'checksum');
      assert.equal(e.actual, md5(data));
      return true;
    });
    m.routes.length = 0;
    uploadRoutes({}, { size: 5 });
    await assert.rejects(image.uploadImage('img', data), /size is 3145745 bytes, the image says 5/);
  });

  test('a stream is sent while it is produced, never buffered whole', async () => {
    // a raw server (the mock server buffers bodies) that notes how much had been produced
    // when the first bytes arrived
    const chunk = Buffer.alloc(256 * 1024, 1);
    let produced = 0;
    let received = 0;
    let firstBytesAt = -1;
    const raw = createServer((req, res) => {
      if (req.url === '/') return res.writeHead(404).end();
      if (req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(imageBody()));
        return;
      }
      req.on('data', (c: Buffer) => {
        if (firstBytesAt < 0) firstBytesAt = produced;
        received += c.length;
      });
      req.on('end', () => res.writeHead(204).end());
    });
    await new Promise<void>((r) => raw.listen(0, '127.0.0.1', r));
    const session = catalogSession(
      { image: `http://127.0.0.1:${(raw.address() as AddressInfo).port}/v2` },
      { token: 'tok-admin' },
    );
    try {
      async function* gen() {
        for (let i = 0; i < 64; i++) {
          produced += chunk.length;
          yield chunk;
          // give the socket a turn: a buffering client would send only after the last chunk
          await new Promise((r) => setTimeout(r, 1));
        }
      }
      await new ImageV2(session).uploadImage('img', gen(), { verify: false });
    } finally {
      await session.close();
      raw.closeAllConnections();
      await new Promise<void>((r) => raw.close(() => r()));
    }
    assert.equal(received, 64 * chunk.length);
    assert.ok(
      firstBytesAt >= 0 && firstBytesAt < 16 * chunk.length,
      `first bytes after ${firstBytesAt} produced`,
    );
  });
});

describe('download', () => {
  const data = Buffer.from('x'.repeat(100_000));
  function downloadRoutes(served: Buffer, stored: Record<string, unknown>, status = 200) {
    m.on(
      reply('GET', '/images/img', 200, imageBody(stored)),
      route('GET', '/images/img/file', (_req, res) =>
        status === 204
          ? json(res, 204)
          : res
              .writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': served.length })
              .end(served),
      ),
    );
  }
  const good = {
    status: 'active',
    size: data.length,
    checksum: md5(data),
    os_hash_algo: 'sha512',
    os_hash_value: sha512(data),
  };

  test('streams and verifies', async () => {
    downloadRoutes(data, good);
    const dl = await image.downloadImage('img');
    const chunks: Buffer[] = [];
    for await (const c of dl.stream) chunks.push(c as Buffer);
    assert.deepEqual(Buffer.concat(chunks), data);
    assert.equal(dl.digest()?.hashValue, sha512(data));
    assert.equal(dl.contentLength, data.length);
    assert.equal(m.calls.at(-1)?.headers.accept, 'application/octet-stream');
  });

  test('corrupted data makes the stream fail at the end', async () => {
    const bad = Buffer.from(data);
    bad[500] = 0x79;
    downloadRoutes(bad, good);
    const dl = await image.downloadImage('img');
    await assert.rejects(
      (async () => {
        for await (const _ of dl.stream);
      })(),
      (e: unknown) => e instanceof ChecksumMismatchError && e.what === 'checksum',
    );
  });

  test('to a file: complete and renamed, or removed on mismatch', async () => {
    downloadRoutes(data, good);
    const out = join(dir, 'ok.img');
    const d = await image.downloadImageToFile('img', out);
    assert.equal(d.size, data.length);
    assert.deepEqual(readFileSync(out), data);
    m.routes.length = 0;
    downloadRoutes(data, { ...good, os_hash_value: sha512(Buffer.from('no')) });
    const bad = join(dir, 'bad.img');
    await assert.rejects(image.downloadImageToFile('img', bad), ChecksumMismatchError);
    assert.equal(existsSync(bad), false);
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.includes('bad.img')),
      [],
      'no partial file left',
    );
  });

  test('no data is NoImageDataError; verify: false skips the metadata request', async () => {
    downloadRoutes(data, { status: 'queued' }, 204);
    await assert.rejects(image.downloadImage('img'), NoImageDataError);
    m.reset();
    m.routes.length = 0;
    downloadRoutes(data, good);
    const dl = await image.downloadImage('img', { verify: false });
    for await (const _ of dl.stream);
    assert.deepEqual(
      m.calls.map((c) => c.url),
      ['/v2/images/img/file'],
    );
  });
});

describe('members, tags, actions, import', () => {
  test('member operations use /images/{id}/members with bare bodies', async () => {
    const member = { image_id: 'img', member_id: 'proj', status: 'pending', schema: '/v2/schemas/member' };
    m.on(
      reply('POST', '/images/img/members', 200, member),
      reply('GET', '/images/img/members', 200, { members: [member], schema: '/v2/schemas/members' }),
      reply('GET', '/images/img/members/proj', 200, member),
      route('PUT', '/images/img/members/proj', (req, res) =>
        json(res, 200, { ...member, status: JSON.parse(req.body).status }),
      ),
      reply('DELETE', '/images/img/members/proj', 204),
    );
    const added = await image.addImageMember('img', 'proj');
    assert.equal(added.memberId, 'proj');
    assert.equal(added.id, 'proj');
    assert.deepEqual(JSON.parse(m.calls[0]!.body), { member: 'proj' });
    assert.equal((await image.listImageMembers('img').toArray())[0]!.status, 'pending');
    assert.equal((await image.getImageMember('img', 'proj')).imageId, 'img');
    const accepted = await image.updateImageMember('img', 'proj', 'accepted');
    assert.equal(accepted.status, 'accepted');
    assert.deepEqual(JSON.parse(m.calls.at(-1)!.body), { status: 'accepted' });
    await image.removeImageMember('img', 'proj');
    await assert.rejects(image.updateImageMember('img', 'proj', 'maybe' as never), /must be one of/);
  });

  test('tags, deactivate, reactivate', async () => {
    m.on(reply('*', '*', 204));
    await image.addImageTag('img', 'a b');
    await image.removeImageTag('img', 'a b');
    await image.deactivateImage('img');
    await image.reactivateImage('img');
    assert.deepEqual(
      m.calls.map((c) => `${c.method} ${c.url}`),
      [
        'PUT /v2/images/img/tags/a%20b',
        'DELETE /v2/images/img/tags/a%20b',
        'POST /v2/images/img/actions/deactivate',
        'POST /v2/images/img/actions/reactivate',
      ],
    );
  });

  test('import: methods, stage, import body, waiting', async () => {
    let polls = 0;
    m.on(
      reply('*', '/info/import', 200, {
        'import-methods': { type: 'array', value: ['glance-direct', 'web-download'] },
      }),
      reply('*', '/images/img/stage', 204),
      reply('*', '/images/img/import', 202, {}),
      route('*', '/images/img', (_req, res) =>
        json(
          res,
          200,
          imageBody(
            ++polls < 2
              ? { status: 'importing', os_glance_importing_to_stores: 'fs' }
              : { status: 'active', os_glance_importing_to_stores: '' },
          ),
        ),
      ),
    );
    assert.deepEqual(await image.getImportMethods(), ['glance-direct', 'web-download']);
    const staged = await image.stageImage('img', Buffer.from('abc'));
    assert.equal(staged.checksum, md5(Buffer.from('abc')));
    await image.importImage(
      'img',
      { name: 'web-download', uri: 'https://example.com/x.img' },
      { allStores: true },
    );
    assert.deepEqual(JSON.parse(m.calls.at(-1)!.body), {
      method: { name: 'web-download', uri: 'https://example.com/x.img' },
      all_stores: true,
    });
    const done = await image.waitForImageImport('img', { intervalMs: 1 });
    assert.equal(done.status, 'active');
    assert.equal(polls, 2);
  });

  test('a failed import is reported with the failing stores', async () => {
    m.on(reply('*', '/images/img', 200, imageBody({ status: 'queued', os_glance_failed_import: 'fs' })));
    await assert.rejects(image.waitForImageImport('img', { intervalMs: 1 }), ResourceFailureError);
  });

  test('schemas are fetched by name', async () => {
    m.on(
      route('*', '/schemas/*name', (req, res) =>
        json(res, 200, { name: req.params.name, properties: {}, links: [] }),
      ),
    );
    assert.equal((await image.getImageSchema()).name, 'image');
    assert.equal((await image.getImagesSchema()).name, 'images');
    assert.equal((await image.getMemberSchema()).name, 'member');
    assert.equal((await image.getMembersSchema()).name, 'members');
  });
});

describe('caller options are passed on whole', () => {
  // each of these sent only the caller's signal on some request (the headers, per-attempt
  // timeout and body cap were dropped) while copying options field by field
  const HEADERS = { 'x-caller': 'kept' };
  const stored = { status: 'active', size: 3, checksum: md5(Buffer.from('abc')) };

  function routesForAll() {
    m.on(
      reply('GET', '/images/img', 200, imageBody(stored)),
      reply('GET', '/images/img/tasks', 200, { tasks: [] }),
      reply('GET', '/info/import', 200, { 'import-methods': { value: ['glance-direct'] } }),
      reply('PUT', '/images/img/file', 204),
      route('GET', '/images/img/file', (_req, res) =>
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': 3 }).end('abc'),
      ),
    );
  }

  const cases: [string, (i: ImageV2) => Promise<unknown>][] = [
    ['verifyImage', (i) => i.verifyImage('img', { size: 3 }, { headers: HEADERS })],
    ['listImageTasks', (i) => i.listImageTasks('img', { headers: HEADERS })],
    ['getImportMethods', (i) => i.getImportMethods({ headers: HEADERS })],
    ['uploadImage', (i) => i.uploadImage('img', Buffer.from('abc'), { headers: HEADERS, verify: false })],
    ['downloadImage', (i) => i.downloadImage('img', { headers: HEADERS }).then((d) => d.stream.resume())],
  ];
  for (const [name, call] of cases) {
    test(`${name} sends the caller's headers on every request`, async () => {
      routesForAll();
      await call(image);
      const sent = m.calls;
      assert.ok(sent.length > 0, `${name} sent a request`);
      for (const r of sent)
        assert.equal(
          r.headers['x-caller'],
          'kept',
          `${name}: ${r.method} ${r.url} must carry the caller's headers`,
        );
    });
  }

  test("listImageTasks applies the caller's body cap", async () => {
    m.on(reply('*', '/images/img/tasks', 200, { tasks: [], pad: 'x'.repeat(4096) }));
    await assert.rejects(
      image.listImageTasks('img', { maxBodyBytes: 512 }),
      (e: unknown) => e instanceof Error && (e as { reason?: string }).reason === 'too-large',
      'an answer over maxBodyBytes must be refused',
    );
  });
});
