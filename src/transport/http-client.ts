/**
 * The HTTP transport: a total deadline per attempt (headers and buffered body) besides idle
 * timers, AbortSignal, a size cap on buffered bodies, retries on connection errors (also
 * mid-body when buffering) / 502 / 503 / 504 for idempotent methods and on 429 / 503 honouring
 * Retry-After, request ids surfaced, debug logs with secrets redacted. Every error is an SDK
 * error, also those a streamed body emits. The bytes travel over a {@link Wire}: undici's
 * keep-alive pool on Node (`undici-wire.ts`), Node's own `node:http` agents when asked for
 * (`node-wire.ts`), the standard `fetch` elsewhere (`fetch-wire.ts`).
 */
import type { Dispatcher } from 'undici';
import {
  AbortedError,
  ConnectionError,
  httpErrorFor,
  InvalidResponseError,
  OpenStackError,
  TimeoutError,
  ValidationError,
} from '../errors/errors.js';
import { parseServiceMessage } from '../errors/service-message.js';
import { isNodeJs } from '../platform/node.js';
import { callerAbortError } from './abort.js';
import { Attempt, type AttemptTranslator } from './attempt.js';
import { AttemptSignal } from './attempt-signal.js';
import { byteLength } from './bytes.js';
import { ClientResponse } from './client-response.js';
import { fetchFailureFix, fetchRequestFix, isFetchNetworkError } from './fetch-errors.js';
import { type FetchFunction, FetchWire } from './fetch-wire.js';
import { type Logger, silentLogger } from './logger.js';
import { CONNECT_TIMEOUT_CODE, NodeWire } from './node-wire.js';
import { hasOwnHeaders } from './own-headers.js';
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
import { UndiciWire } from './undici-wire.js';
import type { RequestBody, Wire, WireResponse } from './wire.js';

export type { FetchFunction } from './fetch-wire.js';
export type { RequestBody } from './wire.js';

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
   * {@link AbortedError}). A Node Readable with undici's body methods wherever Node's streams
   * exist (Node, Deno, Bun, either transport); in a browser or worker an async iterable of
   * Uint8Array chunks with the same methods (`text`, `json`, `arrayBuffer`, `blob`, `dump`).
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
  /** The body as bytes (read once, then kept): a Buffer where `Buffer` exists, else a Uint8Array. */
  bytes(): Promise<Buffer>;
}

/**
 * What carries the requests of an {@link HttpClient}: `'undici'` (Node's default, a keep-alive
 * pool with TLS options), `'node'` (Node's own `node:http` / `node:https` with keep-alive agents
 * and the same TLS options: nothing extra to load, a smaller footprint) or `'fetch'` (the
 * standard fetch API: browsers, workers, Deno, Bun).
 */
export type TransportKind = 'undici' | 'fetch' | 'node';

/** Options of an {@link HttpClient}, shared by every request it sends. */
export interface HttpClientOptions {
  /** Default total deadline of one attempt (ms), see {@link HttpRequest.timeoutMs}. 0 = none. Default 120 000. */
  timeoutMs?: number;
  /** Retry tuning: backoff, the statuses retried for idempotent methods, the longest `Retry-After` honoured. */
  retry?: Partial<RetryOptions>;
  /** Receives request and response logs, secrets redacted. */
  logger?: Logger;
  /** The `User-Agent` header (browsers send their own and drop it). */
  userAgent?: string;
  /** TLS: verify server certificates (default true). undici and node only: with fetch the runtime's trust store decides. */
  verify?: boolean;
  /** CA bundle path (undici and node only). */
  cacert?: string;
  /** Client certificate path (mutual TLS; undici and node only). */
  cert?: string;
  /** Client certificate key path (mutual TLS; undici and node only). */
  key?: string;
  /** Max sockets per origin (default 64; undici and node only). */
  connections?: number;
  /** Use this dispatcher instead of building one (tests, proxies); implies the undici transport. */
  dispatcher?: Dispatcher;
  /**
   * The session's secrets, scrubbed by value from logs and errors (default: a new, empty one;
   * the client adds the tokens it sends and receives).
   */
  redactor?: Redactor;
  /** Default {@link HttpRequest.maxBodyBytes} (default 64 MiB). */
  maxBodyBytes?: number;
  /**
   * The transport: `'undici'` on Node.js (the default there, or with a `dispatcher`), `'fetch'`
   * everywhere else (browsers, workers, Deno, Bun). Choose `'node'` on Node to send through
   * `node:http` / `node:https` (no undici loaded), `'fetch'` for Node's own fetch. `'undici'` or
   * `'node'` outside Node.js, and `'node'` with a `dispatcher`, are {@link ValidationError}s.
   */
  transport?: TransportKind;
  /** The fetch the `'fetch'` transport calls (default: `globalThis.fetch` at each request). */
  fetch?: FetchFunction;
}

/** Default cap of a buffered body. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;

const requestIdHeaders = ['x-openstack-request-id', 'x-compute-request-id', 'x-trans-id', 'x-request-id'];

/** Pick the request id a service returned, whichever header it uses. */
export function requestIdOf(headers: Record<string, string>): string | undefined {
  for (const h of requestIdHeaders) if (headers[h]) return headers[h];
  return undefined;
}

function isReplayable(body: RequestBody | undefined): body is string | Uint8Array | undefined {
  return body === undefined || typeof body === 'string' || body instanceof Uint8Array;
}

/** Request bodies up to this size are sent within the total deadline; larger ones under idle timers. */
const UPLOAD_TOTAL_LIMIT = 1024 * 1024;

/** Connection failures that happen before a byte of the request can have reached the server. */
const neverSentCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
  CONNECT_TIMEOUT_CODE,
]);

function neverSent(err: ConnectionError): boolean {
  for (
    let c = err.cause as { code?: string; cause?: unknown } | undefined, i = 0;
    c && i < 3;
    c = c.cause as typeof c, i++
  ) {
    if (neverSentCodes.has(c.code ?? '')) return true;
  }
  return false;
}

/** The TLS settings the fetch transport cannot apply: a ConfigError-worthy mistake, not a silent gap. */
function refuseTlsFiles(opts: HttpClientOptions): void {
  const field = opts.cacert
    ? 'cacert'
    : opts.cert
      ? 'cert'
      : opts.key
        ? 'key'
        : opts.verify === false
          ? 'verify'
          : undefined;
  if (!field) return;
  throw new ValidationError(`${field} cannot be applied by the fetch transport: fetch has no TLS options`, {
    field,
    fix: "add the CA to the system or browser trust store and remove the setting, or use transport: 'undici' or 'node' on Node.js",
  });
}

function pickWire(opts: HttpClientOptions): Wire {
  const kind = opts.transport ?? (opts.dispatcher || isNodeJs() ? 'undici' : 'fetch');
  if (kind === 'fetch') {
    refuseTlsFiles(opts);
    return new FetchWire({ fetch: opts.fetch });
  }
  if (kind === 'node') {
    if (opts.dispatcher) {
      throw new ValidationError('the node transport cannot send through an undici dispatcher', {
        field: 'dispatcher',
        fix: "remove dispatcher, or use transport: 'undici' with it",
      });
    }
    // the TLS files are read now: a missing cacert is a construction error, not a first-request one
    return new NodeWire({ connections: opts.connections, tls: tlsConnectOptions(opts) });
  }
  if (kind !== 'undici') {
    throw new ValidationError(`unknown transport "${String(kind)}"`, {
      field: 'transport',
      fix: "use 'undici', 'node' or 'fetch'",
    });
  }
  return new UndiciWire({
    dispatcher: opts.dispatcher,
    // the TLS files are read now: a missing cacert is a construction error, not a first-request one
    agent: opts.dispatcher
      ? undefined
      : { keepAliveTimeout: 30_000, connections: opts.connections ?? 64, connect: tlsConnectOptions(opts) },
  });
}

/** The request's headers with the client's user agent; the caller's own value of it wins. */
function withUserAgent(req: HttpRequest, userAgent: string): Record<string, string> {
  if (!hasOwnHeaders(req) || !req.headers) return { 'user-agent': userAgent, ...req.headers };
  const own = req.headers;
  if (own['user-agent'] === undefined) own['user-agent'] = userAgent;
  return own;
}

/** The error for the caller's signal: a deadline (AbortSignal.timeout) or a cancellation. */
function callerAbort(method: string, url: string, signal: AbortSignal | undefined): Error {
  return callerAbortError(`${method} ${redactUrl(url)}`, signal);
}

/** Keep-alive HTTP client shared by every service of a session. */
export class HttpClient {
  private readonly wire: Wire;
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
  /** {@link translate} for this client, made once: every attempt shares it. */
  private readonly translator: AttemptTranslator = (err, a) => this.translate(err, a);

  constructor(opts: HttpClientOptions = {}) {
    this.logger = opts.logger ?? silentLogger;
    this.debugEnabled = this.logger !== silentLogger;
    this.userAgent = opts.userAgent ?? 'openstack-sdk-ts';
    this.timeoutMs = opts.timeoutMs ?? 120_000;
    this.maxBodyBytes = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    this.retry = { ...defaultRetryOptions, ...opts.retry };
    this.redactor = opts.redactor ?? new Redactor();
    this.wire = pickWire(opts);
  }

  /** Which transport this client sends through. */
  get transport(): TransportKind {
    return this.wire.kind;
  }

  /**
   * The undici dispatcher (connection pool) requests go through; built on first use. Only with
   * the undici transport: a {@link ValidationError} with `'fetch'` or `'node'`.
   */
  get dispatcher(): Dispatcher {
    if (this.wire instanceof UndiciWire) return this.wire.dispatcher;
    throw new ValidationError(`the ${this.wire.kind} transport has no undici dispatcher`, {
      field: 'transport',
      fix: "use transport: 'undici' (Node.js) to reach the connection pool",
    });
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
        if (
          !(idempotent && replayable && attempt < this.retry.maxRetries) ||
          (err.fix && !this.transient(err))
        ) {
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

  /** A connection error whose fix only explains a network failure (fetch's): worth retrying. */
  private transient(err: ConnectionError): boolean {
    return isFetchNetworkError(err.cause) && tlsFixFor(err.cause) === undefined;
  }

  private async wait(ms: number, method: string, req: HttpRequest): Promise<void> {
    try {
      await sleep(ms, req.signal);
    } catch {
      throw callerAbort(method, req.url, req.signal);
    }
  }

  private async once(method: string, req: HttpRequest): Promise<HttpResponse> {
    const timeoutMs = req.timeoutMs ?? this.timeoutMs;
    const headers = withUserAgent(req, this.userAgent);
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
    if (req.signal?.aborted) throw callerAbort(method, req.url, req.signal);
    const att = new AttemptSignal(req.signal);
    // an upload's time is its size's: while a large or streamed body is sent, the idle timers
    // bound it, and the total deadline starts with the response
    const smallBody =
      isReplayable(req.body) && (req.body === undefined || byteLength(req.body) <= UPLOAD_TOTAL_LIMIT);
    if (smallBody) att.arm(timeoutMs);
    const attempt = new Attempt(
      method,
      req.url,
      headers,
      req.body,
      // undici and node take the attempt's own light signal; fetch checks for a real AbortSignal
      this.wire.kind === 'fetch' ? att.signal : att.light,
      timeoutMs,
      att,
      req.signal,
      this.translator,
    );
    let raw: WireResponse;
    try {
      raw = await this.wire.send(attempt);
    } catch (err) {
      att.done();
      throw err;
    }
    if (!attempt.bodyDone) att.arm(timeoutMs);
    const resHeaders = raw.headers;
    const requestId = requestIdOf(resHeaders);
    this.redactor.learnFromHeaders(resHeaders);
    if (this.debugEnabled)
      this.logger.debug(`RESP ${method} ${redactUrl(req.url)} ${raw.status}`, {
        ms: Math.round(performance.now() - started),
        requestId,
        headers: this.redactor.scrubHeaders(redactHeaders(resHeaders)),
      });
    const res = new ClientResponse(
      raw,
      att,
      method,
      req.url,
      requestId,
      req.maxBodyBytes ?? this.maxBodyBytes,
      req.maxBodyBytes,
    );
    if (req.buffer) await res.buffer();
    return res;
  }

  /** The SDK's error for a failure of one attempt (what its wire or body stream threw). */
  private translate(err: unknown, a: Attempt): Error {
    const { method, timeoutMs, att } = a;
    if (err instanceof OpenStackError) {
      // our own deadline's reason, passed through by the wire
      if (err instanceof TimeoutError && att.timedOut) return this.deadlineError(method, a.url, timeoutMs);
      return err;
    }
    const e = err as { name?: string; code?: string; message?: string };
    if (att.timedOut) return this.deadlineError(method, a.url, timeoutMs);
    if (a.callerSignal?.aborted) return callerAbort(method, a.url, a.callerSignal);
    if (e?.code === 'UND_ERR_HEADERS_TIMEOUT' || e?.code === 'UND_ERR_BODY_TIMEOUT') {
      const phase = e.code === 'UND_ERR_HEADERS_TIMEOUT' ? 'the headers' : 'the next chunk of the body';
      return new TimeoutError(
        `${method} ${redactUrl(a.url)}: waited ${timeoutMs} ms for ${phase} (timeoutMs)`,
      );
    }
    if (e?.name === 'AbortError' || e?.code === 'UND_ERR_ABORTED')
      return callerAbort(method, a.url, a.callerSignal);
    const url = redactUrl(a.url);
    const fix =
      tlsFixFor(err) ??
      (isFetchNetworkError(err)
        ? fetchFailureFix(url, err)
        : err instanceof TypeError && this.wire.kind === 'fetch'
          ? fetchRequestFix(err)
          : undefined);
    return new ConnectionError(method, url, err, { fix });
  }

  private deadlineError(method: string, url: string, timeoutMs: number): TimeoutError {
    return new TimeoutError(
      `${method} ${redactUrl(url)} did not complete within ${timeoutMs} ms (timeoutMs, headers and body)`,
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
    await this.wire.close();
  }
}
