import { defineResource, f } from '../../resource/index.js';
import type { DnsLinks } from './zone.js';

/**
 * The reverse DNS (PTR record) of a neutron floating IP (`/v2/reverse/floatingips`). Its `id`
 * is `<region>:<floating ip id>`. Setting `ptrdname` makes designate create the PTR record in
 * the address's `in-addr.arpa.` zone (which it creates and owns itself); unsetting removes it.
 * Designate lists the floating IPs of the caller's project from neutron, so a floating IP
 * without a PTR record shows `ptrdname: null`.
 */
export const FloatingIpPtr = defineResource({
  name: 'floating ip ptr',
  basePath: '/reverse/floatingips',
  resourceKey: null,
  resourcesKey: 'floatingips',
  fields: {
    /** `<region>:<floating ip id>`. */
    id: f.string({ readOnly: true }).always(),
    /** The name the address resolves to (`vm1.example.org.`); null when none is set. */
    ptrdname: f.string({ nullable: true }).always(),
    description: f.string({ nullable: true }).always().returnsNull(),
    /** TTL of the PTR record in seconds; null for the default. */
    ttl: f.integer({ nullable: true }).always().returnsNull(),
    /** The floating IP address. */
    address: f.string({ readOnly: true }).always(),
    /** `PENDING`, `ACTIVE` or `ERROR` (of the PTR record set). */
    status: f.string({ readOnly: true }).always().returnsNull(),
    action: f.string({ readOnly: true }).always().returnsNull(),
    links: f.object<DnsLinks>().readOnly(),
  },
  query: {},
  nameField: undefined,
  allow: { create: false, delete: false, commit: false },
  pagination: 'none',
});
