/** `ostack keypair ...` implementations. */
import type { CliContext } from '../context.js';
import { forEachItem, readOptionFile, showRow } from './common.js';

export async function list(ctx: CliContext): Promise<void> {
  const conn = await ctx.connection('compute');
  const rows = (await conn.compute.listKeypairs().toArray()).map((k) => ({
    Name: k.name,
    Fingerprint: k.fingerprint,
    Type: k.type ?? 'ssh',
  }));
  await ctx.printList(rows, ['Name', 'Fingerprint', 'Type']);
}

export async function show(ctx: CliContext, name: string): Promise<void> {
  const conn = await ctx.connection('compute');
  const k = await conn.compute.findKeypair(name);
  const { public_key, ...rest } = k.raw as Record<string, unknown>;
  await ctx.printOne(showRow(rest, { public_key }));
}

export async function create(ctx: CliContext, name: string, o: { publicKey?: string }): Promise<void> {
  const conn = await ctx.connection('compute');
  const publicKey = o.publicKey ? (await readOptionFile(o.publicKey, '--public-key')).trim() : undefined;
  const k = await conn.compute.createKeypair({ name, ...(publicKey ? { publicKey } : {}) });
  if (!publicKey && k.privateKey) {
    ctx.out.write(k.privateKey.endsWith('\n') ? k.privateKey : `${k.privateKey}\n`);
    return;
  }
  await ctx.printOne({
    fingerprint: k.fingerprint,
    name: k.name,
    type: k.type ?? 'ssh',
    user_id: k.userId ?? null,
  });
}

export async function remove(ctx: CliContext, names: string[]): Promise<void> {
  const conn = await ctx.connection('compute');
  await forEachItem(ctx, names, 'key pair', 'delete', (n) => conn.compute.deleteKeypair(n));
}
