/**
 * The HTTP transport: undici with a keep-alive pool, per-request timeouts and AbortSignal,
 * retries on connection errors / 502 / 503 / 504 for idempotent methods and on 429 / 503
 * honouring Retry-After, request ids surfaced, debug logs with secrets redacted.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import type { Dispatcher, Agent as UndiciAgent, request as undiciRequestType } from 'undici';
import { AbortedError, ConnectionError, httpErrorFor, TimeoutError } from '../errors/errors.js';
import { parseServiceMessage } from '../errors/service-message.js';
import { type Logger, silentLogger } from './logger.js';
import { redactBody, redactHeaders, redactUrl, scrubSecrets, secretsOf } from './redact.js';
import {
  backoffDelay,
  defaultRetryOptions,
  isIdempotent,
  parseRetryAfter,
  type RetryOptions,
  sleep,
} from './retry.js';

type UndiciRequest = typeof undiciRequestType;

/**
 * undici's index loads every dispatcher, the mocks, caches, fetch and cookies (and, through
 * the cookies, Node's own bundled undici): about 100 ms of start-up on a small machine, paid by
 * every CLI call. The transport needs the Agent and the request API only, so it loads those
 * modules directly; `request()` below is undici's own `request(url, opts)` wrapper for an
 * explicit dispatcher (same URL parsing). Should undici's file layout change, the index is used.
 */
const undici = ((): { Agent: typeof UndiciAgent; request: UndiciRequest } => {
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
})();

/** A request body: text/JSON are replayable (so retryable); streams are sent once. */
export type RequestBody = string | Uint8Array | Readable | AsyncIterable<Uint8Array>;

/** One HTTP request as the transport sends it (retries, timeouts and logging included). */
export interface HttpRequest {
  /** The HTTP method. */
  method: string;
  /** The absolute URL. */
  url: string;
  /** Request headers. */
  headers?: Record<string, string>;
  /** The body, sent as given: text and bytes can be replayed on a retry, a stream is sent once. */
  body?: RequestBody;
  /** Per-attempt timeout in ms (headers and body both); default from the client. */
  timeoutMs?: number;
  /** Aborts the request and its retries (an `AbortedError`). */
  signal?: AbortSignal;
  /** Statuses that are not errors for this call (default: 2xx and 3xx). */
  okStatuses?: readonly number[];
  /** Override retry of non-idempotent requests (e.g. a POST the caller knows is safe). */
  idempotent?: boolean;
  /** Skip logging of the request body (e.g. large uploads). */
  logBody?: boolean;
}

/** A response whose status was accepted (others become an `HttpError`). */
export interface HttpResponse {
  /** The HTTP status. */
  status: number;
  /** Lower-cased header names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The body stream; consume it with text()/json()/bytes() or stream it. */
  body: Dispatcher.ResponseData['body'];
  /** The service's request id, from whichever header it uses. */
  requestId?: string;
  /** The request URL. */
  url: string;
  /** The request method. */
  method: string;
  /** Reads the body as UTF-8 text. */
  text(): Promise<string>;
  /** Reads and parses the body as JSON. */
  json<T = unknown>(): Promise<T>;
  /** Reads the body into a Buffer. */
  bytes(): Promise<Buffer>;
}

/** How an {@link HttpClient} connects, times out, retries and logs. */
export interface HttpClientOptions {
  /** Default per-attempt timeout (ms). 0 = none. Default 120 000. */
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
}

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

function isReplayable(body: RequestBody | undefined): boolean {
  return body === undefined || typeof body === 'string' || body instanceof Uint8Array;
}

/** Keep-alive HTTP client shared by every service of a session. */
export class HttpClient {
  /** The undici dispatcher (connection pool) requests go through. */
  readonly dispatcher: Dispatcher;
  /** Where requests and responses are logged. */
  readonly logger: Logger;
  /** The `User-Agent` sent with every request. */
  readonly userAgent: string;
  /** False with the default silent logger: request/response log payloads are then never built. */
  private readonly debugEnabled: boolean;
  private readonly timeoutMs: number;
  private readonly retry: RetryOptions;

  constructor(opts: HttpClientOptions = {}) {
    this.logger = opts.logger ?? silentLogger;
    this.debugEnabled = this.logger !== silentLogger;
    this.userAgent = opts.userAgent ?? 'openstack-sdk-ts';
    this.timeoutMs = opts.timeoutMs ?? 120_000;
    this.retry = { ...defaultRetryOptions, ...opts.retry };
    this.dispatcher =
      opts.dispatcher ??
      new undici.Agent({
        keepAliveTimeout: 30_000,
        connections: opts.connections ?? 64,
        connect: {
          rejectUnauthorized: opts.verify ?? true,
          ...(opts.cacert ? { ca: readFileSync(opts.cacert) } : {}),
          ...(opts.cert ? { cert: readFileSync(opts.cert) } : {}),
          ...(opts.key ? { key: readFileSync(opts.key) } : {}),
        },
      });
  }

  /** Send a request, retrying where safe; resolves with a 2xx/3xx (or okStatuses) response, else throws. */
  async request(req: HttpRequest): Promise<HttpResponse> {
    const method = req.method.toUpperCase();
    const idempotent = req.idempotent ?? isIdempotent(method);
    const replayable = isReplayable(req.body);
    for (let attempt = 0; ; attempt++) {
      let res: HttpResponse;
      try {
        res = await this.once(method, req);
      } catch (err) {
        const canRetry =
          err instanceof ConnectionError && idempotent && replayable && attempt < this.retry.maxRetries;
        if (!canRetry) throw err;
        const delay = backoffDelay(attempt + 1, this.retry);
        this.logger.warn(`retrying ${method} ${redactUrl(req.url)} after connection error`, {
          attempt: attempt + 1,
          delayMs: delay,
          error: (err as Error).message,
        });
        await this.wait(delay, req.signal);
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
        await res.body.dump().catch(() => {});
        const delay = retryAfter ?? backoffDelay(attempt + 1, this.retry);
        this.logger.warn(`retrying ${method} ${redactUrl(req.url)} after ${res.status}`, {
          attempt: attempt + 1,
          delayMs: delay,
          requestId: res.requestId,
        });
        await this.wait(delay, req.signal);
        continue;
      }
      throw await this.errorFrom(res, secretsOf(req.headers, req.body, req.url));
    }
  }

  private async wait(ms: number, signal?: AbortSignal): Promise<void> {
    try {
      await sleep(ms, signal);
    } catch {
      throw new AbortedError('request aborted by the caller');
    }
  }

  private async once(method: string, req: HttpRequest): Promise<HttpResponse> {
    const timeoutMs = req.timeoutMs ?? this.timeoutMs;
    const headers: Record<string, string> = { 'user-agent': this.userAgent, ...req.headers };
    // redacting the URL and headers costs several µs per request: only when someone listens
    const started = this.debugEnabled ? performance.now() : 0;
    if (this.debugEnabled)
      this.logger.debug(`REQ ${method} ${redactUrl(req.url)}`, {
        headers: redactHeaders(headers),
        ...(req.logBody !== false && typeof req.body === 'string' ? { body: redactBody(req.body) } : {}),
      });
    if (req.signal?.aborted) throw new AbortedError('request aborted by the caller');
    let raw: Dispatcher.ResponseData;
    try {
      raw = await undici.request(req.url, {
        method: method as Dispatcher.HttpMethod,
        headers,
        body: req.body as Dispatcher.DispatchOptions['body'],
        dispatcher: this.dispatcher,
        signal: req.signal,
        headersTimeout: timeoutMs || undefined,
        bodyTimeout: timeoutMs || undefined,
      });
    } catch (err) {
      throw this.translate(err, method, req);
    }
    const resHeaders = flattenHeaders(raw.headers);
    const requestId = requestIdOf(resHeaders);
    if (this.debugEnabled)
      this.logger.debug(`RESP ${method} ${redactUrl(req.url)} ${raw.statusCode}`, {
        ms: Math.round(performance.now() - started),
        requestId,
        headers: redactHeaders(resHeaders),
      });
    const translate = (err: unknown) => this.translate(err, method, req);
    return {
      status: raw.statusCode,
      headers: resHeaders,
      body: raw.body,
      requestId,
      url: req.url,
      method,
      text: () => raw.body.text().catch((e) => Promise.reject(translate(e))),
      json: <T>() => raw.body.json().catch((e) => Promise.reject(translate(e))) as Promise<T>,
      bytes: async () => {
        const ab: ArrayBuffer = await raw.body.arrayBuffer().catch((e) => Promise.reject(translate(e)));
        return Buffer.from(ab);
      },
    };
  }

  private translate(err: unknown, method: string, req: HttpRequest): Error {
    const e = err as { name?: string; code?: string; message?: string };
    if (e?.name === 'AbortError' || e?.code === 'UND_ERR_ABORTED' || req.signal?.aborted) {
      return new AbortedError(`${method} ${redactUrl(req.url)} aborted by the caller`);
    }
    if (e?.code === 'UND_ERR_HEADERS_TIMEOUT' || e?.code === 'UND_ERR_BODY_TIMEOUT') {
      return new TimeoutError(
        `${method} ${redactUrl(req.url)} timed out after ${req.timeoutMs ?? this.timeoutMs} ms`,
      );
    }
    if (e?.name === 'SyntaxError') return err as Error;
    return new ConnectionError(method, redactUrl(req.url), err);
  }

  private async errorFrom(res: HttpResponse, secrets: string[]): Promise<Error> {
    let text = '';
    try {
      text = await res.body.text();
    } catch {
      // the body is best effort; the status already says what happened
    }
    // a service may echo what it was sent: scrub the request's secrets by value too
    const clean = scrubSecrets(redactBody(text), secrets);
    return httpErrorFor({
      status: res.status,
      method: res.method,
      url: redactUrl(res.url),
      serviceMessage: parseServiceMessage(clean, res.headers['content-type']),
      requestId: res.requestId,
      body: clean.slice(0, 4000),
      headers: redactHeaders(res.headers),
    });
  }

  /** Close pooled connections. */
  async close(): Promise<void> {
    await this.dispatcher.close();
  }
}
