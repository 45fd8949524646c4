/**
 * One fake cloud for offline unit tests of the service proxies: a server on 127.0.0.1 that
 * answers version discovery the way each service does, routes the rest through a table of
 * method + path pattern → handler, records every call, and builds real proxies (through a real
 * Session or Connection) pointed at itself. Services with in-memory semantics (swift) add their
 * routes from test/support/fakes/.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { after, beforeEach } from 'node:test';
import type { AccessInfo, AuthPlugin } from '../../src/auth/index.js';
import { Connection } from '../../src/connection.js';
import type { ProxyOptions } from '../../src/services/service-proxy.js';
import { Session } from '../../src/session/session.js';
import type { TransportKind } from '../../src/transport/http-client.js';
import type { Logger } from '../../src/transport/logger.js';
import { listenLocal } from './mock-server.js';

/** The service types a fake can stand in for. */
export type ServiceType =
  | 'compute'
  | 'network'
  | 'block-storage'
  | 'identity'
  | 'image'
  | 'object-store'
  | 'placement'
  | 'orchestration'
  | 'key-manager'
  | 'dns'
  | 'load-balancer'
  | 'shared-file-system'
  | 'baremetal';

/** One request as the fake read it. */
export interface Call {
  method: string;
  /** The request target as sent: path and query string. */
  url: string;
  /** The path below the service's API root (`/servers/x` for `/v2.1/servers/x`), `/` for the root. */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** The body as text. */
  body: string;
  /** The body as bytes (swift compares checksums of binary data). */
  bytes: Buffer;
  /** Parameters of the route's string pattern (`:id`, `*rest`), URL-decoded. */
  params: Record<string, string>;
}

/**
 * The one route contract: answer through `res`, or return `false` to let the next route try.
 * A throw becomes a 500 with the error as its body.
 */
export type RouteHandler = (call: Call, res: ServerResponse) => unknown;

/** A row of the route table. */
export interface Route {
  /** An HTTP method, or `*` for any. */
  method: string;
  /**
   * A string is matched against `call.path` alone, segment by segment (`:id` takes one segment,
   * `*rest` the remainder); a RegExp is tested against the path followed by the query string.
   */
  pattern: string | RegExp;
  handler: RouteHandler;
}

/** A route that runs `handler` for `method` on `pattern`. */
export function route(method: string, pattern: string | RegExp, handler: RouteHandler): Route {
  return { method, pattern, handler };
}

/** A route that always gives the same answer: JSON when `body` is given, else an empty body. */
export function reply(
  method: string,
  pattern: string | RegExp,
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): Route {
  return route(method, pattern, (_c, res) => json(res, status, body, headers));
}

/** Write a JSON answer (an empty body when `body` is undefined); true, so a route can return it. */
export function json(
  res: ServerResponse,
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): true {
  if (body === undefined) res.writeHead(status, headers).end();
  else res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  return true;
}

/** The parsed JSON body of a call, undefined when it had none. */
export function bodyOf(c: Pick<Call, 'body'> | undefined): unknown {
  return c?.body ? JSON.parse(c.body) : undefined;
}

interface ServiceShape {
  /** Where the catalog (or the endpoint override) puts the service, below the server's root. */
  catalogPath: string;
  /** Where its API lives once discovered: route paths are relative to it. */
  apiPath: string;
  /** Its entry of the version document at `/`; none when the service publishes none there. */
  version?: (root: string, max: string | undefined) => Record<string, unknown>;
  /** The body of a 404 in the service's own error format. */
  notFound: (what: string) => unknown;
}

/** How each service looks on the wire: paths, version document and error format. */
const SHAPES: Record<ServiceType, ServiceShape> = {
  compute: {
    catalogPath: '',
    apiPath: '/v2.1',
    version: (root, max) => ({
      id: 'v2.1',
      status: 'CURRENT',
      version: max ?? '2.93',
      min_version: '2.1',
      links: [{ rel: 'self', href: `${root}/v2.1/` }],
    }),
    notFound: (message) => ({ itemNotFound: { code: 404, message } }),
  },
  network: {
    catalogPath: '',
    apiPath: '/v2.0',
    version: (root) => ({ id: 'v2.0', status: 'CURRENT', links: [{ rel: 'self', href: `${root}/v2.0/` }] }),
    notFound: (message) => ({ NeutronError: { type: 'HTTPNotFound', message, detail: '' } }),
  },
  'block-storage': {
    catalogPath: '/v3/proj',
    apiPath: '/v3/proj',
    version: (root, max) => ({
      id: 'v3.0',
      status: 'CURRENT',
      version: max ?? '3.70',
      min_version: '3.0',
      links: [{ rel: 'self', href: `${root}/v3/` }],
    }),
    notFound: (message) => ({ itemNotFound: { code: 404, message } }),
  },
  placement: {
    catalogPath: '',
    apiPath: '',
    version: (_root, max) => ({
      id: 'v1.0',
      max_version: max ?? '1.39',
      min_version: '1.0',
      status: 'CURRENT',
      links: [{ rel: 'self', href: '' }],
    }),
    notFound: (detail) => ({ errors: [{ status: 404, title: 'Not Found', detail }] }),
  },
  baremetal: {
    catalogPath: '',
    apiPath: '/v1',
    version: (root, max) => ({
      id: 'v1',
      status: 'CURRENT',
      version: max ?? '1.82',
      min_version: '1.1',
      links: [{ rel: 'self', href: `${root}/v1/` }],
    }),
    // ironic wraps its fault document in a string
    notFound: (faultstring) => ({
      error_message: JSON.stringify({ faultcode: 'Client', faultstring, debuginfo: null }),
    }),
  },
  // keystone and glance are reached at their versioned catalog URL; no document at the root
  identity: {
    catalogPath: '/v3',
    apiPath: '/v3',
    notFound: (message) => ({ error: { code: 404, title: 'Not Found', message } }),
  },
  image: { catalogPath: '/v2', apiPath: '/v2', notFound: (message) => ({ message, code: 404 }) },
  // swift's catalog URL is the account; the SDK never runs discovery for it
  'object-store': { catalogPath: '/v1/AUTH_test', apiPath: '/v1/AUTH_test', notFound: (m) => m },
  // heat's catalog URL carries the project, as swift's the account: no discovery
  orchestration: {
    catalogPath: '/v1/proj',
    apiPath: '/v1/proj',
    notFound: (message) => ({ code: 404, title: 'Not Found', explanation: message, error: { message } }),
  },
  // barbican's catalog URL is its root; reached here at /v1 without a version document
  'key-manager': {
    catalogPath: '/v1',
    apiPath: '/v1',
    notFound: (description) => ({ code: 404, title: 'Not Found', description }),
  },
  // designate's catalog URL is unversioned; its version document lists v2 and v2.0
  dns: {
    catalogPath: '',
    apiPath: '/v2',
    version: (root) => ({ id: 'v2.0', status: 'CURRENT', links: [{ rel: 'self', href: `${root}/v2` }] }),
    notFound: (message) => ({ code: 404, type: 'not_found', message }),
  },
  // octavia: every minor version of v2 listed at the root, all pointing at /v2
  'load-balancer': {
    catalogPath: '',
    apiPath: '/v2',
    version: (root) => ({ id: 'v2.26', status: 'CURRENT', links: [{ rel: 'self', href: `${root}/v2` }] }),
    notFound: (faultstring) => ({ faultcode: 'Client', faultstring, debuginfo: null }),
  },
  'shared-file-system': {
    catalogPath: '/v2',
    apiPath: '/v2',
    version: (root, max) => ({
      id: 'v2.0',
      status: 'CURRENT',
      version: max ?? '2.73',
      min_version: '2.0',
      links: [{ rel: 'self', href: `${root}/v2/` }],
    }),
    notFound: (message) => ({ itemNotFound: { code: 404, message } }),
  },
};

/** Options of {@link startFake}. */
export interface FakeOptions {
  /** The highest microversion the version document offers (compute, block-storage, placement). */
  max?: string;
  /** Where the catalog puts a service instead of its usual path (`{ 'object-store': '/v1/AUTH_p' }`). */
  catalogPaths?: Partial<Record<ServiceType, string>>;
  /** The token's user and project (the "current user" of identity calls). */
  userId?: string;
  projectId?: string;
  token?: string;
}

/** Options of the sessions and connections a fake builds. */
export interface ClientOptions {
  /** Retries of the HTTP client (default 0: a fake answers what the test says, once). */
  maxRetries?: number;
  logger?: Logger;
  /** More catalog entries, type → URL (a resource of a service type of the test's own). */
  catalog?: Record<string, string>;
  /** The HTTP transport (default: the runtime's, undici on Node). */
  transport?: TransportKind;
}

/** A running fake; see {@link startFake}. */
export interface FakeService {
  /** The server's root, `http://127.0.0.1:<port>`. */
  url: string;
  /** The URL a service's catalog entry (or endpoint override) gives. */
  endpoint(type: ServiceType): string;
  /** The route table, tried in order after `intercept`; tests may push, unshift or empty it. */
  routes: Route[];
  /**
   * Tried before everything while set, version discovery included (a fault injected into a
   * stateful fake, or a discovery that never answers); return `false` to pass a request on.
   */
  intercept: RouteHandler | undefined;
  /** Append routes. */
  on(...routes: Route[]): void;
  /** Every request, version discovery included. */
  requests: Call[];
  /** The requests the test caused: version discovery (`GET /`) left out. */
  readonly calls: Call[];
  /** `calls` as `METHOD path?query`, the path below the API root. */
  lines(): string[];
  /** The parsed JSON bodies of `calls`. */
  bodies(): unknown[];
  /** Forget the recorded requests. */
  reset(): void;
  /** A Session whose token's catalog lists every service of the fake. */
  session(opts?: ClientOptions): Session;
  /** A real proxy of `Proxy` on a fresh session (`proxy(ComputeV2, { microversion: '2.60' })`). */
  proxy<P>(Make: new (session: Session, opts?: ProxyOptions) => P, opts?: ProxyOptions & ClientOptions): P;
  /** A hermetic Connection (auth type `none`, endpoint overrides, no files or OS_* read). */
  connection(config?: Record<string, unknown>, opts?: ClientOptions): Connection;
  /** Close every session and connection built here, then the server. */
  close(): Promise<void>;
}

function compile(pattern: string): { re: RegExp; names: string[] } {
  const names: string[] = [];
  const src = pattern
    .split('/')
    .map((seg) => {
      if (seg.startsWith(':')) {
        names.push(seg.slice(1));
        return '([^/]+)';
      }
      if (seg.startsWith('*')) {
        names.push(seg.slice(1));
        return '(.+)';
      }
      return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { re: new RegExp(`^${src}$`), names };
}

/** The params when `r` matches the call, else undefined. */
function match(r: Route, c: Omit<Call, 'params'>): Record<string, string> | undefined {
  if (r.method !== '*' && r.method !== c.method) return undefined;
  if (r.pattern instanceof RegExp) {
    const q = c.url.indexOf('?');
    return r.pattern.test(q < 0 ? c.path : `${c.path}${c.url.slice(q)}`) ? {} : undefined;
  }
  const { re, names } = compile(r.pattern);
  const m = re.exec(c.path);
  if (!m) return undefined;
  return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
}

/**
 * Start a fake serving `types` (the first one's error format answers unrouted calls with a 404),
 * with `routes` as its initial route table.
 */
export async function startFake(
  types: ServiceType | ServiceType[],
  routes: Route[] = [],
  opts: FakeOptions = {},
): Promise<FakeService> {
  const served = Array.isArray(types) ? types : [types];
  const catalogPath = (t: ServiceType) => opts.catalogPaths?.[t] ?? SHAPES[t].catalogPath;
  const apiPath = (t: ServiceType) => opts.catalogPaths?.[t] ?? SHAPES[t].apiPath;
  // longest first, so `/v3/proj` wins over `/v3`
  const roots = served.map(apiPath).sort((a, b) => b.length - a.length);
  const closers: (() => Promise<void>)[] = [];
  let root = '';

  const fake: FakeService = {
    url: '',
    endpoint: (t) => `${root}${catalogPath(t)}`,
    routes: [...routes],
    intercept: undefined,
    on: (...more) => {
      fake.routes.push(...more);
    },
    requests: [],
    get calls() {
      return fake.requests.filter((c) => !(c.method === 'GET' && c.url === '/'));
    },
    lines: () => fake.calls.map((c) => `${c.method} ${relative(c.url)}`),
    bodies: () => fake.calls.map(bodyOf),
    reset: () => {
      fake.requests.length = 0;
    },
    session: (o = {}) => {
      const own = Object.fromEntries(served.map((t) => [t, fake.endpoint(t)]));
      const s = catalogSession({ ...own, ...o.catalog }, { ...opts, ...o });
      closers.push(() => s.close());
      return s;
    },
    proxy: (Make, o = {}) => {
      const { maxRetries, logger, transport, ...proxyOpts } = o;
      return new Make(fake.session({ maxRetries, logger, transport }), proxyOpts);
    },
    connection: (config = {}, o = {}) => {
      const overrides = Object.fromEntries(
        served.map((t) => [`${t.replace('-', '_')}_endpoint_override`, fake.endpoint(t)]),
      );
      const conn = new Connection({
        config: { auth_type: 'none', ...overrides, ...config },
        // hermetic: no clouds.yaml, secure.yaml or OS_* from the machine running the tests
        env: {},
        configFiles: [],
        secureFiles: [],
        retry: { maxRetries: o.maxRetries ?? 0 },
        ...(o.logger ? { logger: o.logger } : {}),
        ...(o.transport ? { transport: o.transport } : {}),
      });
      closers.push(() => conn.close());
      return conn;
    },
    close: async () => {
      for (const c of closers.splice(0)) await c();
      await server.close();
    },
  };

  function relative(url: string): string {
    const r = roots.find((p) => p && (url === p || url.startsWith(`${p}/`) || url.startsWith(`${p}?`)));
    return r ? url.slice(r.length) : url;
  }

  const versions = () =>
    served.flatMap((t) => {
      const v = SHAPES[t].version;
      return v ? [v(root, opts.max)] : [];
    });

  async function answer(c: Omit<Call, 'params'>, res: ServerResponse): Promise<void> {
    if (fake.intercept && (await fake.intercept({ ...c, params: {} }, res)) !== false) return;
    if (c.method === 'GET' && c.url === '/') {
      const list = versions();
      // nova and cinder answer 300 Multiple Choices, neutron and placement 200
      const status = served.some((t) => t === 'compute' || t === 'block-storage') ? 300 : 200;
      if (list.length) json(res, status, { versions: list });
      else res.writeHead(404).end();
      return;
    }
    for (const r of fake.routes) {
      const params = match(r, c);
      if (params && (await r.handler({ ...c, params }, res)) !== false) return;
    }
    json(res, 404, SHAPES[served[0]!].notFound(`no route for ${c.method} ${c.url}`));
  }

  const http = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of req) chunks.push(chunk as Buffer);
    } catch {
      return; // the client went away mid-body: like a real service, store nothing
    }
    const bytes = Buffer.concat(chunks);
    const url = req.url ?? '';
    const u = new URL(url, 'http://fake');
    const rel = relative(u.pathname);
    const call = {
      method: req.method ?? '',
      url,
      path: rel === '' ? '/' : rel,
      query: u.searchParams,
      headers: req.headers,
      body: bytes.toString(),
      bytes,
    };
    fake.requests.push({ ...call, params: {} });
    try {
      await answer(call, res);
    } catch (e) {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(e));
    }
  });
  const server = await listenLocal(http, () => http.closeAllConnections());
  root = server.url;
  fake.url = root;
  return fake;
}

/**
 * One fake for a whole test file: started now, its routes and recorded calls cleared before each
 * test (so no test sees another's), closed after the file's tests. Call it at the file's top level.
 */
export async function fileFake(
  types: ServiceType | ServiceType[],
  opts: FakeOptions = {},
): Promise<FakeService> {
  const fake = await startFake(types, [], opts);
  after(() => fake.close());
  beforeEach(() => {
    fake.routes.length = 0;
    fake.reset();
  });
  return fake;
}

/**
 * A `startFake` for a test file that starts a fake per test: every fake it starts is closed after
 * the file's tests. Call it at the file's top level.
 */
export function fakeStarter(): typeof startFake {
  const fakes: FakeService[] = [];
  after(async () => {
    for (const f of fakes.splice(0)) await f.close();
  });
  return async (...args) => {
    const fake = await startFake(...args);
    fakes.push(fake);
    return fake;
  };
}

/**
 * A Session with one fixed token whose catalog gives each service type its URL, for a server a
 * test runs itself (one that must see a body while it streams, say). Close it when done.
 */
export function catalogSession(
  catalog: Record<string, string>,
  opts: Omit<FakeOptions, 'max' | 'catalogPaths'> & ClientOptions = {},
): Session {
  const entries = Object.entries(catalog).map(([type, url]) => ({ type, url }));
  return new Session({
    auth: fixedToken(entries, opts),
    http: { retry: { maxRetries: opts.maxRetries ?? 0 }, logger: opts.logger, transport: opts.transport },
  });
}

/** An auth plugin with one fixed token whose catalog lists `entries`. */
function fixedToken(entries: { type: string; url: string }[], opts: FakeOptions): AuthPlugin {
  const access: AccessInfo = {
    token: opts.token ?? 'tok',
    userId: opts.userId ?? 'u-self',
    projectId: opts.projectId ?? 'p-self',
    catalog: entries.map((e) => ({ type: e.type, endpoints: [{ url: e.url, interface: 'public' }] })),
    roles: ['admin'],
    methods: ['password'],
    unscoped: false,
    raw: {},
  };
  return {
    authType: 'password',
    canReauthenticate: false,
    getAccess: async () => access,
    invalidate: () => {},
  };
}
