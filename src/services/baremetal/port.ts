import { defineResource, f } from '../../resource/index.js';
import type { BaremetalLink } from './node.js';

/**
 * Bare metal port (`/ports`): one NIC of a node, by MAC address; what the network interface
 * plugs into the tenant or provisioning network. Listings use `/ports/detail`.
 *
 * @example
 * ```ts
 * const node = await conn.baremetal.findNode('rack1-n01');
 * const port = await conn.baremetal.createPort({ nodeUuid: node.uuid, address: '52:54:00:12:34:56' });
 * await conn.baremetal.updatePort(port, { extras: { switch: 'tor-1' } });
 * await conn.baremetal.deletePort(port);
 * ```
 */
export const Port = defineResource({
  name: 'baremetal port',
  basePath: '/ports',
  listPath: '/ports/detail',
  resourceKey: null,
  resourcesKey: 'ports',
  fields: {
    uuid: f.string({ createOnly: true }).always(),
    /** The MAC address, unique among ports. */
    address: f.string({ required: true }).always(),
    /** The node the port belongs to. */
    nodeUuid: f.string({ api: 'node_uuid', required: true }).always(),
    /** The port group the port is a member of (1.24+). */
    portgroupUuid: f.string({ api: 'portgroup_uuid', returnsNull: true, minVersion: '1.24' }),
    /** The switch port it is wired to: `switch_id`, `port_id`, `switch_info` (1.19+). */
    localLinkConnection: f.object<Record<string, unknown>>({
      api: 'local_link_connection',
      minVersion: '1.19',
    }),
    /** Whether the node may PXE boot from this port (1.19+). */
    pxeEnabled: f.boolean({ api: 'pxe_enabled', minVersion: '1.19' }),
    /** The physical network the port is attached to (1.34+). */
    physicalNetwork: f.string({ api: 'physical_network', returnsNull: true, minVersion: '1.34' }),
    /** A Smart NIC port (1.53+). */
    isSmartnic: f.boolean({ api: 'is_smartnic', minVersion: '1.53' }),
    /** What the conductor records (the tenant VIF, ...) (1.18+). */
    internalInfo: f.object<Record<string, unknown>>({ api: 'internal_info', minVersion: '1.18' }).readOnly(),
    /** Free-form metadata. */
    extras: f.object<Record<string, unknown>>({ api: 'extra' }).always(),
    createdAt: f.date({ api: 'created_at', readOnly: true }).always(),
    updatedAt: f.date({ api: 'updated_at', readOnly: true }).returnsNull(),
    links: f.array<BaremetalLink>().readOnly(),
  },
  query: {
    /** The node's uuid or name. */
    node: 'node',
    nodeUuid: 'node_uuid',
    address: 'address',
    /** The port group's uuid or name (1.24+). */
    portgroup: 'portgroup',
    sortKey: 'sort_key',
    sortDir: 'sort_dir',
  },
  idField: 'uuid',
  commitMethod: 'JSON_PATCH',
  jsonPatchContentType: 'application/json',
});
