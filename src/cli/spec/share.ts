/**
 * `ostack share ...`: shares, share types, share networks, access rules, snapshots, export
 * locations, quotas and availability zones, named as openstackclient's manila plugin names them.
 */
import type { Command } from 'commander';
import { collect, type Lazy } from '../lazy.js';

const impl = () => import('../commands/share.js');

function registerShareType(share: Command, lazy: Lazy): void {
  const type = share.command('type').description('Share types');
  type
    .command('list')
    .description('List share types')
    .option('--all', 'private types too (admin)')
    .action(lazy(impl, 'typeList'));
  type
    .command('show <share-type>')
    .description('Show a share type (name or id)')
    .action(lazy(impl, 'typeShow'));
  type
    .command('create <name> <spec_driver_handles_share_servers>')
    .description('Create a share type (admin)')
    .option('--description <text>', 'description')
    .option('--snapshot-support <bool>', 'snapshot_support extra spec')
    .option('--extra-specs <key=value>', 'extra spec (repeat for more)', collect)
    .option('--public <bool>', 'visible to every project (default true)')
    .action(lazy(impl, 'typeCreate'));
  type
    .command('set <share-type>')
    .description('Change a share type (admin)')
    .option('--name <name>', 'new name')
    .option('--description <text>', 'new description')
    .option('--public <bool>', 'visible to every project')
    .option('--extra-specs <key=value>', 'extra spec to set (repeat for more)', collect)
    .action(lazy(impl, 'typeSet'));
  type
    .command('unset <share-type> <key...>')
    .description('Remove extra specs of a share type (admin)')
    .action(lazy(impl, 'typeUnset'));
  type
    .command('delete <share-type...>')
    .description('Delete share types (admin)')
    .action(lazy(impl, 'typeDelete'));
  const access = type.command('access').description('Projects that may use a private share type');
  access
    .command('list <share-type>')
    .description('List the projects of a private share type')
    .action(lazy(impl, 'typeAccessList'));
  access
    .command('create <share-type> <project-id>')
    .description('Let a project use a private share type')
    .action(lazy(impl, 'typeAccessCreate'));
  access
    .command('delete <share-type> <project-id>')
    .description('Take a private share type away from a project')
    .action(lazy(impl, 'typeAccessDelete'));
}

function registerShareNetwork(share: Command, lazy: Lazy): void {
  const net = share.command('network').description('Share networks');
  net.command('list').description('List share networks').action(lazy(impl, 'networkList'));
  net.command('show <share-network>').description('Show a share network').action(lazy(impl, 'networkShow'));
  net
    .command('create')
    .description('Create a share network')
    .option('--name <name>', 'name')
    .option('--description <text>', 'description')
    .option('--neutron-net-id <id>', 'neutron network')
    .option('--neutron-subnet-id <id>', 'neutron subnet')
    .option('--availability-zone <zone>', 'zone of its default subnet')
    .action(lazy(impl, 'networkCreate'));
  net
    .command('set <share-network>')
    .description('Change a share network')
    .option('--name <name>', 'new name')
    .option('--description <text>', 'new description')
    .action(lazy(impl, 'networkSet'));
  net
    .command('delete <share-network...>')
    .description('Delete share networks')
    .action(lazy(impl, 'networkDelete'));
  const subnet = net.command('subnet').description('Subnets of a share network');
  subnet
    .command('create <share-network>')
    .description('Add a subnet to a share network')
    .option('--neutron-net-id <id>', 'neutron network')
    .option('--neutron-subnet-id <id>', 'neutron subnet')
    .option('--availability-zone <zone>', 'its zone')
    .action(lazy(impl, 'subnetCreate'));
  subnet
    .command('show <share-network> <share-network-subnet>')
    .description('Show a subnet of a share network')
    .action(lazy(impl, 'subnetShow'));
  subnet
    .command('delete <share-network> <share-network-subnet...>')
    .description('Remove subnets from a share network')
    .action(lazy(impl, 'subnetDelete'));
}

function registerShareAccessAndSnapshots(share: Command, lazy: Lazy): void {
  const access = share.command('access').description('Access rules of shares');
  access
    .command('create <share> <access_type> <access_to>')
    .description('Allow access to a share (ip, user, cert or cephx)')
    .option('--access-level <level>', 'rw (default) or ro')
    .option('--properties <key=value>', 'metadata of the rule (repeat for more)', collect)
    .option('--wait', 'wait until it is active')
    .action(lazy(impl, 'accessCreate'));
  access
    .command('list <share>')
    .description('List the access rules of a share')
    .action(lazy(impl, 'accessList'));
  access
    .command('delete <share> <id>')
    .description('Revoke an access rule')
    .option('--wait', 'wait until it is gone')
    .action(lazy(impl, 'accessDelete'));

  const snap = share.command('snapshot').description('Share snapshots');
  snap
    .command('create <share>')
    .description('Snapshot a share')
    .option('--name <name>', 'name')
    .option('--description <text>', 'description')
    .option('--force', 'snapshot even a share in use')
    .option('--wait', 'wait until it is available')
    .action(lazy(impl, 'snapshotCreate'));
  snap
    .command('list')
    .description('List share snapshots')
    .option('--share <share>', 'of this share (name or id)')
    .option('--name <name>', 'with this name')
    .option('--all-projects', 'of every project (admin)')
    .action(lazy(impl, 'snapshotList'));
  snap.command('show <snapshot>').description('Show a share snapshot').action(lazy(impl, 'snapshotShow'));
  snap
    .command('set <snapshot>')
    .description('Rename or describe a share snapshot')
    .option('--name <name>', 'new name')
    .option('--description <text>', 'new description')
    .action(lazy(impl, 'snapshotSet'));
  snap
    .command('delete <snapshot...>')
    .description('Delete share snapshots')
    .option('--wait', 'wait until they are gone')
    .action(lazy(impl, 'snapshotDelete'));
}

export function registerShare(program: Command, lazy: Lazy): void {
  const share = program.command('share').description('Shared file systems (manila)');
  share
    .command('list')
    .description('List shares')
    .option('--name <name>', 'shares with this name')
    .option('--status <status>', 'shares in this status')
    .option('--all-projects', 'shares of every project (admin)')
    .option('--long', 'more columns')
    .action(lazy(impl, 'list'));
  share.command('show <share>').description('Show a share (name or id)').action(lazy(impl, 'show'));
  share
    .command('create <share_protocol> <size>')
    .description('Create a share (NFS, CIFS, ...) of size GiB')
    .option('--name <name>', 'name')
    .option('--description <text>', 'description')
    .option('--share-type <share-type>', 'share type (name or id)')
    .option('--share-network <share-network>', 'share network (name or id)')
    .option('--availability-zone <zone>', 'availability zone')
    .option('--snapshot-id <snapshot-id>', 'from this snapshot')
    .option('--property <key=value>', 'metadata (repeat for more)', collect)
    .option('--public <bool>', 'visible to every project')
    .option('--wait', 'wait until it is available')
    .action(lazy(impl, 'create'));
  share
    .command('set <share>')
    .description('Change a share')
    .option('--name <name>', 'new name')
    .option('--description <text>', 'new description')
    .option('--public <bool>', 'visible to every project')
    .option('--property <key=value>', 'metadata to set (repeat for more)', collect)
    .option('--status <status>', 'overwrite its status (admin)')
    .action(lazy(impl, 'set'));
  share
    .command('delete <share...>')
    .description('Delete shares')
    .option('--wait', 'wait until they are gone')
    .action(lazy(impl, 'remove'));
  share
    .command('resize <share> <new-size>')
    .description('Extend or shrink a share to new-size GiB')
    .option('--wait', 'wait until it is available again')
    .action(lazy(impl, 'resize'));
  share
    .command('export')
    .description('Export locations')
    .command('location')
    .description('Export locations of shares')
    .command('list <share>')
    .description('List the export locations of a share')
    .action(lazy(impl, 'exportLocationList'));
  const quota = share.command('quota').description('Share quotas');
  quota
    .command('show')
    .description("Show a project's share quotas (default: the current project)")
    .option('--project <project-id>', 'of this project')
    .option('--defaults', 'the default quotas')
    .action(lazy(impl, 'quotaShow'));
  const set = quota.command('set <project-id>').description("Change a project's share quotas (admin)");
  for (const q of ['shares', 'snapshots', 'gigabytes', 'snapshot-gigabytes', 'share-networks']) {
    set.option(`--${q} <n>`, `the ${q.replace('-', ' ')} quota`);
  }
  set.action(lazy(impl, 'quotaSet'));
  share
    .command('availability')
    .description('Availability zones')
    .command('zone')
    .description('Availability zones of the shared file system service')
    .command('list')
    .description('List availability zones')
    .action(lazy(impl, 'zoneList'));
  registerShareType(share, lazy);
  registerShareNetwork(share, lazy);
  registerShareAccessAndSnapshots(share, lazy);
}
