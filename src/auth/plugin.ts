/**
 * The auth plugin contract and the token cache every plugin shares: a token is reused
 * until it is close to expiry, concurrent callers share one in-flight authentication,
 * and {@link AuthPlugin.invalidate} forces the next caller to authenticate again (after a 401).
 * With a {@link TokenStore} attached, the token also outlives the process.
 */
import { callerAbortError } from '../transport/abort.js';
import type { HttpClient } from '../transport/http-client.js';
import type { AccessInfo } from './access-info.js';
import type { TokenStore } from './token-store.js';
import { bindTokenStore, unbindTokenStore } from './version-cache.js';

/** Options of one authentication: the caller's signal and per-request deadline apply to token issue too. */
export interface AuthRequestOptions {
  /** Cancels the authentication; `AbortSignal.timeout(ms)` makes it a deadline (TimeoutError). */
  signal?: AbortSignal;
  /** Total deadline of each request of the authentication (ms); default: the HTTP client's. */
  timeoutMs?: number;
}

/**
 * How a session gets its token: an identity method (password, token, application credential, ...) with its cache.
 */
export interface AuthPlugin {
  /** The `auth_type` this plugin implements. */
  readonly authType: string;
  /** A valid token, authenticating when there is none or it is about to expire. */
  getAccess(http: HttpClient, opts?: AuthRequestOptions): Promise<AccessInfo>;
  /**
   * Drop the cached token (e.g. after the service said 401). With `token`, only when that is
   * still the cached token: a 401 for a token another caller has already replaced changes nothing.
   */
  invalidate(token?: string): void;
  /** True when this plugin can obtain a fresh token by itself (a static token cannot). */
  readonly canReauthenticate: boolean;
}

/** Re-authenticate this long before the token's expiry (ms), at most; see {@link refreshMarginMs}. */
export const EXPIRY_MARGIN_MS = 60_000;

/** The share of a token's lifetime the refresh margin may take at most. */
export const EXPIRY_MARGIN_FRACTION = 0.25;

/**
 * How long before its expiry a token is replaced: {@link EXPIRY_MARGIN_MS}, but never more than a
 * quarter of its lifetime (issue to expiry), so a short-lived token is used for three quarters of
 * its life instead of being replaced on every request. Without a known lifetime, the full margin.
 */
export function refreshMarginMs(a: Pick<AccessInfo, 'expiresAt' | 'issuedAt'>): number {
  if (!a.expiresAt || !a.issuedAt) return EXPIRY_MARGIN_MS;
  const lifetime = a.expiresAt.getTime() - a.issuedAt.getTime();
  if (!(lifetime > 0)) return EXPIRY_MARGIN_MS;
  return Math.min(EXPIRY_MARGIN_MS, lifetime * EXPIRY_MARGIN_FRACTION);
}

/** One authentication in flight, shared by every caller that needs a token meanwhile. */
interface Flight {
  promise: Promise<AccessInfo>;
  controller: AbortController;
  /** Callers with a signal still waiting. */
  waiting: number;
  /** A caller without a signal waits: the authentication is never aborted. */
  unabortable: boolean;
}

/** Wait for a shared authentication; the caller's signal ends this wait (and the last wait ends the flight). */
function joinFlight(flight: Flight, signal: AbortSignal | undefined): Promise<AccessInfo> {
  if (!signal) {
    flight.unabortable = true;
    return flight.promise;
  }
  const abortError = () => callerAbortError('authentication', signal);
  if (signal.aborted) return Promise.reject(abortError());
  flight.waiting++;
  return new Promise<AccessInfo>((resolve, reject) => {
    const onAbort = () => {
      flight.waiting--;
      if (flight.waiting === 0 && !flight.unabortable) flight.controller.abort(signal.reason);
      reject(abortError());
    };
    signal.addEventListener('abort', onAbort, { once: true });
    flight.promise.then(
      (a) => {
        signal.removeEventListener('abort', onAbort);
        resolve(a);
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/** Base for plugins: caching and single-flight around {@link authenticate}. */
export abstract class CachingAuthPlugin implements AuthPlugin {
  abstract readonly authType: string;
  readonly canReauthenticate: boolean = true;
  private cached?: AccessInfo;
  private inFlight?: Flight;
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

  /**
   * A valid token: the cached one, else the result of the one authentication in flight for this
   * identity (started by the first caller, joined by the others). Each caller's `signal` ends only
   * its own wait; the shared authentication is aborted when every caller waiting for it has left.
   */
  async getAccess(http: HttpClient, opts: AuthRequestOptions = {}): Promise<AccessInfo> {
    if (this.cached && !this.expiresSoon(this.cached)) return this.cached;
    let flight = this.inFlight;
    if (!flight) {
      const controller = new AbortController();
      const started: Flight = {
        controller,
        waiting: 0,
        unabortable: false,
        promise: Promise.resolve() as never,
      };
      started.promise = (async () => {
        try {
          const stored = await this.loadStored();
          if (stored) {
            this.cached = stored;
            return stored;
          }
          this.authCount++;
          // the flight's own signal: one caller giving up must not abort the others' authentication
          const access = await this.authenticate(http, { ...opts, signal: controller.signal });
          this.cached = access;
          await this.saveStored(access);
          return access;
        } finally {
          if (this.inFlight === started) this.inFlight = undefined;
        }
      })();
      // the callers each get the outcome; this one only keeps a failure nobody waits for quiet
      started.promise.catch(() => {});
      this.inFlight = flight = started;
    }
    return joinFlight(flight, opts.signal);
  }

  /**
   * Drop the token from memory and from the token store (so no later process reuses a revoked
   * token). With `token`: only when it is still the current one, so that of 50 requests that got
   * a 401 for the same revoked token, the first causes one re-authentication and the others use
   * its result instead of discarding it.
   */
  invalidate(token?: string): void {
    if (token !== undefined && this.cached?.token !== token) return;
    if (this.cached) {
      this.rejectedToken = this.cached.token;
      // a discovery finishing later must not write the rejected token back to the store
      unbindTokenStore(this.cached);
    }
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
      bindTokenStore(a, store, storeKey);
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
      bindTokenStore(access, store, storeKey);
    } catch {
      // not cached: the next process authenticates
    }
  }

  private expiresSoon(a: AccessInfo): boolean {
    return a.expiresAt !== undefined && a.expiresAt.getTime() - Date.now() < refreshMarginMs(a);
  }
}
