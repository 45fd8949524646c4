/** `ostack router ...` implementations. */
import type { CliContext } from '../context.js';
import { forEachItem, showRow } from './common.js';

export async function list(ctx: CliContext, o: { name?: string; long?: boolean }): Promise<void> {
  const conn = await ctx.connection('network');
  const routers = await conn.network.listRouters({ name: o.name }).toArray();
  const rows = routers.map((r) => ({
    ID: r.id,
    Name: r.name,
    Status: r.status,
    State: r.adminStateUp,
    Project: r.projectId,
    Distributed: r.distributed ?? null,
    HA: r.ha ?? null,
    Routes: r.routes ?? [],
    'External gateway info': r.externalGatewayInfo ?? null,
    'Availability zones': r.availabilityZones ?? [],
    Tags: r.tags ?? [],
  }));
  const cols = ['ID', 'Name', 'Status', 'State', 'Project'];
  await ctx.printList(
    rows,
    o.long ? [...cols, 'Routes', 'External gateway info', 'Availability zones', 'Tags'] : cols,
  );
}

export async function show(ctx: CliContext, router: string): Promise<void> {
  const conn = await ctx.connection('network');
  const r = await conn.network.findRouter(router);
  const ports = await conn.network
    .listPorts({ deviceId: r.id })
    .toArray()
    .catch(() => []);
  const interfaces = ports
    .filter((p) => (p.deviceOwner ?? '').startsWith('network:router_interface'))
    .flatMap((p) =>
      (p.fixedIps ?? []).map((f) => ({ port_id: p.id, ip_address: f.ip_address, subnet_id: f.subnet_id })),
    );
  await ctx.printOne(showRow(r.raw, { interfaces_info: interfaces }));
}

export async function create(
  ctx: CliContext,
  name: string,
  o: { externalGateway?: string; description?: string },
): Promise<void> {
  const conn = await ctx.connection('network');
  const gw = o.externalGateway ? await conn.network.findNetwork(o.externalGateway) : undefined;
  const r = await conn.network.createRouter({
    name,
    ...(gw ? { externalGatewayInfo: { network_id: gw.id } } : {}),
    ...(o.description ? { description: o.description } : {}),
  });
  await ctx.printOne(showRow(r.raw));
}

export async function remove(ctx: CliContext, routers: string[]): Promise<void> {
  const conn = await ctx.connection('network');
  await forEachItem(ctx, routers, 'router', 'delete', async (r) => {
    await conn.network.deleteRouter((await conn.network.findRouter(r)).id);
  });
}

export async function addSubnet(ctx: CliContext, router: string, subnet: string): Promise<void> {
  const conn = await ctx.connection('network');
  const r = await conn.network.findRouter(router);
  const s = await conn.network.findSubnet(subnet);
  await conn.network.addRouterInterface(r, { subnetId: s.id });
}

export async function removeSubnet(ctx: CliContext, router: string, subnet: string): Promise<void> {
  const conn = await ctx.connection('network');
  const r = await conn.network.findRouter(router);
  const s = await conn.network.findSubnet(subnet);
  await conn.network.removeRouterInterface(r, { subnetId: s.id });
}
