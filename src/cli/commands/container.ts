/** `ostack container ...` implementations. */
import type { CliContext } from '../context.js';
import { forEachItem } from './common.js';

export async function list(ctx: CliContext, o: { prefix?: string; long?: boolean }): Promise<void> {
  const conn = await ctx.connection('objectStore');
  const rows = (await conn.objectStore.listContainers({ prefix: o.prefix }).toArray()).map((c) => ({
    Name: c.name,
    Bytes: c.bytes ?? 0,
    Count: c.count ?? 0,
  }));
  await ctx.printList(rows, o.long ? ['Name', 'Bytes', 'Count'] : ['Name']);
}

export async function show(ctx: CliContext, name: string): Promise<void> {
  const conn = await ctx.connection('objectStore');
  const c = await conn.objectStore.getContainerMetadata(name);
  await ctx.printOne({
    account: await conn.objectStore.accountName(),
    bytes_used: c.bytesUsed ?? 0,
    container: name,
    object_count: c.objectCount ?? 0,
    read_acl: c.readAcl ?? null,
    storage_policy: c.storagePolicy ?? null,
    write_acl: c.writeAcl ?? null,
  });
}

export async function create(ctx: CliContext, names: string[]): Promise<void> {
  const conn = await ctx.connection('objectStore');
  const account = await conn.objectStore.accountName();
  for (const n of names) await conn.objectStore.createContainer(n);
  await ctx.printList(
    names.map((n) => ({ account, container: n })),
    ['account', 'container'],
  );
}

export async function remove(ctx: CliContext, names: string[], o: { recursive?: boolean }): Promise<void> {
  const conn = await ctx.connection('objectStore');
  await forEachItem(ctx, names, 'container', 'delete', (n) =>
    conn.objectStore.deleteContainer(n, { empty: !!o.recursive }),
  );
}
