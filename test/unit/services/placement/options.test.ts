/**
 * The caller's options reach every request of a placement call: the version discovery a call
 * starts with and the document read (`maxBodyBytes`). A scripted placement on 127.0.0.1.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { after, describe, test } from 'node:test';
import { StaticTokenAuth } from '../../../../src/auth/static-token.js';
import { InvalidResponseError, TimeoutError } from '../../../../src/index.js';
import { PlacementV1 } from '../../../../src/services/placement/proxy.js';
import { Session } from '../../../../src/session/session.js';

type Answer = (req: IncomingMessage, res: ServerResponse) => void;

const VERSIONS = {
  versions: [{ id: 'v1.0', max_version: '1.39', min_version: '1.0', status: 'CURRENT', links: [] }],
};

const closers: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of closers) await c();
});

/** A placement answering discovery (unless `stallDiscovery`) and every other request with `answer`. */
async function placement(answer: Answer, opts: { stallDiscovery?: boolean } = {}) {
  const seen: IncomingMessage[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    req.resume();
    if (opts.stallDiscovery) return;
    if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(VERSIONS));
      return;
    }
    seen.push(req);
    answer(req, res);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const session = new Session({
    auth: new StaticTokenAuth('admin_token', 'tok'),
    endpointOverrides: { placement: url },
  });
  closers.push(async () => {
    await session.close();
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => server.close(() => r()));
  });
  return { pl: new PlacementV1(session, { microversion: '1.39' }), seen };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** `p`, or a failure naming `what` when it has not settled within `ms`. */
async function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} still running after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([p, late]);
  } finally {
    clearTimeout(timer);
  }
}

describe('the caller’s options reach every request', () => {
  test('version discovery is bounded by the call’s timeoutMs', async () => {
    const { pl } = await placement(() => {}, { stallDiscovery: true });
    const o = { timeoutMs: 150 };
    const allocation = { allocations: {}, projectId: 'p', userId: 'u', consumerGeneration: null };
    const calls: [string, () => Promise<unknown>][] = [
      [
        'setInventories',
        () => pl.setInventories('rp1', { inventories: {}, resourceProviderGeneration: 1 }, o),
      ],
      ['setAllocations', () => pl.setAllocations('c1', allocation, o)],
      ['listTraits (a microversion check first)', () => pl.listTraits({}, o)],
    ];
    for (const [what, call] of calls) {
      await assert.rejects(within(call(), 3000, what), TimeoutError, `${what}: the caller's timeout`);
    }
  });

  test('maxBodyBytes caps the trait list', async () => {
    const traits = Array.from({ length: 200 }, (_, i) => `CUSTOM_T${i}`);
    const { pl } = await placement((_req, res) => json(res, 200, { traits }));
    await assert.rejects(
      pl.listTraits({}, { maxBodyBytes: 256 }),
      (e: unknown) => e instanceof InvalidResponseError && e.reason === 'too-large',
      "refused over the caller's cap",
    );
  });
});
