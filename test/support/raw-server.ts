/**
 * A raw TCP server on 127.0.0.1 for faults inside an HTTP response that `node:http` cannot
 * produce (resets mid-body, drips, stalls), and the bytes of responses to write on it.
 */
import { createServer as createNetServer, type Socket } from 'node:net';
import { listenLocal } from './mock-server.js';

/** One request as a raw server read it: the head (request line and headers) and the body. */
export interface RawRequest {
  method: string;
  url: string;
  head: string;
  body: string;
}

/**
 * A raw TCP server on 127.0.0.1 that speaks HTTP/1.1 by hand, for faults `node:http` cannot
 * produce: a reset after the headers or mid-body, headers dripped one byte at a time, a stall.
 * `handler` gets each request (the `n`th, from 0) and its socket; it writes what it wants and
 * may end, destroy or reset the socket. Every socket is destroyed on close.
 */
export async function startRawServer(
  handler: (req: RawRequest, socket: Socket, n: number) => unknown,
): Promise<{ url: string; requests: RawRequest[]; close(): Promise<void> }> {
  const requests: RawRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let buf = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      for (;;) {
        const end = buf.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buf.subarray(0, end).toString('latin1');
        const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
        if (buf.length < end + 4 + length) return;
        const body = buf.subarray(end + 4, end + 4 + length).toString();
        buf = buf.subarray(end + 4 + length);
        const [method = '', url = ''] = head.split(' ');
        const req = { method, url, head, body };
        const n = requests.push(req) - 1;
        Promise.resolve(handler(req, socket, n)).catch(() => socket.destroy());
      }
    });
  });
  const listening = await listenLocal(server, () => {
    for (const s of sockets) s.destroy();
  });
  return { ...listening, requests };
}

/** The head of an HTTP/1.1 response, ready to write on a raw socket. */
export function rawHead(status: number, headers: Record<string, string | number> = {}): string {
  const lines = [`HTTP/1.1 ${status} X`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** A complete JSON response for a raw socket. */
export function rawJson(
  status: number,
  body: unknown,
  headers: Record<string, string | number> = {},
): string {
  const text = JSON.stringify(body);
  return `${rawHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers })}${text}`;
}
