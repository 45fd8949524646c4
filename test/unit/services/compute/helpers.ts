/**
 * A scripted nova for offline tests: version discovery at `/`, then whatever the test's
 * handler answers under `/v2.1`. Requests are recorded so tests can assert that nothing was
 * sent when input is rejected.
 */
import type { ServerResponse } from 'node:http';
import { StaticTokenAuth } from '../../../../src/auth/static-token.js';
import { ComputeV2 } from '../../../../src/services/compute/proxy.js';
import { Session } from '../../../../src/session/session.js';
import { type Recorded, sendJson, startMockServer } from '../../../support/mock-server.js';

export type NovaHandler = (req: Recorded, res: ServerResponse) => void | Promise<void>;

export interface FakeNova {
  url: string;
  /** Requests under /v2.1 (discovery excluded). */
  calls: Recorded[];
  /** Forget the recorded requests. */
  reset(): void;
  /** A proxy at this microversion (default: the SDK's default). */
  compute(microversion?: string): ComputeV2;
  close(): Promise<void>;
}

export async function startNova(handler: NovaHandler, max = '2.93'): Promise<FakeNova> {
  const sessions: Session[] = [];
  const srv = await startMockServer(async (req, res) => {
    if (req.url === '/' || req.url === '') {
      sendJson(res, 300, {
        versions: [
          {
            id: 'v2.1',
            status: 'CURRENT',
            version: max,
            min_version: '2.1',
            links: [{ rel: 'self', href: `${srv.url}/v2.1/` }],
          },
        ],
      });
      return;
    }
    await handler(req, res);
  });
  return {
    url: srv.url,
    get calls() {
      return srv.requests.filter((r) => r.url.startsWith('/v2.1'));
    },
    reset() {
      srv.requests.length = 0;
    },
    compute(microversion?: string) {
      const session = new Session({
        auth: new StaticTokenAuth('admin_token', 'tok'),
        endpointOverrides: { compute: srv.url },
        http: { retry: { maxRetries: 0 } },
      });
      sessions.push(session);
      return new ComputeV2(session, { microversion });
    },
    async close() {
      for (const s of sessions) await s.close();
      await srv.close();
    },
  };
}

/** The parsed JSON body of a recorded request. */
export function bodyOf(r: Recorded | undefined): unknown {
  return r?.body ? JSON.parse(r.body) : undefined;
}

export { sendJson };
