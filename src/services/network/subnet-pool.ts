import { defineResource, f } from '../../resource/index.js';
import { ownerFields, standardFields, standardQuery } from './common.js';

/**
 * Subnet pool (`/subnetpools`): prefixes subnets are allocated from; add/remove prefixes are proxy methods.
 *
 * @example
 * ```ts
 * const pool = await conn.network.createSubnetPool({ name: 'tenant-pool', prefixes: ['10.100.0.0/16'], defaultPrefixlen: 24 });
 * const net = await conn.network.findNetwork('app-net');
 * // a /24 picked from the pool, no CIDR to choose by hand
 * const subnet = await conn.network.createSubnet({ networkId: net.id, ipVersion: 4, subnetpoolId: pool.id });
 * console.log(subnet.cidr);
 * ```
 */
export const SubnetPool = defineResource({
  name: 'subnet pool',
  resourceKey: 'subnetpool',
  resourcesKey: 'subnetpools',
  basePath: '/subnetpools',
  fields: {
    id: f.string({ readOnly: true }).always(),
    name: f.string({ required: true }).always(),
    ...standardFields,
    ...ownerFields,
    /** CIDRs of the pool; an update must keep every existing prefix (it can only grow). */
    prefixes: f.array<string>().required().always(),
    /** Prefix length of subnets allocated without one. Neutron answers with a string ("26"). */
    defaultPrefixlen: f.any<number | string>({ api: 'default_prefixlen' }).always(),
    /** Smallest prefix length allowed. Neutron answers with a string ("8"). */
    minPrefixlen: f.any<number | string>({ api: 'min_prefixlen' }).always(),
    /** Largest prefix length allowed. Neutron answers with a string ("32"). */
    maxPrefixlen: f.any<number | string>({ api: 'max_prefixlen' }).always(),
    /** Per-project quota of addresses; null for no quota. */
    defaultQuota: f.integer({ api: 'default_quota', nullable: true }).returnsNull(),
    addressScopeId: f.string({ api: 'address_scope_id', nullable: true }).returnsNull(),
    isDefault: f.boolean({ api: 'is_default' }).always(),
    /** Shared with every project; set at creation only. Neutron also accepts "true"/"false" strings. */
    shared: f.any<boolean>().createOnly().always(),
    ipVersion: f.integer({ api: 'ip_version', readOnly: true }).always(),
  },
  query: {
    ...standardQuery,
    ipVersion: 'ip_version',
    addressScopeId: 'address_scope_id',
    isDefault: 'is_default',
    shared: 'shared',
    defaultPrefixlen: 'default_prefixlen',
    minPrefixlen: 'min_prefixlen',
    maxPrefixlen: 'max_prefixlen',
    defaultQuota: 'default_quota',
  },
});
