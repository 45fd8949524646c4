/**
 * A ServiceClient is one service at one major version (and microversion) over a Session:
 * resources and proxies send every request through it with paths relative to the service.
 */
import { NotAcceptableError } from '../errors/errors.js';
import type { HttpResponse, RequestBody } from '../transport/http-client.js';
import { type MaybeOwnHeaders, ownHeaders } from '../transport/own-headers.js';
import { decodeJson, isRead, type JsonDocument } from './decode.js';
import type { DiscoveredVersion } from './discovery.js';
import { isCachedVersion, refreshing } from './discovery-cache.js';
import {
  type MicroversionSupport,
  microversionHeaders,
  microversionInRange,
  negotiateMicroversion,
} from './microversion.js';
import { mergeRequestOptions, type RequestOptions } from './request-options.js';
import type { Session, SessionRequest } from './session.js';

/** What a ServiceClient serves: the service type, major version, discovery fallback and microversions. */
export interface ServiceSpec {
  /** Official service type, e.g. 'compute'. */
  serviceType: string;
  /** Major API version, e.g. '2' (compute), '2.0' (network), '3' (identity, block-storage). */
  major: string;
  /** Path appended to an unversioned catalog URL when discovery finds nothing ('' for none). */
  fallbackPath: string;
  /** Microversion support, for microversioned services. */
  microversions?: MicroversionSupport;
  /** Skip the version document (object-store). */
  skipDiscovery?: boolean;
}

/** A query parameter value; arrays repeat the key, undefined and null are left out. */
export type QueryValue =
  | string
  | number
  | boolean
  | undefined
  | null
  | readonly (string | number | boolean)[];

/** Options of one request through a {@link ServiceClient}: the caller's {@link RequestOptions} and the call's own. */
export interface ServiceRequestOptions extends RequestOptions {
  /** Query parameters; arrays repeat the key, `undefined` and `null` are left out. */
  query?: Record<string, QueryValue>;
  /** A JSON body; serialised with content-type application/json. */
  json?: unknown;
  /** A raw body (text, bytes or a stream). */
  body?: RequestBody;
  /** Statuses that are not errors (default: < 400). */
  okStatuses?: readonly number[];
  /** Allow retrying a non-idempotent method (a POST known to be safe to repeat). */
  idempotent?: boolean;
  /** Do not log the body (big uploads). */
  logBody?: boolean;
  /**
   * Read the whole body inside the attempt (so a reset mid-body is retried like one before
   * the headers) and refuse a body over the size cap; for documents, never for downloads.
   */
  buffer?: boolean;
}

/** A request whose answer is a JSON document: the request options and how to read the body. */
export interface ServiceDecodeOptions extends ServiceRequestOptions {
  /** A document is required (default: for GET/HEAD); otherwise an empty body decodes to undefined. */
  required?: boolean;
}

/** Append a query string; arrays repeat the key, undefined/null are skipped. */
export function withQuery(url: string, query?: Record<string, QueryValue>): string {
  if (!query) return url;
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null) continue;
    const values = Array.isArray(v) ? v : [v];
    for (const x of values) parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(x))}`);
  }
  if (!parts.length) return url;
  return `${url}${url.includes('?') ? '&' : '?'}${parts.join('&')}`;
}

/** A service-relative path appended to a base URL, with a query string. */
function joinUrl(base: string, path: string, query?: Record<string, QueryValue>): string {
  return withQuery(path ? `${base}${path.startsWith('/') ? '' : '/'}${path}` : base, query);
}

/**
 * One service at one major version over a Session: resolves the endpoint and microversion
 * once, sends requests with service-relative paths, and decodes JSON answers strictly
 * ({@link ServiceClient.decode}).
 */
export class ServiceClient {
  private resolved?: Promise<{ version: DiscoveredVersion; microversion?: string }>;
  private negotiated?: string;
  private base?: string;
  /** The microversion headers of the last microversion sent (they rarely change: built once). */
  private mvHeaders?: { mv: string; headers: Record<string, string> };
  /** The endpoint and range came from the token cache, not from the service (see discovery-cache.ts). */
  private cachedOrigin = false;

  constructor(
    /** The session requests go through. */
    readonly session: Session,
    /** The service, major version and microversion support. */
    readonly spec: ServiceSpec,
    /** Microversion pinned by the program or clouds.yaml (`<service>_api_version: 2.79`). */
    readonly pinnedMicroversion?: string,
  ) {}

  /** Discover the endpoint and negotiate the microversion (once); `timeoutMs` bounds each request of it. */
  resolve(
    signal?: AbortSignal,
    timeoutMs?: number,
  ): Promise<{ version: DiscoveredVersion; microversion?: string }> {
    if (!this.resolved) this.startResolve(signal, timeoutMs, false);
    return this.resolved!;
  }

  private startResolve(
    signal: AbortSignal | undefined,
    timeoutMs: number | undefined,
    refresh: boolean,
  ): void {
    const resolved = this.negotiate(signal, timeoutMs, refresh);
    this.resolved = resolved;
    resolved.catch(() => {
      if (this.resolved === resolved) this.resolved = undefined;
    });
  }

  private async negotiate(
    signal: AbortSignal | undefined,
    timeoutMs: number | undefined,
    refresh: boolean,
  ): Promise<{ version: DiscoveredVersion; microversion?: string }> {
    const req = {
      major: this.spec.major,
      fallbackPath: this.spec.fallbackPath,
      skip: this.spec.skipDiscovery,
      signal,
      timeoutMs,
    };
    const discover = (fresh: boolean) =>
      this.session.discover(this.spec.serviceType, fresh ? refreshing(req) : req);
    let version = await discover(refresh);
    let mv: string | undefined;
    try {
      mv = this.microversionFor(version);
    } catch (e) {
      // a range kept from an earlier process may predate a cloud upgrade: ask the cloud before refusing a pin
      if (!isCachedVersion(version)) throw e;
      version = await discover(true);
      mv = this.microversionFor(version);
    }
    this.negotiated = mv;
    this.base = version.baseUrl;
    this.cachedOrigin = isCachedVersion(version);
    return { version, microversion: mv };
  }

  private microversionFor(version: DiscoveredVersion): string | undefined {
    if (!this.spec.microversions) return undefined;
    return negotiateMicroversion(
      this.spec.microversions,
      { min: version.minMicroversion, max: version.maxMicroversion },
      this.pinnedMicroversion,
      this.spec.serviceType,
    );
  }

  /** The negotiated microversion (after the first request or {@link resolve}). */
  get microversion(): string | undefined {
    return this.negotiated;
  }

  /** Whether the negotiated microversion is within [min, max]. Services without microversions: always true. */
  supports(min?: string, max?: string): boolean {
    if (!this.negotiated) return true;
    return microversionInRange(this.negotiated, min, max);
  }

  /** The base URL (after resolve). */
  async baseUrl(signal?: AbortSignal): Promise<string> {
    if (this.base) return this.base;
    return (await this.resolve(signal)).version.baseUrl;
  }

  /** Build the absolute URL for a service-relative path (absolute URLs pass through, e.g. `next` links). */
  async url(path: string, query?: ServiceRequestOptions['query'], signal?: AbortSignal): Promise<string> {
    if (/^https?:\/\//.test(path)) return withQuery(path, query);
    return joinUrl(await this.baseUrl(signal), path, query);
  }

  /**
   * Send a request (service-relative path or absolute URL) with the negotiated microversion; the
   * body is the caller's to read. `call` is the caller's options object, passed on whole: it is
   * merged here, the one place, by {@link mergeRequestOptions}.
   */
  async request(
    method: string,
    path: string,
    own: ServiceRequestOptions = {},
    call?: RequestOptions,
  ): Promise<HttpResponse> {
    const opts = mergeRequestOptions(own, call);
    // once resolved, the base URL is known: build the URL without another round of awaits
    if (this.base === undefined) await this.resolve(opts.signal, opts.timeoutMs);
    const sentBase = this.base;
    const sentMv = this.negotiated;
    try {
      return await this.send(method, path, opts);
    } catch (e) {
      if (!(e instanceof NotAcceptableError)) throw e;
      if (!(await this.refreshedAfter406(opts, { base: sentBase, mv: sentMv }))) throw e;
      return this.send(method, path, opts);
    }
  }

  /**
   * After a 406 (the microversion refused): when the endpoint and range came from the token cache,
   * discover again (once per client, shared by concurrent callers) and say whether the request is
   * worth sending again, i.e. it can be replayed and the base URL or microversion changed.
   */
  private async refreshedAfter406(
    opts: ServiceRequestOptions,
    sentWith: { base?: string; mv?: string },
  ): Promise<boolean> {
    const replayable =
      opts.body === undefined || typeof opts.body === 'string' || opts.body instanceof Uint8Array;
    // a microversion the caller chose for this one call is theirs to fix
    if (!this.spec.microversions || opts.microversion !== undefined || !replayable) return false;
    if (this.cachedOrigin) {
      this.cachedOrigin = false;
      this.startResolve(opts.signal, opts.timeoutMs, true);
    }
    if (!this.resolved) return false;
    await this.resolved;
    return this.base !== sentWith.base || this.negotiated !== sentWith.mv;
  }

  /** One request with the current base URL and microversion headers. */
  private send(method: string, path: string, opts: ServiceRequestOptions): Promise<HttpResponse> {
    const base = this.base!;
    const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
    const mv = opts.microversion ?? this.negotiated;
    if (mv && this.spec.microversions) {
      if (this.mvHeaders?.mv !== mv)
        this.mvHeaders = { mv, headers: microversionHeaders(this.spec.microversions, mv) };
      Object.assign(headers, this.mvHeaders.headers);
    }
    let body = opts.body;
    if (opts.json !== undefined) {
      body = JSON.stringify(opts.json);
      if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
        headers['content-type'] = 'application/json';
    }
    // field by field: an object rest and a spread of the options cost more than the request's own work
    const req: SessionRequest & MaybeOwnHeaders = {
      method,
      url: /^https?:\/\//.test(path) ? withQuery(path, opts.query) : joinUrl(base, path, opts.query),
      headers,
      body,
      signal: opts.signal,
      timeoutMs: opts.timeoutMs,
      okStatuses: opts.okStatuses,
      idempotent: opts.idempotent,
      logBody: opts.logBody,
      buffer: opts.buffer,
      maxBodyBytes: opts.maxBodyBytes,
    };
    // `headers` was built above for this call alone: the session and the client complete it in place
    req[ownHeaders] = true;
    return this.session.request(req);
  }

  /**
   * Request and decode a JSON document (see {@link decodeJson}): a body that cannot be read is
   * an InvalidResponseError, never an empty result. The body is buffered under the size cap.
   */
  async decode(
    method: string,
    path: string,
    own: ServiceDecodeOptions = {},
    call?: RequestOptions,
  ): Promise<JsonDocument> {
    const { required, ...rest } = mergeRequestOptions(own, call);
    // buffered, so the transport refuses a body over the (merged) size cap before it is decoded
    const res = await this.request(method, path, { buffer: true, ...rest });
    return decodeJson(res, { required: required ?? isRead(method) });
  }

  /**
   * Request and parse a JSON response. A read (GET) requires a document; other methods may
   * answer without one (204, or an empty 202), which resolves to undefined.
   */
  async json<T = any>(
    method: string,
    path: string,
    own: ServiceDecodeOptions = {},
    call?: RequestOptions,
  ): Promise<T> {
    return (await this.decode(method, path, own, call)).value as T;
  }
}
