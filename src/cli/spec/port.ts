/** `ostack port list|show`. */
import type { Command } from 'commander';
import type { Lazy } from '../lazy.js';

const impl = () => import('../commands/port.js');

export function registerPort(program: Command, lazy: Lazy): void {
  const port = program.command('port').description('Ports (neutron)');
  port
    .command('list')
    .description('List ports')
    .option('--network <network>', 'ports on this network (name or id)')
    .option('--server <server>', 'ports of this server (name or id)')
    .option('--router <router>', 'ports of this router (name or id)')
    .option('--device-owner <owner>', 'ports with this device owner')
    .option('--long', 'more columns')
    .action(lazy(impl, 'list'));
  port.command('show <port>').description('Show a port (name or id)').action(lazy(impl, 'show'));
}
