/**
 * A {@link TokenStore} over the Web Storage API (`sessionStorage` or `localStorage`), so a page
 * reloaded or reopened skips authentication.
 *
 * The risk, to weigh before using it: Web Storage is readable by every script of the page's
 * origin. A token kept there is a bearer credential (it acts as the user until it expires,
 * often hours) that any cross-site scripting flaw, compromised dependency or browser extension
 * with access to the page can copy. `sessionStorage` limits it to the tab and its lifetime;
 * `localStorage` keeps it on disk until it expires. Prefer a {@link MemoryTokenStore} (nothing
 * survives a reload), or a server-side proxy that keeps tokens out of the browser altogether.
 * Passwords and application credential secrets are never stored, only what the token carries.
 */
import type { AccessInfo } from './access-info.js';
import { freshAccess, serializeAccess, type TokenStore } from './token-store.js';

/** The part of the Web Storage interface the store uses (`sessionStorage` and `localStorage` have it). */
export interface WebStorageLike {
  /** The value under `key`, or null. */
  getItem(key: string): string | null;
  /** Set the value under `key` (may throw when the quota is full). */
  setItem(key: string, value: string): void;
  /** Delete the value under `key`. */
  removeItem(key: string): void;
}

/** Options of {@link WebStorageTokenStore}. */
export interface WebStorageTokenStoreOptions {
  /**
   * Where to keep the entries; default `globalThis.sessionStorage` (per tab, gone when it
   * closes). `localStorage` keeps them across browser restarts: see the risk in the class notes.
   */
  storage?: WebStorageLike;
  /** Prefix of the storage keys (default `openstack-sdk.auth.`). */
  prefix?: string;
}

/**
 * Keeps auth state in Web Storage as JSON, one item per identity (`<prefix><sha256 key>`).
 * Never throws: a missing, corrupt or expired item reads as none (and is removed), a full quota
 * leaves the token unsaved. **Read the risk in the module notes before using it.**
 *
 * @example
 * ```ts
 * import { Connection, WebStorageTokenStore } from 'openstack-sdk';
 * const conn = new Connection({
 *   config: { auth: { authUrl: 'https://keystone.example/v3', token: 'gAAAA...' } },
 *   tokenCache: new WebStorageTokenStore(), // sessionStorage: this tab only
 * });
 * ```
 */
export class WebStorageTokenStore implements TokenStore {
  private readonly storage: WebStorageLike | undefined;
  /** Prefix of the storage keys. */
  readonly prefix: string;

  constructor(opts: WebStorageTokenStoreOptions = {}) {
    this.storage = opts.storage ?? defaultStorage();
    this.prefix = opts.prefix ?? 'openstack-sdk.auth.';
  }

  load(key: string): AccessInfo | undefined {
    let text: string | null | undefined;
    try {
      text = this.storage?.getItem(this.prefix + key);
    } catch {
      // storage disabled: nothing was kept
      return undefined;
    }
    if (text === null || text === undefined) return undefined;
    const access = freshAccess(key, text);
    if (!access) this.remove(key);
    return access;
  }

  save(key: string, access: AccessInfo): void {
    const data = serializeAccess(key, access);
    if (!data) return;
    try {
      this.storage?.setItem(this.prefix + key, JSON.stringify(data));
    } catch {
      // quota full or storage disabled: the next program authenticates again
    }
  }

  remove(key: string): void {
    try {
      this.storage?.removeItem(this.prefix + key);
    } catch {
      // storage disabled: nothing was kept
    }
  }
}

function defaultStorage(): WebStorageLike | undefined {
  try {
    return (globalThis as { sessionStorage?: WebStorageLike }).sessionStorage;
  } catch {
    // a sandboxed frame may throw on access
    return undefined;
  }
}
