/**
 * The transport on Node's own `node:http` / `node:https`: a keep-alive `Agent` per protocol and
 * client, nothing else to load. undici's agent, its HTTP/2 and TLS modules cost a short-lived
 * program (the CLI: one or two requests) more start-up than its requests, and its buffers most
 * of the memory of a long listing; Node's client is already in the binary. Like the undici wire
 * it has idle timers for the headers and between body chunks, honours the attempt's signal and
 * hands every failure to `r.translate`. Node's modules are looked up at run time (the platform
 * seam), so a browser bundle that carries this file never follows them.
 */
import type { Agent, ClientRequest, IncomingMessage, RequestOptions } from 'node:http';
import type { Socket } from 'node:net';
import type { Readable } from 'node:stream';
import type { ConnectionOptions } from 'node:tls';
import { ConnectionError, TimeoutError, ValidationError } from '../errors/errors.js';
import { nodeModule, requireNodeModule } from '../platform/node.js';
import { BODY_SLICE, bodySlices, byteLength, chunkBytes, utf8Bytes } from './bytes.js';
import { IdleTimer } from './idle-timer.js';
import { nodeResponseBody } from './node-body.js';
import { redactUrl } from './redact.js';
import { isIdempotent } from './retry.js';
import { bufferedNodeBody } from './undici-wire.js';
import type { RequestBody, Wire, WireRequest, WireResponse } from './wire.js';

/**
 * The `code` of the error a connection that took longer than `connectTimeoutMs` to open fails
 * with: nothing of the request was sent, so any method may be retried.
 */
export const CONNECT_TIMEOUT_CODE = 'ERR_OSSDK_CONNECT_TIMEOUT';

/** Options of the node wire. */
export interface NodeWireOptions {
  /** Max sockets per origin (default 64, as the undici pool). */
  connections?: number;
  /** How long (ms) an idle pooled socket is kept (default 30 000); a shorter `Keep-Alive: timeout=` of the server wins. */
  keepAliveTimeoutMs?: number;
  /** Longest wait (ms) for a new connection, TLS handshake included (default 10 000, undici's). */
  connectTimeoutMs?: number;
  /** TLS options of every `https:` connection (`tlsConnectOptions`). */
  tls?: Pick<ConnectionOptions, 'rejectUnauthorized' | 'ca' | 'cert' | 'key'>;
}

/** Lower-cased names, repeated headers joined with ", " (what undici gives). */
function headersOf(raw: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const k = raw[i]!.toLowerCase();
    const prev = out[k];
    out[k] = prev === undefined ? raw[i + 1]! : `${prev}, ${raw[i + 1]!}`;
  }
  return out;
}

/** Resolves when `req` can take more (or will never). */
function drained(req: ClientRequest): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      req.off('drain', done);
      req.off('close', done);
      resolve();
    };
    req.once('drain', done);
    req.once('close', done);
  });
}

/** Send a body chunk by chunk, waiting for the socket when it is full. */
async function writeStream(
  req: ClientRequest,
  src: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array>,
  progress: () => void,
): Promise<void> {
  // leaving the loop early (the request failed) closes the source
  for await (const c of src) {
    if (req.destroyed) return;
    const bytes = chunkBytes(c);
    if (!bytes.byteLength) continue;
    progress();
    if (!req.write(bytes)) await drained(req);
    progress();
  }
  if (!req.destroyed) req.end();
}

/**
 * Whether `req` failed only because the pooled socket it was given had been closed by the
 * server meanwhile (an idle keep-alive connection the server let go as the request left): no
 * answer came, the method is idempotent and the body can be sent again. Node's documentation
 * recommends sending such a request once more (`request.reusedSocket`): it never reached a
 * server that was listening, and failing it would turn the pool's race into the caller's error.
 */
function staleSocket(req: ClientRequest, err: unknown, r: WireRequest): boolean {
  const code = (err as { code?: unknown } | undefined)?.code;
  return (
    req.reusedSocket &&
    (code === 'ECONNRESET' || code === 'EPIPE') &&
    !r.signal.aborted &&
    isIdempotent(r.method) &&
    (r.body === undefined || typeof r.body === 'string' || r.body instanceof Uint8Array)
  );
}

function abortError(): Error {
  return Object.assign(new Error('This operation was aborted'), { name: 'AbortError' });
}

/** Sends through Node's `http.request` / `https.request` over keep-alive agents built on first use. */
export class NodeWire implements Wire {
  readonly kind = 'node';
  private httpAgent: Agent | undefined;
  private httpsAgent: Agent | undefined;
  private closed = false;
  private httpMod: typeof import('node:http') | undefined;
  private httpsMod: typeof import('node:https') | undefined;

  constructor(private readonly opts: NodeWireOptions = {}) {
    if (!nodeModule('node:http')) {
      throw new ValidationError('the node transport needs Node.js, which this runtime is not', {
        field: 'transport',
        fix: "use transport: 'fetch' (the default outside Node.js)",
      });
    }
  }

  // node:https loads node:tls and crypto: a program that only speaks http: never pays for them
  private get http(): typeof import('node:http') {
    this.httpMod ??= requireNodeModule('node:http', 'the node transport');
    return this.httpMod;
  }

  private get https(): typeof import('node:https') {
    this.httpsMod ??= requireNodeModule('node:https', 'the node transport');
    return this.httpsMod;
  }

  private agent(tls: boolean): Agent {
    const common = {
      keepAlive: true,
      maxSockets: this.opts.connections ?? 64,
      // the Agent's socket timeout is what ends an idle pooled socket
      timeout: this.opts.keepAliveTimeoutMs ?? 30_000,
    };
    if (tls) {
      this.httpsAgent ??= new this.https.Agent({ ...common, ...this.opts.tls });
      return this.httpsAgent;
    }
    this.httpAgent ??= new this.http.Agent(common);
    return this.httpAgent;
  }

  send(r: WireRequest): Promise<WireResponse> {
    return new Promise((resolve, reject) => this.start(r, resolve, reject, true));
  }

  private start(
    r: WireRequest,
    resolve: (w: WireResponse) => void,
    reject: (e: Error) => void,
    mayResend: boolean,
  ): void {
    const what = () => `${r.method} ${redactUrl(r.url)}`;
    if (this.closed) {
      reject(
        new ConnectionError(r.method, redactUrl(r.url), new Error('the HTTP client was closed'), {
          fix: 'build a new Connection (or HttpClient): close() let go of its connections',
        }),
      );
      return;
    }
    if (r.signal.aborted) {
      reject(r.translate(r.signal.reason ?? abortError()));
      return;
    }
    // the scheme picks the module; Node parses the URL itself (a second parse here costs µs per request)
    const tls = /^https:/i.test(r.url);
    if (!tls && !/^http:/i.test(r.url)) {
      reject(
        new ValidationError(`${what()}: the node transport sends http: and https: URLs only`, {
          field: 'url',
          fix: 'use the http:// or https:// endpoint of the service',
        }),
      );
      return;
    }

    let req: ClientRequest;
    let res: IncomingMessage | undefined;
    let body: Readable | undefined;
    let settled = false;
    let uploading = false;
    let connectTimer: ReturnType<typeof setTimeout> | undefined;

    const release = () => {
      idle.stop();
      clearTimeout(connectTimer);
      r.signal.removeEventListener('abort', onAbort);
    };
    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      release();
      if (mayResend && staleSocket(req, err, r)) this.start(r, resolve, reject, false);
      else reject(r.translate(err));
    };
    /** End the attempt with `err`: before the answer the request, after it the body. */
    const stop = (err: Error) => {
      if (body) body.destroy(err);
      else {
        fail(err);
        req.destroy(err);
      }
    };
    const idle = new IdleTimer(r.timeoutMs, () => {
      if (res) {
        // every byte is in, or the reader is behind (its body is full): not the server's fault
        if (res.complete) return;
        if (res.isPaused()) return idle.start();
      }
      const phase = res
        ? 'the next chunk of the body'
        : uploading
          ? 'the next chunk of the request body to be sent'
          : 'the headers';
      stop(new TimeoutError(`${what()}: waited ${r.timeoutMs} ms for ${phase} (timeoutMs)`));
    });
    const onAbort = () => {
      const reason: unknown = r.signal.reason;
      stop(reason instanceof Error ? reason : abortError());
    };

    try {
      const request: (url: string, o: RequestOptions) => ClientRequest = tls
        ? this.https.request
        : this.http.request;
      req = request(r.url, { method: r.method, headers: r.headers, agent: this.agent(tls) });
    } catch (err) {
      // Node checks the URL and the header names and values before anything is sent
      reject(r.translate(err));
      return;
    }
    req.on('error', (err) => {
      // after the answer the socket's failure is the body's, unless the body is all in already
      if (!res) fail(err);
      else if (!res.complete) body?.destroy(err);
    });
    req.once('socket', (socket: Socket) => {
      // a pooled socket is open already; a new one gets undici's connect timeout
      if (!socket.connecting || settled) return;
      const ms = this.opts.connectTimeoutMs ?? 10_000;
      connectTimer = setTimeout(() => {
        const e = Object.assign(new Error(`could not connect within ${ms} ms`), {
          code: CONNECT_TIMEOUT_CODE,
        });
        stop(e);
      }, ms);
      connectTimer.unref();
      const opened = () => clearTimeout(connectTimer);
      socket.once(tls ? 'secureConnect' : 'connect', opened);
      socket.once('close', opened);
    });
    req.once('response', (m: IncomingMessage) => {
      res = m;
      settled = true;
      clearTimeout(connectTimer);
      // from here the idle timer counts between chunks of the body
      idle.start();
      const headers = headersOf(m.rawHeaders);
      const b = nodeResponseBody(m, {
        translate: (err) => r.translate(err),
        idle,
        contentType: headers['content-type'],
        onDone: () => {
          release();
          r.onBodyDone();
        },
      });
      body = b as unknown as Readable;
      resolve({
        status: m.statusCode ?? 0,
        headers,
        body: b,
        buffered: bufferedNodeBody,
        discard: () => body?.destroy(),
      });
    });
    r.signal.addEventListener('abort', onAbort);
    idle.start();
    this.sendBody(req, r.body, idle, (on) => {
      uploading = on;
    });
  }

  private sendBody(
    req: ClientRequest,
    b: RequestBody | undefined,
    idle: IdleTimer,
    uploading: (on: boolean) => void,
  ): void {
    if (b === undefined) req.end();
    else if ((typeof b === 'string' || b instanceof Uint8Array) && byteLength(b) <= BODY_SLICE) req.end(b);
    else {
      let src = b as AsyncIterable<Uint8Array | string> | Iterable<Uint8Array>;
      if (typeof b === 'string' || b instanceof Uint8Array) {
        // one write of a large body would hide its progress: a slow link would look idle
        const bytes = typeof b === 'string' ? utf8Bytes(b) : b;
        if (!req.hasHeader('content-length')) req.setHeader('content-length', bytes.byteLength);
        src = bodySlices(bytes);
      }
      uploading(true);
      writeStream(req, src, () => idle.refresh()).then(
        () => uploading(false),
        // a source that fails fails the request with its error
        (err: unknown) => req.destroy(err instanceof Error ? err : new Error(String(err))),
      );
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    // destroy, not wait: in-flight requests fail as a reset would fail them
    this.httpAgent?.destroy();
    this.httpsAgent?.destroy();
  }
}
