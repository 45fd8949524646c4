/** `ostack network ...` implementations. */
import { ValidationError } from '../../errors/errors.js';
import type { CliContext } from '../context.js';
import { forEachItem, intOption, showRow } from './common.js';

export async function list(
  ctx: CliContext,
  o: { external?: boolean; internal?: boolean; name?: string; project?: string; long?: boolean },
): Promise<void> {
  if (o.external && o.internal)
    throw new ValidationError('--external and --internal exclude each other', { field: '--external' });
  const conn = await ctx.connection('network');
  const nets = await conn.network
    .listNetworks({
      isRouterExternal: o.external ? true : o.internal ? false : undefined,
      name: o.name,
      projectId: o.project,
    })
    .toArray();
  const rows = nets.map((n) => ({
    ID: n.id,
    Name: n.name,
    Subnets: n.subnets ?? [],
    Status: n.status,
    Project: n.projectId,
    State: n.adminStateUp,
    Shared: n.shared,
    'Network Type': n.providerNetworkType ?? null,
    'Router Type': n.isRouterExternal ? 'External' : 'Internal',
    'Availability Zones': n.availabilityZones ?? [],
    Tags: n.tags ?? [],
  }));
  const cols = ['ID', 'Name', 'Subnets'];
  await ctx.printList(
    rows,
    o.long
      ? [
          'ID',
          'Name',
          'Status',
          'Project',
          'State',
          'Shared',
          'Subnets',
          'Network Type',
          'Router Type',
          'Availability Zones',
          'Tags',
        ]
      : cols,
  );
}

export async function show(ctx: CliContext, network: string): Promise<void> {
  const conn = await ctx.connection('network');
  await ctx.printOne(showRow((await conn.network.findNetwork(network)).raw));
}

export async function create(
  ctx: CliContext,
  name: string,
  o: {
    description?: string;
    share?: boolean;
    external?: boolean;
    mtu?: string;
    disablePortSecurity?: boolean;
  },
): Promise<void> {
  const conn = await ctx.connection('network');
  const n = await conn.network.createNetwork({
    name,
    ...(o.description ? { description: o.description } : {}),
    ...(o.share ? { shared: true } : {}),
    ...(o.external ? { isRouterExternal: true } : {}),
    ...(o.mtu ? { mtu: intOption(o.mtu, '--mtu') } : {}),
    ...(o.disablePortSecurity ? { portSecurityEnabled: false } : {}),
  });
  await ctx.printOne(showRow(n.raw));
}

export async function remove(ctx: CliContext, networks: string[]): Promise<void> {
  const conn = await ctx.connection('network');
  await forEachItem(ctx, networks, 'network', 'delete', async (n) => {
    await conn.network.deleteNetwork((await conn.network.findNetwork(n)).id);
  });
}
