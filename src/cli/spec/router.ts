/** `ostack router list|show|create|delete|add subnet|remove subnet`. */
import type { Command } from 'commander';
import type { Lazy } from '../lazy.js';

const impl = () => import('../commands/router.js');

export function registerRouter(program: Command, lazy: Lazy): void {
  const router = program.command('router').description('Routers (neutron)');
  router
    .command('list')
    .description('List routers')
    .option('--name <name>', 'routers with this name')
    .option('--long', 'more columns')
    .action(lazy(impl, 'list'));
  router.command('show <router>').description('Show a router (name or id)').action(lazy(impl, 'show'));
  router
    .command('create <name>')
    .description('Create a router')
    .option('--external-gateway <network>', 'gateway on this external network (name or id)')
    .option('--description <text>', 'description')
    .action(lazy(impl, 'create'));
  router
    .command('delete <router...>')
    .description('Delete routers (remove their subnets first)')
    .action(lazy(impl, 'remove'));
  router
    .command('add')
    .description('Connect things to a router')
    .command('subnet <router> <subnet>')
    .description('Add an interface on a subnet')
    .action(lazy(impl, 'addSubnet'));
  router
    .command('remove')
    .description('Disconnect things from a router')
    .command('subnet <router> <subnet>')
    .description('Remove the interface on a subnet')
    .action(lazy(impl, 'removeSubnet'));
}
