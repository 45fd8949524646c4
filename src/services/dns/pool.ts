import { defineResource, f } from '../../resource/index.js';
import type { DnsLinks } from './zone.js';

/** A nameserver a pool's zones are delegated to (an NS record of every zone of the pool). */
export interface PoolNsRecord {
  /** Fully qualified host name, with the trailing dot. */
  hostname: string;
  /** Lower comes first in the NS record set. */
  priority: number;
}

/**
 * A pool of nameservers (`/v2/pools`, read-only through the API): every zone lives in one pool
 * and is served by all of its nameservers. Pools are configured by the operator
 * (`designate-manage pool update`), so the SDK only reads them.
 */
export const Pool = defineResource({
  name: 'pool',
  basePath: '/pools',
  resourceKey: null,
  resourcesKey: 'pools',
  fields: {
    id: f.string({ readOnly: true }).always(),
    name: f.string({ readOnly: true }).always(),
    description: f.string({ readOnly: true }).always().returnsNull(),
    /** Scheduler attributes zones can ask for (`attributes` on zone create). */
    attributes: f.object<Record<string, string>>().readOnly(),
    nsRecords: f.array<PoolNsRecord>({ api: 'ns_records' }).readOnly().always(),
    projectId: f.string({ api: 'project_id', readOnly: true }).returnsNull(),
    /** Null for the default pool designate's database migrations create. */
    createdAt: f.date({ api: 'created_at', readOnly: true }).always().returnsNull(),
    updatedAt: f.date({ api: 'updated_at', readOnly: true }).always().returnsNull(),
    links: f.object<DnsLinks>().readOnly(),
  },
  query: { name: 'name', limit: 'limit', marker: 'marker' },
  allow: { create: false, commit: false, delete: false },
  pagination: 'links',
});
