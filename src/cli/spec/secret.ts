/**
 * `ostack secret store|get|list|update|delete`, `secret container create|get|list|delete` and
 * `secret order create|get|list|delete`: barbican, named as openstackclient's barbican plugin
 * names them. A payload is printed only by `secret get --payload` (or written by `--file`).
 */
import type { Command } from 'commander';
import { collect, type Lazy } from '../lazy.js';

const impl = () => import('../commands/secret.js');

export function registerSecret(program: Command, lazy: Lazy): void {
  const secret = program
    .command('secret')
    .description('Key manager secrets, containers and orders (barbican)');
  secret
    .command('store')
    .description('Store a secret (prints its description, never the payload)')
    .option('-n, --name <name>', 'a human-friendly name')
    .option(
      '-s, --secret-type <type>',
      'symmetric, public, private, passphrase, certificate or opaque (default)',
    )
    .option(
      '-t, --payload-content-type <type>',
      'the payload media type (default text/plain; bytes from --file: application/octet-stream)',
    )
    .option('-e, --payload-content-encoding <encoding>', 'base64, when the --payload text is base64')
    .option('-a, --algorithm <algorithm>', 'the algorithm, for reference (e.g. aes)')
    .option('-b, --bit-length <bits>', 'the key length in bits, for reference')
    .option('-m, --mode <mode>', 'the cipher mode, for reference (e.g. cbc)')
    .option('-x, --expiration <iso8601>', 'when the secret expires')
    .option('-p, --payload <payload>', 'the secret itself (visible in the process list: prefer --file)')
    .option('-F, --file <filename>', 'read the payload (bytes) from this file')
    .action(lazy(impl, 'store'));
  secret
    .command('get <uri>')
    .description('Show a secret (uuid or href); its payload only with --payload or --file')
    .option('-p, --payload', 'print the payload')
    .option('-d, --decrypt', 'the same as --payload')
    .option('-F, --file <filename>', 'write the payload (bytes) to this file')
    .option('-t, --payload-content-type <type>', 'the media type to ask the payload in (Accept)')
    .action(lazy(impl, 'get'));
  secret
    .command('list')
    .description('List secrets')
    .option('-l, --limit <n>', 'at most this many')
    .option('-o, --offset <n>', 'skip this many')
    .option('-n, --name <name>', 'secrets with this name')
    .option('-a, --algorithm <algorithm>', 'secrets with this algorithm')
    .option('-b, --bit-length <bits>', 'secrets with this bit length')
    .option('-m, --mode <mode>', 'secrets with this mode')
    .option('-s, --secret-type <type>', 'secrets of this type')
    .action(lazy(impl, 'list'));
  secret
    .command('update <uri> <payload>')
    .description('Store the payload of a secret created without one')
    .action(lazy(impl, 'update'));
  secret.command('delete <uri...>').description('Delete secrets').action(lazy(impl, 'remove'));

  const container = secret.command('container').description('Containers of secrets');
  container
    .command('create')
    .description('Create a container')
    .option('-n, --name <name>', 'a human-friendly name')
    .option('--type <type>', 'generic (default), rsa or certificate')
    .option('-s, --secret <name=uri>', 'a secret it holds, under a name (repeat for more)', collect)
    .action(lazy(impl, 'containerCreate'));
  container
    .command('get <uri>')
    .alias('show')
    .description('Show a container (uuid or href)')
    .action(lazy(impl, 'containerGet'));
  container
    .command('list')
    .description('List containers')
    .option('-l, --limit <n>', 'at most this many')
    .option('-o, --offset <n>', 'skip this many')
    .option('-n, --name <name>', 'containers with this name')
    .option('-t, --type <type>', 'containers of this type')
    .action(lazy(impl, 'containerList'));
  container.command('delete <uri...>').description('Delete containers').action(lazy(impl, 'containerRemove'));

  const order = secret.command('order').description('Orders for generated keys');
  order
    .command('create <type>')
    .description('Order a key (key) or a key pair (asymmetric)')
    .option('-n, --name <name>', 'the name of what is generated')
    .option('-a, --algorithm <algorithm>', 'aes (default) for keys; rsa for key pairs')
    .option('-b, --bit-length <bits>', 'key length in bits (default 256)')
    .option('-m, --mode <mode>', 'cipher mode of a key (default cbc)')
    .option(
      '-t, --payload-content-type <type>',
      'media type of the payload (default application/octet-stream)',
    )
    .option('-x, --expiration <iso8601>', 'when what is generated expires')
    .option('--wait', 'wait until the order is ACTIVE (or fails)')
    .action(lazy(impl, 'orderCreate'));
  order.command('get <uri>').alias('show').description('Show an order').action(lazy(impl, 'orderGet'));
  order
    .command('list')
    .description('List orders')
    .option('-l, --limit <n>', 'at most this many')
    .option('-o, --offset <n>', 'skip this many')
    .action(lazy(impl, 'orderList'));
  order.command('delete <uri...>').description('Delete orders').action(lazy(impl, 'orderRemove'));
}
