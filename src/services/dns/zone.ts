import { defineResource, f } from '../../resource/index.js';

/** The API's link set on every designate resource (`self`, for zones also `next` pages). */
export type DnsLinks = Record<string, string>;

/**
 * A DNS zone (`/v2/zones`): a domain name designate serves from its pool's nameservers.
 * Creating, changing and deleting a zone is asynchronous: the zone answers `PENDING` (with the
 * `action` under way: `CREATE`, `UPDATE`, `DELETE`) until every nameserver of the pool serves the
 * new serial, then `ACTIVE`; `ERROR` when the backend refused it.
 *
 * @example
 * ```ts
 * const zone = await conn.dns.createZone({ name: 'example.org.', email: 'hostmaster@example.org' });
 * await conn.dns.waitForZone(zone, 'ACTIVE');
 * await conn.dns.deleteZone(zone);
 * ```
 */
export const Zone = defineResource({
  name: 'zone',
  basePath: '/zones',
  resourceKey: null,
  resourcesKey: 'zones',
  fields: {
    id: f.string({ readOnly: true }).always(),
    /** Fully qualified, with the trailing dot (`example.org.`). */
    name: f.string({ required: true, createOnly: true }).always(),
    /** The zone's hostmaster e-mail (the SOA RNAME); required for `PRIMARY` zones. */
    email: f.string().always().returnsNull(),
    /** Default TTL of the zone's records, in seconds (the service default when not given). */
    ttl: f.integer().always().returnsNull(),
    description: f.string({ nullable: true }).always().returnsNull(),
    /** `PRIMARY` (designate is the source of truth) or `SECONDARY` (transferred from `masters`). */
    type: f.string({ createOnly: true, values: ['PRIMARY', 'SECONDARY'] }).always(),
    /** For `SECONDARY` zones: the addresses (`host` or `host:port`) to transfer the zone from. */
    masters: f.array<string>().always(),
    /** Scheduler hints (`pool_id`, ...) given on create. */
    attributes: f.object<Record<string, string>>().createOnly(),
    /** `PENDING`, `ACTIVE` or `ERROR`. */
    status: f.string({ readOnly: true }).always(),
    /** What a `PENDING` zone is doing: `CREATE`, `UPDATE`, `DELETE`, or `NONE`. */
    action: f.string({ readOnly: true }).always(),
    /** The SOA serial; grows with every change. */
    serial: f.integer({ readOnly: true }).always(),
    poolId: f.string({ api: 'pool_id', readOnly: true }).always(),
    projectId: f.string({ api: 'project_id', readOnly: true }).always(),
    version: f.integer({ readOnly: true }).always(),
    transferredAt: f.date({ api: 'transferred_at', readOnly: true }).always().returnsNull(),
    createdAt: f.date({ api: 'created_at', readOnly: true }).always(),
    updatedAt: f.date({ api: 'updated_at', readOnly: true }).always().returnsNull(),
    links: f.object<DnsLinks>().readOnly(),
  },
  query: {
    name: 'name',
    email: 'email',
    type: 'type',
    status: 'status',
    description: 'description',
    ttl: 'ttl',
    limit: 'limit',
    marker: 'marker',
    sortKey: 'sort_key',
    sortDir: 'sort_dir',
  },
  commitMethod: 'PATCH',
  pagination: 'links',
});
