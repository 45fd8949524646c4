/**
 * A scripted HTTP server on 127.0.0.1 for unit tests of failure paths the real cloud cannot
 * produce on demand (503 with Retry-After, an expiring token). Faults inside a response (resets
 * mid-body, drips, stalls) need the raw TCP one in raw-server.ts.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Server as NetServer } from 'node:net';

/** One request as the mock server read it, body as text. */
export interface Recorded {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** Answers one recorded request; a throw becomes a 500 with the error as its body. */
export type Handler = (req: Recorded, res: ServerResponse, raw: IncomingMessage) => void | Promise<void>;

/** An HTTP server on 127.0.0.1 that records every request and answers it with `handler`. */
export async function startMockServer(
  handler: Handler,
): Promise<{ url: string; requests: Recorded[]; close(): Promise<void> }> {
  const requests: Recorded[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const rec = {
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      body: Buffer.concat(chunks).toString(),
    };
    requests.push(rec);
    try {
      await handler(rec, res, req);
    } catch (e) {
      res.statusCode = 500;
      res.end(String(e));
    }
  });
  return { ...(await listenLocal(server, () => server.closeAllConnections())), requests };
}

/**
 * Listen on an ephemeral port of 127.0.0.1. `close` first drops the open connections (with
 * `dropConnections`: keep-alive sockets would hold `server.close` open), then stops the server.
 */
export async function listenLocal(
  server: Server | NetServer,
  dropConnections: () => void,
): Promise<{ url: string; close(): Promise<void> }> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        dropConnections();
        server.close(() => r());
      }),
  };
}

/** Write a JSON response. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/**
 * Keystone's answer to a password token request: token `id` (sent as X-Subject-Token) for user
 * demo in project demo, with an empty catalog, issued now and living `lifetimeMs` (default 1 h).
 */
export function sendToken(res: ServerResponse, id: string, lifetimeMs = 3_600_000): void {
  const now = Date.now();
  sendJson(
    res,
    201,
    {
      token: {
        issued_at: new Date(now).toISOString(),
        expires_at: new Date(now + lifetimeMs).toISOString(),
        methods: ['password'],
        project: { id: 'p1', name: 'demo', domain: { id: 'default' } },
        user: { id: 'u1', name: 'demo' },
        roles: [],
        catalog: [],
      },
    },
    { 'x-subject-token': id },
  );
}
