/** Share network subnets of `conn.sharedFileSystem` (`/share-networks/{id}/subnets`, 2.51 or later). */
import {
  type CreateAttributes,
  type DeleteOptions,
  deleteResource,
  fetchResource,
  instantiate,
  listResources,
  type ResourceList,
  requireId,
  toRequest,
  type VerbOptions,
} from '../../resource/index.js';
import { checkedList, requireMicroversion } from '../service-documents.js';
import { ServiceProxy } from '../service-proxy.js';
import type { IdArg } from './internal.js';
import type { ShareNetworkSubnetResource } from './resource-types.js';
import { ShareNetworkSubnet } from './share-network.js';

const parentOf = (network: IdArg) => ({ shareNetworkId: requireId('share network', network) });

/** Subnets of share networks (a section of `conn.sharedFileSystem`, never constructed). */
export abstract class ShareNetworkSection extends ServiceProxy {
  /** The subnets of a share network. */
  listShareNetworkSubnets(network: IdArg, opts: VerbOptions = {}): ResourceList<ShareNetworkSubnetResource> {
    const parent = parentOf(network);
    return checkedList(
      () => requireMicroversion(this.client, '2.51', 'listShareNetworkSubnets', opts),
      listResources(this.client, ShareNetworkSubnet, {}, { ...opts, parent }),
    );
  }

  /** One subnet of a share network. */
  async getShareNetworkSubnet(
    network: IdArg,
    subnet: IdArg,
    opts: VerbOptions = {},
  ): Promise<ShareNetworkSubnetResource> {
    const parent = parentOf(network);
    await requireMicroversion(this.client, '2.51', 'getShareNetworkSubnet', opts);
    return fetchResource(this.client, ShareNetworkSubnet, requireId('share network subnet', subnet), {
      ...opts,
      parent,
    });
  }

  /**
   * Add a subnet to a share network, for one availability zone.
   *
   * @example
   * ```ts
   * const net = await conn.sharedFileSystem.findShareNetwork('tenant-net');
   * const sub = await conn.sharedFileSystem.createShareNetworkSubnet(net, { availabilityZone: 'nova' });
   * await conn.sharedFileSystem.deleteShareNetworkSubnet(net, sub);
   * ```
   */
  async createShareNetworkSubnet(
    network: IdArg,
    attrs: Omit<CreateAttributes<(typeof ShareNetworkSubnet)['fields']>, 'shareNetworkId'>,
    opts: VerbOptions = {},
  ): Promise<ShareNetworkSubnetResource> {
    const parent = parentOf(network);
    await requireMicroversion(this.client, '2.51', 'createShareNetworkSubnet', opts);
    const parts = toRequest(ShareNetworkSubnet, attrs as Record<string, unknown>, 'create', this.client);
    const path = `/share-networks/${encodeURIComponent(parent.shareNetworkId)}/subnets`;
    // manila reads the request under share-network-subnet (dashes) and answers under underscores
    const doc = await this.client.decode(
      'POST',
      path,
      { json: { 'share-network-subnet': parts.body } },
      opts,
    );
    return instantiate(ShareNetworkSubnet, this.client, doc.resource('share_network_subnet'), {}, parent);
  }

  /** Remove a subnet from a share network (not its last one while shares use it). */
  async deleteShareNetworkSubnet(network: IdArg, subnet: IdArg, opts: DeleteOptions = {}): Promise<void> {
    const parent = parentOf(network);
    await requireMicroversion(this.client, '2.51', 'deleteShareNetworkSubnet', opts);
    await deleteResource(this.client, ShareNetworkSubnet, requireId('share network subnet', subnet), {
      ...opts,
      parent,
    });
  }
}
