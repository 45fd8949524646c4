/** `ostack recordset list|show|create|set|delete` (designate), with openstackclient's names and columns. */
import type { Command } from 'commander';
import { collect, type Lazy } from '../lazy.js';

const impl = () => import('../commands/recordset.js');

export function registerRecordset(program: Command, lazy: Lazy): void {
  const rs = program.command('recordset').description('DNS record sets (designate)');
  rs.command('list <zone>')
    .description('List the record sets of a zone (name or id)')
    .option('--name <name>', 'record sets with this name')
    .option('--type <type>', 'record sets of this type')
    .option('--data <data>', 'record sets with a record of this data')
    .option('--ttl <seconds>', 'record sets with this TTL')
    .option('--description <text>', 'record sets with this description')
    .option('--status <status>', 'record sets in this status')
    .option('--all-projects', 'the zone may be another project’s (admin)')
    .action(lazy(impl, 'list'));
  rs.command('show <zone> <recordset>')
    .description('Show a record set (name or id)')
    .action(lazy(impl, 'show'));
  rs.command('create <zone> <name>')
    .description('Create a record set (fully qualified name)')
    .requiredOption('--type <type>', 'record type (A, AAAA, CNAME, MX, TXT, ...)')
    .option('--record <data>', 'a record, repeat for more', collect)
    .option('--ttl <seconds>', 'TTL')
    .option('--description <text>', 'description')
    .option('--wait', 'wait until it is ACTIVE')
    .action(lazy(impl, 'create'));
  rs.command('set <zone> <recordset>')
    .description('Change a record set')
    .option('--record <data>', 'the new records, repeat for more', collect)
    .option('--ttl <seconds>', 'TTL')
    .option('--no-ttl', 'use the zone’s TTL')
    .option('--description <text>', 'description')
    .option('--no-description', 'clear the description')
    .action(lazy(impl, 'set'));
  rs.command('delete <zone> <recordset>').description('Delete a record set').action(lazy(impl, 'remove'));
}
