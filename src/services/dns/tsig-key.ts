import { defineResource, f } from '../../resource/index.js';
import type { DnsLinks } from './zone.js';

/** The HMAC algorithms designate accepts for TSIG keys. */
export const TSIG_ALGORITHMS = [
  'hmac-md5',
  'hmac-sha1',
  'hmac-sha224',
  'hmac-sha256',
  'hmac-sha384',
  'hmac-sha512',
] as const;

/**
 * A TSIG key (`/v2/tsigkeys`, admin): a shared secret designate uses to sign zone transfers and
 * notifies with the nameservers of a pool (`scope: 'POOL'`) or for one zone (`scope: 'ZONE'`).
 * The secret is redacted from the SDK's logs and errors like any `secret`.
 *
 * @example
 * ```ts
 * const pool = await conn.dns.findPool('default');
 * const key = await conn.dns.createTsigKey({
 *   name: 'transfer-key', algorithm: 'hmac-sha256', secret: 'c2VjcmV0', scope: 'POOL', resourceId: pool.id,
 * });
 * await conn.dns.deleteTsigKey(key);
 * ```
 */
export const TsigKey = defineResource({
  name: 'tsig key',
  basePath: '/tsigkeys',
  resourceKey: null,
  resourcesKey: 'tsigkeys',
  fields: {
    id: f.string({ readOnly: true }).always(),
    name: f.string({ required: true }).always(),
    /** One of {@link TSIG_ALGORITHMS}. */
    algorithm: f.string({ required: true, values: TSIG_ALGORITHMS }).always(),
    /** The shared secret (base64 as BIND writes it). */
    secret: f.string({ required: true }).always(),
    /** `POOL` or `ZONE`: what `resourceId` names. */
    scope: f.string({ required: true, values: ['POOL', 'ZONE'] }).always(),
    /** The pool's or zone's id. */
    resourceId: f.string({ api: 'resource_id', required: true }).always(),
    createdAt: f.date({ api: 'created_at', readOnly: true }).always(),
    updatedAt: f.date({ api: 'updated_at', readOnly: true }).always().returnsNull(),
    links: f.object<DnsLinks>().readOnly(),
  },
  query: {
    name: 'name',
    algorithm: 'algorithm',
    scope: 'scope',
    limit: 'limit',
    marker: 'marker',
    sortKey: 'sort_key',
    sortDir: 'sort_dir',
  },
  commitMethod: 'PATCH',
  pagination: 'links',
});
