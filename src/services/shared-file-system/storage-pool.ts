import { defineResource, f } from '../../resource/index.js';

/**
 * Admin: a storage pool the scheduler places shares in (`/scheduler-stats/pools/detail`), with
 * the capabilities its back end reports (capacity, protocols, snapshot support, ...).
 *
 * @example
 * ```ts
 * for await (const p of conn.sharedFileSystem.listStoragePools()) console.log(p.name, p.capabilities?.free_capacity_gb);
 * ```
 */
export const StoragePool = defineResource({
  name: 'storage pool',
  basePath: '/scheduler-stats/pools',
  listPath: '/scheduler-stats/pools/detail',
  resourceKey: 'pool',
  resourcesKey: 'pools',
  fields: {
    /** `host@backend#pool`. */
    name: f.string({ readOnly: true }).always(),
    host: f.string({ readOnly: true }).always(),
    backend: f.string({ readOnly: true }).always(),
    pool: f.string({ readOnly: true }).always(),
    capabilities: f.object<Record<string, unknown>>().readOnly(),
  },
  idField: 'name',
  query: { host: 'host', backend: 'backend', pool: 'pool', shareType: 'share_type' },
  pagination: 'none',
  allow: { create: false, fetch: false, commit: false, delete: false, list: true },
});
