/** `ostack object list|show|upload|download|delete`. */
import type { Command } from 'commander';
import type { Lazy } from '../lazy.js';

const impl = () => import('../commands/object.js');

export function registerObject(program: Command, lazy: Lazy): void {
  const object = program.command('object').description('Objects (swift)');
  object
    .command('list <container>')
    .description('List objects of a container')
    .option('--prefix <prefix>', 'objects whose name starts with this')
    .option('--delimiter <char>', 'roll names up to this character (pseudo-directories)')
    .option('--long', 'with size, hash, type and time')
    .action(lazy(impl, 'list'));
  object.command('show <container> <object>').description('Show an object').action(lazy(impl, 'show'));
  object
    .command('upload <container> <file...>')
    .description('Upload files as objects (with a progress bar)')
    .option('--name <name>', 'object name (one file only; default: the file path)')
    .option('--segment-size <bytes>', 'upload bigger files as static large objects of this segment size')
    .action(lazy(impl, 'upload'));
  object
    .command('download <container> <object>')
    .description('Download an object (with a progress bar), verifying its checksum')
    .option('--file <path>', 'write here ("-" for stdout; default: the object name)')
    .action(lazy(impl, 'download'));
  object.command('delete <container> <object...>').description('Delete objects').action(lazy(impl, 'remove'));
}
