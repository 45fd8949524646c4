/** Get or create a project network: network, subnet, and optionally a router to the outside. */

import { MultipleMatchesError } from '../errors/errors.js';
import type { CloudConnection } from './cloud-connection.js';
import { type CreatedResource, Rollback } from './created.js';
import { currentProjectId, resolveExternalNetwork } from './resolve.js';
import type { NetworkResource, RouterResource, SubnetResource } from './resources.js';

/** Options of {@link getOrCreateNetwork}. */
export interface GetOrCreateNetworkOptions {
  /** Network name (looked up in the current project). */
  name: string;
  /** Subnet CIDR, e.g. `10.20.0.0/24`. */
  cidr: string;
  /** Also have a router with its gateway on the external network and an interface on the subnet. */
  routerToExternal?: boolean;
  /** External network for the router gateway (name or id; default: the only external network). */
  externalNetwork?: string;
  /** Subnet name (default `<name>-subnet`). */
  subnetName?: string;
  /** Router name (default `<name>-router`). */
  routerName?: string;
  /** DNS servers of a created subnet. */
  dnsNameservers?: string[];
  /** Default 4, or 6 when the CIDR is IPv6. */
  ipVersion?: 4 | 6;
  /** Aborts the lookup or the creation. */
  signal?: AbortSignal;
}

/** What {@link getOrCreateNetwork} found or made. */
export interface NetworkSetup {
  /** The network. */
  network: NetworkResource;
  /** Its subnet. */
  subnet: SubnetResource;
  /** The router, with `routerToExternal`. */
  router?: RouterResource;
  /** What this call created (empty when everything existed). */
  createdResources: CreatedResource[];
}

async function onlyOne<T extends { id: string }>(
  what: string,
  name: string,
  items: T[],
): Promise<T | undefined> {
  if (items.length > 1) {
    throw new MultipleMatchesError(
      `${items.length} ${what}s are named "${name}" in this project (ids: ${items.map((i) => i.id).join(', ')})`,
      items.map((i) => i.id),
    );
  }
  return items[0];
}

/**
 * Make sure the project has network `name` with a subnet on `cidr` and, with
 * `routerToExternal`, a router whose gateway is on the external network and which has an
 * interface on that subnet. Existing pieces are reused (a router without a gateway gets
 * one); what is missing is created. When a step fails, what this call created is removed.
 */
export async function getOrCreateNetwork(
  conn: CloudConnection,
  opts: GetOrCreateNetworkOptions,
): Promise<NetworkSetup> {
  const { signal, name, cidr } = opts;
  const net = conn.network;
  const projectId = await currentProjectId(conn, signal);
  const external = opts.routerToExternal
    ? await resolveExternalNetwork(conn, opts.externalNetwork, signal)
    : undefined;
  const undo = new Rollback();
  return undo.guard(async () => {
    let network = await onlyOne('network', name, await net.listNetworks({ name, projectId }, opts).toArray());
    if (!network) {
      network = await net.createNetwork({ name }, opts);
      const id = network.id;
      undo.add({ type: 'network', id, name }, () => net.deleteNetwork(id, { ignoreMissing: true }));
    }
    let subnet = (await net.listSubnets({ networkId: network.id, cidr }, opts).toArray())[0];
    if (!subnet) {
      const subnetName = opts.subnetName ?? `${name}-subnet`;
      subnet = await net.createSubnet(
        {
          name: subnetName,
          networkId: network.id,
          cidr,
          ipVersion: opts.ipVersion ?? (cidr.includes(':') ? 6 : 4),
          ...(opts.dnsNameservers ? { dnsNameservers: opts.dnsNameservers } : {}),
        },
        opts,
      );
      const id = subnet.id;
      undo.add({ type: 'subnet', id, name: subnetName }, () => net.deleteSubnet(id, { ignoreMissing: true }));
    }
    let router: RouterResource | undefined;
    if (external) {
      const routerName = opts.routerName ?? `${name}-router`;
      router = await onlyOne(
        'router',
        routerName,
        await net.listRouters({ name: routerName, projectId }, opts).toArray(),
      );
      if (!router) {
        router = await net.createRouter(
          { name: routerName, externalGatewayInfo: { network_id: external.id } },
          opts,
        );
        const id = router.id;
        undo.add({ type: 'router', id, name: routerName }, () =>
          net.deleteRouter(id, { ignoreMissing: true }),
        );
      } else if (!router.externalGatewayInfo?.network_id) {
        router = await net.setRouterGateway(router, { network_id: external.id }, opts);
      }
      const subnetId = subnet.id;
      const ports = await net.listPorts({ deviceId: router.id, networkId: network.id }, opts).toArray();
      if (!ports.some((p) => (p.fixedIps ?? []).some((ip) => ip.subnet_id === subnetId))) {
        const r = router;
        const itf = await net.addRouterInterface(r, { subnetId }, opts);
        undo.add(
          {
            type: 'router-interface',
            id: itf.portId ?? '',
            name: `${routerName}:${subnet.name ?? subnetId}`,
          },
          () => net.removeRouterInterface(r, { subnetId }),
        );
      }
    }
    return {
      network: await net.getNetwork(network.id, opts),
      subnet,
      router,
      createdResources: undo.created,
    };
  });
}
