/** `ostack catalog list|show`. */
import type { Command } from 'commander';
import { officialServiceType } from '../../session/service-types.js';
import type { CliContext } from '../context.js';

export function registerCatalog(
  program: Command,
  run: (fn: (ctx: CliContext, ...a: any[]) => Promise<void>) => (...a: unknown[]) => Promise<void>,
): void {
  const catalog = program.command('catalog').description('The service catalog of the current token');
  catalog
    .command('list')
    .description('List services in the catalog')
    .action(
      run(async (ctx) => {
        const a = await ctx.connection().authorize();
        ctx.printList(
          a.catalog.map((s) => ({
            Name: s.name ?? '',
            Type: s.type,
            Endpoints: s.endpoints.map((e) => `${e.region ?? ''}\n  ${e.interface}: ${e.url}`).join('\n'),
          })),
          ['Name', 'Type', 'Endpoints'],
        );
      }),
    );
  catalog
    .command('show <service>')
    .description('Show one service (by type, alias or name)')
    .action(
      run(async (ctx, service: string) => {
        const a = await ctx.connection().authorize();
        const s = a.catalog.find(
          (c) =>
            c.name === service ||
            c.type === service ||
            officialServiceType(c.type) === officialServiceType(service),
        );
        if (!s) throw new Error(`service "${service}" is not in the catalog`);
        ctx.printOne({
          endpoints: s.endpoints.map((e) => `${e.region ?? ''} ${e.interface}: ${e.url}`).join('\n'),
          id: s.id,
          name: s.name,
          type: s.type,
        });
      }),
    );
}
