/**
 * What the data-plane suites share: bounded probes of a guest (TCP connect, HTTP GET, an SSH
 * command with the injected key), a per-file fixture (a network, subnet and router that the
 * dev cloud's agents really wire, a private security group, a key pair from ssh-keygen) and a
 * server boot that registers its own removal on the test that made it.
 *
 * The dev cloud's real compute host is in availability zone "dataplane", and its DHCP and L3
 * agents serve only networks and routers created with that zone as a hint; floating IPs of
 * "public" are routed from this host (tools/devcloud/services/dataplane.sh).
 */
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, type TestContext } from 'node:test';
import type { CreatedServer } from '../../../src/cloud/index.js';
import type { Connection } from '../../../src/index.js';
import { Cleanup, type FunctionalSuite } from '../../support/cloud.js';
import { type ProcessResult, runProcess } from '../../support/run-process.js';

/** The zone of the real compute host, and the hint its network agents answer to. */
export const DP_ZONE = process.env.OSSDK_DP_ZONE ?? 'dataplane';
/** The guest image: DHCP, metadata, dropbear with the key, user data at every boot. */
export const GUEST_IMAGE = process.env.OSSDK_DP_IMAGE ?? 'ossdk-guest';
/** What the guest prints on its console when it is up. */
export const BOOT_MARKER = /ossdk-guest: boot-finished after [\d.]+s, ip (\S+)/;
/** From create to SSH is 20–40 s on TCG; a loaded machine gets room, never an unbounded wait. */
export const BOOT_TIMEOUT_MS = 240_000;

/** One TCP connect to host:port; true when it was accepted within `timeoutMs`. */
export function tcpAnswers(host: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    // security groups DROP: a closed port gives no refusal, only silence
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * Wait until host:port accepts a connection; resolves with the milliseconds it took, rejects
 * after `timeoutMs` naming the address and what to look at.
 */
export async function waitForPort(host: string, port: number, timeoutMs = BOOT_TIMEOUT_MS): Promise<number> {
  const start = Date.now();
  for (;;) {
    if (await tcpAnswers(host, port, 3000)) return Date.now() - start;
    if (Date.now() - start > timeoutMs)
      throw new Error(
        `${host}:${port} did not accept a connection within ${timeoutMs / 1000} s: check the server's console log and its security group`,
      );
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** An HTTP GET with a bounded time; resolves with status and body text. */
export async function httpGet(url: string, timeoutMs = 10_000): Promise<{ status: number; body: string }> {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  return { status: res.status, body: await res.text() };
}

/**
 * GET until it answers 200 (a service started by user data comes up a moment after SSH);
 * resolves with the body, rejects after `timeoutMs` with the last error.
 */
export async function httpGetWhenUp(url: string, timeoutMs = 60_000): Promise<string> {
  const start = Date.now();
  let last = '';
  while (Date.now() - start < timeoutMs) {
    try {
      const r = await httpGet(url, 5000);
      if (r.status === 200) return r.body;
      last = `status ${r.status}`;
    } catch (e) {
      last = (e as Error).message;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`GET ${url} did not answer 200 within ${timeoutMs / 1000} s (last: ${last})`);
}

/** What a command run over SSH gave. */
export type SshResult = ProcessResult;

/** Run `command` as root on `host` with the key in `keyFile` (BatchMode: never a prompt). */
export function sshRun(
  host: string,
  keyFile: string,
  command: string,
  timeoutMs = 30_000,
): Promise<SshResult> {
  return runProcess(
    '/usr/bin/ssh',
    [
      '-i',
      keyFile,
      '-o',
      'StrictHostKeyChecking=no',
      '-o',
      'UserKnownHostsFile=/dev/null',
      '-o',
      'BatchMode=yes',
      '-o',
      'ConnectTimeout=10',
      '-o',
      'LogLevel=ERROR',
      `root@${host}`,
      command,
    ],
    { timeout: timeoutMs },
  );
}

/** What a data-plane file's tests share; made once in `before`, removed in `after`. */
export interface DataplaneFixture {
  conn: Connection;
  prefix: string;
  networkId: string;
  subnetId: string;
  routerId: string;
  /** The external network the floating IPs come from. */
  publicId: string;
  securityGroupId: string;
  securityGroupName: string;
  keyName: string;
  /** The private half, for ssh -i. */
  keyFile: string;
}

/**
 * Register a `before` hook that makes (and puts on the suite's cleanup the removal of) a wired network behind a router to
 * "public", a private security group letting in tcp/22 and tcp/8080, and a key pair from
 * `ssh-keygen -t ed25519`. The returned getter throws when `before` failed.
 */
export function dataplaneFixture(suite: FunctionalSuite, what: string): () => DataplaneFixture {
  let fx: DataplaneFixture | undefined;
  const conn = suite.demo();
  const prefix = suite.name(`dp-${what}`);
  // the suite's list: it runs before the suite closes its connections, and in reverse, so
  // servers a test added to it later go before the network they sit on
  const { cleanup } = suite;

  before(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ossdk-dp-'));
    cleanup.add('key dir', () => rm(dir, { recursive: true, force: true }));
    const keyFile = join(dir, 'id_ed25519');
    const gen = await run('/usr/bin/ssh-keygen', [
      '-q',
      '-t',
      'ed25519',
      '-N',
      '',
      '-C',
      prefix,
      '-f',
      keyFile,
    ]);
    assert.equal(gen.status, 0, `ssh-keygen failed: ${gen.stderr}`);
    const keyName = `${prefix}-key`;
    await conn.compute.createKeypair({ name: keyName, publicKey: await readFile(`${keyFile}.pub`, 'utf8') });
    cleanup.add('key pair', () => conn.compute.deleteKeypair(keyName, { ignoreMissing: true }));

    const net = await conn.network.createNetwork({ name: `${prefix}-net`, availabilityZoneHints: [DP_ZONE] });
    cleanup.add('network', () => conn.network.deleteNetwork(net.id, { ignoreMissing: true }));
    const sub = await conn.network.createSubnet({
      name: `${prefix}-subnet`,
      networkId: net.id,
      ipVersion: 4,
      cidr: `10.${randomInt(100, 250)}.${randomInt(0, 250)}.0/24`,
    });
    cleanup.add('subnet', () => conn.network.deleteSubnet(sub.id, { ignoreMissing: true }));
    const pub = await conn.network.findNetwork('public');
    const router = await conn.network.createRouter({
      name: `${prefix}-router`,
      availabilityZoneHints: [DP_ZONE],
      externalGatewayInfo: { network_id: pub.id },
    });
    cleanup.add('router', () => conn.network.deleteRouter(router.id, { ignoreMissing: true }));
    await conn.network.addRouterInterface(router.id, { subnetId: sub.id });
    cleanup.add('router interface', () =>
      conn.network.removeRouterInterface(router.id, { subnetId: sub.id }),
    );

    const sgName = `${prefix}-sg`;
    const { securityGroup } = await conn.cloud.getOrCreateSecurityGroup(
      sgName,
      [
        { protocol: 'tcp', port: 22, remoteIpPrefix: '0.0.0.0/0' },
        { protocol: 'tcp', port: 8080, remoteIpPrefix: '0.0.0.0/0' },
      ],
      { description: 'data-plane tests: SSH and HTTP on 8080' },
    );
    cleanup.add('security group', () =>
      conn.network.deleteSecurityGroup(securityGroup.id, { ignoreMissing: true }),
    );

    fx = {
      conn,
      prefix,
      networkId: net.id,
      subnetId: sub.id,
      routerId: router.id,
      publicId: pub.id,
      securityGroupId: securityGroup.id,
      securityGroupName: sgName,
      keyName,
      keyFile,
    };
  });

  return () => {
    assert.ok(fx, 'the data-plane fixture was not made: see the before hook failure');
    return fx;
  };
}

/** A shell script for user data: serve `content` on :8080 from busybox httpd, at every boot. */
export function httpUserData(content: string): string {
  return `#!/bin/sh\nmkdir -p /tmp/www\necho '${content}' > /tmp/www/index.html\nhttpd -p 8080 -h /tmp/www\n`;
}

/** What {@link bootServer} takes beyond the fixture. */
export interface BootOptions {
  name: string;
  userData?: string;
  flavor?: string;
  image?: string;
  /** A floating IP from "public" (default true). */
  autoIp?: boolean;
  /** Boot from a new 1 GiB volume made from the image (the cloud layer's `bootFromVolume`). */
  bootFromVolume?: boolean;
}

/**
 * Create a server in the data-plane zone through the cloud layer, which waits until SSH answers
 * on its floating IP (`reachable`);
 * its removal (with its floating IP) is registered on `cleanup`, so it goes also when the
 * test fails.
 */
export async function bootServer(
  fx: DataplaneFixture,
  cleanup: Cleanup,
  o: BootOptions,
): Promise<CreatedServer> {
  const name = `${fx.prefix}-${o.name}`;
  cleanup.add(`server ${name}`, async () => {
    // by name: the create may have failed after nova accepted it
    for (const s of await fx.conn.compute.listServers({ name: `^${name}$` }).toArray())
      await fx.conn.cloud.deleteServer(s.id, { deleteIps: true, wait: true, timeoutMs: 180_000 });
  });
  const made = await fx.conn.cloud.createServer({
    name,
    image: o.image ?? GUEST_IMAGE,
    flavor: o.flavor ?? 'm1.nano',
    network: fx.networkId,
    keyName: fx.keyName,
    securityGroups: [fx.securityGroupName],
    availabilityZone: DP_ZONE,
    userData: o.userData,
    autoIp: o.autoIp ?? true,
    ...(o.bootFromVolume ? { bootFromVolume: true, volumeSize: 1 } : {}),
    reuseIps: false,
    intervalMs: 1000,
    timeoutMs: BOOT_TIMEOUT_MS,
    // the SDK's own wait: createServer returns once SSH answers on the floating IP
    ...((o.autoIp ?? true) ? { reachable: { port: 22 } } : {}),
  });
  return made;
}

/** A cleanup list that runs after the test `t`, even when it fails. */
export function testCleanup(t: TestContext): Cleanup {
  const c = new Cleanup();
  t.after(() => c.run());
  return c;
}

/** Poll the console log until `pattern` shows (bounded); resolves with the whole log. */
export async function waitForConsole(
  conn: Connection,
  serverId: string,
  pattern: RegExp,
  timeoutMs = 120_000,
): Promise<string> {
  const start = Date.now();
  let log = '';
  while (Date.now() - start < timeoutMs) {
    log = await conn.compute.getServerConsoleOutput(serverId);
    if (pattern.test(log)) return log;
    await new Promise((r) => setTimeout(r, 2000));
  }
  throw new Error(
    `console of ${serverId} did not show ${pattern} within ${timeoutMs / 1000} s; its tail:\n${log.slice(-800)}`,
  );
}

/** Count the occurrences of `pattern` (global) in `text`. */
export function count(text: string, pattern: RegExp): number {
  return [...text.matchAll(new RegExp(pattern.source, 'g'))].length;
}

function run(cmd: string, args: string[]): Promise<SshResult> {
  return runProcess(cmd, args);
}
