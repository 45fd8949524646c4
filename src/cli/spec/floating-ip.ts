/** `ostack floating ip list|show|create|delete`. */
import type { Command } from 'commander';
import type { Lazy } from '../lazy.js';

const impl = () => import('../commands/floating-ip.js');

export function registerFloatingIp(program: Command, lazy: Lazy): void {
  const fip = program
    .command('floating')
    .description('Floating IPs')
    .command('ip')
    .description('Floating IPs (neutron)');
  fip
    .command('list')
    .description('List floating IPs')
    .option('--network <network>', 'from this external network (name or id)')
    .option('--port <port>', 'attached to this port (id)')
    .option('--status <status>', 'ACTIVE or DOWN')
    .option('--long', 'more columns')
    .action(lazy(impl, 'list'));
  fip
    .command('show <floating-ip>')
    .description('Show a floating IP (address or id)')
    .action(lazy(impl, 'show'));
  fip
    .command('create <network>')
    .description('Create a floating IP on an external network (name or id)')
    .option('--port <port>', 'attach it to this port (id)')
    .option('--floating-ip-address <ip>', 'ask for this address')
    .option('--fixed-ip-address <ip>', 'fixed address of the port to map it to')
    .option('--subnet <subnet>', 'from this subnet of the external network')
    .option('--description <text>', 'description')
    .action(lazy(impl, 'create'));
  fip
    .command('delete <floating-ip...>')
    .description('Delete floating IPs (address or id)')
    .action(lazy(impl, 'remove'));
}
