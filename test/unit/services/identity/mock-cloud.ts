/**
 * A Session over the scripted mock server: a fixed token whose catalog points identity and
 * image at the server (`/v3`, `/v2`), and the current user `u-self`.
 */
import type { AccessInfo, AuthPlugin } from '../../../../src/auth/index.js';
import { Session } from '../../../../src/session/session.js';
import { type Handler, type Recorded, startMockServer } from '../../../support/mock-server.js';

export interface MockCloud {
  url: string;
  session: Session;
  requests: Recorded[];
  close(): Promise<void>;
}

export async function mockCloud(handler: Handler): Promise<MockCloud> {
  const server = await startMockServer((req, res, raw) => {
    // version discovery: no document, so the catalog URL is used as is
    if (req.url === '/') {
      res.writeHead(404).end();
      return;
    }
    return handler(req, res, raw);
  });
  const session = sessionFor(server.url);
  return {
    url: server.url,
    session,
    requests: server.requests,
    close: async () => {
      await session.close();
      await server.close();
    },
  };
}

/** A Session with a fixed admin token whose catalog puts identity at `${url}/v3` and image at `${url}/v2`. */
export function sessionFor(url: string): Session {
  const access: AccessInfo = {
    token: 'tok-admin',
    userId: 'u-self',
    projectId: 'p-self',
    catalog: [
      { type: 'identity', endpoints: [{ url: `${url}/v3`, interface: 'public' }] },
      { type: 'image', endpoints: [{ url: `${url}/v2`, interface: 'public' }] },
    ],
    roles: ['admin'],
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
  return new Session({ auth, http: { retry: { maxRetries: 0 } } });
}

/** The requests the test caused, without discovery. */
export function calls(
  m: MockCloud,
): { method: string; url: string; body: string; headers: Recorded['headers'] }[] {
  return m.requests.filter((r) => r.url !== '/');
}
