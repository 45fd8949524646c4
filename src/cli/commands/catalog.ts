/** `ostack catalog list|show`. */

import { officialServiceType } from '../../auth/service-types.js';
import { ResourceNotFoundError } from '../../errors/errors.js';
import type { CliContext } from '../context.js';

export async function list(ctx: CliContext): Promise<void> {
  const a = await (await ctx.connection()).authorize();
  await ctx.printList(
    a.catalog.map((s) => ({
      Name: s.name ?? '',
      Type: s.type,
      Endpoints: s.endpoints.map((e) => `${e.region ?? ''}\n  ${e.interface}: ${e.url}`).join('\n'),
    })),
    ['Name', 'Type', 'Endpoints'],
  );
}

export async function show(ctx: CliContext, service: string): Promise<void> {
  const a = await (await ctx.connection()).authorize();
  const s = a.catalog.find(
    (c) =>
      c.name === service ||
      c.type === service ||
      officialServiceType(c.type) === officialServiceType(service),
  );
  if (!s) throw new ResourceNotFoundError(`service "${service}" is not in the catalog`);
  await ctx.printOne({
    endpoints: s.endpoints.map((e) => `${e.region ?? ''} ${e.interface}: ${e.url}`).join('\n'),
    id: s.id,
    name: s.name,
    type: s.type,
  });
}
