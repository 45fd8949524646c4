/** `ostack network list|show|create|delete`. */
import type { Command } from 'commander';
import type { Lazy } from '../lazy.js';

const impl = () => import('../commands/network.js');

export function registerNetwork(program: Command, lazy: Lazy): void {
  const network = program.command('network').description('Networks (neutron)');
  network
    .command('list')
    .description('List networks')
    .option('--external', 'external networks only')
    .option('--internal', 'internal networks only')
    .option('--name <name>', 'networks with this name')
    .option('--project <project>', 'networks of this project (id)')
    .option('--long', 'more columns')
    .action(lazy(impl, 'list'));
  network.command('show <network>').description('Show a network (name or id)').action(lazy(impl, 'show'));
  network
    .command('create <name>')
    .description('Create a network')
    .option('--description <text>', 'description')
    .option('--share', 'share with every project (admin)')
    .option('--external', 'external network (admin)')
    .option('--mtu <mtu>', 'MTU')
    .option('--disable-port-security', 'no port security by default')
    .action(lazy(impl, 'create'));
  network.command('delete <network...>').description('Delete networks').action(lazy(impl, 'remove'));
}
