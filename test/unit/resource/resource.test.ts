import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  AbortedError,
  commitResource,
  createResource,
  defineResource,
  f,
  fetchResource,
  findResource,
  InvalidResponseError,
  listResources,
  MultipleMatchesError,
  ResourceFailureError,
  ResourceNotFoundError,
  ServiceClient,
  Session,
  StaticTokenAuth,
  TimeoutError,
  updateResource,
  ValidationError,
  waitForDelete,
  waitForStatus,
} from '../../../src/index.js';
import { type Recorded, sendJson, startMockServer } from '../../support/mock-server.js';

const Widget = defineResource({
  name: 'widget',
  basePath: '/widgets',
  fields: {
    id: f.string({ readOnly: true }),
    name: f.string({ required: true }),
    sizeGb: f.integer({ api: 'size_gb' }),
    accessIpv4: f.string({ api: 'accessIPv4' }),
    kind: f.enum(['a', 'b']),
    status: f.string({ readOnly: true }),
    newThing: f.string({ api: 'new_thing', minVersion: '2.5' }),
    tags: f.array<string>().createOnly(),
  },
  query: { name: 'name', sizeGb: 'size_gb' },
});

let server: Awaited<ReturnType<typeof startMockServer>>;
let handler: (req: Recorded, res: import('node:http').ServerResponse) => void;
let session: Session;

function client(
  spec: Partial<ConstructorParameters<typeof ServiceClient>[1]> = {},
  pin?: string,
): ServiceClient {
  return new ServiceClient(
    session,
    { serviceType: 'widgets', major: '1', fallbackPath: '', skipDiscovery: true, ...spec },
    pin,
  );
}

before(async () => {
  server = await startMockServer((req, res) => handler(req, res));
  session = new Session({
    auth: new StaticTokenAuth('none'),
    endpointOverrides: { widgets: `${server.url}/v1` },
  });
});
after(async () => {
  await session.close();
  await server.close();
});

describe('mapping and validation', () => {
  test('create maps camelCase to API names, wraps in the envelope, keeps undeclared response fields', async () => {
    handler = (req, res) =>
      sendJson(res, 201, {
        widget: { ...JSON.parse(req.body).widget, id: 'w1', status: 'BUILD', surprise: { x: 1 } },
      });
    const w = await createResource(client(), Widget, {
      name: 'w',
      sizeGb: 3,
      accessIpv4: '10.0.0.1',
      $extra: { 'os:hint': 'h' },
    });
    assert.deepEqual(JSON.parse(server.requests.at(-1)!.body), {
      widget: { name: 'w', size_gb: 3, accessIPv4: '10.0.0.1', 'os:hint': 'h' },
    });
    assert.equal(w.id, 'w1');
    assert.equal(w.sizeGb, 3);
    assert.equal(w.accessIpv4, '10.0.0.1');
    assert.deepEqual(w.extra, { surprise: { x: 1 }, 'os:hint': 'h' });
    assert.deepEqual(w.toJSON().surprise, { x: 1 });
  });

  test('bad input is rejected before any request, naming the field and the fix', async () => {
    const n = server.requests.length;
    const c = client();
    const bad: [Record<string, unknown>, string, RegExp][] = [
      [{ name: 'x', sizeGb: '3' }, 'widget.sizeGb', /must be an integer/],
      [{ name: 'x', sizeGb: 1.5 }, 'widget.sizeGb', /integer/],
      [{ name: 'x', kind: 'c' }, 'widget.kind', /one of a, b/],
      [{ name: 'x', status: 'ACTIVE' }, 'widget.status', /set by the service/],
      [{ name: 'x', colour: 'red' }, 'colour', /\$extra/],
      [{ sizeGb: 1 }, 'widget.name', /required/],
    ];
    for (const [input, field, msg] of bad) {
      await assert.rejects(createResource(c, Widget, input as any), (e: any) => {
        assert.ok(e instanceof ValidationError, `${field}: ${e}`);
        assert.equal(e.field, field);
        assert.match(e.message, msg);
        assert.match(e.message, /Fix:/);
        return true;
      });
    }
    assert.equal(server.requests.length, n, 'nothing was sent');
  });

  test('a field above the negotiated microversion is refused; within range it is sent', async () => {
    handler = (req, res) => sendJson(res, 201, { widget: { ...JSON.parse(req.body).widget, id: 'w2' } });
    const spec = { microversions: { headerName: 'widgets', sdkMin: '2.1', sdkMax: '2.9', default: '2.3' } };
    const old = client(spec);
    await old.resolve();
    await assert.rejects(createResource(old, Widget, { name: 'x', newThing: 'y' }), /2\.5\+.*uses 2\.3/);
    const pinned = client(spec, '2.6');
    const w = await createResource(pinned, Widget, { name: 'x', newThing: 'y' });
    assert.equal(w.newThing, 'y');
    assert.equal(server.requests.at(-1)!.headers['openstack-api-version'], 'widgets 2.6');
  });

  test('unknown response shapes are typed errors, not empty resources: a bare body and a non-object', async () => {
    handler = (_req, res) => sendJson(res, 200, { unexpected: true });
    await assert.rejects(fetchResource(client(), Widget, 'w9'), (e: unknown) => {
      assert.ok(e instanceof InvalidResponseError, `a typed error, got ${e}`);
      assert.equal(e.reason, 'missing-key', e.message);
      assert.match(e.message, /no "widget" key/, 'names the key');
      return true;
    });
    handler = (_req, res) => sendJson(res, 200, { widget: 'weird' });
    await assert.rejects(fetchResource(client(), Widget, 'w9'), (e: unknown) => {
      assert.ok(e instanceof InvalidResponseError, `a typed error, got ${e}`);
      assert.equal(e.reason, 'wrong-type', e.message);
      return true;
    });
  });
});

describe('commit', () => {
  test('only dirty fields are sent, with PUT and the envelope', async () => {
    handler = (req, res) =>
      sendJson(
        res,
        200,
        req.method === 'GET'
          ? { widget: { id: 'w1', name: 'a', size_gb: 1, keep: 'k' } }
          : { widget: { id: 'w1', name: 'b', size_gb: 1, keep: 'k' } },
      );
    const w = await fetchResource(client(), Widget, 'w1');
    assert.equal(w.isDirty, false);
    w.name = 'b';
    assert.equal(w.isDirty, true);
    await commitResource(w);
    const last = server.requests.at(-1)!;
    assert.equal(last.method, 'PUT');
    assert.equal(last.url, '/v1/widgets/w1');
    assert.deepEqual(JSON.parse(last.body), { widget: { name: 'b' } });
    assert.equal(w.isDirty, false);
    assert.equal(w.extra.keep, 'k');
    const before = server.requests.length;
    await commitResource(w);
    assert.equal(server.requests.length, before, 'a clean resource sends nothing');
  });

  test('JSON Patch commits: add for new keys, replace for existing, remove for null; custom content type', async () => {
    const Img = defineResource({
      name: 'image',
      basePath: '/images',
      resourceKey: null,
      resourcesKey: 'images',
      commitMethod: 'JSON_PATCH',
      fields: {
        id: f.string({ readOnly: true }),
        name: f.string(),
        minRam: f.integer({ api: 'min_ram' }),
        osDistro: f.string({ api: 'os_distro' }),
      },
    });
    handler = (req, res) =>
      sendJson(
        res,
        200,
        req.method === 'GET'
          ? { id: 'i1', name: 'a', os_distro: 'debian' }
          : { id: 'i1', name: 'b', min_ram: 64, custom: 'v' },
      );
    const img = await fetchResource(client(), Img, 'i1');
    img.name = 'b';
    img.minRam = 64;
    img.osDistro = null as unknown as string;
    img.setRaw('custom', 'v');
    await commitResource(img);
    const last = server.requests.at(-1)!;
    assert.equal(last.method, 'PATCH');
    assert.equal(last.headers['content-type'], 'application/openstack-images-v2.1-json-patch');
    assert.deepEqual(JSON.parse(last.body), [
      { op: 'replace', path: '/name', value: 'b' },
      { op: 'add', path: '/min_ram', value: 64 },
      { op: 'remove', path: '/os_distro' },
      { op: 'add', path: '/custom', value: 'v' },
    ]);
  });

  test('update by id refuses create-only fields', async () => {
    await assert.rejects(
      updateResource(client(), Widget, 'w1', { tags: ['x'] } as any),
      (e: any) => e instanceof ValidationError && /only be set when creating/.test(e.message),
    );
  });
});

describe('listing', () => {
  test('follows <key>_links rel=next across pages and maps query names', async () => {
    handler = (req, res) => {
      const u = new URL(req.url, server.url);
      const page = Number(u.searchParams.get('page') ?? 0);
      const items = Array.from({ length: 3 }, (_, i) => ({ id: `w${page * 3 + i}`, name: 'n' }));
      const links =
        page < 2 ? [{ rel: 'next', href: `${server.url}/v1/widgets?page=${page + 1}&size_gb=5` }] : [];
      sendJson(res, 200, { widgets: items, widgets_links: links });
    };
    const ids = [];
    for await (const w of listResources(client(), Widget, { sizeGb: 5 })) ids.push(w.id);
    assert.deepEqual(ids, ['w0', 'w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8']);
    assert.match(server.requests.at(-3)!.url, /size_gb=5/);
  });

  test('keystone links.next and glance relative next are followed', async () => {
    let n = 0;
    handler = (_req, res) => {
      n++;
      if (n === 1)
        return sendJson(res, 200, {
          widgets: [{ id: 'a' }],
          links: { next: `${server.url}/v1/widgets?marker=a`, self: 'x' },
        });
      if (n === 2) return sendJson(res, 200, { widgets: [{ id: 'b' }], next: '/v1/widgets?marker=b' });
      sendJson(res, 200, { widgets: [{ id: 'c' }], links: { next: null } });
    };
    const all = await listResources(client(), Widget).toArray();
    assert.deepEqual(
      all.map((w) => w.id),
      ['a', 'b', 'c'],
    );
    assert.equal(server.requests.at(-1)!.url, '/v1/widgets?marker=b');
  });

  test('marker pagination when the service gives no links: stops on a short page', async () => {
    const M = defineResource({
      name: 'thing',
      basePath: '/things',
      pagination: 'marker',
      fields: { id: f.string() },
    });
    const data = Array.from({ length: 25 }, (_, i) => ({ id: `t${String(i).padStart(2, '0')}` }));
    handler = (req, res) => {
      const u = new URL(req.url, server.url);
      const marker = u.searchParams.get('marker');
      const limit = Number(u.searchParams.get('limit'));
      const start = marker ? data.findIndex((d) => d.id === marker) + 1 : 0;
      sendJson(res, 200, { things: data.slice(start, start + limit) });
    };
    const before = server.requests.length;
    const got = await listResources(client(), M, { limit: 10 }).toArray();
    assert.equal(got.length, 25);
    assert.equal(new Set(got.map((g) => g.id)).size, 25);
    assert.equal(server.requests.length - before, 3);
  });

  test('unknown filters are refused; $raw passes through', async () => {
    assert.throws(
      () => listResources(client(), Widget, { colour: 'red' } as any),
      (e: any) => e instanceof ValidationError && e.field === 'colour',
    );
    handler = (_req, res) => sendJson(res, 200, { widgets: [] });
    await listResources(client(), Widget, { $raw: { 'changes-since': '2020' } }).toArray();
    assert.match(server.requests.at(-1)!.url, /changes-since=2020/);
  });

  test('100 000 items stream page by page in flat memory', async () => {
    const total = 100_000;
    const pageSize = 1000;
    handler = (req, res) => {
      const u = new URL(req.url, server.url);
      const start = Number(u.searchParams.get('start') ?? 0);
      const items = Array.from({ length: pageSize }, (_, i) => ({
        id: `w${start + i}`,
        name: `widget-${start + i}`,
        pad: 'x'.repeat(200),
      }));
      const next =
        start + pageSize < total
          ? [{ rel: 'next', href: `${server.url}/v1/widgets?start=${start + pageSize}` }]
          : [];
      sendJson(res, 200, { widgets: items, widgets_links: next });
    };
    // measure live memory, not garbage waiting for collection
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    let count = 0;
    let peak = 0;
    const base = process.memoryUsage().heapUsed;
    for await (const w of listResources(client(), Widget)) {
      count++;
      if (count % 10000 === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed - base);
      }
      if (w.id === '') throw new Error('unreachable');
    }
    assert.equal(count, total);
    // 100k items held at once take ~60 MB live; streaming keeps a page or two
    assert.ok(peak < 8 * 1024 * 1024, `heap grew by ${(peak / 1048576).toFixed(1)} MB`);
  });
});

describe('find', () => {
  test('by id first, then by exact name; none and several are distinct errors', async () => {
    handler = (req, res) => {
      if (req.url === '/v1/widgets/abc') return sendJson(res, 200, { widget: { id: 'abc', name: 'x' } });
      if (req.url.startsWith('/v1/widgets/'))
        return sendJson(res, 404, { itemNotFound: { message: 'nope' } });
      const name = new URL(req.url, server.url).searchParams.get('name');
      const rows =
        {
          one: [
            { id: '1', name: 'one' },
            { id: '9', name: 'one-prefix-match' },
          ],
          two: [
            { id: '2', name: 'two' },
            { id: '3', name: 'two' },
          ],
        }[name as 'one'] ?? [];
      sendJson(res, 200, { widgets: rows });
    };
    const c = client();
    assert.equal((await findResource(c, Widget, 'abc'))!.id, 'abc');
    assert.equal((await findResource(c, Widget, 'one'))!.id, '1');
    await assert.rejects(
      findResource(c, Widget, 'two'),
      (e: any) => e instanceof MultipleMatchesError && e.ids.join() === '2,3',
    );
    await assert.rejects(findResource(c, Widget, 'zzz'), ResourceNotFoundError);
    assert.equal(await findResource(c, Widget, 'zzz', { ignoreMissing: true }), undefined);
  });
});

describe('waiters', () => {
  const get = (statuses: string[], extra: Record<string, unknown> = {}) => {
    let i = 0;
    handler = (_req, res) =>
      sendJson(res, 200, {
        widget: { id: 'w', name: 'n', status: statuses[Math.min(i++, statuses.length - 1)], ...extra },
      });
    const c = client();
    return () => fetchResource(c, Widget, 'w');
  };

  test('waits through intermediate statuses', async () => {
    const r = await waitForStatus(get(['BUILD', 'BUILD', 'ACTIVE']), 'ACTIVE', { intervalMs: 5 });
    assert.equal(r.status, 'ACTIVE');
  });

  test('a failure status ends the wait with the fault message', async () => {
    await assert.rejects(
      waitForStatus(get(['BUILD', 'ERROR'], { fault: { message: 'No valid host was found.' } }), 'ACTIVE', {
        intervalMs: 5,
      }),
      (e: any) => {
        assert.ok(e instanceof ResourceFailureError);
        assert.equal(e.status, 'ERROR');
        assert.equal(e.fault, 'No valid host was found.');
        assert.match(e.message, /widget w went to ERROR while waiting for ACTIVE: No valid host/);
        return true;
      },
    );
  });

  test('timeout and abort', async () => {
    await assert.rejects(
      waitForStatus(get(['BUILD']), 'ACTIVE', { intervalMs: 20, timeoutMs: 70 }),
      (e: any) => e instanceof TimeoutError && /still BUILD/.test(e.message),
    );
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 30);
    await assert.rejects(
      waitForStatus(get(['BUILD']), 'ACTIVE', { intervalMs: 1000, signal: ac.signal }),
      AbortedError,
    );
  });

  test('waitForDelete returns on 404', async () => {
    let i = 0;
    handler = (_req, res) =>
      i++ < 2 ? sendJson(res, 200, { widget: { id: 'w', status: 'DELETING' } }) : sendJson(res, 404, {});
    const c = client();
    await waitForDelete(() => fetchResource(c, Widget, 'w'), 'widget w', { intervalMs: 5 });
    assert.equal(i, 3);
  });

  test('waitForDelete polls on through DELETED until the record is gone', async () => {
    let i = 0;
    handler = (_req, res) =>
      i++ < 3 ? sendJson(res, 200, { widget: { id: 'w', status: 'DELETED' } }) : sendJson(res, 404, {});
    const c = client();
    await waitForDelete(() => fetchResource(c, Widget, 'w'), 'widget w', { intervalMs: 5 });
    assert.equal(i, 4, 'a record still listed as DELETED is not gone yet: the wait must poll until 404');
  });

  test('waitForDelete counts a record that stays DELETED as gone at the deadline, not as a timeout', async () => {
    let i = 0;
    handler = (_req, res) => {
      i++;
      sendJson(res, 200, { widget: { id: 'w', status: 'DELETED' } });
    };
    const c = client();
    const t0 = Date.now();
    await waitForDelete(() => fetchResource(c, Widget, 'w'), 'widget w', { intervalMs: 20, timeoutMs: 200 });
    assert.ok(Date.now() - t0 < 1000, `the wait must end within its deadline (took ${Date.now() - t0} ms)`);
    assert.ok(i >= 2, `the wait must poll again after the first DELETED (polled ${i} times)`);
  });
});
