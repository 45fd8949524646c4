/**
 * The demo through the CLI, as the demo user: network, subnet, router to public, security
 * group and rules, a floating IP, a server with a key pair from a public key and that IP,
 * stop/start, delete with its IP, project cleanup — with output checked against the cloud
 * and against Debian's `openstack`, exit codes and stderr.
 */
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import type { Connection } from '../../../src/index.js';
import { DEMO_CLOUD, functionalSuite, uniqueName } from '../../support/cloud.js';
import { ed25519PublicKey } from '../cloud/ssh-key.js';
import { openstackJson, ostack, ostackJson } from './helpers.js';

const P = uniqueName('cli');
const cidr = `10.${randomInt(100, 250)}.${randomInt(0, 250)}.0/24`;
const cloud = ['--os-cloud', DEMO_CLOUD];
let dir = '';

functionalSuite('ostack: the server demo as demo', { timeout: 900_000 }, (suite) => {
  const conn = suite.demo();
  const { cleanup } = suite;
  let fipAddress = '';
  let serverId = '';

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ostack-test-'));
    await writeFile(join(dir, 'id.pub'), `${ed25519PublicKey(P)}\n`);
    cleanup.add('temp dir', () => rm(dir, { recursive: true, force: true }));
    cleanup.add('keypair', () => conn.compute.deleteKeypair(`${P}-key`, { ignoreMissing: true }));
    cleanup.add('project cleanup of this run', async () => {
      const r = await conn.cloud.projectCleanup({
        dryRun: false,
        filters: { namePrefix: P },
        intervalMs: 1000,
      });
      if (r.failed) throw new Error(JSON.stringify(r.actions.filter((a) => a.error)));
    });
    cleanup.add('floating IP', async () => {
      if (!fipAddress) return;
      for (const f of await conn.network.listFloatingIps({ floatingIpAddress: fipAddress }).toArray())
        await conn.network.deleteFloatingIp(f.id, { ignoreMissing: true });
    });
  });

  test('network, subnet, router with a gateway and the subnet on it', async () => {
    const net = await ostackJson(...cloud, 'network', 'create', `${P}-net`);
    assert.equal(net.name, `${P}-net`);
    const sub = await ostackJson(
      ...cloud,
      'subnet',
      'create',
      `${P}-subnet`,
      '--network',
      `${P}-net`,
      '--subnet-range',
      cidr,
    );
    assert.equal(sub.cidr, cidr);
    assert.equal(sub.network_id, net.id);
    const router = await ostackJson(
      ...cloud,
      'router',
      'create',
      `${P}-router`,
      '--external-gateway',
      'public',
    );
    assert.ok(router.external_gateway_info?.network_id);
    const add = await ostack(...cloud, 'router', 'add', 'subnet', `${P}-router`, `${P}-subnet`);
    assert.equal(add.status, 0, add.stderr);
    assert.equal(add.stdout, '');
    const shown = await ostackJson(...cloud, 'router', 'show', `${P}-router`);
    assert.deepEqual(
      shown.interfaces_info.map((i: { subnet_id: string }) => i.subnet_id),
      [sub.id],
    );
    // the same networks as openstackclient, same columns
    const ours = await ostackJson(...cloud, 'network', 'list', '--name', `${P}-net`);
    const theirs = openstackJson('--os-cloud', DEMO_CLOUD, 'network', 'list', '--name', `${P}-net`);
    assert.deepEqual(ours, theirs);
  });

  test('security group with SSH and ICMP rules; rule list agrees with openstack', async () => {
    const sg = await ostackJson(
      ...cloud,
      'security',
      'group',
      'create',
      `${P}-sg`,
      '--description',
      'cli test',
    );
    assert.equal(sg.description, 'cli test');
    const ssh = await ostackJson(
      ...cloud,
      'security',
      'group',
      'rule',
      'create',
      `${P}-sg`,
      '--dst-port',
      '22',
    );
    assert.equal(ssh.protocol, 'tcp');
    assert.equal(ssh.port_range_min, 22);
    assert.equal(ssh.remote_ip_prefix, '0.0.0.0/0');
    const icmp = await ostackJson(
      ...cloud,
      'security',
      'group',
      'rule',
      'create',
      `${P}-sg`,
      '--protocol',
      'icmp',
    );
    assert.equal(icmp.protocol, 'icmp');
    const ours = await ostackJson<Record<string, unknown>[]>(
      ...cloud,
      'security',
      'group',
      'rule',
      'list',
      `${P}-sg`,
    );
    const theirs = openstackJson<Record<string, unknown>[]>(
      '--os-cloud',
      DEMO_CLOUD,
      'security',
      'group',
      'rule',
      'list',
      `${P}-sg`,
    );
    const key = (r: Record<string, unknown>) => String(r.ID);
    assert.deepEqual(ours.map(key).sort(), theirs.map(key).sort());
    assert.deepEqual(Object.keys(ours[0]!), Object.keys(theirs[0]!), 'the same columns');
    const byId = new Map(theirs.map((r) => [key(r), r]));
    for (const r of ours) {
      const t = byId.get(key(r))!;
      assert.equal(r['IP Protocol'], t['IP Protocol']);
      assert.equal(r['Port Range'], t['Port Range']);
      assert.equal(r.Direction, t.Direction);
    }
  });

  test('floating ip create public', async () => {
    const f = await ostackJson(...cloud, 'floating', 'ip', 'create', 'public');
    fipAddress = f.floating_ip_address;
    assert.match(fipAddress, /^172\.24\.4\.\d+$/);
    assert.equal(f.port_id, null);
  });

  test('server create --wait with a key pair from a public key and that floating IP', async () => {
    const s = await ostackJson(
      ...cloud,
      'server',
      'create',
      `${P}-vm`,
      '--image',
      'cirros',
      '--flavor',
      'm1.nano',
      '--network',
      `${P}-net`,
      '--key-name',
      `${P}-key`,
      '--public-key',
      join(dir, 'id.pub'),
      '--security-group',
      `${P}-sg`,
      '--property',
      'role=test',
      '--floating-ip',
      fipAddress,
      '--wait',
    );
    serverId = s.id;
    assert.equal(s.status, 'ACTIVE');
    assert.equal(s.key_name, `${P}-key`);
    assert.equal(s.public_v4, fipAddress);
    assert.deepEqual(s.properties, { role: 'test' });
    assert.deepEqual(s.security_groups, [`${P}-sg`]);
    assert.ok(s.addresses[`${P}-net`].includes(fipAddress));
    // the floating IP is associated with the server's port, as neutron says
    const fip = openstackJson('--os-cloud', DEMO_CLOUD, 'floating', 'ip', 'show', fipAddress);
    const ports = openstackJson<{ ID: string }[]>(
      '--os-cloud',
      DEMO_CLOUD,
      'port',
      'list',
      '--server',
      serverId,
    );
    assert.equal(fip.port_id, ports[0]!.ID);
    const kp = openstackJson('--os-cloud', DEMO_CLOUD, 'keypair', 'show', `${P}-key`);
    assert.equal(kp.name, `${P}-key`);
  });

  test('server list and show agree with openstack', async () => {
    const ours = await ostackJson(...cloud, 'server', 'list', '--name', `^${P}-vm$`);
    const theirs = openstackJson('--os-cloud', DEMO_CLOUD, 'server', 'list', '--name', `^${P}-vm$`);
    assert.equal(ours.length, 1);
    assert.deepEqual(Object.keys(ours[0]), Object.keys(theirs[0]), 'default columns');
    for (const c of ['ID', 'Name', 'Status', 'Image', 'Flavor']) assert.equal(ours[0][c], theirs[0][c], c);
    assert.deepEqual(ours[0].Networks, theirs[0].Networks);
    const value = await ostack(
      ...cloud,
      'server',
      'show',
      `${P}-vm`,
      '-f',
      'value',
      '-c',
      'status',
      '-c',
      'key_name',
    );
    assert.equal(value.status, 0, value.stderr);
    assert.equal(value.stdout, `ACTIVE\n${P}-key\n`);
    const fips = await ostackJson(...cloud, 'floating', 'ip', 'list', '--port', await portOf(conn, serverId));
    assert.deepEqual(
      fips.map((f: Record<string, string>) => f['Floating IP Address']),
      [fipAddress],
    );
  });

  test('server stop --wait, start --wait, reboot', async () => {
    const stop = await ostack(...cloud, 'server', 'stop', `${P}-vm`, '--wait');
    assert.equal(stop.status, 0, stop.stderr);
    assert.equal((await conn.compute.getServer(serverId)).status, 'SHUTOFF');
    const start = await ostack(...cloud, 'server', 'start', `${P}-vm`, '--wait');
    assert.equal(start.status, 0, start.stderr);
    assert.equal((await conn.compute.getServer(serverId)).status, 'ACTIVE');
    const reboot = await ostack(...cloud, 'server', 'reboot', `${P}-vm`, '--wait');
    assert.equal(reboot.status, 0, reboot.stderr);
    assert.equal((await conn.compute.getServer(serverId)).status, 'ACTIVE');
  });

  test('API errors: exit 1, the service message and request id on stderr, nothing on stdout', async () => {
    const r = await ostack(...cloud, 'security', 'group', 'delete', `${P}-sg`);
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /in use.*\(HTTP 409\) \(Request-ID: req-[0-9a-f-]+\)/s);
    const missing = await ostack(...cloud, 'server', 'show', `${P}-nope`);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /^Error: no server with id or name/);
    const usage = await ostack(...cloud, 'server', 'create', `${P}-x`, '--image', 'cirros');
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /--flavor/);
    const badNet = await ostack(
      ...cloud,
      'server',
      'create',
      `${P}-x`,
      '--image',
      'cirros',
      '--flavor',
      'm1.nano',
    );
    assert.equal(badNet.status, 2, 'two usable networks now: a usage error naming them');
    assert.match(badNet.stderr, new RegExp(`"${P}-net"`));
  });

  test('server delete --delete-ips --wait removes the server and its floating IP', async () => {
    const r = await ostack(...cloud, 'server', 'delete', `${P}-vm`, '--delete-ips', '--wait');
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(await conn.compute.listServers({ name: `^${P}-vm$` }).toArray(), []);
    const f = await ostack(...cloud, 'floating', 'ip', 'show', fipAddress);
    assert.equal(f.status, 1);
    assert.match(f.stderr, /\(HTTP 404\)/);
    fipAddress = '';
  });

  test('project cleanup --dry-run lists this run’s resources; --auto-approve deletes them', async () => {
    const refuse = await ostack(...cloud, 'project', 'cleanup', '--name-prefix', P);
    assert.equal(refuse.status, 2, 'deleting needs --auto-approve');
    const plan = await ostackJson<{ Type: string; Name: string; Status: string }[]>(
      ...cloud,
      'project',
      'cleanup',
      '--dry-run',
      '--name-prefix',
      P,
    );
    const names = plan.map((a) => `${a.Type} ${a.Name}`);
    for (const n of [
      `router ${P}-router`,
      `subnet ${P}-subnet`,
      `network ${P}-net`,
      `security-group ${P}-sg`,
    ]) {
      assert.ok(names.includes(n), `${n} in ${names.join(', ')}`);
    }
    assert.ok(plan.every((a) => a.Status === 'planned'));
    const run = await ostack(
      ...cloud,
      'project',
      'cleanup',
      '--auto-approve',
      '--name-prefix',
      P,
      '-f',
      'json',
    );
    assert.equal(run.status, 0, run.stderr);
    assert.ok((JSON.parse(run.stdout) as { Status: string }[]).every((a) => a.Status === 'deleted'));
    const gone = await ostack(...cloud, 'network', 'show', `${P}-net`);
    assert.equal(gone.status, 1);
    const del = await ostack(...cloud, 'keypair', 'delete', `${P}-key`);
    assert.equal(del.status, 0, del.stderr);
  });
});

async function portOf(conn: Connection, serverId: string): Promise<string> {
  const ports = await conn.network.listPorts({ deviceId: serverId }).toArray();
  return ports[0]!.id;
}
