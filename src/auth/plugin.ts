/**
 * The auth plugin contract and the token cache every plugin shares: a token is reused
 * until it is close to expiry, concurrent callers share one in-flight authentication,
 * and {@link AuthPlugin.invalidate} forces the next caller to authenticate again (after a 401).
 * With a {@link TokenStore} attached, the token also outlives the process.
 */
import type { HttpClient } from '../transport/http-client.js';
import type { AccessInfo } from './access-info.js';
import type { TokenStore } from './token-store.js';

export interface AuthRequestOptions {
  signal?: AbortSignal;
}

/**
 * How a session gets its token: an identity method (password, token, application credential, ...) with its cache.
 */
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
  private store?: TokenStore;
  private storeKey?: string;
  /** The token last invalidated: never taken back from the store. */
  private rejectedToken?: string;
  /** Counts real authentications (not cache hits, in memory or in the token store); tests and benchmarks read it. */
  authCount = 0;

  /** One real authentication against the identity service (the cache decides when). */
  protected abstract authenticate(http: HttpClient, opts: AuthRequestOptions): Promise<AccessInfo>;

  /**
   * Keep the auth state in `store` under `key` as well (`tokenCacheKey()` derives one): when this
   * plugin has no valid token in memory it first takes the stored one, after a real
   * authentication it saves the new one, and {@link invalidate} removes it. Errors of the
   * store are ignored. Pass `undefined` to detach. Returns this plugin.
   */
  useTokenStore(store: TokenStore | undefined, key?: string): this {
    if (store && !key) throw new TypeError('a token store needs a key (see tokenCacheKey())');
    this.store = store;
    this.storeKey = store ? key : undefined;
    return this;
  }

  /** The attached token store, if any. */
  get tokenStore(): TokenStore | undefined {
    return this.store;
  }

  async getAccess(http: HttpClient, opts: AuthRequestOptions = {}): Promise<AccessInfo> {
    if (this.cached && !this.expiresSoon(this.cached)) return this.cached;
    if (!this.inFlight) {
      this.inFlight = (async () => {
        try {
          const stored = await this.loadStored();
          if (stored) {
            this.cached = stored;
            return stored;
          }
          this.authCount++;
          const access = await this.authenticate(http, opts);
          this.cached = access;
          await this.saveStored(access);
          return access;
        } finally {
          this.inFlight = undefined;
        }
      })();
    }
    return this.inFlight;
  }

  /** Drop the token from memory and from the token store (so no later process reuses a revoked token). */
  invalidate(): void {
    if (this.cached) this.rejectedToken = this.cached.token;
    this.cached = undefined;
    const { store, storeKey } = this;
    if (store && storeKey) {
      try {
        Promise.resolve(store.remove(storeKey)).catch(() => {});
      } catch {
        // a broken store only costs re-authentication
      }
    }
  }

  /** Seed the cache (e.g. a token kept from an earlier process). */
  setAccess(access: AccessInfo): void {
    this.cached = access;
  }

  private async loadStored(): Promise<AccessInfo | undefined> {
    const { store, storeKey } = this;
    if (!store || !storeKey) return undefined;
    try {
      const a = await store.load(storeKey);
      // a stored token close to expiry, or the one just rejected, counts as none
      if (!a?.token || this.expiresSoon(a) || a.token === this.rejectedToken) return undefined;
      return a;
    } catch {
      return undefined;
    }
  }

  private async saveStored(access: AccessInfo): Promise<void> {
    const { store, storeKey } = this;
    if (!store || !storeKey) return;
    try {
      await store.save(storeKey, access);
    } catch {
      // not cached: the next process authenticates
    }
  }

  private expiresSoon(a: AccessInfo): boolean {
    return a.expiresAt !== undefined && a.expiresAt.getTime() - Date.now() < EXPIRY_MARGIN_MS;
  }
}
