/**
 * The auth plugin contract and the token cache every plugin shares: a token is reused
 * until it is close to expiry, concurrent callers share one in-flight authentication,
 * and {@link AuthPlugin.invalidate} forces the next caller to authenticate again (after a 401).
 */
import type { HttpClient } from '../transport/http-client.js';
import type { AccessInfo } from './access-info.js';

export interface AuthRequestOptions {
  signal?: AbortSignal;
}

export interface AuthPlugin {
  /** The `auth_type` this plugin implements. */
  readonly authType: string;
  /** A valid token, authenticating when there is none or it is about to expire. */
  getAccess(http: HttpClient, opts?: AuthRequestOptions): Promise<AccessInfo>;
  /** Drop the cached token (e.g. after the service said 401). */
  invalidate(): void;
  /** True when this plugin can obtain a fresh token by itself (a static token cannot). */
  readonly canReauthenticate: boolean;
}

/** Re-authenticate this long before the token's expiry (ms). */
export const EXPIRY_MARGIN_MS = 60_000;

/** Base for plugins: caching and single-flight around {@link authenticate}. */
export abstract class CachingAuthPlugin implements AuthPlugin {
  abstract readonly authType: string;
  readonly canReauthenticate: boolean = true;
  private cached?: AccessInfo;
  private inFlight?: Promise<AccessInfo>;
  /** Counts real authentications (not cache hits); tests and benchmarks read it. */
  authCount = 0;

  protected abstract authenticate(http: HttpClient, opts: AuthRequestOptions): Promise<AccessInfo>;

  async getAccess(http: HttpClient, opts: AuthRequestOptions = {}): Promise<AccessInfo> {
    if (this.cached && !this.expiresSoon(this.cached)) return this.cached;
    if (!this.inFlight) {
      this.inFlight = (async () => {
        try {
          this.authCount++;
          const access = await this.authenticate(http, opts);
          this.cached = access;
          return access;
        } finally {
          this.inFlight = undefined;
        }
      })();
    }
    return this.inFlight;
  }

  invalidate(): void {
    this.cached = undefined;
  }

  /** Seed the cache (e.g. a token kept from an earlier process). */
  setAccess(access: AccessInfo): void {
    this.cached = access;
  }

  private expiresSoon(a: AccessInfo): boolean {
    return a.expiresAt !== undefined && a.expiresAt.getTime() - Date.now() < EXPIRY_MARGIN_MS;
  }
}
