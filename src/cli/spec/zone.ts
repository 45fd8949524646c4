/**
 * `ostack zone list|show|create|set|delete`, `zone export ...`, `zone import ...`,
 * `zone transfer request ...` and `zone transfer accept ...` (designate), with
 * openstackclient's names, arguments and columns.
 */
import type { Command } from 'commander';
import type { Lazy } from '../lazy.js';

const impl = () => import('../commands/zone.js');
const tasks = () => import('../commands/zone-task.js');

export function registerZone(program: Command, lazy: Lazy): void {
  const zone = program.command('zone').description('DNS zones (designate)');
  zone
    .command('list')
    .description('List zones')
    .option('--name <name>', 'zones with this name')
    .option('--email <email>', 'zones with this email')
    .option('--type <type>', 'PRIMARY or SECONDARY')
    .option('--ttl <seconds>', 'zones with this TTL')
    .option('--description <text>', 'zones with this description')
    .option('--status <status>', 'zones in this status')
    .option('--all-projects', 'zones of every project (admin)')
    .action(lazy(impl, 'list'));
  zone.command('show <zone>').description('Show a zone (name or id)').action(lazy(impl, 'show'));
  zone
    .command('create <name>')
    .description('Create a zone (fully qualified name, with the trailing dot)')
    .option('--email <email>', 'zone email (required for PRIMARY zones)')
    .option('--type <type>', 'PRIMARY (default) or SECONDARY')
    .option('--ttl <seconds>', 'default TTL of its records')
    .option('--description <text>', 'description')
    .option('--masters <address...>', 'masters of a SECONDARY zone')
    .option('--attributes <key:value...>', 'scheduler attributes (pool_id:...)')
    .option('--wait', 'wait until it is ACTIVE')
    .action(lazy(impl, 'create'));
  zone
    .command('set <zone>')
    .description('Change a zone')
    .option('--email <email>', 'zone email')
    .option('--ttl <seconds>', 'default TTL')
    .option('--description <text>', 'description')
    .option('--no-description', 'clear the description')
    .option('--masters <address...>', 'masters of a SECONDARY zone')
    .action(lazy(impl, 'set'));
  zone
    .command('delete <zone>')
    .description('Delete a zone')
    .option('--wait', 'wait until it is gone')
    .action(lazy(impl, 'remove'));

  const exp = zone.command('export').description('Zone exports');
  exp
    .command('create <zone>')
    .description('Export a zone to a zone file')
    .action(lazy(tasks, 'exportCreate'));
  exp.command('list').description('List zone exports').action(lazy(tasks, 'exportList'));
  exp.command('show <zone_export_id>').description('Show a zone export').action(lazy(tasks, 'exportShow'));
  exp
    .command('showfile <zone_export_id>')
    .description('Show the zone file of an export')
    .action(lazy(tasks, 'exportShowFile'));
  exp
    .command('delete <zone_export_id>')
    .description('Delete a zone export')
    .action(lazy(tasks, 'exportDelete'));

  const imp = zone.command('import').description('Zone imports');
  imp
    .command('create <zone_file_path>')
    .description('Import a zone from a zone file')
    .action(lazy(tasks, 'importCreate'));
  imp.command('list').description('List zone imports').action(lazy(tasks, 'importList'));
  imp.command('show <zone_import_id>').description('Show a zone import').action(lazy(tasks, 'importShow'));
  imp
    .command('delete <zone_import_id>')
    .description('Delete a zone import')
    .action(lazy(tasks, 'importDelete'));

  const transfer = zone.command('transfer').description('Zone transfers between projects');
  const request = transfer.command('request').description('Zone transfer requests');
  request
    .command('create <zone>')
    .description('Offer a zone to another project')
    .option('--target-project-id <id>', 'the only project that may accept')
    .option('--description <text>', 'description')
    .action(lazy(tasks, 'requestCreate'));
  request.command('list').description('List zone transfer requests').action(lazy(tasks, 'requestList'));
  request.command('show <id>').description('Show a zone transfer request').action(lazy(tasks, 'requestShow'));
  request
    .command('set <id>')
    .description('Change a zone transfer request')
    .option('--description <text>', 'description')
    .option('--no-description', 'clear the description')
    .action(lazy(tasks, 'requestSet'));
  request
    .command('delete <id>')
    .description('Withdraw a zone transfer request')
    .action(lazy(tasks, 'requestDelete'));
  const accept = transfer.command('accept').description('Zone transfer accepts');
  accept
    .command('request')
    .description('Accept a zone transfer request')
    .requiredOption('--transfer-id <id>', 'the transfer request id')
    .requiredOption('--key <key>', 'the transfer request key')
    .action(lazy(tasks, 'acceptRequest'));
  accept.command('list').description('List zone transfer accepts').action(lazy(tasks, 'acceptList'));
  accept.command('show <id>').description('Show a zone transfer accept').action(lazy(tasks, 'acceptShow'));
}
