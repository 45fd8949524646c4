import { defineResource, f } from '../../resource/index.js';
import type { DnsLinks } from './zone.js';

/**
 * A zone import task (`/v2/zones/tasks/imports`): designate reads a zone file (RFC 1035 master
 * format) and creates the zone and its record sets from it. `PENDING`, then `COMPLETE` with the
 * new `zoneId`, or `ERROR` with the reason in `message`. Created by `conn.dns.importZone(text)`.
 */
export const ZoneImport = defineResource({
  name: 'zone import',
  basePath: '/zones/tasks/imports',
  resourceKey: null,
  resourcesKey: 'imports',
  fields: {
    id: f.string({ readOnly: true }).always(),
    /** `PENDING`, `COMPLETE` or `ERROR`. */
    status: f.string({ readOnly: true }).always(),
    /** The service's progress or failure message (`imported`, `An undefined error occurred...`). */
    message: f.string({ readOnly: true }).always().returnsNull(),
    /** The zone created, once `COMPLETE`. */
    zoneId: f.string({ api: 'zone_id', readOnly: true }).always().returnsNull(),
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
