/**
 * The talk's demo: a network with a subnet and a router to the outside, a security group
 * that lets SSH and HTTP in, a key pair, a server on that network with the key pair and a
 * floating IP — then how to reach it (ssh command and URL), and everything removed again,
 * also when a step fails.
 *
 * Run: node --import tsx examples/reachable-server.ts [cloud]
 *
 * On the dev cloud the server does not really boot (nova's fake driver) and the floating IP is
 * not routed (neutron without agents): the printed commands show what you would run on a
 * real cloud.
 */
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from '../src/index.js';

export async function reachableServer(conn: Connection, log: (s: string) => void): Promise<void> {
  const prefix = `example-demo-${Date.now().toString(36)}`;
  const keyDir = await mkdtemp(join(tmpdir(), 'ossdk-demo-'));
  let cleanupFailure: string | undefined;
  try {
    // Routers and floating IPs need an external network; without one the server is private only.
    const external = await conn.network.listNetworks({ isRouterExternal: true }).toArray();
    const hasExternal = external.length > 0;
    const cidr = `10.${100 + Math.floor(Math.random() * 150)}.${Math.floor(Math.random() * 250)}.0/24`;
    const setup = await conn.cloud.getOrCreateNetwork({
      name: `${prefix}-net`,
      cidr,
      routerToExternal: hasExternal,
    });
    log(
      `network ${setup.network.name} with subnet ${setup.subnet.cidr}` +
        (setup.router
          ? ` and router ${setup.router.name} (gateway on ${external[0]!.name})`
          : ' (no external network: no router)'),
    );

    const { securityGroup } = await conn.cloud.getOrCreateSecurityGroup(
      `${prefix}-sg`,
      [
        { protocol: 'tcp', port: 22, remoteIpPrefix: '0.0.0.0/0', description: 'SSH' },
        { protocol: 'tcp', port: 80, remoteIpPrefix: '0.0.0.0/0', description: 'HTTP' },
      ],
      { description: 'SSH and HTTP from anywhere' },
    );
    log(`security group ${securityGroup.name}: ingress tcp/22 and tcp/80`);

    // Nova generates the key pair; its private half comes back once, in this answer only.
    const keypair = await conn.compute.createKeypair({ name: `${prefix}-key` });
    const keyFile = join(keyDir, `${keypair.name}.pem`);
    if (keypair.privateKey) {
      await writeFile(keyFile, keypair.privateKey, { mode: 0o600 });
      await chmod(keyFile, 0o600);
    }
    log(`key pair ${keypair.name} (fingerprint ${keypair.fingerprint})`);

    const made = await conn.cloud.createServer({
      name: `${prefix}-vm`,
      image: 'cirros',
      flavor: 'm1.nano',
      network: setup.network.id,
      keyName: keypair.name!,
      securityGroups: [securityGroup.name!],
      autoIp: hasExternal,
      reuseIps: false,
      intervalMs: 1000,
      timeoutMs: 120_000,
    });
    log(
      `server ${made.server.name} is ${made.server.status}: private ${made.privateV4}, floating ${made.publicV4 ?? '(none)'}`,
    );
    const address = made.publicV4 ?? made.privateV4;
    log(`reach it with: ssh -i ${keypair.privateKey ? keyFile : '<your private key>'} cirros@${address}`);
    log(`and its web server at: http://${address}/`);
  } finally {
    // Whatever happened above: remove everything with this run's prefix (server, floating
    // IP, router, subnet, network, security group), then the key pair (it belongs to the user).
    const r = await conn.cloud.projectCleanup({
      dryRun: false,
      filters: { namePrefix: prefix },
      intervalMs: 1000,
    });
    await conn.compute.deleteKeypair(`${prefix}-key`, { ignoreMissing: true });
    await rm(keyDir, { recursive: true, force: true });
    log(`cleaned up: ${r.actions.map((a) => a.type).join(', ') || 'nothing to do'}, key pair`);
    if (r.failed) {
      cleanupFailure = `cleanup failed: ${r.actions
        .filter((a) => a.error)
        .map((a) => `${a.type} ${a.name}: ${a.error}`)
        .join('; ')}`;
      log(cleanupFailure);
    }
  }
  // reached only when the steps above succeeded: then a failed cleanup is the error
  if (cleanupFailure) throw new Error(cleanupFailure);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const conn = Connection.fromCloud(process.argv[2] ?? process.env.OS_CLOUD ?? 'devcloud-demo');
  try {
    await reachableServer(conn, console.log);
  } finally {
    await conn.close();
  }
}
