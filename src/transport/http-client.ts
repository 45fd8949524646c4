/**
 * The HTTP transport: undici with a keep-alive pool, a total deadline per attempt (headers and
 * buffered body) besides undici's idle timers, AbortSignal, a size cap on buffered bodies,
 * retries on connection errors (also mid-body when buffering) / 502 / 503 / 504 for idempotent
 * methods and on 429 / 503 honouring Retry-After, request ids surfaced, debug logs with secrets
 * redacted. Every error is an SDK error, also those a streamed body emits.
 */
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import type { Dispatcher, Agent as UndiciAgent, request as undiciRequestType } from 'undici';
import {
  AbortedError,
  ConnectionError,
  httpErrorFor,
  InvalidResponseError,
  OpenStackError,
  TimeoutError,
} from '../errors/errors.js';
import { parseServiceMessage } from '../errors/service-message.js';
import { callerAbortError } from './abort.js';
import { invalidResponse, type ResponseFacts } from './invalid-response.js';
import { parseResponseJson } from './json-text.js';
import { type Logger, silentLogger } from './logger.js';
import { Redactor, redactBody, redactHeaders, redactUrl, scrubSecrets, secretsOf } from './redact.js';
import {
  backoffDelay,
  defaultRetryOptions,
  isIdempotent,
  parseRetryAfter,
  type RetryOptions,
  sleep,
} from './retry.js';
import { tlsConnectOptions, tlsFixFor } from './tls.js';

type UndiciRequest = typeof undiciRequestType;

interface UndiciParts {
  Agent: typeof UndiciAgent;
  request: UndiciRequest;
}

/**
 * undici's index loads every dispatcher, the mocks, caches, fetch and cookies (and, through
 * the cookies, Node's own bundled undici): about 100 ms of start-up on a small machine, paid by
 * every CLI call. The transport needs the Agent and the request API only, so it loads those
 * modules directly; `request()` below is undici's own `request(url, opts)` wrapper for an
 * explicit dispatcher (same URL parsing). Should undici's file layout change, the index is used.
 */
function loadUndici(): UndiciParts {
  const require = createRequire(import.meta.url);
  try {
    const Agent = require('undici/lib/dispatcher/agent.js') as typeof UndiciAgent;
    const apiRequest = require('undici/lib/api/api-request.js') as (
      this: Dispatcher,
      opts: Dispatcher.RequestOptions,
    ) => Promise<Dispatcher.ResponseData>;
    const { parseURL } = require('undici/lib/core/util.js') as { parseURL?: (u: string) => URL };
    if (typeof Agent !== 'function' || typeof apiRequest !== 'function' || typeof parseURL !== 'function')
      throw new Error('unexpected undici layout');
    const request = (url: string, opts: { dispatcher: Dispatcher }) => {
      const u = parseURL(url);
      return apiRequest.call(opts.dispatcher, {
        ...opts,
        origin: u.origin,
        path: u.search ? `${u.pathname}${u.search}` : u.pathname,
      } as unknown as Dispatcher.RequestOptions);
    };
    return { Agent, request: request as unknown as UndiciRequest };
  } catch {
    const full = require('undici') as typeof import('undici');
    return { Agent: full.Agent, request: full.request };
  }
}

let undiciParts: UndiciParts | undefined;

/**
 * undici, loaded on the first request rather than at import: even the two modules above cost
 * ~35 ms, which a program that only builds a `Connection` (or never sends) should not pay.
 */
function undici(): UndiciParts {
  undiciParts ??= loadUndici();
  return undiciParts;
}

/** A request body: text/JSON are replayable (so retryable); streams are sent once. */
export type RequestBody = string | Uint8Array | Readable | AsyncIterable<Uint8Array>;

/** One HTTP request as the transport sends it. */
export interface HttpRequest {
  /** HTTP method (any case). */
  method: string;
  /** Absolute URL. */
  url: string;
  /** Request headers. */
  headers?: Record<string, string>;
  /** The body, sent as given: text and bytes can be replayed on a retry, a stream is sent once. */
  body?: RequestBody;
  /**
   * Total deadline of one attempt in ms: connecting, the response headers and every body read
   * the SDK buffers (`buffer`, `text()`, `json()`, `bytes()`), however slowly the server drips
   * them. A body the caller streams (reading `res.body` itself) is bounded by the same value as
   * an idle timeout between chunks instead, so a long download is not cut. Default from the
   * client; 0 = none. Retries each get their own deadline: bound the whole call with `signal`.
   */
  timeoutMs?: number;
  /**
   * Cancels the request, its retries and their backoff at once. A signal made by
   * `AbortSignal.timeout(ms)` is an operation deadline: it ends the call with
   * {@link TimeoutError}; any other abort ends it with {@link AbortedError}.
   */
  signal?: AbortSignal;
  /** Statuses that are not errors for this call (default: 2xx and 3xx). */
  okStatuses?: readonly number[];
  /** Override retry of non-idempotent requests (e.g. a POST the caller knows is safe). */
  idempotent?: boolean;
  /** Skip logging of the request body (e.g. large uploads). */
  logBody?: boolean;
  /**
   * Read the whole body inside the attempt: a reset or premature close mid-body of an idempotent
   * request is then retried like one before the headers, the total deadline covers the body, and
   * `text()`/`json()`/`bytes()` return the data read. For JSON documents; never for downloads.
   */
  buffer?: boolean;
  /**
   * Largest body in bytes the SDK buffers for this request (`buffer`, `text()`, `json()`; `bytes()`
   * only when set here); over it the read fails with {@link InvalidResponseError} `too-large`.
   * Default from the client (64 MiB).
   */
  maxBodyBytes?: number;
}

/** A response the transport accepted (2xx/3xx or one of the request's `okStatuses`). */
export interface HttpResponse {
  /** The HTTP status. */
  status: number;
  /** Lower-cased header names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /**
   * The body stream; consume it with text()/json()/bytes() or stream it. Reading it directly
   * makes it a stream: the request's total deadline stops, the idle timeout stays. Its errors are
   * SDK errors ({@link ConnectionError} when the connection breaks mid-body, {@link TimeoutError},
   * {@link AbortedError}).
   */
  body: Dispatcher.ResponseData['body'];
  /** The service's request id, from whichever header it uses. */
  requestId?: string;
  /** The request URL. */
  url: string;
  /** The request method. */
  method: string;
  /** The body as UTF-8 text (read once, then kept). */
  text(): Promise<string>;
  /** The body parsed as JSON; {@link InvalidResponseError} (`empty-body`, `invalid-json`) when it is not. */
  json<T = unknown>(): Promise<T>;
  /** The body as bytes (read once, then kept). */
  bytes(): Promise<Buffer>;
}

/** Options of an {@link HttpClient}, shared by every request it sends. */
export interface HttpClientOptions {
  /** Default total deadline of one attempt (ms), see {@link HttpRequest.timeoutMs}. 0 = none. Default 120 000. */
  timeoutMs?: number;
  /** Retry tuning: backoff, the statuses retried for idempotent methods, the longest `Retry-After` honoured. */
  retry?: Partial<RetryOptions>;
  /** Receives request and response logs, secrets redacted. */
  logger?: Logger;
  /** The `User-Agent` header. */
  userAgent?: string;
  /** TLS: verify server certificates (default true). */
  verify?: boolean;
  /** CA bundle path, client cert and key paths. */
  cacert?: string;
  /** Client certificate path (mutual TLS). */
  cert?: string;
  /** Client certificate key path (mutual TLS). */
  key?: string;
  /** Max sockets per origin (default 64). */
  connections?: number;
  /** Use this dispatcher instead of building one (tests, proxies). */
  dispatcher?: Dispatcher;
  /**
   * The session's secrets, scrubbed by value from logs and errors (default: a new, empty one;
   * the client adds the tokens it sends and receives).
   */
  redactor?: Redactor;
  /** Default {@link HttpRequest.maxBodyBytes} (default 64 MiB). */
  maxBodyBytes?: number;
}

/** Default cap of a buffered body. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;

const requestIdHeaders = ['x-openstack-request-id', 'x-compute-request-id', 'x-trans-id', 'x-request-id'];

/** Pick the request id a service returned, whichever header it uses. */
export function requestIdOf(headers: Record<string, string>): string | undefined {
  for (const h of requestIdHeaders) if (headers[h]) return headers[h];
  return undefined;
}

function flattenHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  // for..in over undici's own plain object: no [key, value] pair arrays per header
  for (const k in h) {
    const v = h[k];
    if (v !== undefined) out[k.toLowerCase()] = typeof v === 'string' ? v : v.join(', ');
  }
  return out;
}

function isReplayable(body: RequestBody | undefined): body is string | Uint8Array | undefined {
  return body === undefined || typeof body === 'string' || body instanceof Uint8Array;
}

/** Request bodies up to this size are sent within the total deadline; larger ones under idle timers. */
const UPLOAD_TOTAL_LIMIT = 1024 * 1024;

function byteLength(body: string | Uint8Array): number {
  return typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
}

/** Connection failures that happen before a byte of the request can have reached the server. */
const neverSentCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

function neverSent(err: ConnectionError): boolean {
  const c = err.cause as { code?: string; cause?: { code?: string } } | undefined;
  return neverSentCodes.has(c?.code ?? '') || neverSentCodes.has(c?.cause?.code ?? '');
}

type AbortListener = () => void;

/**
 * The abort signal of one attempt: the caller's signal, plus the attempt's own total deadline.
 * {@link stopTimer} leaves the caller's signal in force (a streamed body); {@link done} lets go
 * of the caller's signal as well (the body is read or closed).
 *
 * It is its own signal, in the shape undici accepts (`aborted`, `reason`, add/remove an
 * `abort` listener), not an AbortController: a controller and its EventTarget cost several µs
 * and two objects per request on the hot path, where this signal almost never fires.
 */
class AttemptSignal {
  private timer?: ReturnType<typeof setTimeout>;
  private unlink?: () => void;
  private listeners: AbortListener[] = [];
  /** True once the attempt's own deadline fired. */
  timedOut = false;
  /** True once aborted (the caller's signal or the deadline); undici reads it. */
  aborted = false;
  /** Why it was aborted; undici reads it. */
  reason: unknown = undefined;

  constructor(caller: AbortSignal | undefined) {
    if (caller) {
      if (caller.aborted) this.abort(caller.reason);
      else {
        const onAbort = () => this.abort(caller.reason);
        caller.addEventListener('abort', onAbort, { once: true });
        this.unlink = () => caller.removeEventListener('abort', onAbort);
      }
    }
  }

  private abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    const ls = this.listeners;
    this.listeners = [];
    for (const l of ls) l();
  }

  /** undici's side of the signal: it listens for `abort` (once) and lets go when done. */
  addEventListener(type: string, listener: AbortListener): void {
    if (type === 'abort') this.listeners.push(listener);
  }

  removeEventListener(type: string, listener: AbortListener): void {
    if (type !== 'abort') return;
    const i = this.listeners.indexOf(listener);
    if (i !== -1) this.listeners.splice(i, 1);
  }

  /** Start the total deadline (0: none). */
  arm(timeoutMs: number): void {
    if (timeoutMs <= 0 || this.timer) return;
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.abort(new TimeoutError('deadline'));
    }, timeoutMs);
    // a response nobody reads must not keep the process alive
    this.timer.unref?.();
  }

  /** The signal handed to undici (this object; typed as the AbortSignal undici's types ask for). */
  get signal(): AbortSignal {
    return this as unknown as AbortSignal;
  }

  stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  done(): void {
    this.stopTimer();
    this.unlink?.();
    this.unlink = undefined;
  }
}

/**
 * Make every error a body stream emits an SDK error: undici destroys the body with its own
 * errors (a reset is a bare `SocketError: other side closed`), whichever way it is consumed.
 */
function translateBodyErrors(body: Readable, translate: (e: unknown) => Error): void {
  const b = body as Readable & { _destroy: (e: Error | null, cb: (e?: Error | null) => void) => void };
  const original = b._destroy.bind(b);
  b._destroy = (e, cb) => original(e, (e2) => cb(e2 ? translate(e2) : e2));
}

/** Keep-alive HTTP client shared by every service of a session. */
export class HttpClient {
  private agent: Dispatcher | undefined;
  private closed = false;
  private readonly agentOptions: UndiciAgent.Options | undefined;
  /** Where requests and responses are logged. */
  readonly logger: Logger;
  /** The `User-Agent` sent with every request. */
  readonly userAgent: string;
  /** Secrets scrubbed by value from everything this client logs or puts in an error. */
  readonly redactor: Redactor;
  /** False with the default silent logger: request/response log payloads are then never built. */
  private readonly debugEnabled: boolean;
  private readonly timeoutMs: number;
  private readonly maxBodyBytes: number;
  private readonly retry: RetryOptions;

  constructor(opts: HttpClientOptions = {}) {
    this.logger = opts.logger ?? silentLogger;
    this.debugEnabled = this.logger !== silentLogger;
    this.userAgent = opts.userAgent ?? 'openstack-sdk-ts';
    this.timeoutMs = opts.timeoutMs ?? 120_000;
    this.maxBodyBytes = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    this.retry = { ...defaultRetryOptions, ...opts.retry };
    this.redactor = opts.redactor ?? new Redactor();
    this.agent = opts.dispatcher;
    // the TLS files are read now: a missing cacert is a construction error, not a first-request one
    this.agentOptions = opts.dispatcher
      ? undefined
      : { keepAliveTimeout: 30_000, connections: opts.connections ?? 64, connect: tlsConnectOptions(opts) };
  }

  /** The undici dispatcher (connection pool) requests go through; built on first use. */
  get dispatcher(): Dispatcher {
    if (!this.agent) {
      this.agent = new (undici().Agent)(this.agentOptions);
      // closed before any request: keep close()'s promise that later requests fail
      if (this.closed) void this.agent.close();
    }
    return this.agent;
  }

  /** The default total deadline of one attempt (ms), for callers that derive their own from it. */
  get defaultTimeoutMs(): number {
    return this.timeoutMs;
  }

  /**
   * Send a request, retrying where safe; resolves with a 2xx/3xx (or okStatuses) response, else
   * throws. Connection failures (also mid-body when `buffer` is set) and 502/503/504 are retried
   * for idempotent methods with a replayable body; 429, and 503 with Retry-After, for any method.
   * The final error carries the number of attempts.
   */
  async request(req: HttpRequest): Promise<HttpResponse> {
    const method = req.method.toUpperCase();
    const idempotent = req.idempotent ?? isIdempotent(method);
    const replayable = isReplayable(req.body);
    // attempts that may have reached the service without their answer being read
    let uncertain = 0;
    for (let attempt = 0; ; attempt++) {
      let res: HttpResponse;
      try {
        res = await this.once(method, req);
      } catch (err) {
        if (!(err instanceof ConnectionError)) throw err;
        // a rejected certificate (the error carries a fix) fails the same way on every attempt
        if (!(idempotent && replayable && attempt < this.retry.maxRetries) || err.fix) {
          throw attempt > 0
            ? new ConnectionError(method, err.url, err.cause, { attempts: attempt + 1, fix: err.fix })
            : err;
        }
        if (!neverSent(err)) uncertain++;
        const delay = backoffDelay(attempt + 1, this.retry);
        this.logger.warn(`retrying ${method} ${redactUrl(req.url)} after connection error`, {
          attempt: attempt + 1,
          delayMs: delay,
          error: this.redactor.scrub(err.message),
        });
        await this.wait(delay, method, req);
        continue;
      }
      const ok = req.okStatuses ? req.okStatuses.includes(res.status) : res.status < 400;
      if (ok) return res;
      const retryAfter = parseRetryAfter(res.headers['retry-after']);
      const retryableStatus =
        res.status === 429 ||
        (res.status === 503 && retryAfter !== undefined) ||
        (idempotent && this.retry.retryStatuses.includes(res.status));
      const waitable = retryAfter === undefined || retryAfter <= this.retry.maxRetryAfterMs;
      if (retryableStatus && replayable && waitable && attempt < this.retry.maxRetries) {
        await res.text().catch(() => {});
        // a gateway's 502/504 may come after the service did the work; 429/503 say it did not
        if (res.status === 502 || res.status === 504) uncertain++;
        const delay = retryAfter ?? backoffDelay(attempt + 1, this.retry);
        this.logger.warn(`retrying ${method} ${redactUrl(req.url)} after ${res.status}`, {
          attempt: attempt + 1,
          delayMs: delay,
          requestId: res.requestId,
        });
        await this.wait(delay, method, req);
        continue;
      }
      throw await this.errorFrom(res, secretsOf(req.headers, req.body, req.url), attempt + 1, uncertain);
    }
  }

  private async wait(ms: number, method: string, req: HttpRequest): Promise<void> {
    try {
      await sleep(ms, req.signal);
    } catch {
      throw this.callerAbort(method, req);
    }
  }

  /** The error for the caller's signal: a deadline (AbortSignal.timeout) or a cancellation. */
  private callerAbort(method: string, req: HttpRequest): Error {
    return callerAbortError(`${method} ${redactUrl(req.url)}`, req.signal);
  }

  private async once(method: string, req: HttpRequest): Promise<HttpResponse> {
    const timeoutMs = req.timeoutMs ?? this.timeoutMs;
    const headers: Record<string, string> = { 'user-agent': this.userAgent, ...req.headers };
    // the token sent is a secret wherever a server may echo it
    this.redactor.learnFromHeaders(headers);
    // redacting the URL and headers costs several µs per request: only when someone listens
    const started = this.debugEnabled ? performance.now() : 0;
    if (this.debugEnabled)
      this.logger.debug(`REQ ${method} ${redactUrl(req.url)}`, {
        headers: this.redactor.scrubHeaders(redactHeaders(headers)),
        ...(req.logBody !== false && typeof req.body === 'string'
          ? { body: this.redactor.scrub(redactBody(req.body)) }
          : {}),
      });
    if (req.signal?.aborted) throw this.callerAbort(method, req);
    const att = new AttemptSignal(req.signal);
    // an upload's time is its size's: while a large or streamed body is sent, undici's idle
    // timers bound it, and the total deadline starts with the response
    const smallBody =
      isReplayable(req.body) && (req.body === undefined || byteLength(req.body) <= UPLOAD_TOTAL_LIMIT);
    if (smallBody) att.arm(timeoutMs);
    const translate = (err: unknown) => this.translate(err, method, req, att, timeoutMs);
    let raw: Dispatcher.ResponseData;
    try {
      raw = await undici().request(req.url, {
        method: method as Dispatcher.HttpMethod,
        headers,
        body: req.body as Dispatcher.DispatchOptions['body'],
        dispatcher: this.dispatcher,
        signal: att.signal,
        // undici's own timers are idle timers; the total deadline is `att`. 0 turns them off.
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
    } catch (err) {
      att.done();
      throw translate(err);
    }
    att.arm(timeoutMs);
    translateBodyErrors(raw.body, translate);
    // a body given up on (too large, never read) errors with nobody listening: not a crash
    raw.body.on('error', () => {});
    raw.body.once('close', () => att.done());
    const resHeaders = flattenHeaders(raw.headers);
    const requestId = requestIdOf(resHeaders);
    this.redactor.learnFromHeaders(resHeaders);
    if (this.debugEnabled)
      this.logger.debug(`RESP ${method} ${redactUrl(req.url)} ${raw.statusCode}`, {
        ms: Math.round(performance.now() - started),
        requestId,
        headers: this.redactor.scrubHeaders(redactHeaders(resHeaders)),
      });
    const cap = req.maxBodyBytes ?? this.maxBodyBytes;
    const facts: ResponseFacts = {
      method,
      // redacted only when an error needs it: a few µs per request otherwise
      get url() {
        return redactUrl(req.url);
      },
      status: raw.statusCode,
      requestId,
      contentType: resHeaders['content-type'],
    };
    const tooLarge = (detail: string) =>
      invalidResponse(facts, 'too-large', `${detail}; the cap is ${cap} bytes (maxBodyBytes)`);
    let read: Promise<Buffer> | undefined;
    const readAll = (limit: number): Promise<Buffer> => {
      read ??= readCapped(raw.body, limit, resHeaders['content-length'], tooLarge).finally(() => att.done());
      return read;
    };
    if (req.buffer) await readAll(cap);
    const text = async () => (await readAll(cap)).toString('utf8');
    return {
      status: raw.statusCode,
      headers: resHeaders,
      get body() {
        if (read) return bufferedBody(read, resHeaders['content-type']);
        // the caller streams it: only the idle timeout applies from here
        att.stopTimer();
        return raw.body;
      },
      requestId,
      url: req.url,
      method,
      text,
      json: async <T>() => {
        return parseResponseJson(facts, await text()) as T;
      },
      bytes: () => readAll(req.maxBodyBytes ?? Number.POSITIVE_INFINITY),
    };
  }

  private translate(
    err: unknown,
    method: string,
    req: HttpRequest,
    att: AttemptSignal,
    timeoutMs: number,
  ): Error {
    if (err instanceof OpenStackError) {
      // our own deadline's reason, passed through by undici
      if (err instanceof TimeoutError && att.timedOut) return this.deadlineError(method, req, timeoutMs);
      return err;
    }
    const e = err as { name?: string; code?: string; message?: string };
    if (att.timedOut) return this.deadlineError(method, req, timeoutMs);
    if (req.signal?.aborted) return this.callerAbort(method, req);
    if (e?.code === 'UND_ERR_HEADERS_TIMEOUT' || e?.code === 'UND_ERR_BODY_TIMEOUT') {
      const phase = e.code === 'UND_ERR_HEADERS_TIMEOUT' ? 'the headers' : 'the next chunk of the body';
      return new TimeoutError(
        `${method} ${redactUrl(req.url)}: waited ${timeoutMs} ms for ${phase} (timeoutMs)`,
      );
    }
    if (e?.name === 'AbortError' || e?.code === 'UND_ERR_ABORTED') return this.callerAbort(method, req);
    return new ConnectionError(method, redactUrl(req.url), err, { fix: tlsFixFor(err) });
  }

  private deadlineError(method: string, req: HttpRequest, timeoutMs: number): TimeoutError {
    return new TimeoutError(
      `${method} ${redactUrl(req.url)} did not complete within ${timeoutMs} ms (timeoutMs, headers and body)`,
    );
  }

  private async errorFrom(
    res: HttpResponse,
    secrets: string[],
    attempts: number,
    uncertain: number,
  ): Promise<Error> {
    let text = '';
    try {
      text = await res.text();
    } catch {
      // the body is best effort; the status already says what happened
    }
    // a service may echo what it was sent: scrub the request's secrets by value too
    const clean = this.redactor.scrub(scrubSecrets(redactBody(text), secrets));
    return httpErrorFor({
      status: res.status,
      method: res.method,
      url: redactUrl(res.url),
      serviceMessage: parseServiceMessage(clean, res.headers['content-type']),
      requestId: res.requestId,
      body: clean.slice(0, 4000),
      headers: this.redactor.scrubHeaders(redactHeaders(res.headers)),
      attempts,
      uncertainAttempts: uncertain,
    });
  }

  /** Close pooled connections. */
  async close(): Promise<void> {
    this.closed = true;
    // never used: there is no pool to close, and loading undici only to close it is waste
    if (this.agent) await this.agent.close();
  }
}

/** Read a whole body, failing as soon as it is known to be over `limit` bytes. */
async function readCapped(
  body: Readable,
  limit: number,
  contentLength: string | undefined,
  tooLarge: (detail: string) => Error,
): Promise<Buffer> {
  const declared = contentLength === undefined ? Number.NaN : Number(contentLength);
  if (declared > limit) {
    body.destroy();
    throw tooLarge(`Content-Length is ${declared} bytes`);
  }
  // 'data' events, not `for await`: an async iterator per body is a measurable share of a
  // small request's cost, and every JSON answer is read here
  if (body.destroyed) {
    // nothing more will be emitted: fail as an async iterator over it would
    throw body.errored ?? Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });
  }
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let n = 0;
    const onData = (c: Buffer) => {
      n += c.length;
      if (n > limit) {
        cleanup();
        body.destroy();
        reject(tooLarge(`the body exceeded ${limit} bytes`));
        return;
      }
      chunks.push(c);
    };
    const onEnd = () => {
      cleanup();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, n));
    };
    const onError = (e: Error) => {
      cleanup();
      reject(e);
    };
    // a body destroyed without an error (close before end) is a premature close, as for-await saw it
    const onClose = () => {
      cleanup();
      reject(Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' }));
    };
    const cleanup = () => {
      body.off('data', onData);
      body.off('end', onEnd);
      body.off('error', onError);
      body.off('close', onClose);
    };
    body.on('data', onData);
    body.on('end', onEnd);
    body.on('error', onError);
    body.on('close', onClose);
  });
}

/** A body stream over data already read, with undici's body methods (text, json, dump, ...). */
function bufferedBody(
  data: Promise<Buffer>,
  contentType: string | undefined,
): Dispatcher.ResponseData['body'] {
  const stream = Readable.from(
    (async function* () {
      const b = await data;
      if (b.length) yield b;
    })(),
  ) as Readable & Record<string, unknown>;
  const buf = async () => data;
  const arrayBuffer = async (): Promise<ArrayBuffer> => {
    const b = await buf();
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  };
  Object.assign(stream, {
    text: async () => (await buf()).toString('utf8'),
    json: async () => JSON.parse((await buf()).toString('utf8')),
    arrayBuffer,
    bytes: async () => new Uint8Array(await arrayBuffer()),
    blob: async () => new Blob([await arrayBuffer()], { type: contentType ?? '' }),
    dump: async () => {
      stream.destroy();
    },
  });
  return stream as unknown as Dispatcher.ResponseData['body'];
}
