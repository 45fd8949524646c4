/**
 * The talk's demo: a network with a subnet and a router to the outside, a security group
 * that lets SSH and HTTP in, a key pair, a server on that network with the key pair, a
 * floating IP and user data that starts a web server — then a page fetched from the server
 * over its floating IP, and everything removed again, also when a step fails.
 *
 * Run: node --import tsx examples/reachable-server.ts [cloud]
 *
 * Settings (environment; the defaults are the dev cloud's data plane, where servers really
 * boot): OSSDK_DEMO_IMAGE (ossdk-guest), OSSDK_DEMO_FLAVOR (m1.nano), OSSDK_DEMO_ZONE (the
 * server's availability zone: dataplane), OSSDK_DEMO_NETWORK_ZONE (the availability zone hint
 * of the network and router: dataplane), OSSDK_DEMO_USER (the image's login: root). An empty
 * zone means none. On another cloud, e.g.:
 *
 *   OSSDK_DEMO_IMAGE=ubuntu-24.04 OSSDK_DEMO_FLAVOR=m1.small OSSDK_DEMO_ZONE= \
 *   OSSDK_DEMO_NETWORK_ZONE= OSSDK_DEMO_USER=ubuntu node --import tsx examples/reachable-server.ts mycloud
 */
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from '../src/index.js';

/** What the demo boots, and where; see the file's header for the environment variables. */
export interface ReachableServerSettings {
  image: string;
  flavor: string;
  /** The server's availability zone; undefined for the cloud's default. */
  zone?: string;
  /** The network's and router's availability zone hint; undefined for none. */
  networkZone?: string;
  /** The image's login user, for the printed ssh command. */
  user: string;
  /** How long to wait for the page after the server is ACTIVE. */
  pageTimeoutMs: number;
}

/** The settings from the environment, defaulting to the dev cloud's data plane. */
export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): ReachableServerSettings {
  const zone = (v: string | undefined, dflt: string) => (v === undefined ? dflt : v || undefined);
  return {
    image: env.OSSDK_DEMO_IMAGE || 'ossdk-guest',
    flavor: env.OSSDK_DEMO_FLAVOR || 'm1.nano',
    zone: zone(env.OSSDK_DEMO_ZONE, 'dataplane'),
    networkZone: zone(env.OSSDK_DEMO_NETWORK_ZONE, 'dataplane'),
    user: env.OSSDK_DEMO_USER || 'root',
    pageTimeoutMs: 300_000,
  };
}

// Runs at boot (cloud-init and the dev cloud's guest both run a `#!` script): a one-page web
// server on port 80, with whichever server the image has.
function webServerScript(page: string): string {
  return [
    '#!/bin/sh',
    'mkdir -p /tmp/www',
    `echo '${page}' > /tmp/www/index.html`,
    'if command -v httpd >/dev/null; then httpd -p 80 -h /tmp/www',
    'elif command -v busybox >/dev/null; then busybox httpd -p 80 -h /tmp/www',
    'else cd /tmp/www && nohup python3 -m http.server 80 >/dev/null 2>&1 &',
    'fi',
    '',
  ].join('\n');
}

/** GET `url` until it answers 200 or `timeoutMs` passes; each try bounded to 5 s. */
async function fetchPage(url: string, timeoutMs: number): Promise<string> {
  const start = Date.now();
  let last = 'no answer';
  while (Date.now() - start < timeoutMs) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (res.ok) return (await res.text()).trim();
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = (e as Error).message;
    }
    await new Promise((r) => setTimeout(r, 2000));
  }
  throw new Error(
    `${url} did not answer within ${timeoutMs / 1000} s (last: ${last}): check the server's console log, its security group and that the image runs user data`,
  );
}

export async function reachableServer(
  conn: Connection,
  log: (s: string) => void,
  settings: ReachableServerSettings = settingsFromEnv(),
): Promise<void> {
  const prefix = `example-demo-${Date.now().toString(36)}`;
  const keyDir = await mkdtemp(join(tmpdir(), 'ossdk-demo-'));
  let cleanupFailure: string | undefined;
  try {
    // Routers and floating IPs need an external network; without one the server is private only.
    const external = await conn.network.listNetworks({ isRouterExternal: true }).toArray();
    const hasExternal = external.length > 0;
    const cidr = `10.${100 + Math.floor(Math.random() * 150)}.${Math.floor(Math.random() * 250)}.0/24`;
    const { network, subnet, router } = await makeNetwork(
      conn,
      prefix,
      cidr,
      hasExternal ? external[0]! : undefined,
      settings.networkZone,
    );
    log(
      `network ${network.name} with subnet ${subnet.cidr}` +
        (router
          ? ` and router ${router.name} (gateway on ${external[0]!.name})`
          : ' (no external network: no router)') +
        (settings.networkZone ? `, in zone ${settings.networkZone}` : ''),
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
      image: settings.image,
      flavor: settings.flavor,
      network: network.id,
      availabilityZone: settings.zone,
      userData: webServerScript(`hello from ${prefix}-vm`),
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
    log(
      `reach it with: ssh -i ${keypair.privateKey ? keyFile : '<your private key>'} ${settings.user}@${address}`,
    );
    log(`and its web server at: http://${address}/`);
    if (made.publicV4) {
      // ACTIVE means the hypervisor started it; the guest still boots and runs the user data
      const page = await fetchPage(`http://${made.publicV4}/`, settings.pageTimeoutMs);
      log(`fetched http://${made.publicV4}/: "${page}"`);
    } else {
      log('no floating IP (no external network): the page is reachable only from inside the network');
    }
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

/**
 * A network and subnet, and a router from them to `external` when there is one; with `zone`,
 * the network and router carry it as availability zone hint (on the dev cloud, only those get
 * DHCP and a real router). Removed by the project cleanup of the prefix.
 */
async function makeNetwork(
  conn: Connection,
  prefix: string,
  cidr: string,
  external: { id: string } | undefined,
  zone: string | undefined,
) {
  const hints = zone ? { availabilityZoneHints: [zone] } : {};
  const network = await conn.network.createNetwork({ name: `${prefix}-net`, ...hints });
  const subnet = await conn.network.createSubnet({
    name: `${prefix}-subnet`,
    networkId: network.id,
    ipVersion: 4,
    cidr,
  });
  if (!external) return { network, subnet, router: undefined };
  const router = await conn.network.createRouter({
    name: `${prefix}-router`,
    externalGatewayInfo: { network_id: external.id },
    ...hints,
  });
  await conn.network.addRouterInterface(router.id, { subnetId: subnet.id });
  return { network, subnet, router };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const conn = Connection.fromCloud(process.argv[2] ?? process.env.OS_CLOUD ?? 'devcloud-demo');
  try {
    await reachableServer(conn, console.log);
  } finally {
    await conn.close();
  }
}
