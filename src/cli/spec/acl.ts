/** `ostack acl get|submit|delete`: the read ACL of a barbican secret or container, by href. */
import type { Command } from 'commander';
import { collect, type Lazy } from '../lazy.js';

const impl = () => import('../commands/acl.js');

export function registerAcl(program: Command, lazy: Lazy): void {
  const acl = program.command('acl').description('Key manager ACLs of secrets and containers (barbican)');
  acl
    .command('get <uri>')
    .description('Show the ACL of a secret or container href')
    .action(lazy(impl, 'get'));
  acl
    .command('submit <uri>')
    .description('Replace the ACL of a secret or container href')
    .option('-u, --user <user-id>', 'a keystone user id allowed to read (repeat for more)', collect)
    .option('--project-access', 'every user of the owning project may read (the default)')
    .option('--no-project-access', 'only the creator and the listed users may read')
    .option('-o, --operation-type <type>', 'the operation (barbican knows only read)', 'read')
    .action(lazy(impl, 'submit'));
  acl
    .command('delete <uri>')
    .description('Delete the ACL of a secret or container href')
    .action(lazy(impl, 'remove'));
}
