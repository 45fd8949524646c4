/** `ostack subnet ...` implementations. */
import type { CliContext } from '../context.js';
import { forEachItem, intOption, showRow } from './common.js';

export async function list(
  ctx: CliContext,
  o: { network?: string; ipVersion?: string; long?: boolean },
): Promise<void> {
  const conn = await ctx.connection('network');
  const networkId = o.network ? (await conn.network.findNetwork(o.network)).id : undefined;
  const subnets = await conn.network
    .listSubnets({ networkId, ipVersion: intOption(o.ipVersion, '--ip-version') })
    .toArray();
  const rows = subnets.map((s) => ({
    ID: s.id,
    Name: s.name,
    Network: s.networkId,
    Subnet: s.cidr,
    Project: s.projectId,
    DHCP: s.enableDhcp,
    'Name Servers': s.dnsNameservers ?? [],
    'Allocation Pools': (s.allocationPools ?? []).map((p) => `${p.start}-${p.end}`),
    'Host Routes': s.hostRoutes ?? [],
    'IP Version': s.ipVersion,
    Gateway: s.gatewayIp ?? null,
    Tags: s.tags ?? [],
  }));
  const cols = ['ID', 'Name', 'Network', 'Subnet'];
  await ctx.printList(
    rows,
    o.long
      ? [
          ...cols,
          'Project',
          'DHCP',
          'Name Servers',
          'Allocation Pools',
          'Host Routes',
          'IP Version',
          'Gateway',
          'Tags',
        ]
      : cols,
  );
}

export async function show(ctx: CliContext, subnet: string): Promise<void> {
  const conn = await ctx.connection('network');
  await ctx.printOne(showRow((await conn.network.findSubnet(subnet)).raw));
}

export async function create(
  ctx: CliContext,
  name: string,
  o: {
    network: string;
    subnetRange: string;
    ipVersion?: string;
    gateway?: string;
    dnsNameserver?: string[];
    dhcp: boolean;
    description?: string;
  },
): Promise<void> {
  const conn = await ctx.connection('network');
  const network = await conn.network.findNetwork(o.network);
  const s = await conn.network.createSubnet({
    name,
    networkId: network.id,
    cidr: o.subnetRange,
    // any other number reaches the SDK's check, which names the allowed values
    ipVersion: (intOption(o.ipVersion, '--ip-version') ?? (o.subnetRange.includes(':') ? 6 : 4)) as 4 | 6,
    enableDhcp: o.dhcp,
    ...(o.gateway ? { gatewayIp: o.gateway === 'none' ? null : o.gateway } : {}),
    ...(o.dnsNameserver ? { dnsNameservers: o.dnsNameserver } : {}),
    ...(o.description ? { description: o.description } : {}),
  });
  await ctx.printOne(showRow(s.raw));
}

export async function remove(ctx: CliContext, subnets: string[]): Promise<void> {
  const conn = await ctx.connection('network');
  await forEachItem(ctx, subnets, 'subnet', 'delete', async (s) => {
    await conn.network.deleteSubnet((await conn.network.findSubnet(s)).id);
  });
}
