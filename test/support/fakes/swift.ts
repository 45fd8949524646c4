/**
 * An in-memory Swift on the shared fake cloud: containers, objects, metadata headers, listings
 * (prefix, delimiter, marker, end_marker, limit), ranges, SLO (`multipart-manifest=put|get|
 * delete`) and DLO manifests, bulk delete and `/info`, as routes over a small store. Faults are
 * injected with the fake's `intercept`, which may answer a request before the store sees it.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ObjectStoreV1 } from '../../../src/services/object-store/proxy.js';
import type { Logger } from '../../../src/transport/logger.js';
import { type Call, type FakeService, route, startFake } from '../fake-service.js';

/** One object as the fake stores it. */
export interface StoredObject {
  data: Buffer;
  headers: Record<string, string>;
  slo?: { name: string; hash: string; bytes: number }[];
  dlo?: string;
  modified: number;
}

/** The fake swift: the shared fake plus its store and a proxy on it. */
export interface FakeSwift extends FakeService {
  /** The account URL the catalog gives (`<url>/v1/AUTH_test`). */
  accountUrl: string;
  store: Map<string, Map<string, StoredObject>>;
  containerHeaders: Map<string, Record<string, string>>;
  accountHeaders: Record<string, string>;
  os: ObjectStoreV1;
}

const md5 = (b: Buffer | string) => createHash('md5').update(b).digest('hex');
const byBytes = ([a]: [string, unknown], [b]: [string, unknown]) =>
  Buffer.from(a) < Buffer.from(b) ? -1 : 1;

/** The headers swift keeps from a PUT or POST of a container (`kind` 'container') or object. */
function userHeaders(h: IncomingMessage['headers'], kind: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    if (typeof v !== 'string') continue;
    if (
      k.startsWith(`x-${kind}-meta-`) ||
      k === 'content-type' ||
      k === 'x-delete-at' ||
      k === 'content-encoding'
    )
      out[k] = v;
    if (
      kind === 'container' &&
      (k === 'x-container-read' || k === 'x-container-write' || k === 'x-versions-enabled')
    )
      out[k] = v;
  }
  return out;
}

/** Answer like swift does: a transaction id on everything, no body on HEAD; true, as routes return. */
function send(
  c: Call,
  res: ServerResponse,
  status: number,
  headers: Record<string, string> = {},
  body: Buffer | string = '',
): true {
  res.writeHead(status, { 'x-trans-id': 'tx-mock', ...headers });
  res.end(c.method === 'HEAD' ? undefined : body);
  return true;
}

/** Start a fake swift and an ObjectStoreV1 on it (logging through `logger`, if given). */
export async function startSwift(opts: { logger?: Logger } = {}): Promise<FakeSwift> {
  const store = new Map<string, Map<string, StoredObject>>();
  const containerHeaders = new Map<string, Record<string, string>>();
  const accountHeaders: Record<string, string> = {};

  const dloParts = (o: StoredObject) => {
    const [c, ...rest] = decodeURIComponent(o.dlo!).split('/');
    const prefix = rest.join('/');
    return [...(store.get(c!) ?? new Map<string, StoredObject>()).entries()]
      .filter(([n]) => n.startsWith(prefix))
      .sort(byBytes)
      .map(([, v]) => v);
  };
  const assemble = (o: StoredObject): Buffer => {
    if (o.slo) {
      return Buffer.concat(
        o.slo.map((s) => {
          const [c, ...rest] = s.name.slice(1).split('/');
          return store.get(c!)?.get(rest.join('/'))?.data ?? Buffer.alloc(0);
        }),
      );
    }
    if (o.dlo !== undefined) return Buffer.concat(dloParts(o).map((p) => p.data));
    return o.data;
  };
  const etagOf = (o: StoredObject): string => {
    if (o.slo) return `"${md5(o.slo.map((s) => s.hash).join(''))}"`;
    if (o.dlo !== undefined)
      return `"${md5(
        dloParts(o)
          .map((p) => md5(p.data))
          .join(''),
      )}"`;
    return md5(o.data);
  };

  function bulkDelete(c: Call, res: ServerResponse): true {
    const lines = c.headers['content-type'] === 'text/plain' ? c.body.split('\n').filter(Boolean) : [];
    let deleted = 0;
    let notFound = 0;
    const errors: [string, string][] = [];
    for (const l of lines) {
      const p = decodeURIComponent(l.trim()).replace(/^\//, '');
      const i = p.indexOf('/');
      const name = i < 0 ? p : p.slice(0, i);
      if (i < 0) {
        if (!store.has(name)) notFound++;
        else if (store.get(name)!.size) errors.push([l, '409 Conflict']);
        else {
          store.delete(name);
          deleted++;
        }
      } else if (store.get(name)?.delete(p.slice(i + 1))) deleted++;
      else notFound++;
    }
    return send(
      c,
      res,
      200,
      { 'content-type': 'application/json' },
      JSON.stringify({
        'Number Deleted': deleted,
        'Number Not Found': notFound,
        Errors: errors,
        'Response Status': errors.length ? '400 Bad Request' : '200 OK',
        'Response Body': '',
      }),
    );
  }

  function account(c: Call, res: ServerResponse): true {
    if (c.method === 'POST' && c.query.has('bulk-delete')) return bulkDelete(c, res);
    if (c.method === 'POST') {
      for (const [k, v] of Object.entries(c.headers)) {
        if (k.startsWith('x-account-meta-') && typeof v === 'string') accountHeaders[k] = v;
        if (k.startsWith('x-remove-account-meta-')) delete accountHeaders[k.replace('x-remove-', 'x-')];
      }
      return send(c, res, 204);
    }
    if (c.method === 'HEAD' || c.method === 'GET') {
      const marker = c.query.get('marker') ?? '';
      const names = [...store.keys()]
        .sort()
        .filter((n) => n > marker)
        .slice(0, Number(c.query.get('limit') ?? 10000));
      return send(
        c,
        res,
        200,
        { ...accountHeaders, 'x-account-container-count': String(names.length) },
        JSON.stringify(names.map((n) => ({ name: n, count: store.get(n)!.size, bytes: 0 }))),
      );
    }
    return send(c, res, 405);
  }

  function listing(c: Call, objs: Map<string, StoredObject>): Record<string, unknown>[] {
    let rows = [...objs.entries()].sort(byBytes).map(([n, o]) => ({
      name: n,
      hash: o.slo ? md5(JSON.stringify(o.slo)) : md5(o.data),
      bytes: o.slo ? assemble(o).length : o.data.length,
      content_type: o.headers['content-type'] ?? 'application/octet-stream',
      last_modified: new Date(o.modified).toISOString().replace('Z', ''),
      ...(o.slo ? { slo_etag: etagOf(o) } : {}),
    })) as Record<string, unknown>[];
    const prefix = c.query.get('prefix') ?? '';
    const marker = c.query.get('marker');
    const end = c.query.get('end_marker');
    const delim = c.query.get('delimiter');
    rows = rows.filter((r) => (r.name as string).startsWith(prefix));
    // like Swift: a marker ending with the delimiter skips that whole pseudo-directory
    const skip = delim && marker?.endsWith(delim) ? marker : undefined;
    if (skip) rows = rows.filter((r) => !(r.name as string).startsWith(skip));
    if (delim) {
      const seen = new Set<string>();
      rows = rows.flatMap((r) => {
        const n = r.name as string;
        const i = n.indexOf(delim, prefix.length);
        if (i < 0) return [r];
        const sub = n.slice(0, i + delim.length);
        if (seen.has(sub)) return [];
        seen.add(sub);
        return [{ subdir: sub }];
      });
    }
    const key = (r: Record<string, unknown>) => (r.name ?? r.subdir) as string;
    if (marker) rows = rows.filter((r) => key(r) > marker);
    if (end) rows = rows.filter((r) => key(r) < end);
    return rows.slice(0, Number(c.query.get('limit') ?? 10000));
  }

  function container(c: Call, res: ServerResponse): true {
    const name = c.params.container!;
    const objs = store.get(name);
    switch (c.method) {
      case 'PUT':
        if (!objs) {
          store.set(name, new Map());
          containerHeaders.set(name, userHeaders(c.headers, 'container'));
          return send(c, res, 201);
        }
        Object.assign(containerHeaders.get(name)!, userHeaders(c.headers, 'container'));
        return send(c, res, 202);
      case 'POST':
        if (!objs) return send(c, res, 404);
        Object.assign(containerHeaders.get(name)!, userHeaders(c.headers, 'container'));
        return send(c, res, 204);
      case 'DELETE':
        if (!objs) return send(c, res, 404);
        if (objs.size) return send(c, res, 409);
        store.delete(name);
        return send(c, res, 204);
      case 'HEAD':
      case 'GET':
        if (!objs) return send(c, res, 404);
        return send(
          c,
          res,
          200,
          {
            'content-type': 'application/json',
            'x-container-object-count': String(objs.size),
            'x-container-bytes-used': String([...objs.values()].reduce((a, o) => a + o.data.length, 0)),
            ...containerHeaders.get(name),
          },
          JSON.stringify(listing(c, objs)),
        );
    }
    return send(c, res, 405);
  }

  function putObject(c: Call, res: ServerResponse, objs: Map<string, StoredObject>, name: string): true {
    if (c.headers['if-none-match'] === '*' && objs.has(name)) return send(c, res, 412);
    const headers = userHeaders(c.headers, 'object');
    if (c.query.get('multipart-manifest') === 'put') {
      const entries = JSON.parse(c.body) as { path: string; etag: string; size_bytes: number }[];
      const slo = [];
      for (const e of entries) {
        const [sc, ...r] = e.path.slice(1).split('/');
        const seg = store.get(sc!)?.get(r.join('/'));
        if (!seg || md5(seg.data) !== e.etag || seg.data.length !== e.size_bytes)
          return send(c, res, 400, {}, `bad segment ${e.path}`);
        slo.push({ name: e.path, hash: e.etag, bytes: e.size_bytes });
      }
      const o: StoredObject = { data: c.bytes, headers, slo, modified: Date.now() };
      const etag = etagOf(o);
      if (c.headers.etag && `"${c.headers.etag}"` !== etag) return send(c, res, 422);
      objs.set(name, o);
      return send(c, res, 201, { etag });
    }
    if (c.headers.etag && c.headers.etag !== md5(c.bytes)) return send(c, res, 422);
    const o: StoredObject = { data: c.bytes, headers, modified: Date.now() };
    if (typeof c.headers['x-object-manifest'] === 'string') o.dlo = c.headers['x-object-manifest'];
    objs.set(name, o);
    return send(c, res, 201, { etag: md5(c.bytes) });
  }

  function readObject(c: Call, res: ServerResponse, obj: StoredObject): true {
    if (c.query.get('multipart-manifest') === 'get' && obj.slo) {
      return send(
        c,
        res,
        200,
        { 'content-type': 'application/json', 'x-static-large-object': 'True' },
        JSON.stringify(obj.slo),
      );
    }
    const data = assemble(obj);
    const h: Record<string, string> = {
      'content-type': 'application/octet-stream',
      ...obj.headers,
      etag: etagOf(obj),
      'last-modified': new Date(obj.modified).toUTCString(),
    };
    if (obj.slo) h['x-static-large-object'] = 'True';
    if (obj.dlo !== undefined) h['x-object-manifest'] = obj.dlo;
    const range = /^bytes=(\d*)-(\d*)$/.exec(String(c.headers.range ?? ''));
    if (!range) return send(c, res, 200, { ...h, 'content-length': String(data.length) }, data);
    const start = range[1] === '' ? data.length - Number(range[2]) : Number(range[1]);
    const end =
      range[1] === '' || range[2] === '' ? data.length - 1 : Math.min(Number(range[2]), data.length - 1);
    return send(
      c,
      res,
      206,
      {
        ...h,
        'content-range': `bytes ${start}-${end}/${data.length}`,
        'content-length': String(end - start + 1),
      },
      data.subarray(start, end + 1),
    );
  }

  function object(c: Call, res: ServerResponse): true {
    const objs = store.get(c.params.container!);
    if (!objs) return send(c, res, 404);
    const name = c.params.name!;
    const obj = objs.get(name);
    if (c.method === 'PUT') return putObject(c, res, objs, name);
    if (!['POST', 'DELETE', 'HEAD', 'GET'].includes(c.method)) return send(c, res, 405);
    if (!obj) return send(c, res, 404);
    switch (c.method) {
      case 'POST':
        obj.headers = userHeaders(c.headers, 'object');
        return send(c, res, 202);
      case 'DELETE':
        if (c.query.get('multipart-manifest') === 'delete' && obj.slo) {
          for (const s of obj.slo) {
            const [sc, ...r] = s.name.slice(1).split('/');
            store.get(sc!)?.delete(r.join('/'));
          }
        }
        objs.delete(name);
        return send(c, res, 204);
      default:
        return readObject(c, res, obj);
    }
  }

  const fake = await startFake(
    'object-store',
    [
      // /info sits at the server's root, beside the account, not below it
      route('GET', '/info', (c, res) =>
        c.url.split('?')[0] === '/info'
          ? send(c, res, 200, { 'content-type': 'application/json' }, JSON.stringify(INFO))
          : false,
      ),
      route('*', '/', account),
      route('*', '/:container', container),
      route('*', '/:container/*name', object),
    ],
    { projectId: 'test' },
  );
  return Object.assign(fake, {
    accountUrl: fake.endpoint('object-store'),
    store,
    containerHeaders,
    accountHeaders,
    os: fake.proxy(ObjectStoreV1, { logger: opts.logger }),
  });
}

/** What the fake's `/info` advertises: SLO, temp URLs and bulk delete of up to 3 paths a request. */
const INFO = {
  swift: { version: 'mock' },
  slo: {},
  bulk_delete: { max_deletes_per_request: 3 },
  tempurl: {},
};
