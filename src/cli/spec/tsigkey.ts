/** `ostack tsigkey list|show|create|set|delete` (designate, admin), with openstackclient's names and columns. */
import type { Command } from 'commander';
import type { Lazy } from '../lazy.js';

const impl = () => import('../commands/tsigkey.js');

export function registerTsigkey(program: Command, lazy: Lazy): void {
  const k = program.command('tsigkey').description('DNS TSIG keys (designate, admin)');
  k.command('list')
    .description('List TSIG keys')
    .option('--name <name>', 'keys with this name')
    .option('--algorithm <algorithm>', 'keys with this algorithm')
    .option('--scope <scope>', 'POOL or ZONE')
    .action(lazy(impl, 'list'));
  k.command('show <id>').description('Show a TSIG key (name or id)').action(lazy(impl, 'show'));
  k.command('create')
    .description('Create a TSIG key')
    .requiredOption('--name <name>', 'name')
    .requiredOption(
      '--algorithm <algorithm>',
      'hmac-md5, hmac-sha1, hmac-sha224, hmac-sha256, hmac-sha384, hmac-sha512',
    )
    .requiredOption('--secret <secret>', 'the shared secret (base64)')
    .requiredOption('--scope <scope>', 'POOL or ZONE')
    .requiredOption('--resource-id <id>', 'the pool or zone id')
    .action(lazy(impl, 'create'));
  k.command('set <id>')
    .description('Change a TSIG key')
    .option('--name <name>', 'name')
    .option('--algorithm <algorithm>', 'algorithm')
    .option('--secret <secret>', 'secret')
    .option('--scope <scope>', 'POOL or ZONE')
    .action(lazy(impl, 'set'));
  k.command('delete <id>').description('Delete a TSIG key').action(lazy(impl, 'remove'));
}
