/** `ostack catalog list|show`. */
import type { Command } from 'commander';
import type { Lazy } from '../lazy.js';

const impl = () => import('../commands/catalog.js');

export function registerCatalog(program: Command, lazy: Lazy): void {
  const catalog = program.command('catalog').description('The service catalog of the current token');
  catalog.command('list').description('List services in the catalog').action(lazy(impl, 'list'));
  catalog
    .command('show <service>')
    .description('Show one service (by type, alias or name)')
    .action(lazy(impl, 'show'));
}
