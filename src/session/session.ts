/**
 * A Session ties an auth plugin to an HTTP client: it adds the token to each request,
 * re-authenticates once on a 401, resolves endpoints from the catalog (or overrides),
 * and caches version discovery per service.
 */
import type { AccessInfo } from '../auth/access-info.js';
import { type CatalogService, selectEndpoint } from '../auth/catalog.js';
import type { AuthPlugin } from '../auth/plugin.js';
import { officialServiceType } from '../auth/service-types.js';
import type { Interface } from '../config/types.js';
import { EndpointNotFoundError, UnauthorizedError } from '../errors/errors.js';
import {
  HttpClient,
  type HttpClientOptions,
  type HttpRequest,
  type HttpResponse,
} from '../transport/http-client.js';
import { hasOwnHeaders } from '../transport/own-headers.js';
import type { DiscoveredVersion, DiscoveryRequest } from './discovery.js';
import { discoverWithCache, isRefreshing, refreshing } from './discovery-cache.js';

/** What a {@link Session} is built from: an auth plugin, HTTP settings, and where endpoints are picked. */
export interface SessionOptions {
  /** Authenticates and re-authenticates (password, application credential, token, ...). */
  auth: AuthPlugin;
  /** An HTTP client to share, or options to build one. */
  http?: HttpClient | HttpClientOptions;
  /** Pick catalog endpoints of this region (default: any). */
  regionName?: string;
  /** Pick catalog endpoints of this interface (default `public`). */
  interface?: Interface;
  /** Endpoint overrides keyed by official service type. */
  endpointOverrides?: Record<string, string>;
}

/** A request to an absolute URL, with the session's token unless `authenticated: false`. */
export interface SessionRequest extends Omit<HttpRequest, 'url'> {
  /** The absolute URL (resolve a service's with `endpointUrl` or a `ServiceClient`). */
  url: string;
  /** Send the token (default true). */
  authenticated?: boolean;
}

/**
 * Authenticated requests to any service of a cloud: adds the token, re-authenticates once on a 401, and resolves endpoints from the catalog or from overrides.
 */
export class Session {
  /** The HTTP client requests go through. */
  readonly http: HttpClient;
  /** The auth plugin that gives the token and the catalog. */
  readonly auth: AuthPlugin;
  /** The region endpoints are picked from (any when unset). */
  readonly regionName?: string;
  /** The endpoint interface picked (`public`, `internal` or `admin`). */
  readonly interface: Interface;
  private readonly overrides: Record<string, string>;
  private readonly discovered = new Map<string, Promise<DiscoveredVersion>>();
  private readonly ownsHttp: boolean;

  constructor(opts: SessionOptions) {
    this.auth = opts.auth;
    this.ownsHttp = !(opts.http instanceof HttpClient);
    this.http = opts.http instanceof HttpClient ? opts.http : new HttpClient(opts.http);
    this.regionName = opts.regionName;
    this.interface = opts.interface ?? 'public';
    this.overrides = {};
    for (const [k, v] of Object.entries(opts.endpointOverrides ?? {}))
      this.overrides[officialServiceType(k)] = v;
  }

  /**
   * The current access info (token, catalog, scope), authenticating if needed; `timeoutMs` is the
   * deadline of each request of that authentication (default: the HTTP client's).
   */
  getAccess(signal?: AbortSignal, timeoutMs?: number): Promise<AccessInfo> {
    return this.auth.getAccess(this.http, { signal, timeoutMs });
  }

  /** The current token. */
  async getToken(signal?: AbortSignal): Promise<string> {
    return (await this.getAccess(signal)).token;
  }

  /** The service catalog of the current token, authenticating if needed. */
  async catalog(signal?: AbortSignal): Promise<CatalogService[]> {
    return (await this.getAccess(signal)).catalog;
  }

  /** The catalog (or override) URL for a service type, before version discovery. */
  async endpointUrl(
    serviceType: string,
    opts: { interface?: Interface; region?: string; signal?: AbortSignal; timeoutMs?: number } = {},
  ): Promise<string> {
    const official = officialServiceType(serviceType);
    const override = this.overrides[official];
    if (override) return override;
    const access = await this.getAccess(opts.signal, opts.timeoutMs);
    if (!access.catalog.length) {
      throw new EndpointNotFoundError(
        `no catalog (auth type "${this.auth.authType}") and no endpoint override for "${official}". ` +
          `Fix: set ${official.replace(/-/g, '_')}_endpoint_override`,
      );
    }
    return selectEndpoint(access.catalog, {
      serviceType: official,
      interface: opts.interface ?? this.interface,
      region: opts.region ?? this.regionName,
    }).url;
  }

  /**
   * Discover (once per service and major version) the base URL and microversion range; with a
   * token from the token cache, the result kept with it (see discovery-cache.ts).
   */
  discover(serviceType: string, req: Omit<DiscoveryRequest, 'catalogUrl'>): Promise<DiscoveredVersion> {
    const key = `${officialServiceType(serviceType)}|${req.major}`;
    let p = isRefreshing(req) ? undefined : this.discovered.get(key);
    if (!p) {
      const refresh = isRefreshing(req);
      p = (async () => {
        // the discovery's signal and deadline bound the catalog lookup too
        const catalogUrl = await this.endpointUrl(serviceType, req);
        const access = await this.getAccess(req.signal, req.timeoutMs);
        const full = { ...req, catalogUrl };
        return discoverWithCache(this.http, access, refresh ? refreshing(full) : full);
      })();
      // a failed discovery (e.g. auth error) must not be cached forever
      p.catch(() => this.discovered.delete(key));
      this.discovered.set(key, p);
    }
    return p;
  }

  /**
   * Send a request with the token; on 401 re-authenticate once and retry. The caller's `signal`
   * and `timeoutMs` hold for the authentication too. Concurrent 401s for the same token cause one
   * re-authentication: the token is dropped only while it is still the current one.
   */
  async request(req: SessionRequest): Promise<HttpResponse> {
    const authenticated = req.authenticated ?? true;
    if (!authenticated) return this.http.request(req);
    const access = await this.getAccess(req.signal, req.timeoutMs);
    try {
      return await this.http.request(withToken(req, access.token));
    } catch (err) {
      const replayable =
        req.body === undefined || typeof req.body === 'string' || req.body instanceof Uint8Array;
      if (!(err instanceof UnauthorizedError) || !this.auth.canReauthenticate || !replayable) throw err;
      // a token newer than the one refused (another caller's re-authentication) is kept
      this.auth.invalidate(access.token);
      const fresh = await this.getAccess(req.signal, req.timeoutMs);
      return this.http.request(withToken(req, fresh.token));
    }
  }

  /** Close pooled connections (only when this session built its HTTP client). */
  async close(): Promise<void> {
    if (this.ownsHttp) await this.http.close();
  }
}

function withToken(req: SessionRequest, token: string): HttpRequest {
  if (!token) return req;
  // the service client's own request: its headers take the token in place (again on a re-authentication)
  if (hasOwnHeaders(req) && req.headers) {
    req.headers['x-auth-token'] = token;
    return req;
  }
  return { ...req, headers: { ...req.headers, 'x-auth-token': token } };
}
