/**
 * `ostack loadbalancer ...` (octavia), with the command names, options and columns of
 * openstackclient's octavia plugin: load balancers, listeners, pools, members, health monitors,
 * L7 policies and rules, amphorae, providers, quotas.
 */
import type { Command } from 'commander';
import { collect, type Lazy } from '../lazy.js';

const impl = () => import('../commands/loadbalancer.js');

const WAIT = 'wait until the provisioning status is ACTIVE';
const WAIT_GONE = 'wait until it is gone';

function enableDisable(c: Command, what: string): Command {
  return c.option('--enable', `enable the ${what}`).option('--disable', `disable the ${what}`);
}

function registerLoadBalancerCommands(lb: Command, lazy: Lazy): void {
  lb.command('list')
    .description('List load balancers')
    .option('--name <name>', 'with this name')
    .option('--provisioning-status <status>', 'in this provisioning status')
    .option('--operating-status <status>', 'in this operating status')
    .option('--provider <provider>', 'of this provider')
    .option('--project <project>', 'of this project (id)')
    .option('--vip-address <address>', 'with this VIP address')
    .option('--vip-subnet-id <subnet>', 'with the VIP on this subnet (id)')
    .option('--vip-network-id <network>', 'with the VIP on this network (id)')
    .action(lazy(impl, 'lbList'));
  lb.command('show <loadbalancer>')
    .description('Show a load balancer (name or id)')
    .action(lazy(impl, 'lbShow'));
  enableDisable(
    lb
      .command('create')
      .description('Create a load balancer')
      .option('--name <name>', 'name')
      .option('--description <text>', 'description')
      .option('--vip-address <address>', 'the VIP address')
      .option('--vip-port-id <port>', 'an existing port as the VIP (id)')
      .option('--vip-subnet-id <subnet>', 'the subnet to allocate the VIP on (id)')
      .option('--vip-network-id <network>', 'the network to allocate the VIP on (id)')
      .option('--vip-qos-policy-id <policy>', 'a QoS policy for the VIP port (id)')
      .option('--project <project>', 'owner project (id, admin)')
      .option('--provider <provider>', 'provider driver')
      .option('--availability-zone <zone>', 'octavia availability zone')
      .option('--flavor <flavor>', 'octavia flavor (name or id)')
      .option('--tag <tag>', 'a tag (repeat for more)', collect),
    'load balancer',
  )
    .option('--wait', WAIT)
    .action(lazy(impl, 'lbCreate'));
  enableDisable(
    lb
      .command('set <loadbalancer>')
      .description('Update a load balancer')
      .option('--name <name>', 'new name')
      .option('--description <text>', 'new description')
      .option('--vip-qos-policy-id <policy>', 'QoS policy of the VIP port (id)'),
    'load balancer',
  )
    .option('--wait', WAIT)
    .action(lazy(impl, 'lbSet'));
  lb.command('delete <loadbalancer...>')
    .description('Delete load balancers')
    .option('--cascade', 'delete everything on them too')
    .option('--wait', WAIT_GONE)
    .action(lazy(impl, 'lbDelete'));
  lb.command('failover <loadbalancer>')
    .description('Fail a load balancer over (admin)')
    .option('--wait', WAIT)
    .action(lazy(impl, 'lbFailover'));
  lb.command('stats')
    .description('Load balancer statistics')
    .command('show <loadbalancer>')
    .description('Show the traffic counters of a load balancer')
    .action(lazy(impl, 'lbStats'));
  lb.command('status')
    .description('Load balancer status trees')
    .command('show <loadbalancer>')
    .description('Show the status tree of a load balancer (JSON)')
    .action(lazy(impl, 'lbStatus'));
}

function registerListener(lb: Command, lazy: Lazy): void {
  const g = lb.command('listener').description('Listeners');
  g.command('list')
    .description('List listeners')
    .option('--name <name>', 'with this name')
    .option('--loadbalancer <loadbalancer>', 'on this load balancer (name or id)')
    .option('--protocol <protocol>', 'with this protocol')
    .action(lazy(impl, 'listenerList'));
  g.command('show <listener>').description('Show a listener (name or id)').action(lazy(impl, 'listenerShow'));
  enableDisable(
    g
      .command('create <loadbalancer>')
      .description('Create a listener on a load balancer')
      .requiredOption('--protocol <protocol>', 'HTTP, HTTPS, TERMINATED_HTTPS, TCP, UDP or SCTP')
      .requiredOption('--protocol-port <port>', 'the port to listen on')
      .option('--name <name>', 'name')
      .option('--description <text>', 'description')
      .option('--connection-limit <n>', 'maximum connections (-1: unlimited)')
      .option('--default-pool <pool>', 'default pool (name or id)')
      .option('--tag <tag>', 'a tag (repeat for more)', collect),
    'listener',
  )
    .option('--wait', WAIT)
    .action(lazy(impl, 'listenerCreate'));
  enableDisable(
    g
      .command('set <listener>')
      .description('Update a listener')
      .option('--name <name>', 'new name')
      .option('--description <text>', 'new description')
      .option('--connection-limit <n>', 'maximum connections (-1: unlimited)')
      .option('--default-pool <pool>', 'default pool (name or id)'),
    'listener',
  )
    .option('--wait', WAIT)
    .action(lazy(impl, 'listenerSet'));
  g.command('delete <listener...>')
    .description('Delete listeners')
    .option('--wait', WAIT_GONE)
    .action(lazy(impl, 'listenerDelete'));
  g.command('stats')
    .description('Listener statistics')
    .command('show <listener>')
    .description('Show the traffic counters of a listener')
    .action(lazy(impl, 'listenerStats'));
}

function registerPool(lb: Command, lazy: Lazy): void {
  const g = lb.command('pool').description('Pools');
  g.command('list')
    .description('List pools')
    .option('--loadbalancer <loadbalancer>', 'on this load balancer (name or id)')
    .action(lazy(impl, 'poolList'));
  g.command('show <pool>').description('Show a pool (name or id)').action(lazy(impl, 'poolShow'));
  enableDisable(
    g
      .command('create')
      .description('Create a pool')
      .requiredOption('--protocol <protocol>', 'HTTP, HTTPS, PROXY, PROXYV2, TCP, UDP or SCTP')
      .requiredOption(
        '--lb-algorithm <algorithm>',
        'ROUND_ROBIN, LEAST_CONNECTIONS, SOURCE_IP or SOURCE_IP_PORT',
      )
      .option('--listener <listener>', 'the listener whose default pool it is (name or id)')
      .option('--loadbalancer <loadbalancer>', 'the load balancer to put it on (name or id)')
      .option('--name <name>', 'name')
      .option('--description <text>', 'description')
      .option('--session-persistence <type=...>', 'type=SOURCE_IP|HTTP_COOKIE|APP_COOKIE[,cookie_name=...]')
      .option('--tag <tag>', 'a tag (repeat for more)', collect),
    'pool',
  )
    .option('--wait', WAIT)
    .action(lazy(impl, 'poolCreate'));
  enableDisable(
    g
      .command('set <pool>')
      .description('Update a pool')
      .option('--name <name>', 'new name')
      .option('--description <text>', 'new description')
      .option('--lb-algorithm <algorithm>', 'new algorithm'),
    'pool',
  )
    .option('--wait', WAIT)
    .action(lazy(impl, 'poolSet'));
  g.command('delete <pool...>')
    .description('Delete pools')
    .option('--wait', WAIT_GONE)
    .action(lazy(impl, 'poolDelete'));
}

function registerMember(lb: Command, lazy: Lazy): void {
  const g = lb.command('member').description('Pool members');
  g.command('list <pool>').description('List the members of a pool').action(lazy(impl, 'memberList'));
  g.command('show <pool> <member>')
    .description('Show a member (name or id)')
    .action(lazy(impl, 'memberShow'));
  enableDisable(
    g
      .command('create <pool>')
      .description('Add a member to a pool')
      .requiredOption('--address <ip>', 'the member address')
      .requiredOption('--protocol-port <port>', 'the member port')
      .option('--name <name>', 'name')
      .option('--weight <n>', 'relative weight (0-256)')
      .option('--subnet-id <subnet>', 'the subnet the address is on (id)')
      .option('--monitor-address <ip>', 'health checks go to this address')
      .option('--monitor-port <port>', 'health checks go to this port')
      .option('--enable-backup', 'a backup member')
      .option('--tag <tag>', 'a tag (repeat for more)', collect),
    'member',
  )
    .option('--wait', WAIT)
    .action(lazy(impl, 'memberCreate'));
  enableDisable(
    g
      .command('set <pool> <member>')
      .description('Update a member')
      .option('--name <name>', 'new name')
      .option('--weight <n>', 'new weight')
      .option('--enable-backup', 'make it a backup member')
      .option('--disable-backup', 'make it a regular member'),
    'member',
  )
    .option('--wait', WAIT)
    .action(lazy(impl, 'memberSet'));
  g.command('delete <pool> <member>')
    .description('Remove a member from a pool')
    .option('--wait', WAIT_GONE)
    .action(lazy(impl, 'memberDelete'));
}

function registerHealthMonitor(lb: Command, lazy: Lazy): void {
  const g = lb.command('healthmonitor').description('Health monitors');
  g.command('list').description('List health monitors').action(lazy(impl, 'hmList'));
  g.command('show <healthmonitor>')
    .description('Show a health monitor (name or id)')
    .action(lazy(impl, 'hmShow'));
  enableDisable(
    g
      .command('create <pool>')
      .description('Create the health monitor of a pool')
      .requiredOption('--delay <seconds>', 'seconds between checks')
      // --timeout is also ostack's global option, which commander parses first: the command
      // reads it from there (see monitorTimeout in commands/loadbalancer.ts)
      .option('--timeout <seconds>', 'seconds a check may take (required)')
      .option('--monitor-timeout <seconds>', 'the same as --timeout')
      .requiredOption('--max-retries <n>', 'successes that bring a member back (1-10)')
      .requiredOption('--type <type>', 'HTTP, HTTPS, PING, TCP, TLS-HELLO, UDP-CONNECT or SCTP')
      .option('--max-retries-down <n>', 'failures that mark a member down (1-10)')
      .option('--url-path <path>', 'HTTP path to check')
      .option('--http-method <method>', 'HTTP method')
      .option('--expected-codes <codes>', 'healthy HTTP codes (200, 200,202, 200-204)')
      .option('--name <name>', 'name'),
    'health monitor',
  )
    .option('--wait', WAIT)
    .action(lazy(impl, 'hmCreate'));
  enableDisable(
    g
      .command('set <healthmonitor>')
      .description('Update a health monitor')
      .option('--name <name>', 'new name')
      .option('--delay <seconds>', 'seconds between checks')
      .option('--timeout <seconds>', 'seconds a check may take')
      .option('--monitor-timeout <seconds>', 'the same as --timeout')
      .option('--max-retries <n>', 'successes that bring a member back')
      .option('--url-path <path>', 'HTTP path to check')
      .option('--http-method <method>', 'HTTP method')
      .option('--expected-codes <codes>', 'healthy HTTP codes'),
    'health monitor',
  )
    .option('--wait', WAIT)
    .action(lazy(impl, 'hmSet'));
  g.command('delete <healthmonitor...>')
    .description('Delete health monitors')
    .option('--wait', WAIT_GONE)
    .action(lazy(impl, 'hmDelete'));
}

function registerL7(lb: Command, lazy: Lazy): void {
  const p = lb.command('l7policy').description('L7 policies');
  p.command('list')
    .description('List L7 policies')
    .option('--listener <listener>', 'of this listener (name or id)')
    .action(lazy(impl, 'l7policyList'));
  p.command('show <policy>').description('Show an L7 policy (name or id)').action(lazy(impl, 'l7policyShow'));
  enableDisable(
    p
      .command('create <listener>')
      .description('Create an L7 policy on a listener')
      .requiredOption('--action <action>', 'REJECT, REDIRECT_TO_URL, REDIRECT_PREFIX or REDIRECT_TO_POOL')
      .option('--redirect-pool <pool>', 'REDIRECT_TO_POOL: the pool (name or id)')
      .option('--redirect-url <url>', 'REDIRECT_TO_URL: the URL')
      .option('--redirect-prefix <prefix>', 'REDIRECT_PREFIX: the prefix')
      .option('--redirect-http-code <code>', 'the redirect code (301, 302, 303, 307, 308)')
      .option('--position <n>', 'position among the listener’s policies')
      .option('--name <name>', 'name')
      .option('--description <text>', 'description'),
    'policy',
  )
    .option('--wait', WAIT)
    .action(lazy(impl, 'l7policyCreate'));
  enableDisable(
    p
      .command('set <policy>')
      .description('Update an L7 policy')
      .option('--action <action>', 'new action')
      .option('--redirect-pool <pool>', 'the pool (name or id)')
      .option('--redirect-url <url>', 'the URL')
      .option('--redirect-prefix <prefix>', 'the prefix')
      .option('--position <n>', 'new position')
      .option('--name <name>', 'new name')
      .option('--description <text>', 'new description'),
    'policy',
  )
    .option('--wait', WAIT)
    .action(lazy(impl, 'l7policySet'));
  p.command('delete <policy...>')
    .description('Delete L7 policies')
    .option('--wait', WAIT_GONE)
    .action(lazy(impl, 'l7policyDelete'));

  const r = lb.command('l7rule').description('L7 rules');
  r.command('list <policy>').description('List the rules of an L7 policy').action(lazy(impl, 'l7ruleList'));
  r.command('show <policy> <rule>').description('Show an L7 rule').action(lazy(impl, 'l7ruleShow'));
  enableDisable(
    r
      .command('create <policy>')
      .description('Add a rule to an L7 policy')
      .requiredOption('--compare-type <type>', 'REGEX, STARTS_WITH, ENDS_WITH, CONTAINS or EQUAL_TO')
      .requiredOption('--type <type>', 'HOST_NAME, PATH, FILE_TYPE, HEADER, COOKIE, SSL_CONN_HAS_CERT, ...')
      .requiredOption('--value <value>', 'the value compared against')
      .option('--key <key>', 'HEADER / COOKIE: the name compared')
      .option('--invert', 'match when the comparison fails'),
    'rule',
  )
    .option('--wait', WAIT)
    .action(lazy(impl, 'l7ruleCreate'));
  enableDisable(
    r
      .command('set <policy> <rule>')
      .description('Update an L7 rule')
      .option('--compare-type <type>', 'new comparison')
      .option('--type <type>', 'new type')
      .option('--value <value>', 'new value')
      .option('--key <key>', 'new key')
      .option('--invert', 'match when the comparison fails')
      .option('--no-invert', 'match when the comparison succeeds'),
    'rule',
  )
    .option('--wait', WAIT)
    .action(lazy(impl, 'l7ruleSet'));
  r.command('delete <policy> <rule>')
    .description('Delete an L7 rule')
    .option('--wait', WAIT_GONE)
    .action(lazy(impl, 'l7ruleDelete'));
}

function registerAdmin(lb: Command, lazy: Lazy): void {
  const a = lb.command('amphora').description('Amphorae (admin)');
  a.command('list')
    .description('List amphorae')
    .option('--loadbalancer <loadbalancer>', 'of this load balancer (name or id)')
    .option('--status <status>', 'in this status')
    .option('--role <role>', 'STANDALONE, MASTER or BACKUP')
    .action(lazy(impl, 'amphoraList'));
  a.command('show <amphora>').description('Show an amphora').action(lazy(impl, 'amphoraShow'));
  a.command('failover <amphora>').description('Replace an amphora').action(lazy(impl, 'amphoraFailover'));

  const p = lb.command('provider').description('Provider drivers');
  p.command('list').description('List provider drivers').action(lazy(impl, 'providerList'));
  p.command('capability')
    .description('Provider capabilities')
    .command('list <provider>')
    .description('List the flavor and availability zone capabilities of a provider (admin)')
    .option('--flavor', 'flavor capabilities only')
    .option('--availability-zone', 'availability zone capabilities only')
    .action(lazy(impl, 'providerCapabilities'));

  const q = lb.command('quota').description('Load balancer quotas');
  q.command('list')
    .description('List the projects with quotas of their own')
    .option('--project <project>', 'of this project (name or id)')
    .action(lazy(impl, 'quotaList'));
  q.command('show <project>')
    .description('Show the quota of a project (name or id)')
    .action(lazy(impl, 'quotaShow'));
  q.command('defaults')
    .description('Default quotas')
    .command('show')
    .description('Show the default quota')
    .action(lazy(impl, 'quotaDefaults'));
  q.command('set <project>')
    .description('Set the quota of a project (admin; -1: unlimited)')
    .option('--loadbalancer <n>', 'load balancers')
    .option('--listener <n>', 'listeners')
    .option('--pool <n>', 'pools')
    .option('--member <n>', 'members')
    .option('--healthmonitor <n>', 'health monitors')
    .option('--l7policy <n>', 'L7 policies')
    .option('--l7rule <n>', 'L7 rules')
    .action(lazy(impl, 'quotaSet'));
  q.command('reset <project>')
    .description('Reset the quota of a project to the defaults (admin)')
    .action(lazy(impl, 'quotaReset'));
}

export function registerLoadBalancer(program: Command, lazy: Lazy): void {
  const lb = program.command('loadbalancer').description('Load balancers (octavia)');
  registerLoadBalancerCommands(lb, lazy);
  registerListener(lb, lazy);
  registerPool(lb, lazy);
  registerMember(lb, lazy);
  registerHealthMonitor(lb, lazy);
  registerL7(lb, lazy);
  registerAdmin(lb, lazy);
}
