/**
 * `conn.objectStore`, temporary URLs: the account's and containers' keys (set, rotate,
 * remove, read) and signed URLs that grant access without a token.
 */
import { NotFoundError, ValidationError } from '../../errors/errors.js';
import { randomHex } from '../../platform/crypto.js';
import { ServiceProxy } from '../service-proxy.js';
import type { CallOptions, TempUrlKeys, TempUrlOptions } from './options.js';
import { containerPath, encodeObjectName } from './paths.js';
import { unixTime } from './request-headers.js';
import { headersOf } from './send.js';
import { signedAccountPath, tempUrlSignature } from './temp-url.js';

/** The temp URL calls of `conn.objectStore` (a section of ObjectStoreV1: mixed in, never constructed). */

export class ObjectStoreTempUrls extends ServiceProxy {
  /**
   * Set the account's temp URL key (slot 1, or 2 for rotation). The key never reaches logs.
   *
   * @example
   * ```ts
   * import { randomBytes } from 'node:crypto';
   *
   * // a second key lets links signed with the first keep working during a rotation
   * await conn.objectStore.setAccountTempUrlKey(randomBytes(32).toString('hex'), { slot: 2 });
   * const keys = await conn.objectStore.getTempUrlKeys();
   * console.log(keys.account.filter(Boolean).length, 'account keys set');
   * await conn.objectStore.deleteTempUrlKey({ slot: 2 });
   * ```
   */
  async setAccountTempUrlKey(key: string, o: CallOptions & { slot?: 1 | 2 } = {}): Promise<void> {
    if (!key) throw new ValidationError('a key is required', { field: 'key' });
    const headers = { [`x-account-meta-temp-url-key${o.slot === 2 ? '-2' : ''}`]: key };
    await headersOf(this.client, 'POST', '', { headers }, o);
  }

  /** Set a container's temp URL key (slot 1 or 2). */
  async setContainerTempUrlKey(
    container: string,
    key: string,
    o: CallOptions & { slot?: 1 | 2 } = {},
  ): Promise<void> {
    if (!key) throw new ValidationError('a key is required', { field: 'key' });
    const headers = { [`x-container-meta-temp-url-key${o.slot === 2 ? '-2' : ''}`]: key };
    await headersOf(this.client, 'POST', containerPath(container), { headers }, o);
  }

  /** Remove the account's (or a container's) temp URL key in a slot. */
  async deleteTempUrlKey(o: CallOptions & { container?: string; slot?: 1 | 2 } = {}): Promise<void> {
    const suffix = o.slot === 2 ? '-2' : '';
    const kind = o.container ? 'container' : 'account';
    const headers = { [`x-remove-${kind}-meta-temp-url-key${suffix}`]: 'x' };
    await headersOf(this.client, 'POST', o.container ? containerPath(o.container) : '', { headers }, o);
  }

  /**
   * Rotate the account key (or a container's): the current key moves to slot 2, so URLs
   * signed with it keep working, and a new key (given, or 32 random bytes) takes slot 1.
   * Returns the new key.
   *
   * @example
   * ```ts
   * // URLs signed with the old key keep working (it moves to slot 2) until the next rotation
   * const newKey = await conn.objectStore.rotateTempUrlKey({ container: 'reports' });
   * const url = await conn.objectStore.generateTempUrl({ container: 'reports', name: 'q3.pdf', expiresIn: 600, key: newKey });
   * console.log(url);
   * ```
   */
  async rotateTempUrlKey(o: CallOptions & { container?: string; newKey?: string } = {}): Promise<string> {
    const keys = await this.getTempUrlKeys(o);
    const current = o.container ? keys.container?.[0] : keys.account[0];
    const next = o.newKey ?? randomHex(32);
    const kind = o.container ? 'container' : 'account';
    const h: Record<string, string> = { [`x-${kind}-meta-temp-url-key`]: next };
    if (current) h[`x-${kind}-meta-temp-url-key-2`] = current;
    await headersOf(this.client, 'POST', o.container ? containerPath(o.container) : '', { headers: h }, o);
    return next;
  }

  /** The temp URL keys in force (account, and a container's when asked). Secrets: handle with care. */
  async getTempUrlKeys(o: CallOptions & { container?: string } = {}): Promise<TempUrlKeys> {
    const a = await headersOf(this.client, 'HEAD', '', {}, o);
    const out: TempUrlKeys = {
      account: [a['x-account-meta-temp-url-key'], a['x-account-meta-temp-url-key-2']],
    };
    if (o.container) {
      const c = await headersOf(this.client, 'HEAD', containerPath(o.container), {}, o).catch((e) => {
        if (e instanceof NotFoundError) return {} as Record<string, string>;
        throw e;
      });
      out.container = [c['x-container-meta-temp-url-key'], c['x-container-meta-temp-url-key-2']];
    }
    return out;
  }

  /**
   * A temporary URL: anyone holding it may use `method` on the object (or every object
   * starting with `prefix`) until it expires, without a token. Signed with HMAC-SHA256 by
   * default. Without `key`, the container's key (else the account's) is read from Swift.
   *
   * @example
   * ```ts
   * await conn.objectStore.setContainerTempUrlKey('reports', 'a-long-random-secret');
   * const url = await conn.objectStore.generateTempUrl({ container: 'reports', name: 'q3.pdf', expiresIn: 3600 });
   * console.log(url); // anyone with the URL can GET reports/q3.pdf for an hour
   * // let a client upload one object without credentials
   * const put = await conn.objectStore.generateTempUrl({ container: 'reports', name: 'q4.pdf', method: 'PUT', expiresIn: 600 });
   * console.log(put);
   * ```
   */
  async generateTempUrl(o: TempUrlOptions): Promise<string> {
    if ((o.name === undefined) === (o.prefix === undefined)) {
      throw new ValidationError('pass exactly one of name and prefix', { field: 'name' });
    }
    const method = o.method ?? 'GET';
    if (o.expiresAt === undefined && o.expiresIn === undefined)
      throw new ValidationError('pass expiresIn (seconds) or expiresAt', { field: 'expiresIn' });
    if (o.expiresIn !== undefined && !(Number.isFinite(o.expiresIn) && o.expiresIn > 0))
      throw new ValidationError(`expiresIn must be a positive number of seconds (got ${o.expiresIn})`, {
        field: 'expiresIn',
        fix: 'pass the seconds the URL stays valid, e.g. expiresIn: 3600',
      });
    let key = o.key;
    if (!key) {
      const keys = await this.getTempUrlKeys(o);
      key = keys.container?.[0] ?? keys.container?.[1] ?? keys.account[0] ?? keys.account[1];
      if (!key) {
        throw new ValidationError('no temp URL key is set on the account or the container', {
          field: 'key',
          fix: 'call setAccountTempUrlKey() or setContainerTempUrlKey() first, or pass key',
        });
      }
    }
    const base = (await this.baseUrl(o.signal)).replace(/\/+$/, '');
    // counted from now, after the key and endpoint look-ups, and rounded up: the URL is good for at
    // least expiresIn seconds from when the caller gets it, however slow those look-ups were
    const expires =
      o.expiresAt !== undefined ? unixTime(o.expiresAt) : Math.ceil(Date.now() / 1000 + o.expiresIn!);
    const objectName = o.name ?? o.prefix ?? '';
    const path = `${signedAccountPath(base)}/${o.container}/${objectName}`;
    const sig = tempUrlSignature({
      method,
      path,
      expires,
      key,
      digest: o.digest ?? 'sha256',
      prefix: o.prefix !== undefined,
      ipRange: o.ipRange,
    });
    const url = new URL(
      `${base}${containerPath(o.container)}/${o.name !== undefined ? encodeObjectName(o.name) : encodeObjectName(o.prefix!)}`,
    );
    const q = [`temp_url_sig=${encodeURIComponent(sig)}`, `temp_url_expires=${expires}`];
    if (o.prefix !== undefined) q.push(`temp_url_prefix=${encodeURIComponent(o.prefix)}`);
    if (o.ipRange) q.push(`temp_url_ip_range=${encodeURIComponent(o.ipRange)}`);
    if (o.filename) q.push(`filename=${encodeURIComponent(o.filename)}`);
    if (o.inline) q.push('inline');
    return `${url.origin}${url.pathname}?${q.join('&')}`;
  }
}
