import { defineResource, f } from '../../resource/index.js';
import type { DnsLinks } from './zone.js';

/**
 * An offer to move a zone to another project (`/v2/zones/tasks/transfer_requests`). The owner
 * creates it with `conn.dns.createZoneTransferRequest(zone, ...)`; the receiver accepts it with
 * its `id` and `key` (`conn.dns.createZoneTransferAccept`). `ACTIVE` until accepted, then
 * `COMPLETE`.
 */
export const ZoneTransferRequest = defineResource({
  name: 'zone transfer request',
  basePath: '/zones/tasks/transfer_requests',
  resourceKey: null,
  resourcesKey: 'transfer_requests',
  fields: {
    id: f.string({ readOnly: true }).always(),
    zoneId: f.string({ api: 'zone_id', readOnly: true }).always(),
    zoneName: f.string({ api: 'zone_name', readOnly: true }).always(),
    /** The secret the receiver must present; shown to the zone's owner only. */
    key: f.string({ readOnly: true }),
    /** The only project that may accept; null: any project that knows the id and key. */
    targetProjectId: f.string({ api: 'target_project_id', nullable: true }).always().returnsNull(),
    description: f.string({ nullable: true }).always().returnsNull(),
    /** `ACTIVE` (open) or `COMPLETE` (accepted). */
    status: f.string({ readOnly: true }).always(),
    projectId: f.string({ api: 'project_id', readOnly: true }),
    createdAt: f.date({ api: 'created_at', readOnly: true }).always(),
    updatedAt: f.date({ api: 'updated_at', readOnly: true }).always().returnsNull(),
    links: f.object<DnsLinks>().readOnly(),
  },
  query: { status: 'status', limit: 'limit', marker: 'marker' },
  allow: { create: false },
  commitMethod: 'PATCH',
  pagination: 'links',
});
