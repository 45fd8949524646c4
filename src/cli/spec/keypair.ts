/** `ostack keypair list|show|create|delete`. */
import type { Command } from 'commander';
import type { Lazy } from '../lazy.js';

const impl = () => import('../commands/keypair.js');

export function registerKeypair(program: Command, lazy: Lazy): void {
  const kp = program.command('keypair').description('Compute key pairs');
  kp.command('list').description('List key pairs').action(lazy(impl, 'list'));
  kp.command('show <keypair>').description('Show a key pair').action(lazy(impl, 'show'));
  kp.command('create <name>')
    .description('Import a public key (--public-key), or have nova generate a pair (prints the private key)')
    .option('--public-key <file>', 'OpenSSH public key file')
    .action(lazy(impl, 'create'));
  kp.command('delete <keypair...>').description('Delete key pairs').action(lazy(impl, 'remove'));
}
