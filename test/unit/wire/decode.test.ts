/**
 * Trust at the wire, decoding: every answer the SDK cannot read is an InvalidResponseError
 * naming the request, never an empty list, an empty resource or a bare SyntaxError/TypeError.
 * One stub server plays compute, network, block storage, object store and keystone.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { V2PasswordAuth } from '../../../src/auth/v2.js';
import { V3PasswordAuth } from '../../../src/auth/v3.js';
import { InvalidResponseError, type InvalidResponseReason, OpenStackError } from '../../../src/index.js';
import { HttpClient } from '../../../src/transport/http-client.js';
import { startWireStub, type WireAnswer, type WireStub } from '../../support/wire-stub.js';

let stub: WireStub;
before(async () => {
  stub = await startWireStub();
});
after(() => stub.close());

/** Asserts an InvalidResponseError of `reason` carrying the request's facts. */
function invalid(
  reason: InvalidResponseReason,
  opts: { method?: string; path?: RegExp; status?: number } = {},
) {
  return (e: unknown) => {
    assert.ok(e instanceof InvalidResponseError, `expected an InvalidResponseError (${reason}), got ${e}`);
    assert.ok(e instanceof OpenStackError, 'part of the SDK error family');
    assert.equal(e.reason, reason, e.message);
    assert.equal(e.method, opts.method ?? 'GET', e.message);
    if (opts.path) assert.match(e.url, opts.path, 'names the URL');
    if (opts.status !== undefined) assert.equal(e.status, opts.status, e.message);
    assert.match(e.message, new RegExp(`invalid response \\(${reason}\\)`), 'says what went wrong');
    return true;
  };
}

/** The broken answers of the issue, each with the reason it must be reported as. */
function brokenLists(key: string): [string, WireAnswer, InvalidResponseReason][] {
  return [
    ['truncated JSON', { body: `{"${key}":[{"id":"42",` }, 'invalid-json'],
    [
      'truncated JSON without Content-Length',
      { body: `{"${key}":[{"id":"42",`, chunked: true },
      'invalid-json',
    ],
    [
      'HTML with 200',
      { contentType: 'text/html', body: '<html><body>Maintenance</body></html>' },
      'not-json',
    ],
    ['HTML labelled JSON', { body: '<html><body>proxy error</body></html>' }, 'not-json'],
    ['empty 200', { body: '' }, 'empty-body'],
    ['204 on GET', { status: 204 }, 'empty-body'],
    ['300', { status: 300, body: `{"${key}":[]}` }, 'unexpected-status'],
    ['wrong top-level key', { body: '{"items":[{"id":"42"}]}' }, 'missing-key'],
    ['resources key not a list', { body: `{"${key}":{"id":"42"}}` }, 'wrong-type'],
    ['rows that are not objects', { body: `{"${key}":[{"id":"1"},null,"x"]}` }, 'wrong-type'],
    ['a JSON array, not a document', { body: '[{"id":"42"}]' }, 'wrong-type'],
    ['not UTF-8', { body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]) }, 'invalid-json'],
  ];
}

const lists = [
  {
    service: 'compute',
    key: 'flavors',
    path: /\/compute\/v2\.1\/flavors/,
    run: () => stub.conn.compute.listFlavors().toArray(),
  },
  {
    service: 'network',
    key: 'networks',
    path: /\/network\/v2\.0\/networks/,
    run: () => stub.conn.network.listNetworks().toArray(),
  },
  {
    service: 'block-storage',
    key: 'volumes',
    path: /\/volume\/v3\/volumes/,
    run: () => stub.conn.blockStorage.listVolumes().toArray(),
  },
];

describe('lists that cannot be read fail typed, never as an empty list', () => {
  for (const l of lists) {
    test(`${l.service}: every broken answer`, async () => {
      for (const [what, answer, reason] of brokenLists(l.key)) {
        stub.answer(() => answer);
        await assert.rejects(l.run(), invalid(reason, { path: l.path }), `${l.service} ${what}`);
      }
    });
  }

  test('a good answer still lists', async () => {
    stub.answer(() => ({
      body: JSON.stringify({
        networks: [
          { id: 'n1', name: 'a' },
          { id: 'n2', name: 'b' },
        ],
      }),
    }));
    const rows = await stub.conn.network.listNetworks().toArray();
    assert.deepEqual(
      rows.map((r) => r.id),
      ['n1', 'n2'],
      'both rows',
    );
  });

  test('a JSON body labelled text/html is read (cinder Zed answers volume metadata so)', async () => {
    stub.answer(() => ({ contentType: 'text/html; charset=UTF-8', body: '{"metadata":{"a":"1"}}' }));
    assert.deepEqual(await stub.conn.blockStorage.getVolumeMetadata('v1'), { a: '1' }, 'the metadata');
  });

  test('a missing content type is accepted when the body parses', async () => {
    stub.answer(() => ({
      contentType: null,
      body: JSON.stringify({ flavors: [{ id: 'f1', name: 'tiny' }] }),
    }));
    const rows = await stub.conn.compute.listFlavors().toArray();
    assert.equal(rows.length, 1, 'one flavor');
    assert.equal(rows[0]!.id, 'f1', 'its id');
  });

  test('the error carries status, content type and a short redacted excerpt, never a secret', async () => {
    const body = `<html>${'x'.repeat(5000)} "password": "hunter2-secret" </html>`;
    stub.answer(() => ({
      contentType: 'text/html; charset=UTF-8',
      body,
      headers: { 'x-openstack-request-id': 'req-abc' },
    }));
    await assert.rejects(stub.conn.network.listNetworks().toArray(), (e: unknown) => {
      assert.ok(e instanceof InvalidResponseError, `typed, got ${e}`);
      assert.equal(e.status, 200, 'status');
      assert.equal(e.requestId, 'req-abc', 'request id');
      assert.match(e.contentType ?? '', /text\/html/, 'content type');
      assert.ok(e.excerpt && e.excerpt.length <= 260, `a short excerpt (${e.excerpt?.length})`);
      assert.doesNotMatch(`${e.message} ${e.excerpt}`, /hunter2/, 'no secret');
      return true;
    });
    stub.answer(() => ({ contentType: 'text/html', body: '<p>"password": "hunter2-secret"</p>' }));
    await assert.rejects(stub.conn.network.listNetworks().toArray(), (e: unknown) => {
      assert.ok(e instanceof InvalidResponseError, `typed, got ${e}`);
      assert.doesNotMatch(e.excerpt ?? '', /hunter2/, `redacted excerpt: ${e.excerpt}`);
      return true;
    });
  });
});

describe('gets that cannot be read fail typed, never as a resource with id ""', () => {
  const cases: [string, WireAnswer, InvalidResponseReason][] = [
    ['truncated', { body: '{"flavor":{"id":"42",' }, 'invalid-json'],
    ['HTML', { contentType: 'text/html', body: '<h1>502</h1>' }, 'not-json'],
    ['empty', { body: '' }, 'empty-body'],
    ['204', { status: 204 }, 'empty-body'],
    ['wrong key', { body: '{"server":{"id":"42"}}' }, 'missing-key'],
    ['resource not an object', { body: '{"flavor":"42"}' }, 'wrong-type'],
    ['null resource', { body: '{"flavor":null}' }, 'wrong-type'],
  ];
  test('compute getFlavor', async () => {
    for (const [what, answer, reason] of cases) {
      stub.answer(() => answer);
      await assert.rejects(stub.conn.compute.getFlavor('42'), invalid(reason, { path: /flavors\/42/ }), what);
    }
  });
});

describe('nova create (202) with a broken body', () => {
  const input = { name: 'vm', imageRef: 'img', flavorRef: 'f1', networks: 'none' as const };
  test('each is typed; the good answer keeps the input and the id', async () => {
    const bad: [string, WireAnswer, InvalidResponseReason][] = [
      ['truncated', { status: 202, body: '{"server":{"id":"s1","links":[' }, 'invalid-json'],
      ['HTML', { status: 202, contentType: 'text/html', body: '<html>Accepted</html>' }, 'not-json'],
      ['empty', { status: 202, body: '' }, 'empty-body'],
      ['no server key', { status: 202, body: '{}' }, 'missing-key'],
      ['server not an object', { status: 202, body: '{"server":[]}' }, 'wrong-type'],
      ['empty id', { status: 202, body: '{"server":{"id":""}}' }, 'wrong-type'],
    ];
    for (const [what, answer, reason] of bad) {
      stub.answer(() => answer);
      await assert.rejects(
        stub.conn.compute.createServer(input),
        invalid(reason, { method: 'POST', status: 202 }),
        what,
      );
    }
    stub.answer(() => ({ status: 202, body: '{"server":{"id":"s1","adminPass":"pw"}}' }));
    const s = await stub.conn.compute.createServer(input);
    assert.equal(s.id, 's1', 'the id nova gave');
    assert.equal(s.name, 'vm', 'the input is kept');
  });
});

describe('swift listings with a broken body', () => {
  test('each is typed; an empty container (204) is an empty list', async () => {
    const bad: [string, WireAnswer, InvalidResponseReason][] = [
      ['truncated', { body: '[{"name":"a","bytes":1},' }, 'invalid-json'],
      ['HTML', { contentType: 'text/html', body: '<html>login</html>' }, 'not-json'],
      ['an object, not a list', { body: '{"objects":[]}' }, 'wrong-type'],
      ['rows not objects', { body: '["a","b"]' }, 'wrong-type'],
      ['a row without a name', { body: '[{"bytes":1}]' }, 'wrong-type'],
    ];
    for (const [what, answer, reason] of bad) {
      stub.answer(() => answer);
      await assert.rejects(
        stub.conn.objectStore.listObjects('c').toArray(),
        invalid(reason, { path: /\/c\b/ }),
        what,
      );
    }
    stub.answer(() => ({ status: 204 }));
    assert.deepEqual(await stub.conn.objectStore.listObjects('c').toArray(), [], 'empty container');
  });

  test('a marker that does not advance is a page cycle, not an endless listing', async () => {
    stub.answer(() => ({ body: '[{"name":"a","bytes":1}]' }));
    const n = stub.calls().length;
    await assert.rejects(
      stub.conn.objectStore.listObjects('c', {}, {}).toArray(),
      (e: unknown) => e instanceof InvalidResponseError && e.reason === 'page-cycle',
      'page-cycle',
    );
    assert.ok(stub.calls().length - n <= 3, `bounded: ${stub.calls().length - n} requests`);
  });
});

describe('endless and oversized listings', () => {
  test('a next link pointing at the same page is a page cycle after one repeat', async () => {
    stub.answer((req) => ({
      body: JSON.stringify({
        networks: [{ id: 'n1' }],
        networks_links: [{ rel: 'next', href: `${stub.url}${req.url}` }],
      }),
    }));
    const n = stub.calls().length;
    await assert.rejects(
      stub.conn.network.listNetworks().toArray(),
      invalid('page-cycle', { path: /networks/ }),
    );
    assert.equal(stub.calls().length - n, 1, 'the repeated page is not even requested');
  });

  test('a next link to a new URL that serves the same rows again is a page cycle', async () => {
    let i = 0;
    stub.answer(() => ({
      body: JSON.stringify({
        flavors: [{ id: 'f1' }, { id: 'f2' }],
        flavors_links: [{ rel: 'next', href: `${stub.url}/compute/v2.1/flavors/detail?marker=f2&x=${i++}` }],
      }),
    }));
    const n = stub.calls().length;
    await assert.rejects(stub.conn.compute.listFlavors().toArray(), invalid('page-cycle'));
    assert.equal(stub.calls().length - n, 2, 'stops at the first repeat');
  });

  test('a page over the size cap is typed (with and without Content-Length)', async () => {
    const big = JSON.stringify({
      networks: Array.from({ length: 200 }, (_, i) => ({ id: `n${i}`, name: 'x'.repeat(50) })),
    });
    for (const chunked of [false, true]) {
      stub.answer(() => ({ body: big, chunked }));
      await assert.rejects(
        stub.conn.network.listNetworks({}, { maxBodyBytes: 4096 }).toArray(),
        invalid('too-large', { path: /networks/ }),
        `chunked: ${chunked}`,
      );
    }
    const rows = await stub.conn.network.listNetworks({}, { maxBodyBytes: 1 << 20 }).toArray();
    assert.equal(rows.length, 200, 'under the cap it lists');
  });
});

describe('keystone token bodies', () => {
  const pw = {
    username: 'demo',
    password: 's3cr3t-pw',
    project_name: 'demo',
    user_domain_name: 'Default',
    project_domain_name: 'Default',
  };
  const token = (catalog: unknown) =>
    JSON.stringify({
      token: {
        expires_at: new Date(Date.now() + 3600_000).toISOString(),
        project: { id: 'p1', name: 'demo' },
        methods: ['password'],
        catalog,
      },
    });
  const issue = async () => {
    const auth = new V3PasswordAuth({ auth_url: `${stub.url}/identity/v3`, ...pw });
    const http = new HttpClient({ retry: { maxRetries: 0 } });
    try {
      return await auth.getAccess(http);
    } finally {
      await http.close();
    }
  };

  test('HTML, truncated, empty and wrong documents on token issue are typed', async () => {
    const bad: [string, WireAnswer, InvalidResponseReason][] = [
      ['HTML', { status: 201, contentType: 'text/html', body: '<html>SSO login</html>' }, 'not-json'],
      ['truncated', { status: 201, body: '{"token":{"methods":["password"],' }, 'invalid-json'],
      ['empty', { status: 201, body: '' }, 'empty-body'],
      ['empty JSON', { status: 201, body: '{}' }, 'missing-key'],
      ['token not an object', { status: 201, body: '{"token":"abc"}' }, 'wrong-type'],
      ['catalog with a null entry', { status: 201, body: token([null]) }, 'wrong-type'],
      ['catalog not a list', { status: 201, body: token({ compute: 1 }) }, 'wrong-type'],
      [
        'garbage endpoint URL',
        {
          status: 201,
          body: token([{ type: 'compute', endpoints: [{ interface: 'public', url: 'not a url' }] }]),
        },
        'wrong-type',
      ],
      [
        'an endpoint URL that is not http(s)',
        {
          status: 201,
          body: token([{ type: 'compute', endpoints: [{ interface: 'public', url: 'file:///etc/passwd' }] }]),
        },
        'wrong-type',
      ],
      [
        'a null endpoint',
        { status: 201, body: token([{ type: 'compute', endpoints: [null] }]) },
        'wrong-type',
      ],
    ];
    for (const [what, answer, reason] of bad) {
      stub.answer(() => ({ ...answer, headers: { 'x-subject-token': 'tok-1' } }));
      await assert.rejects(issue(), invalid(reason, { method: 'POST', path: /auth\/tokens/ }), what);
    }
    stub.answer(() => ({ status: 201, body: token([]) }));
    await assert.rejects(issue(), invalid('missing-key', { method: 'POST' }), 'no X-Subject-Token');
  });

  test('a good token still parses, and the password is in no error', async () => {
    stub.answer(() => ({
      status: 201,
      headers: { 'x-subject-token': 'tok-1' },
      body: token([
        { type: 'compute', endpoints: [{ interface: 'public', url: `${stub.url}/compute/v2.1` }] },
      ]),
    }));
    const a = await issue();
    assert.equal(a.token, 'tok-1', 'token');
    assert.equal(a.catalog[0]!.endpoints[0]!.url, `${stub.url}/compute/v2.1`, 'catalog');
    stub.answer(() => ({ status: 201, contentType: 'text/html', body: '<p>password=s3cr3t-pw</p>' }));
    await assert.rejects(issue(), (e: unknown) => {
      assert.ok(e instanceof InvalidResponseError, `typed, got ${e}`);
      assert.doesNotMatch(`${e.message} ${e.excerpt}`, /s3cr3t-pw/, 'no password');
      return true;
    });
  });
});

describe('keystone v2.0 token bodies', () => {
  const issue = async () => {
    const auth = new V2PasswordAuth({
      auth_url: `${stub.url}/identity/v2.0`,
      username: 'demo',
      password: 's3cr3t-pw',
      project_name: 'demo',
    });
    const http = new HttpClient({ retry: { maxRetries: 0 } });
    try {
      return await auth.getAccess(http);
    } finally {
      await http.close();
    }
  };
  test('HTML, truncated, empty, no token id and a null catalog entry are typed', async () => {
    const good = (catalog: unknown) =>
      JSON.stringify({
        access: {
          token: { id: 'v2tok', expires: new Date(Date.now() + 3600_000).toISOString() },
          serviceCatalog: catalog,
        },
      });
    const bad: [string, WireAnswer, InvalidResponseReason][] = [
      ['HTML', { contentType: 'text/html', body: '<html>SSO</html>' }, 'not-json'],
      ['truncated', { body: '{"access":{"token":' }, 'invalid-json'],
      ['empty', { body: '' }, 'empty-body'],
      ['no access', { body: '{}' }, 'missing-key'],
      ['no token id', { body: '{"access":{"token":{}}}' }, 'missing-key'],
      ['null catalog entry', { body: good([null]) }, 'wrong-type'],
      [
        'garbage URL',
        { body: good([{ type: 'compute', endpoints: [{ publicURL: '::nope' }] }]) },
        'wrong-type',
      ],
    ];
    for (const [what, answer, reason] of bad) {
      stub.answer(() => answer);
      await assert.rejects(issue(), invalid(reason, { method: 'POST', path: /\/tokens/ }), what);
    }
    stub.answer(() => ({ body: good([]) }));
    assert.equal((await issue()).token, 'v2tok', 'a good token parses');
  });
});

describe('version documents', () => {
  test('null members, a non-list and a garbage self link are typed; HTML falls back to the catalog URL', async () => {
    const bad: [string, WireAnswer][] = [
      ['null member', { status: 300, body: '{"versions":[null]}' }],
      ['member without id', { status: 300, body: '{"versions":[{"status":"CURRENT"}]}' }],
      ['values null', { status: 300, body: '{"versions":{"values":null}}' }],
      ['versions a string', { status: 300, body: '{"versions":"v2.1"}' }],
      ['truncated', { status: 300, body: '{"versions":[{"id":"v2.1",' }],
      ['links not a list', { status: 300, body: '{"versions":[{"id":"v2.1","links":{"rel":"self"}}]}' }],
    ];
    stub.answer(() => ({ body: '{"flavors":[]}' }));
    try {
      for (const [what, answer] of bad) {
        stub.versionDocument('compute', answer);
        const c = stub.fresh();
        await assert.rejects(c.compute.listFlavors().toArray(), (e: unknown) => {
          assert.ok(e instanceof InvalidResponseError, `${what}: typed, got ${e}`);
          assert.match(e.url, /\/compute\/$/, `${what}: names the version document`);
          return true;
        });
      }
      stub.versionDocument('compute', { contentType: 'text/html', body: '<html>root</html>' });
      assert.deepEqual(
        await stub.fresh().compute.listFlavors().toArray(),
        [],
        'falls back to the catalog URL',
      );
    } finally {
      stub.versionDocument('compute', undefined);
    }
  });
});
