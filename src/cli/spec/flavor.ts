/** `ostack flavor list|show`. */
import type { Command } from 'commander';
import type { Lazy } from '../lazy.js';

const impl = () => import('../commands/flavor.js');

export function registerFlavor(program: Command, lazy: Lazy): void {
  const flavor = program.command('flavor').description('Compute flavors');
  flavor
    .command('list')
    .description('List flavors (public ones by default)')
    .option('--all', 'public and private flavors')
    .option('--private', 'private flavors only')
    .option('--min-ram <mb>', 'at least this much RAM')
    .option('--min-disk <gb>', 'at least this much disk')
    .option('--long', 'more columns')
    .action(lazy(impl, 'list'));
  flavor.command('show <flavor>').description('Show a flavor (name or id)').action(lazy(impl, 'show'));
}
