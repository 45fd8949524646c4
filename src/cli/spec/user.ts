/** `ostack user list|show`. */
import type { Command } from 'commander';
import type { Lazy } from '../lazy.js';

const impl = () => import('../commands/user.js');

export function registerUser(program: Command, lazy: Lazy): void {
  const user = program.command('user').description('Identity users');
  user
    .command('list')
    .description('List users (admin)')
    .option('--domain <domain>', 'users of this domain (id)')
    .option('--long', 'more columns')
    .action(lazy(impl, 'list'));
  user
    .command('show <user>')
    .description('Show a user (name or id; yourself without admin rights)')
    .action(lazy(impl, 'show'));
}
