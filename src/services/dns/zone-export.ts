import { defineResource, f } from '../../resource/index.js';
import type { DnsLinks } from './zone.js';

/**
 * A zone export task (`/v2/zones/tasks/exports`): designate renders a zone as a zone file.
 * `PENDING`, then `COMPLETE` (read the file with `conn.dns.getZoneExportText`), or `ERROR`.
 * Created by `conn.dns.exportZone(zone)`.
 */
export const ZoneExport = defineResource({
  name: 'zone export',
  basePath: '/zones/tasks/exports',
  resourceKey: null,
  resourcesKey: 'exports',
  fields: {
    id: f.string({ readOnly: true }).always(),
    /** `PENDING`, `COMPLETE` or `ERROR`. */
    status: f.string({ readOnly: true }).always(),
    message: f.string({ readOnly: true }).always().returnsNull(),
    zoneId: f.string({ api: 'zone_id', readOnly: true }).always(),
    /** Where the file is: `designate://v2/zones/tasks/exports/<id>/export` for designate's own store. */
    location: f.string({ readOnly: true }).always().returnsNull(),
    projectId: f.string({ api: 'project_id', readOnly: true }).always(),
    version: f.integer({ readOnly: true }).always(),
    createdAt: f.date({ api: 'created_at', readOnly: true }).always(),
    updatedAt: f.date({ api: 'updated_at', readOnly: true }).always().returnsNull(),
    links: f.object<DnsLinks>().readOnly(),
  },
  query: { status: 'status', message: 'message', zoneId: 'zone_id', limit: 'limit', marker: 'marker' },
  allow: { create: false, commit: false },
  pagination: 'links',
});
