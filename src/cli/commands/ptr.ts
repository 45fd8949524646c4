/** `ostack ptr record ...` implementations: reverse DNS of floating IPs (designate). */
import { ValidationError } from '../../errors/errors.js';
import type { CliContext } from '../context.js';
import { intOption, showRow } from './common.js';

/** `region:floating ip id`, as openstackclient takes it. */
function split(arg: string): [string, string] {
  const i = arg.indexOf(':');
  if (i <= 0 || i === arg.length - 1) {
    throw new ValidationError(`expected region:floating_ip_id, got "${arg}"`, {
      field: 'floatingip_id',
      fix: 'pass it as RegionOne:<floating ip id>',
    });
  }
  return [arg.slice(0, i), arg.slice(i + 1)];
}

export async function list(ctx: CliContext): Promise<void> {
  const conn = await ctx.connection('dns');
  const rows = (await conn.dns.listFloatingIpPtrs().toArray()).map((p) => ({
    id: p.id,
    ptrdname: p.ptrdname,
    description: p.description,
    ttl: p.ttl,
  }));
  await ctx.printList(rows, ['id', 'ptrdname', 'description', 'ttl']);
}

export async function show(ctx: CliContext, id: string): Promise<void> {
  const [region, fip] = split(id);
  const conn = await ctx.connection('dns');
  await ctx.printOne(showRow((await conn.dns.getFloatingIpPtr(region, fip)).raw as Record<string, unknown>));
}

export async function set(
  ctx: CliContext,
  id: string,
  ptrdname: string,
  o: { ttl?: string; description?: string },
): Promise<void> {
  const [region, fip] = split(id);
  const conn = await ctx.connection('dns');
  const ptr = await conn.dns.setFloatingIpPtr(region, fip, {
    ptrdname,
    ...(o.ttl !== undefined ? { ttl: intOption(o.ttl, '--ttl') } : {}),
    ...(o.description !== undefined ? { description: o.description } : {}),
  });
  await ctx.printOne(showRow(ptr.raw as Record<string, unknown>));
}

export async function unset(ctx: CliContext, id: string): Promise<void> {
  const [region, fip] = split(id);
  const conn = await ctx.connection('dns');
  await conn.dns.unsetFloatingIpPtr(region, fip);
}
