/**
 * An in-memory Swift for offline tests: containers, objects, metadata headers, listings
 * (prefix, delimiter, marker, end_marker, limit), ranges, SLO (`multipart-manifest=put|get|
 * delete`) and DLO manifests, bulk delete and `/info`. Failures are injected with `hook`,
 * which may answer a request itself before the store sees it.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AccessInfo, AuthPlugin } from '../../../../src/auth/index.js';
import { ObjectStoreV1 } from '../../../../src/services/object-store/proxy.js';
import { Session } from '../../../../src/session/session.js';
import type { Logger } from '../../../../src/transport/logger.js';
import { listenLocal } from '../../../support/mock-server.js';

export interface Recorded {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  /** The body as text (tests look at manifests and bulk-delete lists). */
  body: string;
  bytes: Buffer;
}

type Handler = (req: Recorded, res: ServerResponse, raw: IncomingMessage) => Promise<void>;

/** A server that hands over bodies as bytes and shrugs off clients that go away mid-body. */
async function startServer(
  handler: Handler,
): Promise<{ url: string; requests: Recorded[]; close(): Promise<void> }> {
  const requests: Recorded[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    try {
      for await (const c of req) chunks.push(c as Buffer);
    } catch {
      return; // the client aborted: like Swift, store nothing
    }
    const bytes = Buffer.concat(chunks);
    const rec = {
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      body: bytes.toString(),
      bytes,
    };
    requests.push(rec);
    try {
      await handler(rec, res, req);
    } catch (e) {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(e));
    }
  });
  return { ...(await listenLocal(server, () => server.closeAllConnections())), requests };
}

export interface StoredObject {
  data: Buffer;
  headers: Record<string, string>;
  slo?: { name: string; hash: string; bytes: number }[];
  dlo?: string;
  modified: number;
}

export interface MockSwift {
  url: string;
  accountUrl: string;
  store: Map<string, Map<string, StoredObject>>;
  containerHeaders: Map<string, Record<string, string>>;
  accountHeaders: Record<string, string>;
  requests: Recorded[];
  /** Return true when the hook answered the request. */
  hook?: (req: Recorded, res: ServerResponse) => boolean | Promise<boolean>;
  os: ObjectStoreV1;
  close(): Promise<void>;
}

const md5 = (b: Buffer | string) => createHash('md5').update(b).digest('hex');

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

export async function mockSwift(opts: { logger?: Logger } = {}): Promise<MockSwift> {
  const store = new Map<string, Map<string, StoredObject>>();
  const containerHeaders = new Map<string, Record<string, string>>();
  const accountHeaders: Record<string, string> = {};
  const m = { store, containerHeaders, accountHeaders } as MockSwift;

  const assemble = (o: StoredObject): Buffer => {
    if (o.slo) {
      return Buffer.concat(
        o.slo.map((s) => {
          const [c, ...rest] = s.name.slice(1).split('/');
          return store.get(c!)?.get(rest.join('/'))?.data ?? Buffer.alloc(0);
        }),
      );
    }
    if (o.dlo !== undefined) {
      const [c, ...rest] = decodeURIComponent(o.dlo).split('/');
      const prefix = rest.join('/');
      const objs = [...(store.get(c!) ?? new Map()).entries()]
        .filter(([n]) => n.startsWith(prefix))
        .sort(([a], [b]) => (Buffer.from(a) < Buffer.from(b) ? -1 : 1));
      return Buffer.concat(objs.map(([, v]) => v.data));
    }
    return o.data;
  };
  const dloParts = (o: StoredObject) => {
    const [c, ...rest] = decodeURIComponent(o.dlo!).split('/');
    const prefix = rest.join('/');
    return [...(store.get(c!) ?? new Map()).entries()]
      .filter(([n]) => n.startsWith(prefix))
      .sort(([a], [b]) => (Buffer.from(a) < Buffer.from(b) ? -1 : 1))
      .map(([, v]) => v);
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

  const server = await startServer(async (req, res, raw) => {
    if (m.hook && (await m.hook(req, res))) return;
    const u = new URL(req.url, 'http://x');
    if (u.pathname === '/info') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          swift: { version: 'mock' },
          slo: {},
          bulk_delete: { max_deletes_per_request: 3 },
          tempurl: {},
        }),
      );
      return;
    }
    const rest = u.pathname.replace(/^\/v1\/AUTH_test\/?/, '');
    const slash = rest.indexOf('/');
    const container = decodeURIComponent(slash < 0 ? rest : rest.slice(0, slash));
    const name = slash < 0 ? undefined : decodeURIComponent(rest.slice(slash + 1));
    const q = u.searchParams;
    const body = req.bytes;
    const send = (status: number, headers: Record<string, string> = {}, b: Buffer | string = '') => {
      res.writeHead(status, { 'x-trans-id': 'tx-mock', ...headers });
      res.end(req.method === 'HEAD' ? undefined : b);
    };

    if (!container) {
      if (req.method === 'POST' && q.has('bulk-delete')) {
        const lines =
          raw.headers['content-type'] === 'text/plain' ? req.body.split('\n').filter(Boolean) : [];
        let deleted = 0;
        let notFound = 0;
        const errors: [string, string][] = [];
        for (const l of lines) {
          const p = decodeURIComponent(l.trim()).replace(/^\//, '');
          const i = p.indexOf('/');
          const c = i < 0 ? p : p.slice(0, i);
          if (i < 0) {
            if (!store.has(c)) notFound++;
            else if (store.get(c)!.size) errors.push([l, '409 Conflict']);
            else {
              store.delete(c);
              deleted++;
            }
          } else if (store.get(c)?.delete(p.slice(i + 1))) deleted++;
          else notFound++;
        }
        send(
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
        return;
      }
      if (req.method === 'POST') {
        for (const [k, v] of Object.entries(raw.headers)) {
          if (k.startsWith('x-account-meta-') && typeof v === 'string') accountHeaders[k] = v;
          if (k.startsWith('x-remove-account-meta-')) delete accountHeaders[k.replace('x-remove-', 'x-')];
        }
        return send(204);
      }
      if (req.method === 'HEAD' || req.method === 'GET') {
        const marker = q.get('marker') ?? '';
        const names = [...store.keys()]
          .sort()
          .filter((n) => n > marker)
          .slice(0, Number(q.get('limit') ?? 10000));
        return send(
          200,
          { ...accountHeaders, 'x-account-container-count': String(names.length) },
          JSON.stringify(names.map((n) => ({ name: n, count: store.get(n)!.size, bytes: 0 }))),
        );
      }
      return send(405);
    }

    const objs = store.get(container);
    if (name === undefined) {
      switch (req.method) {
        case 'PUT':
          if (!objs) {
            store.set(container, new Map());
            containerHeaders.set(container, userHeaders(raw.headers, 'container'));
            return send(201);
          }
          Object.assign(containerHeaders.get(container)!, userHeaders(raw.headers, 'container'));
          return send(202);
        case 'POST':
          if (!objs) return send(404);
          Object.assign(containerHeaders.get(container)!, userHeaders(raw.headers, 'container'));
          return send(204);
        case 'DELETE':
          if (!objs) return send(404);
          if (objs.size) return send(409);
          store.delete(container);
          return send(204);
        case 'HEAD':
        case 'GET': {
          if (!objs) return send(404);
          let rows = [...objs.entries()]
            .sort(([a], [b]) => (Buffer.from(a) < Buffer.from(b) ? -1 : 1))
            .map(([n, o]) => ({
              name: n,
              hash: o.slo ? md5(JSON.stringify(o.slo)) : md5(o.data),
              bytes: o.slo ? assemble(o).length : o.data.length,
              content_type: o.headers['content-type'] ?? 'application/octet-stream',
              last_modified: new Date(o.modified).toISOString().replace('Z', ''),
              ...(o.slo ? { slo_etag: etagOf(o) } : {}),
            })) as Record<string, unknown>[];
          const prefix = q.get('prefix') ?? '';
          const marker = q.get('marker');
          const end = q.get('end_marker');
          const delim = q.get('delimiter');
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
          rows = rows.slice(0, Number(q.get('limit') ?? 10000));
          return send(
            200,
            {
              'content-type': 'application/json',
              'x-container-object-count': String(objs.size),
              'x-container-bytes-used': String([...objs.values()].reduce((a, o) => a + o.data.length, 0)),
              ...containerHeaders.get(container),
            },
            JSON.stringify(rows),
          );
        }
      }
      return send(405);
    }

    if (!objs) return send(404);
    const obj = objs.get(name);
    switch (req.method) {
      case 'PUT': {
        if (raw.headers['if-none-match'] === '*' && obj) return send(412);
        const headers = userHeaders(raw.headers, 'object');
        if (q.get('multipart-manifest') === 'put') {
          const entries = JSON.parse(body.toString()) as { path: string; etag: string; size_bytes: number }[];
          const slo = [];
          for (const e of entries) {
            const [c, ...r] = e.path.slice(1).split('/');
            const seg = store.get(c!)?.get(r.join('/'));
            if (!seg || md5(seg.data) !== e.etag || seg.data.length !== e.size_bytes)
              return send(400, {}, `bad segment ${e.path}`);
            slo.push({ name: e.path, hash: e.etag, bytes: e.size_bytes });
          }
          const o: StoredObject = { data: body, headers, slo, modified: Date.now() };
          const etag = etagOf(o);
          if (raw.headers.etag && `"${raw.headers.etag}"` !== etag) return send(422);
          objs.set(name, o);
          return send(201, { etag });
        }
        if (raw.headers.etag && raw.headers.etag !== md5(body)) return send(422);
        const o: StoredObject = { data: body, headers, modified: Date.now() };
        if (typeof raw.headers['x-object-manifest'] === 'string') o.dlo = raw.headers['x-object-manifest'];
        objs.set(name, o);
        return send(201, { etag: md5(body) });
      }
      case 'POST':
        if (!obj) return send(404);
        obj.headers = userHeaders(raw.headers, 'object');
        return send(202);
      case 'DELETE':
        if (!obj) return send(404);
        if (q.get('multipart-manifest') === 'delete' && obj.slo) {
          for (const s of obj.slo) {
            const [c, ...r] = s.name.slice(1).split('/');
            store.get(c!)?.delete(r.join('/'));
          }
        }
        objs.delete(name);
        return send(204);
      case 'HEAD':
      case 'GET': {
        if (!obj) return send(404);
        if (q.get('multipart-manifest') === 'get' && obj.slo) {
          return send(
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
        const range = /^bytes=(\d*)-(\d*)$/.exec(String(raw.headers.range ?? ''));
        if (range) {
          const start = range[1] === '' ? data.length - Number(range[2]) : Number(range[1]);
          const end =
            range[1] === '' || range[2] === ''
              ? data.length - 1
              : Math.min(Number(range[2]), data.length - 1);
          return send(
            206,
            {
              ...h,
              'content-range': `bytes ${start}-${end}/${data.length}`,
              'content-length': String(end - start + 1),
            },
            data.subarray(start, end + 1),
          );
        }
        return send(200, { ...h, 'content-length': String(data.length) }, data);
      }
    }
    return send(405);
  });

  const accountUrl = `${server.url}/v1/AUTH_test`;
  const access: AccessInfo = {
    token: 'tok',
    userId: 'u',
    projectId: 'test',
    catalog: [{ type: 'object-store', endpoints: [{ url: accountUrl, interface: 'public' }] }],
    roles: ['member'],
    methods: ['password'],
    unscoped: false,
    raw: {},
  };
  const auth: AuthPlugin = {
    authType: 'password',
    canReauthenticate: false,
    getAccess: async () => access,
    invalidate: () => {},
  };
  const session = new Session({ auth, http: { retry: { maxRetries: 0 }, logger: opts.logger } });
  return Object.assign(m, {
    url: server.url,
    accountUrl,
    requests: server.requests,
    os: new ObjectStoreV1(session),
    close: async () => {
      await session.close();
      await server.close();
    },
  });
}
