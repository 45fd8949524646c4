/** `ostack volume list|show|create|delete`. */
import type { Command } from 'commander';
import { collect, type Lazy } from '../lazy.js';

const impl = () => import('../commands/volume.js');

export function registerVolume(program: Command, lazy: Lazy): void {
  const volume = program.command('volume').description('Volumes (cinder)');
  volume
    .command('list')
    .description('List volumes')
    .option('--name <name>', 'volumes with this name')
    .option('--status <status>', 'volumes in this status')
    .option('--all-projects', 'volumes of every project (admin)')
    .option('--long', 'more columns')
    .action(lazy(impl, 'list'));
  volume.command('show <volume>').description('Show a volume (name or id)').action(lazy(impl, 'show'));
  volume
    .command('create <name>')
    .description('Create a volume')
    .requiredOption('--size <gb>', 'size in GiB')
    .option('--image <image>', 'from this image (name or id)')
    .option('--snapshot <snapshot>', 'from this snapshot (name or id)')
    .option('--type <type>', 'volume type')
    .option('--description <text>', 'description')
    .option('--availability-zone <zone>', 'availability zone')
    .option('--property <key=value>', 'metadata (repeat for more)', collect)
    .option('--wait', 'wait until it is available')
    .action(lazy(impl, 'create'));
  volume
    .command('delete <volume...>')
    .description('Delete volumes')
    .option('--purge', 'delete their snapshots too')
    .option('--wait', 'wait until they are gone')
    .action(lazy(impl, 'remove'));
}
