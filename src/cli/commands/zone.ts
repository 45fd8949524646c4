/** `ostack zone ...` implementations (designate). */
import { ValidationError } from '../../errors/errors.js';
import type { CliContext } from '../context.js';
import { intOption, showRow } from './common.js';

/** The header admins send to reach other projects' zones. */
export function projectsHeaders(allProjects: boolean | undefined): { headers?: Record<string, string> } {
  return allProjects ? { headers: { 'x-auth-all-projects': 'true' } } : {};
}

/** `key:value` pairs of `--attributes`, as openstackclient spells them. */
function attributesOf(list: string[] | undefined): Record<string, string> | undefined {
  if (!list) return undefined;
  const out: Record<string, string> = {};
  for (const a of list) {
    const i = a.indexOf(':');
    if (i <= 0)
      throw new ValidationError(`expected key:value, got "${a}"`, {
        field: '--attributes',
        fix: '--attributes pool_id:<id>',
      });
    out[a.slice(0, i)] = a.slice(i + 1);
  }
  return out;
}

export async function list(
  ctx: CliContext,
  o: {
    name?: string;
    email?: string;
    type?: string;
    ttl?: string;
    description?: string;
    status?: string;
    allProjects?: boolean;
  },
): Promise<void> {
  const conn = await ctx.connection('dns');
  const query = {
    name: o.name,
    email: o.email,
    type: o.type,
    ttl: intOption(o.ttl, '--ttl'),
    description: o.description,
    status: o.status,
  };
  const zones = await conn.dns.listZones(query, projectsHeaders(o.allProjects)).toArray();
  const rows = zones.map((z) => ({
    id: z.id,
    name: z.name,
    type: z.type,
    serial: z.serial,
    status: z.status,
    action: z.action,
    project_id: z.projectId,
  }));
  const cols = ['id', 'name', 'type', 'serial', 'status', 'action'];
  await ctx.printList(rows, o.allProjects ? ['id', 'project_id', ...cols.slice(1)] : cols);
}

export async function show(ctx: CliContext, zone: string): Promise<void> {
  const conn = await ctx.connection('dns');
  await ctx.printOne(showRow((await conn.dns.findZone(zone)).raw as Record<string, unknown>));
}

export async function create(
  ctx: CliContext,
  name: string,
  o: {
    email?: string;
    type?: string;
    ttl?: string;
    description?: string;
    masters?: string[];
    attributes?: string[];
    wait?: boolean;
  },
): Promise<void> {
  const conn = await ctx.connection('dns');
  let zone = await conn.dns.createZone({
    name,
    ...(o.email ? { email: o.email } : {}),
    ...(o.type ? { type: o.type.toUpperCase() } : {}),
    ...(o.ttl !== undefined ? { ttl: intOption(o.ttl, '--ttl') } : {}),
    ...(o.description !== undefined ? { description: o.description } : {}),
    ...(o.masters ? { masters: o.masters } : {}),
    ...(o.attributes ? { attributes: attributesOf(o.attributes) } : {}),
  });
  if (o.wait) zone = await conn.dns.waitForZone(zone, 'ACTIVE', { intervalMs: 1000 });
  await ctx.printOne(showRow(zone.raw as Record<string, unknown>));
}

export async function set(
  ctx: CliContext,
  zone: string,
  o: { email?: string; ttl?: string; description?: string | false; masters?: string[] },
): Promise<void> {
  const conn = await ctx.connection('dns');
  const z = await conn.dns.findZone(zone);
  const updated = await conn.dns.updateZone(z, {
    ...(o.email ? { email: o.email } : {}),
    ...(o.ttl !== undefined ? { ttl: intOption(o.ttl, '--ttl') } : {}),
    ...(o.description === false
      ? { description: null }
      : o.description !== undefined
        ? { description: o.description }
        : {}),
    ...(o.masters ? { masters: o.masters } : {}),
  });
  await ctx.printOne(showRow(updated.raw as Record<string, unknown>));
}

export async function remove(ctx: CliContext, zone: string, o: { wait?: boolean }): Promise<void> {
  const conn = await ctx.connection('dns');
  const z = await conn.dns.findZone(zone);
  await conn.dns.deleteZone(z);
  if (o.wait) await conn.dns.waitForZoneDelete(z, { intervalMs: 1000 });
}
