/**
 * The compute proxy's section for a server's network side: interfaces (ports), security
 * groups and addresses.
 */
import {
  type CreateAttributes,
  createResource,
  deleteResource,
  idSegment,
  type RequestOptions,
  type VerbOptions,
} from '../../resource/index.js';
import { ServiceProxy } from '../service-proxy.js';
import type { FieldsOf, R } from './section-types.js';
import type { ServerAddress } from './server.js';
import {
  AddSecurityGroupAction,
  postServerAction,
  RemoveSecurityGroupAction,
  type ServerRef,
  serverIdOf,
} from './server-actions.js';
import { ServerInterface } from './server-interface.js';

/** Server interfaces, security groups and addresses (a section of `ComputeV2`, `conn.compute`). */
export abstract class ServerNetworkingSection extends ServiceProxy {
  /**
   * Attach a port (`portId`) or a new port on a network (`netId`, `fixedIps`) to a server.
   *
   * @example
   * ```ts
   * const server = await conn.compute.findServer('web1');
   * const net = await conn.network.findNetwork('backend');
   * const iface = await conn.compute.attachServerInterface(server, { netId: net.id });
   * console.log(iface.portId, iface.fixedIps);
   * await conn.compute.detachServerInterface(server, iface.portId as string);
   * ```
   */
  async attachServerInterface(
    server: ServerRef,
    attrs: Omit<CreateAttributes<FieldsOf<typeof ServerInterface>>, 'serverId'>,
    opts: VerbOptions = {},
  ): Promise<R<typeof ServerInterface>> {
    return createResource(this.client, ServerInterface, { ...attrs, serverId: serverIdOf(server) }, opts);
  }

  /** Detach a port from a server (nova deletes ports it created). */
  async detachServerInterface(
    server: ServerRef,
    portId: string,
    opts: VerbOptions & { ignoreMissing?: boolean } = {},
  ): Promise<void> {
    return deleteResource(this.client, ServerInterface, portId, {
      ...opts,
      parent: { serverId: serverIdOf(server) },
    });
  }

  /**
   * Add a security group (by name or id) to every port of the server.
   *
   * @example
   * ```ts
   * const server = await conn.compute.findServer('web1');
   * await conn.compute.addServerSecurityGroup(server, 'web');
   * await conn.compute.removeServerSecurityGroup(server, 'default');
   * ```
   */
  async addServerSecurityGroup(server: ServerRef, group: string, opts: RequestOptions = {}): Promise<void> {
    await postServerAction(this.client, server, AddSecurityGroupAction, { name: group }, opts);
  }

  /** Remove a security group (by name or id) from the server's ports. */
  async removeServerSecurityGroup(
    server: ServerRef,
    group: string,
    opts: RequestOptions = {},
  ): Promise<void> {
    await postServerAction(this.client, server, RemoveSecurityGroupAction, { name: group }, opts);
  }

  /**
   * The server's addresses by network name (`/servers/{id}/ips`).
   *
   * @example
   * ```ts
   * const server = await conn.compute.findServer('web1');
   * for (const [network, addrs] of Object.entries(await conn.compute.listServerAddresses(server)))
   *   for (const a of addrs) console.log(network, a.addr, a['OS-EXT-IPS:type']);
   * ```
   */
  async listServerAddresses(
    server: ServerRef,
    opts: RequestOptions = {},
  ): Promise<Record<string, ServerAddress[]>> {
    const doc = await this.client.decode(
      'GET',
      `/servers/${idSegment('server', server, 'server')}/ips`,
      {},
      opts,
    );
    return doc.key('addresses', 'object');
  }

  /** The server's addresses on one network (`NotFoundError` when it has none there). */
  async getServerAddresses(
    server: ServerRef,
    network: string,
    opts: RequestOptions = {},
  ): Promise<ServerAddress[]> {
    const doc = await this.client.decode(
      'GET',
      `/servers/${idSegment('server', server, 'server')}/ips/${encodeURIComponent(network)}`,
      {},
      opts,
    );
    return doc.key(network, 'array');
  }
}
