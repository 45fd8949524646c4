/** `ostack console log show`. */
import type { Command } from 'commander';
import type { Lazy } from '../lazy.js';

const impl = () => import('../commands/console.js');

export function registerConsole(program: Command, lazy: Lazy): void {
  const log = program
    .command('console')
    .description('Server consoles')
    .command('log')
    .description('Console logs');
  log
    .command('show <server>')
    .description("Show a server's console log (what the guest printed on its serial console)")
    .option('--lines <num-lines>', 'Only the last lines of the log')
    .action(lazy(impl, 'showLog'));
}
