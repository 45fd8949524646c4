import { defineResource, f } from '../../resource/index.js';
import type { BaremetalLink } from './node.js';

/**
 * Bare metal port group (`/portgroups`, 1.23+): ports of one node bonded together. Listings use
 * `/portgroups/detail`.
 *
 * @example
 * ```ts
 * const node = await conn.baremetal.findNode('rack1-n01');
 * const group = await conn.baremetal.createPortGroup({ nodeUuid: node.uuid, name: 'bond0', mode: '802.3ad' });
 * await conn.baremetal.deletePortGroup(group);
 * ```
 */
export const PortGroup = defineResource({
  name: 'baremetal port group',
  basePath: '/portgroups',
  listPath: '/portgroups/detail',
  resourceKey: null,
  resourcesKey: 'portgroups',
  fields: {
    uuid: f.string({ createOnly: true }).always(),
    name: f.string({ returnsNull: true }).always().returnsNull(),
    /** The node the group belongs to. */
    nodeUuid: f.string({ api: 'node_uuid', required: true }).always(),
    /** The bond's MAC address. */
    address: f.string({ returnsNull: true }).always().returnsNull(),
    /** Whether member ports may also be used alone. */
    standalonePortsSupported: f.boolean({ api: 'standalone_ports_supported' }).always(),
    /** The bonding mode, e.g. `active-backup`, `802.3ad` (1.26+). */
    mode: f.string({ minVersion: '1.26' }),
    /** Bonding options, e.g. `{ miimon: 100 }` (1.26+). */
    properties: f.object<Record<string, unknown>>({ minVersion: '1.26' }),
    /** What the conductor records. */
    internalInfo: f.object<Record<string, unknown>>({ api: 'internal_info' }).readOnly(),
    /** Free-form metadata. */
    extras: f.object<Record<string, unknown>>({ api: 'extra' }).always(),
    createdAt: f.date({ api: 'created_at', readOnly: true }).always(),
    updatedAt: f.date({ api: 'updated_at', readOnly: true }).returnsNull(),
    links: f.array<BaremetalLink>().readOnly(),
  },
  query: { node: 'node', address: 'address', sortKey: 'sort_key', sortDir: 'sort_dir' },
  idField: 'uuid',
  commitMethod: 'JSON_PATCH',
  jsonPatchContentType: 'application/json',
});
