/**
 * One stub server standing in for every service a wire test talks to: it answers each
 * service's version document at the service root and hands every other request to the
 * test's current `answer`, which can send anything at all (truncated JSON, HTML, empty bodies,
 * wrong statuses). A `Connection` with auth type `none` and endpoint overrides points at it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Connection } from '../../src/index.js';
import { type Recorded, sendJson, startMockServer } from './mock-server.js';

/** The raw answer to one API request. */
export interface WireAnswer {
  status?: number;
  /** Default application/json; `null` sends no content type. */
  contentType?: string | null;
  /** The body as sent (a Buffer for non-UTF-8 bytes). */
  body?: string | Buffer;
  headers?: Record<string, string>;
  /** Send without a Content-Length (chunked). */
  chunked?: boolean;
}

export type WireHandler = (req: Recorded, raw: IncomingMessage) => WireAnswer | Promise<WireAnswer>;

/** Service prefixes on the stub and the version document each root answers. */
const services = {
  compute: {
    prefix: '/compute',
    version: { id: 'v2.1', status: 'CURRENT', version: '2.90', min_version: '2.1' },
    path: '/v2.1',
  },
  network: { prefix: '/network', version: { id: 'v2.0', status: 'CURRENT' }, path: '/v2.0' },
  'block-storage': {
    prefix: '/volume',
    version: { id: 'v3.0', status: 'CURRENT', version: '3.60', min_version: '3.0' },
    path: '/v3',
  },
  image: { prefix: '/image', version: { id: 'v2.9', status: 'CURRENT' }, path: '/v2' },
  identity: { prefix: '/identity', version: { id: 'v3.14', status: 'stable' }, path: '/v3' },
} as const;

export interface WireStub {
  url: string;
  conn: Connection;
  /** Requests to the APIs (version documents excluded). */
  calls(): Recorded[];
  /** Set the answer for API requests. */
  answer(h: WireHandler): void;
  /** Answer a service's version document with this instead (e.g. null members). */
  versionDocument(service: keyof typeof services, a: WireAnswer | undefined): void;
  /** A fresh connection (no cached discovery). */
  fresh(): Connection;
  close(): Promise<void>;
}

/** Write a raw answer. */
export function send(res: ServerResponse, a: WireAnswer): void {
  const headers: Record<string, string> = { ...(a.headers ?? {}) };
  if (a.contentType !== null) headers['content-type'] = a.contentType ?? 'application/json';
  const body = a.body ?? '';
  if (!a.chunked) headers['content-length'] ??= String(Buffer.byteLength(body));
  res.writeHead(a.status ?? 200, headers);
  res.end(body);
}

/** Start the stub with every service under its prefix. */
export async function startWireStub(): Promise<WireStub> {
  let handler: WireHandler = () => ({ status: 404, body: '{}' });
  const versionOverrides = new Map<string, WireAnswer>();
  const conns: Connection[] = [];
  let base = '';
  const srv = await startMockServer(async (req, res, raw) => {
    const path = req.url.split('?')[0]!;
    for (const [name, s] of Object.entries(services)) {
      if (path === `${s.prefix}/` || path === s.prefix) {
        const o = versionOverrides.get(name);
        if (o) return send(res, o);
        return sendJson(res, 300, {
          versions: [{ ...s.version, links: [{ rel: 'self', href: `${base}${s.prefix}${s.path}/` }] }],
        });
      }
    }
    send(res, await handler(req, raw));
  });
  base = srv.url;
  const fresh = () => {
    const c = new Connection({
      config: {
        auth_type: 'none',
        compute_endpoint_override: `${base}/compute/v2.1`,
        network_endpoint_override: `${base}/network`,
        block_storage_endpoint_override: `${base}/volume/v3`,
        image_endpoint_override: `${base}/image`,
        identity_endpoint_override: `${base}/identity/v3`,
        object_store_endpoint_override: `${base}/swift/v1/AUTH_p`,
      },
      env: {},
      configFiles: [],
      secureFiles: [],
      retry: { maxRetries: 0 },
    });
    conns.push(c);
    return c;
  };
  const conn = fresh();
  return {
    url: base,
    conn,
    calls: () =>
      srv.requests.filter(
        (r) => !Object.values(services).some((s) => r.url.split('?')[0] === `${s.prefix}/`),
      ),
    answer(h) {
      handler = h;
    },
    versionDocument(service, a) {
      if (a) versionOverrides.set(service, a);
      else versionOverrides.delete(service);
    },
    fresh,
    async close() {
      for (const c of conns) await c.close();
      await srv.close();
    },
  };
}
