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

/** What the body class adds to a Readable. */
interface NodeBody extends Readable {
  text(): Promise<string>;
  json(): Promise<unknown>;
  arrayBuffer(): Promise<ArrayBuffer>;
  bytes(): Promise<Uint8Array>;
  blob(): Promise<Blob>;
  dump(): Promise<void>;
}

type NodeBodyClass = new (res: IncomingMessage, hooks: NodeBodyHooks) => NodeBody;

let bodyClass: NodeBodyClass | undefined;

/**
 * The body class, made on first use: it extends `node:stream`'s Readable, which is looked up at
 * run time. Its methods live on the prototype, not in closures made for every response.
 */
function nodeBodyClass(): NodeBodyClass {
  if (bodyClass) return bodyClass;
  const { Readable } = requireNodeModule('node:stream', 'the node transport');
  class Body extends Readable implements NodeBody {
    private released = false;
    private whole: Promise<Uint8Array> | undefined;
    private readonly onData: (c: Buffer) => void;

    constructor(
      private readonly res: IncomingMessage,
      private readonly hooks: NodeBodyHooks,
    ) {
      super({ highWaterMark: HIGH_WATER_MARK });
      this.onData = (c) => {
        hooks.idle.refresh();
        if (!this.push(c)) res.pause();
      };
      res.on('data', this.onData);
      res.once('end', () => this.push(null));
      res.on('error', (e) => this.destroy(e));
      // Node reports a cut connection as an 'aborted' error first; this catches a close without one
      res.once('close', () => {
        if (!res.complete) this.destroy(connectionLost());
      });
      // a body given up on (too large, never read) errors with nobody listening: not a crash
      this.on('error', () => {});
      this.once('close', () => hooks.onDone());
    }

    override _read(): void {
      this.res.resume();
    }

    override _destroy(err: Error | null, cb: (e?: Error | null) => void): void {
      if (this.release()) letGo(this.res);
      cb(err ? this.hooks.translate(err) : null);
    }

    /** Stop moving bytes from the message; true the first time. */
    private release(): boolean {
      if (this.released) return false;
      this.released = true;
      this.res.off('data', this.onData);
      return true;
    }

    /** The whole body, read once, whichever method asks first. */
    private all(): Promise<Uint8Array> {
      this.whole ??= readBody(this, {
        limit: Number.POSITIVE_INFINITY,
        contentLength: undefined,
        as: 'bytes',
        tooLarge: (detail) => new Error(detail),
        discard: () => this.destroy(),
      }).then((b) => b.bytes());
      return this.whole;
    }

    private method<T>(k: string): Promise<T> {
      return bodyMethods(this.all(), this.hooks.contentType, () => void this.dump())[k]!() as Promise<T>;
    }

    text(): Promise<string> {
      return this.method('text');
    }
    json(): Promise<unknown> {
      return this.method('json');
    }
    arrayBuffer(): Promise<ArrayBuffer> {
      return this.method('arrayBuffer');
    }
    bytes(): Promise<Uint8Array> {
      return this.method('bytes');
    }
    blob(): Promise<Blob> {
      return this.method('blob');
    }

    /** Drop the rest of the body, keeping the connection when little of it is left (undici's `dump`). */
    async dump(): Promise<void> {
      if (!this.release()) {
        this.destroy();
        return;
      }
      const drained = drain(this.res, DUMP_LIMIT);
      this.destroy();
      await drained;
    }
  }
  bodyClass = Body;
  return Body;
}

/** The body of `res`: a Readable with undici's methods, its errors already SDK errors. */
export function nodeResponseBody(res: IncomingMessage, hooks: NodeBodyHooks): ResponseBody {
  return new (nodeBodyClass())(res, hooks) as unknown as ResponseBody;
}
