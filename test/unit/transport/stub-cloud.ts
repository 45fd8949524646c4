/**
 * A tiny Keystone v3 + one service on 127.0.0.1 (HTTP or HTTPS) that counts every request:
 * POST /v3/auth/tokens issues TOKEN (X-Subject-Token) with a catalog naming /compute on
 * the same server; every other request goes to the test's handler.
 */
import {
  createServer as createHttp,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttps, type ServerOptions } from 'node:https';
import type { AddressInfo } from 'node:net';

/** The token the stub issues; long enough to be scrubbed by value. */
export const TOKEN = 'gAAAAABstub-token-7f3e9c1d2b4a';

export interface StubCloud {
  /** `http://127.0.0.1:port` (or https). */
  base: string;
  /** `${base}/v3`. */
  authUrl: string;
  /** Requests received so far (every method and path). */
  count(): number;
  /** The requests received, as "METHOD path". */
  seen: string[];
  close(): Promise<void>;
}

/** The handler for requests other than token issue; the body is already read. */
export type StubHandler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

function tokenBody(base: string) {
  const now = Date.now();
  return {
    token: {
      methods: ['password'],
      issued_at: new Date(now).toISOString(),
      expires_at: new Date(now + 3600_000).toISOString(),
      user: { id: 'u1', name: 'demo', domain: { id: 'default', name: 'Default' } },
      project: { id: 'p1', name: 'demo', domain: { id: 'default', name: 'Default' } },
      roles: [{ id: 'r1', name: 'member' }],
      catalog: [
        {
          type: 'compute',
          name: 'nova',
          id: 's1',
          endpoints: [
            {
              id: 'e1',
              interface: 'public',
              region: 'RegionOne',
              region_id: 'RegionOne',
              url: `${base}/compute`,
            },
          ],
        },
      ],
    },
  };
}

/** Start the stub; `tls` makes it HTTPS with these server options. */
export async function startStubCloud(
  handler: StubHandler = defaultHandler,
  tls?: ServerOptions,
): Promise<StubCloud> {
  const seen: string[] = [];
  let base = '';
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    seen.push(`${req.method} ${req.url}`);
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => {
      body += c;
    });
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/v3/auth/tokens') {
        res.writeHead(201, { 'content-type': 'application/json', 'x-subject-token': TOKEN });
        res.end(JSON.stringify(tokenBody(base)));
        return;
      }
      handler(req, res, body);
    });
  };
  const server: Server = tls ? createHttps(tls, listener) : createHttp(listener);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  base = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  return {
    base,
    authUrl: `${base}/v3`,
    count: () => seen.length,
    seen,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections?.();
        server.close(() => r());
      }),
  };
}

function defaultHandler(_req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end('{"ok":true}');
}

/** A complete password cloud for `new Connection({ config })` against the stub. */
export function stubConfig(authUrl: string, password: string, extra: Record<string, unknown> = {}) {
  return {
    auth: {
      auth_url: authUrl,
      username: 'demo',
      password,
      project_name: 'demo',
      user_domain_name: 'Default',
      project_domain_name: 'Default',
    },
    region_name: 'RegionOne',
    ...extra,
  };
}
