import { defineResource, f } from '../../resource/index.js';

/** An address of a server's network interface. */
export interface InterfaceFixedIp {
  /** The address. */
  ip_address: string;
  /** Its subnet. */
  subnet_id?: string;
}

/** A port attached to a server (`/servers/{server_id}/os-interface`); its id is the port id. */
export const ServerInterface = defineResource({
  name: 'server interface',
  basePath: '/servers/{server_id}/os-interface',
  resourceKey: 'interfaceAttachment',
  resourcesKey: 'interfaceAttachments',
  idField: 'portId',
  fields: {
    serverId: f.string({ api: 'server_id', location: 'uri', createOnly: true }),
    /** Attach this existing port, or … */
    portId: f.string({ api: 'port_id', createOnly: true }).always(),
    /** … create a port on this network. */
    netId: f.string({ api: 'net_id', createOnly: true }).always(),
    /** With `netId`: the addresses to request (one entry). */
    fixedIps: f.array<InterfaceFixedIp>({ api: 'fixed_ips' }).createOnly().always(),
    /** Device role tag (2.49+; reported from 2.70). */
    tag: f.string({ minVersion: '2.49', createOnly: true }),
    macAddr: f.string({ api: 'mac_addr', readOnly: true }).always(),
    portState: f.string({ api: 'port_state', readOnly: true }).always(),
  },
  pagination: 'none',
  allow: { commit: false },
});
