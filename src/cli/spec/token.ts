/** `ostack token issue`. */
import type { Command } from 'commander';
import type { Lazy } from '../lazy.js';

const impl = () => import('../commands/token.js');

export function registerToken(program: Command, lazy: Lazy): void {
  const token = program.command('token').description('Identity tokens');
  token
    .command('issue')
    .description('Issue a token (prints it: handle the output as a secret)')
    .action(lazy(impl, 'issue'));
}
