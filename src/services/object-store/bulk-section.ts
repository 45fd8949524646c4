/**
 * `conn.objectStore`, bulk deletes: many objects (and empty containers) in few requests.
 */
import { NotFoundError } from '../../errors/errors.js';
import { ServiceProxy } from '../service-proxy.js';
import { type BulkDeleteItem, type BulkDeleteResult, bulkDelete } from './bulk-delete.js';
import { readCapabilities } from './capabilities.js';
import type { CallOptions } from './options.js';
import { containerPath, objectPath } from './paths.js';
import { followUp, headersOf } from './send.js';

/** The bulk calls of `conn.objectStore` (a section of ObjectStoreV1: mixed in, never constructed). */

export class ObjectStoreBulk extends ServiceProxy {
  /**
   * Delete many objects (and empty containers) with `?bulk-delete`, 10 000 per request (or
   * the cluster's limit). Per-item failures are reported in `errors`, not thrown. Clusters
   * without bulk delete get one DELETE per item.
   *
   * @example
   * ```ts
   * const r = await conn.objectStore.bulkDelete([
   *   { container: 'logs', name: '2024/01.log' },
   *   { container: 'logs', name: '2024/02.log' },
   * ]);
   * console.log(r.deleted, r.notFound, r.errors);
   * ```
   */
  async bulkDelete(items: readonly BulkDeleteItem[], o: CallOptions = {}): Promise<BulkDeleteResult> {
    if (!items.length) return { deleted: 0, notFound: 0, errors: [] };
    const info = await readCapabilities(this.client, followUp(o)).catch(() => undefined);
    const limits = info?.bulkDelete;
    if (info && !limits) {
      const r: BulkDeleteResult = { deleted: 0, notFound: 0, errors: [] };
      for (const i of items) {
        try {
          const path = i.name === undefined ? containerPath(i.container) : objectPath(i.container, i.name);
          await headersOf(this.client, 'DELETE', path, {}, o);
          r.deleted++;
        } catch (e) {
          if (e instanceof NotFoundError) r.notFound++;
          else
            r.errors.push({
              path: `/${i.container}${i.name === undefined ? '' : `/${i.name}`}`,
              status: String((e as { status?: number }).status ?? (e as Error).message),
            });
        }
      }
      return r;
    }
    return bulkDelete(this.client, items, { perRequest: limits?.max_deletes_per_request }, o);
  }
}
