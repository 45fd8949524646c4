/** `ostack zone export|import|transfer ...` implementations (designate). */
import type { CliContext } from '../context.js';
import { readOptionFile, showRow } from './common.js';

function row(r: { raw: unknown }) {
  return showRow(r.raw as Record<string, unknown>);
}

export async function exportCreate(ctx: CliContext, zone: string): Promise<void> {
  const conn = await ctx.connection('dns');
  await ctx.printOne(row(await conn.dns.exportZone(await conn.dns.findZone(zone))));
}

export async function exportList(ctx: CliContext): Promise<void> {
  const conn = await ctx.connection('dns');
  const rows = (await conn.dns.listZoneExports().toArray()).map((e) => ({
    id: e.id,
    zone_id: e.zoneId,
    created_at: e.raw.created_at,
    status: e.status,
  }));
  await ctx.printList(rows, ['id', 'zone_id', 'created_at', 'status']);
}

export async function exportShow(ctx: CliContext, id: string): Promise<void> {
  const conn = await ctx.connection('dns');
  await ctx.printOne(row(await conn.dns.getZoneExport(id)));
}

export async function exportShowFile(ctx: CliContext, id: string): Promise<void> {
  const conn = await ctx.connection('dns');
  await ctx.printOne({ data: await conn.dns.getZoneExportText(id) });
}

export async function exportDelete(ctx: CliContext, id: string): Promise<void> {
  const conn = await ctx.connection('dns');
  await conn.dns.deleteZoneExport(id);
}

export async function importCreate(ctx: CliContext, path: string): Promise<void> {
  const text = await readOptionFile(path, 'zone_file_path');
  const conn = await ctx.connection('dns');
  await ctx.printOne(row(await conn.dns.importZone(text)));
}

export async function importList(ctx: CliContext): Promise<void> {
  const conn = await ctx.connection('dns');
  const rows = (await conn.dns.listZoneImports().toArray()).map((i) => ({
    id: i.id,
    zone_id: i.zoneId,
    created_at: i.raw.created_at,
    status: i.status,
    message: i.message,
  }));
  await ctx.printList(rows, ['id', 'zone_id', 'created_at', 'status', 'message']);
}

export async function importShow(ctx: CliContext, id: string): Promise<void> {
  const conn = await ctx.connection('dns');
  await ctx.printOne(row(await conn.dns.getZoneImport(id)));
}

export async function importDelete(ctx: CliContext, id: string): Promise<void> {
  const conn = await ctx.connection('dns');
  await conn.dns.deleteZoneImport(id);
}

export async function requestCreate(
  ctx: CliContext,
  zone: string,
  o: { targetProjectId?: string; description?: string },
): Promise<void> {
  const conn = await ctx.connection('dns');
  const z = await conn.dns.findZone(zone);
  const req = await conn.dns.createZoneTransferRequest(z, {
    ...(o.targetProjectId ? { targetProjectId: o.targetProjectId } : {}),
    ...(o.description !== undefined ? { description: o.description } : {}),
  });
  await ctx.printOne(row(req));
}

export async function requestList(ctx: CliContext): Promise<void> {
  const conn = await ctx.connection('dns');
  const rows = (await conn.dns.listZoneTransferRequests().toArray()).map((r) => ({
    id: r.id,
    zone_id: r.zoneId,
    zone_name: r.zoneName,
    project_id: r.projectId ?? null,
    // openstackclient prints an open offer's missing target as ''
    target_project_id: r.targetProjectId ?? '',
    status: r.status,
    key: r.key ?? null,
  }));
  await ctx.printList(rows, [
    'id',
    'zone_id',
    'zone_name',
    'project_id',
    'target_project_id',
    'status',
    'key',
  ]);
}

export async function requestShow(ctx: CliContext, id: string): Promise<void> {
  const conn = await ctx.connection('dns');
  await ctx.printOne(row(await conn.dns.getZoneTransferRequest(id)));
}

export async function requestSet(
  ctx: CliContext,
  id: string,
  o: { description?: string | false },
): Promise<void> {
  const conn = await ctx.connection('dns');
  const description = o.description === false ? null : o.description;
  const updated = await conn.dns.updateZoneTransferRequest(
    id,
    description === undefined ? {} : { description },
  );
  await ctx.printOne(row(updated));
}

export async function requestDelete(ctx: CliContext, id: string): Promise<void> {
  const conn = await ctx.connection('dns');
  await conn.dns.deleteZoneTransferRequest(id);
}

export async function acceptRequest(ctx: CliContext, o: { transferId: string; key: string }): Promise<void> {
  const conn = await ctx.connection('dns');
  await ctx.printOne(row(await conn.dns.acceptZoneTransferRequest(o.transferId, o.key)));
}

export async function acceptList(ctx: CliContext): Promise<void> {
  const conn = await ctx.connection('dns');
  const rows = (await conn.dns.listZoneTransferAccepts().toArray()).map((a) => ({
    id: a.id,
    zone_id: a.zoneId,
    project_id: a.projectId,
    zone_transfer_request_id: a.zoneTransferRequestId,
    status: a.status,
    key: a.key ?? null,
  }));
  await ctx.printList(rows, ['id', 'zone_id', 'project_id', 'zone_transfer_request_id', 'status', 'key']);
}

export async function acceptShow(ctx: CliContext, id: string): Promise<void> {
  const conn = await ctx.connection('dns');
  await ctx.printOne(row(await conn.dns.getZoneTransferAccept(id)));
}
