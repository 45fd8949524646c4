/** `ostack security group ...` and `ostack security group rule ...` implementations. */
import { ValidationError } from '../../errors/errors.js';
import type { CliContext } from '../context.js';
import { forEachItem, intOption, showRow } from './common.js';

export async function list(ctx: CliContext, o: { project?: string }): Promise<void> {
  const conn = await ctx.connection('network');
  const groups = await conn.network.listSecurityGroups({ projectId: o.project }).toArray();
  const rows = groups.map((g) => ({
    ID: g.id,
    Name: g.name,
    Description: g.description ?? '',
    Project: g.projectId,
    Tags: g.tags ?? [],
  }));
  await ctx.printList(rows, ['ID', 'Name', 'Description', 'Project', 'Tags']);
}

export async function show(ctx: CliContext, group: string): Promise<void> {
  const conn = await ctx.connection('network');
  const g = await conn.network.findSecurityGroup(group);
  const { security_group_rules, ...rest } = g.raw as Record<string, unknown>;
  await ctx.printOne(showRow(rest, { rules: security_group_rules }));
}

export async function create(ctx: CliContext, name: string, o: { description?: string }): Promise<void> {
  const conn = await ctx.connection('network');
  const g = await conn.network.createSecurityGroup({
    name,
    ...(o.description ? { description: o.description } : {}),
  });
  const { security_group_rules, ...rest } = g.raw as Record<string, unknown>;
  await ctx.printOne(showRow(rest, { rules: security_group_rules }));
}

export async function remove(ctx: CliContext, groups: string[]): Promise<void> {
  const conn = await ctx.connection('network');
  await forEachItem(ctx, groups, 'security group', 'delete', async (g) => {
    await conn.network.deleteSecurityGroup((await conn.network.findSecurityGroup(g)).id);
  });
}

function portRange(min: unknown, max: unknown): string {
  if (min === null || min === undefined) return '';
  return `${min}:${max ?? min}`;
}

export async function ruleList(
  ctx: CliContext,
  group: string | undefined,
  o: { protocol?: string; ingress?: boolean; egress?: boolean },
): Promise<void> {
  const conn = await ctx.connection('network');
  const securityGroupId = group ? (await conn.network.findSecurityGroup(group)).id : undefined;
  const rules = await conn.network
    .listSecurityGroupRules({
      securityGroupId,
      protocol: o.protocol,
      direction: o.ingress ? 'ingress' : o.egress ? 'egress' : undefined,
    })
    .toArray();
  const rows = rules.map((r) => ({
    ID: r.id,
    'IP Protocol': r.protocol ?? null,
    Ethertype: r.ethertype,
    'IP Range': r.remoteIpPrefix ?? (r.remoteGroupId ? null : r.ethertype === 'IPv6' ? '::/0' : '0.0.0.0/0'),
    'Port Range': portRange(r.portRangeMin, r.portRangeMax),
    Direction: r.direction,
    'Remote Security Group': r.remoteGroupId ?? null,
    'Remote Address Group': r.remoteAddressGroupId ?? null,
    'Security Group': r.securityGroupId,
    Description: r.description ?? '',
  }));
  const cols = [
    'ID',
    'IP Protocol',
    'Ethertype',
    'IP Range',
    'Port Range',
    'Direction',
    'Remote Security Group',
    'Remote Address Group',
  ];
  await ctx.printList(rows, group ? cols : [...cols, 'Security Group']);
}

export async function ruleShow(ctx: CliContext, rule: string): Promise<void> {
  const conn = await ctx.connection('network');
  await ctx.printOne(showRow((await conn.network.getSecurityGroupRule(rule)).raw));
}

export async function ruleCreate(
  ctx: CliContext,
  group: string,
  o: {
    protocol: string;
    dstPort?: string;
    icmpType?: string;
    icmpCode?: string;
    remoteIp?: string;
    remoteGroup?: string;
    ingress?: boolean;
    egress?: boolean;
    ethertype?: string;
    description?: string;
  },
): Promise<void> {
  if (o.ingress && o.egress)
    throw new ValidationError('--ingress and --egress exclude each other', { field: '--egress' });
  if (o.remoteIp && o.remoteGroup)
    throw new ValidationError('--remote-ip and --remote-group exclude each other', { field: '--remote-ip' });
  let min: number | undefined;
  let max: number | undefined;
  if (o.dstPort) {
    const m = /^(\d+)(?::(\d+))?$/.exec(o.dstPort);
    if (!m)
      throw new ValidationError(`expected 22 or 8000:8080, got "${o.dstPort}"`, { field: '--dst-port' });
    min = Number(m[1]);
    max = Number(m[2] ?? m[1]);
  }
  if (o.icmpType !== undefined) min = intOption(o.icmpType, '--icmp-type');
  if (o.icmpCode !== undefined) max = intOption(o.icmpCode, '--icmp-code');
  const conn = await ctx.connection('network');
  const sg = await conn.network.findSecurityGroup(group);
  const remoteGroupId = o.remoteGroup ? (await conn.network.findSecurityGroup(o.remoteGroup)).id : undefined;
  const ethertype = (o.ethertype ?? (o.remoteIp?.includes(':') ? 'IPv6' : 'IPv4')) as 'IPv4' | 'IPv6';
  const protocol = o.protocol === 'any' ? undefined : o.protocol;
  const r = await conn.network.createSecurityGroupRule({
    securityGroupId: sg.id,
    direction: o.egress ? 'egress' : 'ingress',
    ethertype,
    ...(protocol ? { protocol } : {}),
    ...(min !== undefined ? { portRangeMin: min } : {}),
    ...(max !== undefined ? { portRangeMax: max } : {}),
    ...(remoteGroupId
      ? { remoteGroupId }
      : { remoteIpPrefix: o.remoteIp ?? (ethertype === 'IPv6' ? '::/0' : '0.0.0.0/0') }),
    ...(o.description ? { description: o.description } : {}),
  });
  await ctx.printOne(showRow(r.raw));
}

export async function ruleRemove(ctx: CliContext, rules: string[]): Promise<void> {
  const conn = await ctx.connection('network');
  await forEachItem(ctx, rules, 'security group rule', 'delete', (r) =>
    conn.network.deleteSecurityGroupRule(r),
  );
}
