/**
 * `ostack baremetal node|port|port group|chassis|allocation|driver ...`, with the command
 * names, flags and columns of openstackclient's ironic plugin.
 */
import type { Command } from 'commander';
import { collect, type Lazy } from '../lazy.js';

const nodes = () => import('../commands/baremetal-node.js');
const others = () => import('../commands/baremetal.js');

const WAIT_HELP = 'wait for the stable state, at most this many seconds (0 or none: no limit)';

function registerNode(baremetal: Command, lazy: Lazy): void {
  const node = baremetal.command('node').description('Bare metal nodes');
  node
    .command('create')
    .description('Register a node')
    .requiredOption('--driver <driver>', 'hardware type, e.g. fake-hardware, ipmi, redfish')
    .option('--name <name>', 'unique name')
    .option('--uuid <uuid>', 'uuid of the node')
    .option('--chassis-uuid <chassis>', 'chassis the node is in')
    .option('--driver-info <key=value>', 'driver information (repeat for more)', collect)
    .option('--property <key=value>', 'node property (repeat for more)', collect)
    .option('--extra <key=value>', 'extra metadata (repeat for more)', collect)
    .option('--resource-class <class>', 'resource class for scheduling')
    .option('--network-interface <interface>', 'network interface')
    .option('--deploy-interface <interface>', 'deploy interface')
    .option('--owner <project>', 'owning project')
    .option('--description <text>', 'description')
    .action(lazy(nodes, 'create'));
  node
    .command('list')
    .description('List nodes')
    .option('--maintenance', 'only nodes in maintenance')
    .option('--no-maintenance', 'only nodes not in maintenance')
    .option('--provision-state <state>', 'only nodes in this provision state')
    .option('--driver <driver>', 'only nodes of this driver')
    .option('--resource-class <class>', 'only nodes of this resource class')
    .option('--owner <project>', 'only nodes of this owner')
    .option('--limit <n>', 'at most this many nodes')
    .option('--long', 'more columns')
    .action(lazy(nodes, 'list'));
  node.command('show <node>').description('Show a node (name or uuid)').action(lazy(nodes, 'show'));
  node
    .command('set <node>')
    .description('Set node fields')
    .option('--name <name>', 'name')
    .option('--description <text>', 'description')
    .option('--driver <driver>', 'hardware type')
    .option('--resource-class <class>', 'resource class')
    .option('--instance-uuid <uuid>', 'instance uuid')
    .option('--chassis-uuid <chassis>', 'chassis uuid')
    .option('--owner <project>', 'owning project')
    .option('--network-interface <interface>', 'network interface')
    .option('--deploy-interface <interface>', 'deploy interface')
    .option('--property <key=value>', 'set a property (repeat for more)', collect)
    .option('--extra <key=value>', 'set extra metadata (repeat for more)', collect)
    .option('--driver-info <key=value>', 'set driver information (repeat for more)', collect)
    .option('--instance-info <key=value>', 'set instance information (repeat for more)', collect)
    .action(lazy(nodes, 'set'));
  node
    .command('unset <node>')
    .description('Unset node fields')
    .option('--name', 'the name')
    .option('--description', 'the description')
    .option('--resource-class', 'the resource class')
    .option('--instance-uuid', 'the instance uuid')
    .option('--chassis-uuid', 'the chassis')
    .option('--owner', 'the owner')
    .option('--property <key>', 'a property (repeat for more)', collect)
    .option('--extra <key>', 'extra metadata (repeat for more)', collect)
    .option('--driver-info <key>', 'driver information (repeat for more)', collect)
    .option('--instance-info <key>', 'instance information (repeat for more)', collect)
    .action(lazy(nodes, 'unset'));
  node.command('delete <node...>').description('Unregister nodes').action(lazy(nodes, 'remove'));
  for (const [verb, help] of [
    ['manage', 'Move a node to manageable'],
    ['provide', 'Move a node to available'],
    ['inspect', 'Inspect a node'],
    ['undeploy', 'Undeploy a node (back to available)'],
    ['unrescue', 'Take a node out of rescue'],
  ] as const) {
    node
      .command(`${verb} <node>`)
      .description(help)
      .option('--wait [seconds]', WAIT_HELP)
      .action(lazy(nodes, verb));
  }
  node
    .command('deploy <node>')
    .description('Deploy a node (to active)')
    .option('--config-drive <drive>', 'a config drive: URL, gzipped base64 ISO, or JSON')
    .option('--wait [seconds]', WAIT_HELP)
    .action(lazy(nodes, 'deploy'));
  node
    .command('rescue <node>')
    .description('Boot a node into rescue')
    .requiredOption('--rescue-password <password>', "the rescue user's password")
    .option('--wait [seconds]', WAIT_HELP)
    .action(lazy(nodes, 'rescue'));
  const power = node.command('power').description('Power a node on or off');
  power
    .command('on <node>')
    .description('Power a node on')
    .option('--power-timeout <seconds>', 'seconds ironic gives the power action')
    .action(lazy(nodes, 'powerOn'));
  power
    .command('off <node>')
    .description('Power a node off')
    .option('--soft', 'ask the operating system to shut down')
    .option('--power-timeout <seconds>', 'seconds ironic gives the power action')
    .action(lazy(nodes, 'powerOff'));
  node
    .command('reboot <node>')
    .description('Reboot a node')
    .option('--soft', 'ask the operating system to reboot')
    .option('--power-timeout <seconds>', 'seconds ironic gives the power action')
    .action(lazy(nodes, 'reboot'));
  const maintenance = node.command('maintenance').description('Maintenance mode of a node');
  maintenance
    .command('set <node>')
    .description('Put a node in maintenance')
    .option('--reason <reason>', 'why')
    .action(lazy(nodes, 'maintenanceSet'));
  maintenance
    .command('unset <node>')
    .description('Take a node out of maintenance')
    .action(lazy(nodes, 'maintenanceUnset'));
  node.command('validate <node>').description("Validate a node's interfaces").action(lazy(nodes, 'validate'));
  const trait = node.command('trait').description('Traits of a node');
  trait.command('list <node>').description("List a node's traits").action(lazy(nodes, 'traitList'));
  node
    .command('add')
    .command('trait <node> <trait...>')
    .description('Add traits to a node')
    .action(lazy(nodes, 'traitAdd'));
  node
    .command('remove')
    .command('trait <node> [trait...]')
    .description('Remove traits from a node')
    .option('--all', 'every trait')
    .action(lazy(nodes, 'traitRemove'));
}

function registerPort(baremetal: Command, lazy: Lazy): void {
  const port = baremetal.command('port').description('Bare metal ports');
  port
    .command('create <address>')
    .description('Create a port')
    .requiredOption('--node <uuid>', 'the node the port belongs to')
    .option('--uuid <uuid>', 'uuid of the port')
    .option('--port-group <group>', 'port group (name or uuid)')
    .option('--extra <key=value>', 'extra metadata (repeat for more)', collect)
    .option(
      '-l, --local-link-connection <key=value>',
      'switch port it is wired to (repeat for more)',
      collect,
    )
    .option('--pxe-enabled <bool>', 'whether the node may PXE boot from it (true/false)')
    .option('--physical-network <name>', 'physical network')
    .action(lazy(others, 'portCreate'));
  port
    .command('list')
    .description('List ports')
    .option('--node <node>', 'only ports of this node (name or uuid)')
    .option('--address <mac>', 'only the port with this MAC address')
    .option('--port-group <group>', 'only ports of this port group')
    .option('--limit <n>', 'at most this many ports')
    .option('--long', 'more columns')
    .action(lazy(others, 'portList'));
  port.command('show <port>').description('Show a port').action(lazy(others, 'portShow'));
  port
    .command('set <port>')
    .description('Set port fields')
    .option('--node <uuid>', 'move it to this node')
    .option('--address <mac>', 'MAC address')
    .option('--port-group <group>', 'port group (name or uuid)')
    .option('--extra <key=value>', 'set extra metadata (repeat for more)', collect)
    .option('--pxe-enabled', 'the node may PXE boot from it')
    .option('--pxe-disabled', 'the node may not PXE boot from it')
    .option('--physical-network <name>', 'physical network')
    .action(lazy(others, 'portSet'));
  port
    .command('unset <port>')
    .description('Unset port fields')
    .option('--extra <key>', 'extra metadata (repeat for more)', collect)
    .option('--port-group', 'take it out of its port group')
    .option('--physical-network', 'the physical network')
    .action(lazy(others, 'portUnset'));
  port.command('delete <port...>').description('Delete ports').action(lazy(others, 'portRemove'));

  const group = port.command('group').description('Bare metal port groups');
  group
    .command('create')
    .description('Create a port group')
    .requiredOption('--node <uuid>', 'the node the group belongs to')
    .option('--address <mac>', 'MAC address of the bond')
    .option('--name <name>', 'name')
    .option('--uuid <uuid>', 'uuid of the group')
    .option('--mode <mode>', 'bonding mode, e.g. active-backup, 802.3ad')
    .option('--property <key=value>', 'bonding option (repeat for more)', collect)
    .option('--extra <key=value>', 'extra metadata (repeat for more)', collect)
    .option('--support-standalone-ports', 'member ports may be used alone (default)')
    .option('--unsupport-standalone-ports', 'member ports may not be used alone')
    .action(lazy(others, 'groupCreate'));
  group
    .command('list')
    .description('List port groups')
    .option('--node <node>', 'only groups of this node')
    .option('--address <mac>', 'only the group with this MAC address')
    .option('--long', 'more columns')
    .action(lazy(others, 'groupList'));
  group
    .command('show <group>')
    .description('Show a port group (name or uuid)')
    .action(lazy(others, 'groupShow'));
  group
    .command('set <group>')
    .description('Set port group fields')
    .option('--name <name>', 'name')
    .option('--address <mac>', 'MAC address')
    .option('--mode <mode>', 'bonding mode')
    .option('--property <key=value>', 'set a bonding option (repeat for more)', collect)
    .option('--extra <key=value>', 'set extra metadata (repeat for more)', collect)
    .action(lazy(others, 'groupSet'));
  group
    .command('unset <group>')
    .description('Unset port group fields')
    .option('--name', 'the name')
    .option('--address', 'the MAC address')
    .option('--property <key>', 'a bonding option (repeat for more)', collect)
    .option('--extra <key>', 'extra metadata (repeat for more)', collect)
    .action(lazy(others, 'groupUnset'));
  group.command('delete <group...>').description('Delete port groups').action(lazy(others, 'groupRemove'));
}

function registerRest(baremetal: Command, lazy: Lazy): void {
  const chassis = baremetal.command('chassis').description('Bare metal chassis');
  chassis
    .command('create')
    .description('Create a chassis')
    .option('--description <text>', 'description')
    .option('--uuid <uuid>', 'uuid of the chassis')
    .option('--extra <key=value>', 'extra metadata (repeat for more)', collect)
    .action(lazy(others, 'chassisCreate'));
  chassis
    .command('list')
    .description('List chassis')
    .option('--long', 'more columns')
    .action(lazy(others, 'chassisList'));
  chassis.command('show <chassis>').description('Show a chassis').action(lazy(others, 'chassisShow'));
  chassis
    .command('set <chassis>')
    .description('Set chassis fields')
    .option('--description <text>', 'description')
    .option('--extra <key=value>', 'set extra metadata (repeat for more)', collect)
    .action(lazy(others, 'chassisSet'));
  chassis
    .command('unset <chassis>')
    .description('Unset chassis fields')
    .option('--description', 'the description')
    .option('--extra <key>', 'extra metadata (repeat for more)', collect)
    .action(lazy(others, 'chassisUnset'));
  chassis.command('delete <chassis...>').description('Delete chassis').action(lazy(others, 'chassisRemove'));

  const allocation = baremetal.command('allocation').description('Bare metal allocations');
  allocation
    .command('create')
    .description('Create an allocation')
    .option('--resource-class <class>', 'resource class the node must have')
    .option('--trait <trait>', 'trait the node must have (repeat for more)', collect)
    .option('--candidate-node <node>', 'node to pick from (repeat for more)', collect)
    .option('--name <name>', 'name')
    .option('--uuid <uuid>', 'uuid of the allocation')
    .option('--owner <project>', 'owning project')
    .option('--extra <key=value>', 'extra metadata (repeat for more)', collect)
    .option('--wait [seconds]', 'wait until it is active, at most this many seconds (0 or none: no limit)')
    .action(lazy(others, 'allocationCreate'));
  allocation
    .command('list')
    .description('List allocations')
    .option('--node <node>', 'only the allocation of this node')
    .option('--resource-class <class>', 'only allocations of this resource class')
    .option('--state <state>', 'only allocations in this state')
    .option('--owner <project>', 'only allocations of this owner')
    .option('--long', 'more columns')
    .action(lazy(others, 'allocationList'));
  allocation
    .command('show <allocation>')
    .description('Show an allocation')
    .action(lazy(others, 'allocationShow'));
  allocation
    .command('set <allocation>')
    .description('Set allocation fields')
    .option('--name <name>', 'name')
    .option('--extra <key=value>', 'set extra metadata (repeat for more)', collect)
    .action(lazy(others, 'allocationSet'));
  allocation
    .command('unset <allocation>')
    .description('Unset allocation fields')
    .option('--name', 'the name')
    .option('--extra <key>', 'extra metadata (repeat for more)', collect)
    .action(lazy(others, 'allocationUnset'));
  allocation
    .command('delete <allocation...>')
    .description('Delete allocations (frees their nodes)')
    .action(lazy(others, 'allocationRemove'));

  const driver = baremetal.command('driver').description('Bare metal drivers');
  driver
    .command('list')
    .description('List enabled drivers')
    .option('--type <type>', 'classic or dynamic')
    .option('--long', 'more columns')
    .action(lazy(others, 'driverList'));
  driver.command('show <driver>').description('Show a driver').action(lazy(others, 'driverShow'));
  driver
    .command('property')
    .command('list <driver>')
    .description('List the driver_info properties a driver takes')
    .action(lazy(others, 'driverProperties'));
}

export function registerBaremetal(program: Command, lazy: Lazy): void {
  const baremetal = program.command('baremetal').description('Bare metal (ironic)');
  registerNode(baremetal, lazy);
  registerPort(baremetal, lazy);
  registerRest(baremetal, lazy);
}
