/** `ostack user ...` implementations. */
import { ForbiddenError } from '../../errors/errors.js';
import type { CliContext } from '../context.js';
import { showRow } from './common.js';

export async function list(ctx: CliContext, o: { domain?: string; long?: boolean }): Promise<void> {
  const conn = await ctx.connection('identity');
  const users = await conn.identity.listUsers({ domainId: o.domain }).toArray();
  const rows = users.map((u) => ({
    ID: u.id,
    Name: u.name,
    'Domain ID': u.domainId ?? null,
    Description: u.raw.description ?? '',
    Email: u.raw.email ?? '',
    Enabled: u.enabled ?? null,
  }));
  await ctx.printList(
    rows,
    o.long ? ['ID', 'Name', 'Domain ID', 'Description', 'Email', 'Enabled'] : ['ID', 'Name'],
  );
}

export async function show(ctx: CliContext, user: string): Promise<void> {
  const conn = await ctx.connection('identity');
  try {
    const { password_expires_at, ...rest } = (await conn.identity.findUser(user)).raw as Record<
      string,
      unknown
    >;
    await ctx.printOne(showRow(rest, { password_expires_at }));
  } catch (e) {
    // without the right to list users, one may still read oneself by id
    const access = await conn.authorize();
    if (
      !(e instanceof ForbiddenError) ||
      (user !== access.userId && user !== access.userName) ||
      !access.userId
    )
      throw e;
    await ctx.printOne(showRow((await conn.identity.getUser(access.userId)).raw));
  }
}
