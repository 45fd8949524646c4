/** `ostack security group list|show|create|delete` and `ostack security group rule list|show|create|delete`. */
import type { Command } from 'commander';
import type { Lazy } from '../lazy.js';

const impl = () => import('../commands/security-group.js');

export function registerSecurityGroup(program: Command, lazy: Lazy): void {
  const group = program
    .command('security')
    .description('Security groups')
    .command('group')
    .description('Security groups (neutron)');
  group
    .command('list')
    .description('List security groups')
    .option('--project <project>', 'groups of this project (id)')
    .action(lazy(impl, 'list'));
  group.command('show <group>').description('Show a security group (name or id)').action(lazy(impl, 'show'));
  group
    .command('create <name>')
    .description('Create a security group')
    .option('--description <text>', 'description')
    .action(lazy(impl, 'create'));
  group.command('delete <group...>').description('Delete security groups').action(lazy(impl, 'remove'));

  const rule = group.command('rule').description('Security group rules');
  rule
    .command('list [group]')
    .description('List rules (of one group when given)')
    .option('--protocol <protocol>', 'rules for this protocol')
    .option('--ingress', 'ingress rules only')
    .option('--egress', 'egress rules only')
    .action(lazy(impl, 'ruleList'));
  rule.command('show <rule>').description('Show a rule (id)').action(lazy(impl, 'ruleShow'));
  rule
    .command('create <group>')
    .description('Create a rule in a security group (name or id)')
    .option('--protocol <protocol>', 'tcp, udp, icmp, ... or a number; "any" for every protocol', 'tcp')
    .option('--dst-port <range>', 'port or range: 22 or 8000:8080 (tcp/udp)')
    .option('--icmp-type <type>', 'ICMP type')
    .option('--icmp-code <code>', 'ICMP code')
    .option('--remote-ip <cidr>', 'remote prefix (default 0.0.0.0/0 unless --remote-group)')
    .option('--remote-group <group>', 'remote security group (name or id)')
    .option('--ingress', 'ingress (default)')
    .option('--egress', 'egress')
    .option('--ethertype <type>', 'IPv4 or IPv6')
    .option('--description <text>', 'description')
    .action(lazy(impl, 'ruleCreate'));
  rule.command('delete <rule...>').description('Delete rules (id)').action(lazy(impl, 'ruleRemove'));
}
