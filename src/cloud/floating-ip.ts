/** Floating IPs for servers: find a free one or create one, attach it to a server's port, find a server's. */

import { ResourceNotFoundError, ValidationError } from '../errors/errors.js';
import type { CloudConnection } from './cloud-connection.js';
import type { FloatingIpResource, NetworkResource, PortResource } from './resources.js';

/** What {@link findOrCreateFloatingIp} found or made. */
export interface FloatingIpResult {
  /** The floating IP. */
  floatingIp: FloatingIpResource;
  /** True when this call created it. */
  created: boolean;
}

/**
 * An unattached floating IP of the project on `network` (with `reuse`), else a new one.
 * Another program of the same project may pick the same free IP at the same moment: pass
 * `reuse: false` when that matters.
 */
export async function findOrCreateFloatingIp(
  conn: CloudConnection,
  network: NetworkResource,
  projectId: string,
  opts: { reuse?: boolean; signal?: AbortSignal } = {},
): Promise<FloatingIpResult> {
  if (opts.reuse ?? true) {
    for await (const f of conn.network.listFloatingIps({ floatingNetworkId: network.id, projectId }, opts)) {
      if (!f.portId) return { floatingIp: f, created: false };
    }
  }
  const floatingIp = await conn.network.createFloatingIp({ floatingNetworkId: network.id }, opts);
  return { floatingIp, created: true };
}

/** A floating IP by address or id (of the caller's project). */
export async function findFloatingIp(
  conn: CloudConnection,
  addressOrId: string,
  signal?: AbortSignal,
): Promise<FloatingIpResource> {
  const byAddress = await conn.network
    .listFloatingIps({ floatingIpAddress: addressOrId }, { signal })
    .toArray();
  if (byAddress[0]) return byAddress[0];
  return conn.network.getFloatingIp(addressOrId, { signal });
}

/** The first IPv4 fixed address of a port. */
export function ipv4Of(port: PortResource): string | undefined {
  return (port.fixedIps ?? []).map((f) => f.ip_address).find((a): a is string => !!a && !a.includes(':'));
}

/** The server's port to put a floating IP on: on `networkId` when given, with an IPv4 address. */
export async function serverPort(
  conn: CloudConnection,
  serverId: string,
  networkId?: string,
  signal?: AbortSignal,
): Promise<PortResource> {
  const ports = await conn.network.listPorts({ deviceId: serverId }, { signal }).toArray();
  const candidates = ports.filter((p) => (!networkId || p.networkId === networkId) && ipv4Of(p));
  const port = candidates[0];
  if (!port) {
    throw new ResourceNotFoundError(
      `server ${serverId} has no port with an IPv4 address${networkId ? ` on network ${networkId}` : ''} (ports: ${ports.length})`,
    );
  }
  return port;
}

/** Attach a floating IP to a port's IPv4 address; refuses one attached elsewhere. */
export async function attachFloatingIp(
  conn: CloudConnection,
  floatingIp: FloatingIpResource,
  port: PortResource,
  signal?: AbortSignal,
): Promise<FloatingIpResource> {
  if (floatingIp.portId && floatingIp.portId !== port.id) {
    throw new ValidationError(
      `floating IP ${floatingIp.floatingIpAddress} is attached to port ${floatingIp.portId}`,
      {
        field: 'floatingIp',
        fix: 'detach it first, or use a free one',
      },
    );
  }
  return conn.network.associateFloatingIp(floatingIp, port, { fixedIpAddress: ipv4Of(port), signal });
}

/** Floating IPs attached to any port of a server. */
export async function serverFloatingIps(
  conn: CloudConnection,
  serverId: string,
  signal?: AbortSignal,
): Promise<FloatingIpResource[]> {
  const ports = await conn.network.listPorts({ deviceId: serverId }, { signal }).toArray();
  const out: FloatingIpResource[] = [];
  for (const p of ports)
    out.push(...(await conn.network.listFloatingIps({ portId: p.id }, { signal }).toArray()));
  return out;
}
