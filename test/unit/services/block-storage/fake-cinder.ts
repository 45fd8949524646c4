/** A scripted cinder for unit tests: version discovery, then per-test routes; records requests. */
import type { ServerResponse } from 'node:http';
import { StaticTokenAuth } from '../../../../src/auth/static-token.js';
import { BlockStorageV3 } from '../../../../src/services/block-storage/proxy.js';
import { Session } from '../../../../src/session/session.js';
import { type Recorded, sendJson, startMockServer } from '../../../support/mock-server.js';

export type Route = (req: Recorded, res: ServerResponse) => boolean | undefined;

export interface FakeCinder {
  bs: BlockStorageV3;
  /** Requests after discovery, as `METHOD path?query`. */
  calls: () => string[];
  /** JSON bodies of the requests after discovery. */
  bodies: () => unknown[];
  requests: Recorded[];
  close(): Promise<void>;
}

/** Start a fake cinder answering `routes` in order (first that returns non-false handles it). */
export async function fakeCinder(
  routes: Route[],
  opts: { microversion?: string; max?: string } = {},
): Promise<FakeCinder> {
  const s = await startMockServer((req, res) => {
    if (req.url === '/') {
      sendJson(res, 300, {
        versions: [
          {
            id: 'v3.0',
            status: 'CURRENT',
            version: opts.max ?? '3.70',
            min_version: '3.0',
            links: [{ rel: 'self', href: 'http://ignored/v3/' }],
          },
        ],
      });
      return;
    }
    for (const r of routes) if (r(req, res) !== false) return;
    sendJson(res, 404, { itemNotFound: { code: 404, message: `no route for ${req.method} ${req.url}` } });
  });
  const session = new Session({
    auth: new StaticTokenAuth('admin_token', 'tok'),
    endpointOverrides: { 'block-storage': `${s.url}/v3/proj` },
  });
  const bs = new BlockStorageV3(session, { microversion: opts.microversion });
  const after = () => s.requests.filter((r) => r.url !== '/');
  return {
    bs,
    requests: s.requests,
    calls: () => after().map((r) => `${r.method} ${r.url.replace('/v3/proj', '')}`),
    bodies: () => after().map((r) => (r.body ? JSON.parse(r.body) : undefined)),
    close: async () => {
      await session.close();
      await s.close();
    },
  };
}

/** A route for one method and path (regex on the path after /v3/proj). */
export function on(method: string, path: RegExp, status: number, body?: unknown): Route {
  return (req, res) => {
    if (req.method !== method || !path.test(req.url.replace('/v3/proj', ''))) return false;
    if (body === undefined) {
      res.writeHead(status);
      res.end();
    } else sendJson(res, status, body);
  };
}
