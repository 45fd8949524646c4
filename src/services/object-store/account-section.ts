/**
 * `conn.objectStore`, the account: its name, counts, metadata and the cluster's capabilities.
 */
import { ServiceProxy } from '../service-proxy.js';
import type { AccountResource } from './account.js';
import { readCapabilities } from './capabilities.js';
import { accountFromHeaders } from './from-headers.js';
import type { CapabilitiesResource } from './info.js';
import { metadataHeaders, removeMetadataHeaders } from './metadata.js';
import type { CallOptions } from './options.js';
import { headersOf } from './send.js';

/** The account calls of `conn.objectStore` (a section of ObjectStoreV1: mixed in, never constructed). */
export class ObjectStoreAccount extends ServiceProxy {
  /**
   * The account name (`AUTH_<project>`), from the storage URL.
   *
   * @example
   * ```ts
   * console.log(await conn.objectStore.accountName()); // e.g. AUTH_8a1c...
   * const account = await conn.objectStore.getAccountMetadata();
   * console.log(`${account.containerCount} containers, ${account.bytesUsed} bytes`);
   * await conn.objectStore.setAccountMetadata({ owner: 'team-a' });
   * await conn.objectStore.deleteAccountMetadata(['owner']);
   * ```
   */
  async accountName(signal?: AbortSignal): Promise<string> {
    const path = new URL(await this.baseUrl(signal)).pathname.replace(/\/+$/, '');
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
  }

  /** Account counts, quotas and metadata (`HEAD` on the account). */
  async getAccountMetadata(o: CallOptions = {}): Promise<AccountResource> {
    const headers = await headersOf(this.client, 'HEAD', '', {}, o);
    return accountFromHeaders(this.client, await this.accountName(o.signal), headers);
  }

  /** Set account metadata keys (others are kept). */
  async setAccountMetadata(metadata: Record<string, string>, o: CallOptions = {}): Promise<void> {
    await headersOf(this.client, 'POST', '', { headers: metadataHeaders('account', metadata) }, o);
  }

  /** Remove account metadata keys. */
  async deleteAccountMetadata(keys: readonly string[], o: CallOptions = {}): Promise<void> {
    await headersOf(this.client, 'POST', '', { headers: removeMetadataHeaders('account', keys) }, o);
  }

  /**
   * Cluster capabilities (`GET /info` at the proxy root), cached per proxy; `refresh` re-reads.
   *
   * @example
   * ```ts
   * const info = await conn.objectStore.getInfo();
   * console.log(info.swift?.max_file_size, info.slo !== undefined ? 'static large objects' : 'no SLO');
   * ```
   */
  async getInfo(o: { signal?: AbortSignal; refresh?: boolean } = {}): Promise<CapabilitiesResource> {
    return readCapabilities(this.client, o);
  }
}
