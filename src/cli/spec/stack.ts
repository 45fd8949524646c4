/**
 * `ostack stack create|list|show|update|delete|suspend|resume|check`, `stack resource list|show`,
 * `stack event list`, `stack output list|show`, `stack template show` (heat), with
 * openstackclient's heat plugin's names, flags and columns.
 */
import type { Command } from 'commander';
import { collect, type Lazy } from '../lazy.js';

const impl = () => import('../commands/stack.js');

function templateOptions(c: Command): Command {
  return c
    .option('-t, --template <template>', 'path or URL of the template')
    .option('-e, --environment <environment>', 'path of an environment (repeat for more)', collect)
    .option('--parameter <key=value>', 'a parameter value (repeat, or separate with ";")', collect);
}

export function registerStack(program: Command, lazy: Lazy): void {
  const stack = program.command('stack').description('Stacks (heat)');
  templateOptions(stack.command('create <stack_name>').description('Create a stack'))
    .option('--timeout <minutes>', 'stack creation timeout in minutes')
    .option('--enable-rollback', 'roll back on failure (default: disabled)')
    .option('--tags <tag1,tag2...>', 'tags of the stack')
    .option('--dry-run', 'show what would be created (preview) without creating it')
    .option('--wait', 'wait until the stack is CREATE_COMPLETE')
    .action(lazy(impl, 'create'));
  stack
    .command('list')
    .description('List stacks')
    .option('--tags <tag1,tag2...>', 'stacks with all these tags')
    .option('--nested', 'include nested stacks')
    .option('--deleted', 'include deleted stacks')
    .option('--all-projects', 'stacks of every project (admin)')
    .option('--limit <n>', 'page size')
    .option('--long', 'more columns')
    .action(lazy(impl, 'list'));
  stack
    .command('show <stack>')
    .description('Show a stack (name or id)')
    .option('--no-resolve-outputs', 'do not compute the outputs')
    .action(lazy(impl, 'show'));
  templateOptions(stack.command('update <stack>').description('Update a stack'))
    .option('--existing', 'patch: keep the current template, parameters and environment where not given')
    .option('--clear-parameter <name>', 'reset a parameter to its default (repeat for more)', collect)
    .option('--timeout <minutes>', 'stack update timeout in minutes')
    .option('--rollback <value>', 'enabled or disabled: roll back on failure')
    .option('--tags <tag1,tag2...>', 'tags of the stack')
    .option('--dry-run', 'show what would change without changing it')
    .option('--wait', 'wait until the stack is UPDATE_COMPLETE')
    .action(lazy(impl, 'update'));
  stack
    .command('delete <stack...>')
    .description('Delete stacks')
    .option('-y, --yes', 'do not ask (always the case here)')
    .option('--wait', 'wait until they are gone')
    .action(lazy(impl, 'remove'));
  for (const [word, done] of [
    ['suspend', 'SUSPEND_COMPLETE'],
    ['resume', 'RESUME_COMPLETE'],
    ['check', 'CHECK_COMPLETE'],
  ] as const) {
    stack
      .command(`${word} <stack...>`)
      .description(`${word[0]!.toUpperCase()}${word.slice(1)} stacks`)
      .option('--wait', `wait until they are ${done}`)
      .action(lazy(impl, word));
  }

  const resource = stack.command('resource').description('Resources of a stack');
  resource
    .command('list <stack>')
    .description('List the resources of a stack')
    .option('-n, --nested-depth <depth>', 'include nested stacks this deep')
    .option('--filter <key=value>', 'name, status, action, type, id (repeat for more)', collect)
    .option('--long', 'more columns')
    .action(lazy(impl, 'resourceList'));
  resource
    .command('show <stack> <resource>')
    .description('Show a resource of a stack')
    .action(lazy(impl, 'resourceShow'));

  const event = stack.command('event').description('Events of a stack');
  event
    .command('list <stack>')
    .description('List the events of a stack')
    .option('--resource <resource>', 'events of this resource only')
    .option('-n, --nested-depth <depth>', 'include nested stacks this deep')
    .option('--filter <key=value>', 'resource_status, resource_action, resource_name, resource_type', collect)
    .option('--limit <n>', 'page size')
    .action(lazy(impl, 'eventList'));

  const output = stack.command('output').description('Outputs of a stack');
  output.command('list <stack>').description('List the outputs of a stack').action(lazy(impl, 'outputList'));
  output
    .command('show <stack> [output]')
    .description('Show an output of a stack (with --all, every output)')
    .option('--all', 'every output')
    .action(lazy(impl, 'outputShow'));

  const template = stack.command('template').description('The template of a stack');
  template
    .command('show <stack>')
    .description('Show the template of a stack')
    .action(lazy(impl, 'templateShow'));
}

/** `ostack orchestration template validate`, `orchestration resource type list`. */
export function registerOrchestration(program: Command, lazy: Lazy): void {
  const orch = program
    .command('orchestration')
    .description('Orchestration (heat): templates and resource types');
  const template = orch.command('template').description('Templates');
  templateOptions(template.command('validate').description('Validate a template'))
    .option('--show-nested', 'validate nested templates too')
    .option('--ignore-errors <codes>', 'heat error codes to ignore, comma separated')
    .action(lazy(impl, 'templateValidate'));
  const resource = orch.command('resource').description('Resource types');
  const type = resource.command('type').description('Resource types');
  type
    .command('list')
    .description('List the resource types')
    .option('--filter <key=value>', 'name, version, support_status (repeat for more)', collect)
    .option('--long', 'with descriptions')
    .action(lazy(impl, 'resourceTypeList'));
}
