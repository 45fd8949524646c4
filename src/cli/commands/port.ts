/** `ostack port ...` implementations. */
import type { CliContext } from '../context.js';
import { showRow } from './common.js';

export async function list(
  ctx: CliContext,
  o: { network?: string; server?: string; router?: string; deviceOwner?: string; long?: boolean },
): Promise<void> {
  const conn = await ctx.connection('compute', 'network');
  const networkId = o.network ? (await conn.network.findNetwork(o.network)).id : undefined;
  const deviceId = o.server
    ? (await conn.compute.findServer(o.server)).id
    : o.router
      ? (await conn.network.findRouter(o.router)).id
      : undefined;
  const ports = await conn.network.listPorts({ networkId, deviceId, deviceOwner: o.deviceOwner }).toArray();
  const rows = ports.map((p) => ({
    ID: p.id,
    Name: p.name ?? '',
    'MAC Address': p.macAddress,
    'Fixed IP Addresses': p.fixedIps ?? [],
    Status: p.status,
    'Security Groups': p.securityGroups ?? [],
    'Device Owner': p.deviceOwner ?? '',
    Tags: p.tags ?? [],
  }));
  const cols = ['ID', 'Name', 'MAC Address', 'Fixed IP Addresses', 'Status'];
  await ctx.printList(rows, o.long ? [...cols, 'Security Groups', 'Device Owner', 'Tags'] : cols);
}

export async function show(ctx: CliContext, port: string): Promise<void> {
  const conn = await ctx.connection('network');
  await ctx.printOne(showRow((await conn.network.findPort(port)).raw));
}
