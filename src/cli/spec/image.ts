/** `ostack image list|show|create|delete`. */
import type { Command } from 'commander';
import { collect, type Lazy } from '../lazy.js';

const impl = () => import('../commands/image.js');

export function registerImage(program: Command, lazy: Lazy): void {
  const image = program.command('image').description('Images (glance)');
  image
    .command('list')
    .description('List images')
    .option('--public', 'public images only')
    .option('--private', 'private images only')
    .option('--shared', 'images shared with the project')
    .option('--name <name>', 'images with this name')
    .option('--status <status>', 'images in this status')
    .option('--tag <tag>', 'images with this tag (repeat for more)', collect)
    .option('--long', 'more columns')
    .action(lazy(impl, 'list'));
  image.command('show <image>').description('Show an image (name or id)').action(lazy(impl, 'show'));
  image
    .command('create <name>')
    .description('Create an image, uploading its data from --file (with a progress bar)')
    .option('--file <path>', 'image data to upload')
    .option('--disk-format <format>', 'disk format', 'raw')
    .option('--container-format <format>', 'container format', 'bare')
    .option('--public', 'visible to every project')
    .option('--private', 'visible to the owner only (default)')
    .option('--min-disk <gb>', 'minimum disk size to boot it')
    .option('--min-ram <mb>', 'minimum RAM to boot it')
    .option('--property <key=value>', 'image property (repeat for more)', collect)
    .option('--tag <tag>', 'tag (repeat for more)', collect)
    .action(lazy(impl, 'create'));
  image.command('delete <image...>').description('Delete images').action(lazy(impl, 'remove'));
}
