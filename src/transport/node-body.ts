/**
 * The response body of the node transport: a Node Readable fed from Node's `IncomingMessage`,
 * with undici's body methods (`text`, `json`, `arrayBuffer`, `bytes`, `blob`, `dump`), so code
 * written against `HttpResponse.body` runs unchanged whichever transport carried it.
 *
 * The message is moved into a body of our own as it arrives rather than handed out itself:
 * Node returns a keep-alive socket to its pool only once the message has been read to its end,
 * so a small body nobody reads would hold its socket (and keep the process alive) until the
 * server closed it. undici frees a connection as soon as its message is complete; moving the
 * bytes keeps that, with the same back-pressure (the message pauses while our body is full).
 */
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { requireNodeModule } from '../platform/node.js';
import type { IdleTimer } from './idle-timer.js';
import { readBody } from './read-body.js';
import { bodyMethods } from './undici-wire.js';
import type { ResponseBody } from './wire.js';

/** What `dump()` reads off the socket to keep the connection; a longer rest closes it (undici's figure). */
const DUMP_LIMIT = 128 * 1024;

/** How much of the body is held for a reader that is behind (undici's figure). */
const HIGH_WATER_MARK = 64 * 1024;

/** How the body reports to the wire that made it. */
export interface NodeBodyHooks {
  /** Turns what the message or the socket fails with into the SDK's error. */
  translate(err: unknown): Error;
  /** The idle timer between chunks: refreshed by each chunk. */
  idle: IdleTimer;
  /** Called once, when the body has ended, failed or was closed. */
  onDone(): void;
  /** The response's `content-type`, for `blob()`. */
  contentType: string | undefined;
}

function connectionLost(): Error {
  return Object.assign(new Error('the connection closed before the whole body arrived'), {
    code: 'ECONNRESET',
  });
}

/** Stop reading `res` the cheapest safe way: a complete message is drained (the socket is kept), any other is cut. */
function letGo(res: IncomingMessage): void {
  if (res.readableEnded || res.destroyed) return;
  if (res.complete) res.resume();
  else res.destroy();
}

/** Read what is left of `res` and drop it, keeping the socket unless more than `limit` bytes remain. */
function drain(res: IncomingMessage, limit: number): Promise<void> {
  if (res.readableEnded || res.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let n = 0;
    res.on('data', (c: Buffer) => {
      n += c.byteLength;
      if (n > limit) res.destroy();
    });
    res.once('end', resolve);
    res.once('close', resolve);
    res.resume();
  });
}

/** The body of `res`: a Readable with undici's methods, its errors already SDK errors. */
export function nodeResponseBody(res: IncomingMessage, hooks: NodeBodyHooks): ResponseBody {
  const { Readable } = requireNodeModule('node:stream', 'the node transport');
  let released = false;
  const onData = (c: Buffer) => {
    hooks.idle.refresh();
    if (!body.push(c)) res.pause();
  };
  const body: Readable = new Readable({
    highWaterMark: HIGH_WATER_MARK,
    read() {
      res.resume();
    },
    destroy(err, cb) {
      if (!released) {
        released = true;
        res.off('data', onData);
        letGo(res);
      }
      cb(err ? hooks.translate(err) : null);
    },
  });
  res.on('data', onData);
  res.once('end', () => body.push(null));
  res.on('error', (e) => body.destroy(e));
  // Node reports a cut connection as an 'aborted' error first; this catches a close without one
  res.once('close', () => {
    if (!res.complete) body.destroy(connectionLost());
  });
  // a body given up on (too large, never read) errors with nobody listening: not a crash
  body.on('error', () => {});
  body.once('close', () => hooks.onDone());

  const dump = async () => {
    if (!released) {
      released = true;
      res.off('data', onData);
      const drained = drain(res, DUMP_LIMIT);
      body.destroy();
      await drained;
    } else body.destroy();
  };
  let whole: Promise<Uint8Array> | undefined;
  const all = () => {
    whole ??= readBody(body, {
      limit: Number.POSITIVE_INFINITY,
      contentLength: undefined,
      as: 'bytes',
      tooLarge: (detail) => new Error(detail),
      discard: () => body.destroy(),
    }).then((b) => b.bytes());
    return whole;
  };
  const { contentType } = hooks;
  // undici's methods over the whole body, read only when one of them is called
  const method = (k: string) => async () => bodyMethods(all(), contentType, () => void dump())[k]!();
  Object.assign(body, {
    text: method('text'),
    json: method('json'),
    arrayBuffer: method('arrayBuffer'),
    bytes: method('bytes'),
    blob: method('blob'),
    dump,
  });
  return body as unknown as ResponseBody;
}
