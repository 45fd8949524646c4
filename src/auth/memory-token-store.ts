/**
 * A {@link TokenStore} in memory: auth state shared by the connections of one program (a
 * server, a worker, a page) for as long as it runs, with nothing written anywhere. The choice
 * wherever there is no file system and the token must not outlive the program.
 */
import type { AccessInfo } from './access-info.js';
import type { TokenStore } from './token-store.js';

/**
 * Keeps auth state in a Map. Expired entries are dropped when read; tokens without an expiry
 * are not kept (they cannot be judged fresh later), as with {@link FileTokenStore}.
 *
 * @example
 * ```ts
 * import { Connection, MemoryTokenStore } from 'openstack-sdk';
 * const tokens = new MemoryTokenStore();
 * // both connections authenticate once between them
 * const a = new Connection({ cloud: 'mycloud', tokenCache: tokens });
 * const b = new Connection({ cloud: 'mycloud', tokenCache: tokens });
 * ```
 */
export class MemoryTokenStore implements TokenStore {
  private readonly entries = new Map<string, AccessInfo>();

  load(key: string): AccessInfo | undefined {
    const a = this.entries.get(key);
    if (!a) return undefined;
    if (!a.expiresAt || a.expiresAt.getTime() <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return a;
  }

  save(key: string, access: AccessInfo): void {
    if (!access.token || !access.expiresAt || Number.isNaN(access.expiresAt.getTime())) return;
    this.entries.set(key, access);
  }

  remove(key: string): void {
    this.entries.delete(key);
  }

  /** How many identities are kept (expired ones included until read). */
  get size(): number {
    return this.entries.size;
  }
}
