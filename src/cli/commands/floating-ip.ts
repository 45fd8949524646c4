/** `ostack floating ip ...` implementations. */
import { findFloatingIp } from '../../cloud/floating-ip.js';
import type { CliContext } from '../context.js';
import { forEachItem, showRow } from './common.js';

export async function list(
  ctx: CliContext,
  o: { network?: string; port?: string; status?: string; long?: boolean },
): Promise<void> {
  const conn = await ctx.connection('network');
  const networkId = o.network ? (await conn.network.findNetwork(o.network)).id : undefined;
  const fips = await conn.network
    .listFloatingIps({ floatingNetworkId: networkId, portId: o.port, status: o.status?.toUpperCase() })
    .toArray();
  const rows = fips.map((f) => ({
    ID: f.id,
    'Floating IP Address': f.floatingIpAddress,
    'Fixed IP Address': f.fixedIpAddress ?? null,
    Port: f.portId ?? null,
    'Floating Network': f.floatingNetworkId,
    Project: f.projectId,
    Router: f.routerId ?? null,
    Status: f.status,
    Description: f.description ?? '',
    Tags: f.tags ?? [],
  }));
  const cols = ['ID', 'Floating IP Address', 'Fixed IP Address', 'Port', 'Floating Network', 'Project'];
  await ctx.printList(rows, o.long ? [...cols, 'Router', 'Status', 'Description', 'Tags'] : cols);
}

export async function show(ctx: CliContext, ip: string): Promise<void> {
  // findFloatingIp is a cloud-layer helper: it takes a whole connection
  const conn = await ctx.fullConnection();
  await ctx.printOne(showRow((await findFloatingIp(conn, ip)).raw));
}

export async function create(
  ctx: CliContext,
  network: string,
  o: {
    port?: string;
    floatingIpAddress?: string;
    fixedIpAddress?: string;
    subnet?: string;
    description?: string;
  },
): Promise<void> {
  const conn = await ctx.connection('network');
  const net = await conn.network.findNetwork(network);
  const subnetId = o.subnet ? (await conn.network.findSubnet(o.subnet)).id : undefined;
  const f = await conn.network.createFloatingIp({
    floatingNetworkId: net.id,
    ...(o.port ? { portId: o.port } : {}),
    ...(o.floatingIpAddress ? { floatingIpAddress: o.floatingIpAddress } : {}),
    ...(o.fixedIpAddress ? { fixedIpAddress: o.fixedIpAddress } : {}),
    ...(subnetId ? { subnetId } : {}),
    ...(o.description ? { description: o.description } : {}),
  });
  await ctx.printOne(showRow(f.raw));
}

export async function remove(ctx: CliContext, ips: string[]): Promise<void> {
  const conn = await ctx.fullConnection();
  await forEachItem(ctx, ips, 'floating IP', 'delete', async (ip) => {
    await conn.network.deleteFloatingIp((await findFloatingIp(conn, ip)).id);
  });
}
