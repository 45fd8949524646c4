/** `ostack project list|show|cleanup`. */
import type { Command } from 'commander';
import type { Lazy } from '../lazy.js';

const impl = () => import('../commands/project.js');

export function registerProject(program: Command, lazy: Lazy): void {
  const project = program.command('project').description('Identity projects');
  project
    .command('list')
    .description('List projects (those you can see; your own without the right to list all)')
    .option('--domain <domain>', 'projects of this domain (id)')
    .option('--my-projects', 'only the projects you have a role on')
    .option('--long', 'more columns')
    .action(lazy(impl, 'list'));
  project.command('show <project>').description('Show a project (name or id)').action(lazy(impl, 'show'));
  project
    .command('cleanup')
    .description("Delete the current project's resources in dependency order (see conn.cloud.projectCleanup)")
    .option('--dry-run', 'only list what would be deleted')
    .option('--auto-approve', 'delete without asking (required unless --dry-run)')
    .option('--name-prefix <prefix>', 'only resources whose name starts with this')
    .option('--created-before <time>', 'only resources created before this time (ISO 8601)')
    .action(lazy(impl, 'cleanup'));
}
