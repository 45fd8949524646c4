/** `ostack recordset ...` implementations (designate). */
import type { CliContext } from '../context.js';
import { intOption, showRow } from './common.js';
import { projectsHeaders } from './zone.js';

/** A record set's show row; records one per line, as openstackclient shows them. */
function rsRow(r: { raw: unknown }) {
  const { records, ...rest } = r.raw as Record<string, unknown>;
  return showRow(rest, { records: ((records as string[]) ?? []).join('\n') });
}

export async function list(
  ctx: CliContext,
  zone: string,
  o: {
    name?: string;
    type?: string;
    data?: string;
    ttl?: string;
    description?: string;
    status?: string;
    allProjects?: boolean;
  },
): Promise<void> {
  const conn = await ctx.connection('dns');
  const call = projectsHeaders(o.allProjects);
  const z = await conn.dns.findZone(zone, call);
  const query = {
    name: o.name,
    type: o.type?.toUpperCase(),
    data: o.data,
    ttl: intOption(o.ttl, '--ttl'),
    description: o.description,
    status: o.status,
  };
  const sets = await conn.dns.listRecordsets(query, { ...call, parent: { zoneId: z.id } }).toArray();
  const rows = sets.map((r) => ({
    id: r.id,
    name: r.name,
    type: r.type,
    records: r.records.join('\n'),
    status: r.status,
    action: r.action,
  }));
  await ctx.printList(rows, ['id', 'name', 'type', 'records', 'status', 'action']);
}

export async function show(ctx: CliContext, zone: string, recordset: string): Promise<void> {
  const conn = await ctx.connection('dns');
  const z = await conn.dns.findZone(zone);
  await ctx.printOne(rsRow(await conn.dns.findRecordset(recordset, { parent: { zoneId: z.id } })));
}

export async function create(
  ctx: CliContext,
  zone: string,
  name: string,
  o: { type: string; record?: string[]; ttl?: string; description?: string; wait?: boolean },
): Promise<void> {
  const conn = await ctx.connection('dns');
  const z = await conn.dns.findZone(zone);
  let rs = await conn.dns.createRecordset(
    {
      name,
      type: o.type.toUpperCase(),
      records: o.record ?? [],
      ...(o.ttl !== undefined ? { ttl: intOption(o.ttl, '--ttl') } : {}),
      ...(o.description !== undefined ? { description: o.description } : {}),
    },
    { parent: { zoneId: z.id } },
  );
  if (o.wait) rs = await conn.dns.waitForRecordset(rs, 'ACTIVE', { intervalMs: 1000 });
  await ctx.printOne(rsRow(rs));
}

export async function set(
  ctx: CliContext,
  zone: string,
  recordset: string,
  o: { record?: string[]; ttl?: string | false; description?: string | false },
): Promise<void> {
  const conn = await ctx.connection('dns');
  const z = await conn.dns.findZone(zone);
  const rs = await conn.dns.findRecordset(recordset, { parent: { zoneId: z.id } });
  const updated = await conn.dns.updateRecordset(rs, {
    ...(o.record ? { records: o.record } : {}),
    ...(o.ttl === false ? { ttl: null } : o.ttl !== undefined ? { ttl: intOption(o.ttl, '--ttl') } : {}),
    ...(o.description === false
      ? { description: null }
      : o.description !== undefined
        ? { description: o.description }
        : {}),
  });
  await ctx.printOne(rsRow(updated));
}

export async function remove(ctx: CliContext, zone: string, recordset: string): Promise<void> {
  const conn = await ctx.connection('dns');
  const z = await conn.dns.findZone(zone);
  const rs = await conn.dns.findRecordset(recordset, { parent: { zoneId: z.id } });
  await conn.dns.deleteRecordset(rs);
}
