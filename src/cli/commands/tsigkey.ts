/** `ostack tsigkey ...` implementations (designate, admin). */
import type { CliContext } from '../context.js';
import { showRow } from './common.js';

export async function list(
  ctx: CliContext,
  o: { name?: string; algorithm?: string; scope?: string },
): Promise<void> {
  const conn = await ctx.connection('dns');
  const keys = await conn.dns
    .listTsigKeys({ name: o.name, algorithm: o.algorithm, scope: o.scope })
    .toArray();
  const rows = keys.map((k) => ({
    id: k.id,
    name: k.name,
    algorithm: k.algorithm,
    secret: k.secret,
    scope: k.scope,
    resource_id: k.resourceId,
  }));
  await ctx.printList(rows, ['id', 'name', 'algorithm', 'secret', 'scope', 'resource_id']);
}

export async function show(ctx: CliContext, id: string): Promise<void> {
  const conn = await ctx.connection('dns');
  await ctx.printOne(showRow((await conn.dns.findTsigKey(id)).raw as Record<string, unknown>));
}

export async function create(
  ctx: CliContext,
  o: { name: string; algorithm: string; secret: string; scope: string; resourceId: string },
): Promise<void> {
  const conn = await ctx.connection('dns');
  const k = await conn.dns.createTsigKey({
    name: o.name,
    algorithm: o.algorithm,
    secret: o.secret,
    scope: o.scope.toUpperCase(),
    resourceId: o.resourceId,
  });
  await ctx.printOne(showRow(k.raw as Record<string, unknown>));
}

export async function set(
  ctx: CliContext,
  id: string,
  o: { name?: string; algorithm?: string; secret?: string; scope?: string },
): Promise<void> {
  const conn = await ctx.connection('dns');
  const k = await conn.dns.findTsigKey(id);
  const updated = await conn.dns.updateTsigKey(k, {
    ...(o.name ? { name: o.name } : {}),
    ...(o.algorithm ? { algorithm: o.algorithm } : {}),
    ...(o.secret ? { secret: o.secret } : {}),
    ...(o.scope ? { scope: o.scope.toUpperCase() } : {}),
  });
  await ctx.printOne(showRow(updated.raw as Record<string, unknown>));
}

export async function remove(ctx: CliContext, id: string): Promise<void> {
  const conn = await ctx.connection('dns');
  await conn.dns.deleteTsigKey(await conn.dns.findTsigKey(id));
}
