/**
 * A scripted neutron for offline tests: answers the version document at `/`, routes the rest to
 * handlers, records every request; `conn.network` talks to it with auth type `none`.
 */
import type { ServerResponse } from 'node:http';
import { Connection } from '../../../../src/index.js';
import { type Recorded, startMockServer } from '../../../support/mock-server.js';

export type Route = (req: Recorded, res: ServerResponse) => boolean | Promise<boolean>;

export interface MockNeutron {
  url: string;
  conn: Connection;
  requests: Recorded[];
  /** Handlers tried in order for every request but the version document; reset them per test. */
  routes: Route[];
  /** Requests to the API (version document excluded). */
  calls(): Recorded[];
  close(): Promise<void>;
}

export function json(res: ServerResponse, status: number, body: unknown): true {
  res
    .writeHead(status, { 'content-type': 'application/json' })
    .end(body === undefined ? '' : JSON.stringify(body));
  return true;
}

export async function mockNeutron(): Promise<MockNeutron> {
  const routes: Route[] = [];
  let base = '';
  const server = await startMockServer(async (req, res) => {
    if (req.method === 'GET' && req.url === '/') {
      json(res, 200, {
        versions: [{ id: 'v2.0', status: 'CURRENT', links: [{ rel: 'self', href: `${base}/v2.0/` }] }],
      });
      return;
    }
    for (const r of routes) if (await r(req, res)) return;
    json(res, 404, {
      NeutronError: { type: 'HTTPNotFound', message: `no route ${req.method} ${req.url}`, detail: '' },
    });
  });
  base = server.url;
  const conn = new Connection({
    config: { auth_type: 'none', network_endpoint_override: server.url },
    // hermetic: no clouds.yaml, secure.yaml or OS_* from the machine running the tests
    env: {},
    configFiles: [],
    secureFiles: [],
    retry: { maxRetries: 0 },
  });
  return {
    url: server.url,
    conn,
    requests: server.requests,
    routes,
    calls: () => server.requests.filter((r) => r.url !== '/'),
    async close() {
      await conn.close();
      await server.close();
    },
  };
}
