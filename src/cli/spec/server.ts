/** `ostack server ...`: list, show, create, delete, start, stop, reboot, add/remove floating ip and volume. */
import type { Command } from 'commander';
import { collect, type Lazy } from '../lazy.js';

const impl = () => import('../commands/server.js');
const volumeImpl = () => import('../commands/server-volume.js');

export function registerServer(program: Command, lazy: Lazy): void {
  const server = program.command('server').description('Compute servers');
  server
    .command('list')
    .description('List servers')
    .option('--name <regex>', 'servers whose name matches (a regular expression, as nova applies it)')
    .option('--status <status>', 'servers in this status (ACTIVE, SHUTOFF, ERROR, ...)')
    .option('--flavor <flavor>', 'servers of this flavor (name or id)')
    .option('--image <image>', 'servers of this image (name or id)')
    .option('--all-projects', 'servers of every project (admin)')
    .option('--long', 'more columns')
    .action(lazy(impl, 'list'));
  server.command('show <server>').description('Show a server (name or id)').action(lazy(impl, 'show'));
  server
    .command('create <name>')
    .description('Create a server (through the cloud layer: rolled back when a step fails)')
    .requiredOption('--image <image>', 'image (name or id)')
    .requiredOption('--flavor <flavor>', 'flavor (name or id)')
    .option('--network <network>', 'network (name or id; default: the only usable one)')
    .option('--key-name <keypair>', 'key pair to inject')
    .option('--public-key <file>', 'create the key pair from this OpenSSH public key when it does not exist')
    .option('--security-group <group>', 'security group (repeat for more)', collect)
    .option('--property <key=value>', 'metadata (repeat for more)', collect)
    .option('--user-data <file>', 'cloud-init user data file')
    .option('--availability-zone <zone>', 'availability zone')
    .option('--boot-from-volume <size>', 'boot from a new volume of this size (GiB) made from the image')
    .option('--auto-ip', 'attach a floating IP (implies --wait)')
    .option('--floating-ip <address>', 'attach this floating IP (implies --wait)')
    .option('--floating-ip-pool <network>', 'external network for --auto-ip')
    .option('--wait', 'wait until the server is ACTIVE with its addresses')
    .option('--wait-timeout <seconds>', 'give up waiting after this long', '600')
    .action(lazy(impl, 'create'));
  server
    .command('delete <server...>')
    .description('Delete servers')
    .option('--wait', 'wait until they are gone')
    .option('--delete-ips', 'also delete the floating IPs attached to them')
    .action(lazy(impl, 'remove'));
  server
    .command('start <server...>')
    .description('Start servers')
    .option('--wait', 'wait until ACTIVE')
    .action(lazy(impl, 'start'));
  server
    .command('stop <server...>')
    .description('Stop servers')
    .option('--wait', 'wait until SHUTOFF')
    .action(lazy(impl, 'stop'));
  server
    .command('reboot <server...>')
    .description('Reboot servers (soft unless --hard)')
    .option('--hard', 'power-cycle')
    .option('--wait', 'wait until ACTIVE again')
    .action(lazy(impl, 'reboot'));
  // commander keeps one command per name: floating ip and volume share `add` (and `remove`)
  const add = server.command('add').description('Add things to a server');
  add
    .command('floating')
    .description('Floating IPs')
    .command('ip <server> <ip-address>')
    .description('Attach a floating IP (address or id) to a server')
    .option('--fixed-ip-address <ip>', 'fixed address to map it to')
    .action(lazy(impl, 'addFloatingIp'));
  add
    .command('volume <server> <volume>')
    .description('Attach a volume (name or id) to a server (name or id)')
    .option('--device <device>', 'device name to ask for (most hypervisors choose their own)')
    .option('--wait', 'wait until the volume is in-use by the server')
    .action(lazy(volumeImpl, 'addVolume'));
  const remove = server.command('remove').description('Remove things from a server');
  remove
    .command('floating')
    .description('Floating IPs')
    .command('ip <server> <ip-address>')
    .description('Detach a floating IP from a server')
    .action(lazy(impl, 'removeFloatingIp'));
  remove
    .command('volume <server> <volume>')
    .description('Detach a volume (name or id) from a server (name or id)')
    .option('--wait', 'wait until the volume is available again')
    .action(lazy(volumeImpl, 'removeVolume'));
}
