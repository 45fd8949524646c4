/** `ostack subnet list|show|create|delete`. */
import type { Command } from 'commander';
import { collect, type Lazy } from '../lazy.js';

const impl = () => import('../commands/subnet.js');

export function registerSubnet(program: Command, lazy: Lazy): void {
  const subnet = program.command('subnet').description('Subnets (neutron)');
  subnet
    .command('list')
    .description('List subnets')
    .option('--network <network>', 'subnets of this network (name or id)')
    .option('--ip-version <version>', '4 or 6')
    .option('--long', 'more columns')
    .action(lazy(impl, 'list'));
  subnet.command('show <subnet>').description('Show a subnet (name or id)').action(lazy(impl, 'show'));
  subnet
    .command('create <name>')
    .description('Create a subnet')
    .requiredOption('--network <network>', 'network (name or id)')
    .requiredOption('--subnet-range <cidr>', 'CIDR, e.g. 10.0.0.0/24')
    .option('--ip-version <version>', '4 or 6 (default: from the CIDR)')
    .option('--gateway <ip>', 'gateway address, or "none"')
    .option('--dns-nameserver <ip>', 'DNS server (repeat for more)', collect)
    .option('--no-dhcp', 'disable DHCP')
    .option('--description <text>', 'description')
    .action(lazy(impl, 'create'));
  subnet.command('delete <subnet...>').description('Delete subnets').action(lazy(impl, 'remove'));
}
