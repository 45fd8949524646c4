/** `ostack ptr record list|show|set|unset`: reverse DNS of floating IPs (designate). */
import type { Command } from 'commander';
import type { Lazy } from '../lazy.js';

const impl = () => import('../commands/ptr.js');

export function registerPtr(program: Command, lazy: Lazy): void {
  const ptr = program.command('ptr').description('Reverse DNS (designate)');
  const record = ptr.command('record').description('PTR records of floating IPs');
  record
    .command('list')
    .description('List the PTR records of the project’s floating IPs')
    .action(lazy(impl, 'list'));
  record
    .command('show <floatingip_id>')
    .description('Show a PTR record (region:floating ip id)')
    .action(lazy(impl, 'show'));
  record
    .command('set <floatingip_id> <ptrdname>')
    .description('Set the PTR record of a floating IP (region:floating ip id)')
    .option('--ttl <seconds>', 'TTL')
    .option('--description <text>', 'description')
    .action(lazy(impl, 'set'));
  record
    .command('unset <floatingip_id>')
    .description('Remove the PTR record of a floating IP')
    .action(lazy(impl, 'unset'));
}
