/** `ostack container list|show|create|delete`. */
import type { Command } from 'commander';
import type { Lazy } from '../lazy.js';

const impl = () => import('../commands/container.js');

export function registerContainer(program: Command, lazy: Lazy): void {
  const container = program.command('container').description('Object storage containers (swift)');
  container
    .command('list')
    .description('List containers')
    .option('--prefix <prefix>', 'containers whose name starts with this')
    .option('--long', 'with object counts and bytes')
    .action(lazy(impl, 'list'));
  container.command('show <container>').description('Show a container').action(lazy(impl, 'show'));
  container.command('create <container...>').description('Create containers').action(lazy(impl, 'create'));
  container
    .command('delete <container...>')
    .description('Delete containers')
    .option('-r, --recursive', 'delete their objects first')
    .action(lazy(impl, 'remove'));
}
