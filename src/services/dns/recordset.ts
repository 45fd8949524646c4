import { defineResource, f } from '../../resource/index.js';
import type { DnsLinks } from './zone.js';

/**
 * A record set of a zone (`/v2/zones/{zone_id}/recordsets`): every record of one name and type
 * (`www.example.org.` `A` → `['192.0.2.1', '192.0.2.2']`). Changes are asynchronous like a
 * zone's: `PENDING` until the pool's nameservers serve them, then `ACTIVE`.
 *
 * @example
 * ```ts
 * const zone = await conn.dns.findZone('example.org.');
 * const rs = await conn.dns.createRecordset(
 *   { name: 'www.example.org.', type: 'A', records: ['192.0.2.10'] },
 *   { parent: { zoneId: zone.id } },
 * );
 * await conn.dns.waitForRecordset(rs, 'ACTIVE');
 * ```
 */
export const Recordset = defineResource({
  name: 'recordset',
  basePath: '/zones/{zone_id}/recordsets',
  resourceKey: null,
  resourcesKey: 'recordsets',
  fields: {
    id: f.string({ readOnly: true }).always(),
    /** The zone the record set belongs to (the parent of every call). */
    zoneId: f.string({ api: 'zone_id', location: 'uri' }).always(),
    zoneName: f.string({ api: 'zone_name', readOnly: true }).always(),
    /** Fully qualified, inside the zone (`www.example.org.`). */
    name: f.string({ required: true, createOnly: true }).always(),
    /** The record type: `A`, `AAAA`, `CNAME`, `MX`, `TXT`, `SRV`, `NS`, `PTR`, `SSHFP`, `SPF`, `CAA`, `NAPTR`, `CERT`. */
    type: f.string({ required: true, createOnly: true }).always(),
    /** The records' data, one string per record, in presentation format (`10 mail.example.org.` for MX). */
    records: f.array<string>().required().always(),
    /** TTL in seconds; null for the zone's default. */
    ttl: f.integer({ nullable: true }).always().returnsNull(),
    description: f.string({ nullable: true }).always().returnsNull(),
    /** `PENDING`, `ACTIVE` or `ERROR`. */
    status: f.string({ readOnly: true }).always(),
    /** What a `PENDING` record set is doing: `CREATE`, `UPDATE`, `DELETE`, or `NONE`. */
    action: f.string({ readOnly: true }).always(),
    projectId: f.string({ api: 'project_id', readOnly: true }).always(),
    version: f.integer({ readOnly: true }).always(),
    createdAt: f.date({ api: 'created_at', readOnly: true }).always(),
    updatedAt: f.date({ api: 'updated_at', readOnly: true }).always().returnsNull(),
    links: f.object<DnsLinks>().readOnly(),
  },
  query: {
    name: 'name',
    type: 'type',
    data: 'data',
    status: 'status',
    description: 'description',
    ttl: 'ttl',
    limit: 'limit',
    marker: 'marker',
    sortKey: 'sort_key',
    sortDir: 'sort_dir',
  },
  commitMethod: 'PUT',
  pagination: 'links',
});
