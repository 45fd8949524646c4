/** `ostack api <service> <method> <path>`: any request to any service of the catalog, printing JSON. */
import type { Command } from 'commander';
import { collect, type Lazy } from '../lazy.js';

const impl = () => import('../commands/api.js');

export function registerApi(program: Command, lazy: Lazy): void {
  program
    .command('api <service> <method> <path>')
    .description(
      'Send a request to a service (compute, network, image, identity, volume/block-storage, object-store, placement) and print the JSON answer',
    )
    .option('--body <json>', 'JSON request body ("@file" reads it from a file)')
    .option('--header <name:value>', 'extra header (repeat for more)', collect)
    .option('--microversion <version>', 'microversion for this request')
    .action(lazy(impl, 'request'));
}
