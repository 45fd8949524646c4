/**
 * The talk's demo on a cloud whose servers really boot: a server on a wired network behind a
 * router, in a private security group, with a key pair and a floating IP, answers HTTP from its
 * user data and runs a command over SSH with the injected key; a port the group does not open
 * stays silent until a rule opens it; the console log shows the boot and the user data.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CreatedServer } from '../../../src/cloud/index.js';
import { ServerUnreachableError } from '../../../src/errors/errors.js';
import { functionalSuite } from '../../support/cloud.js';
import {
  BOOT_MARKER,
  BOOT_TIMEOUT_MS,
  bootServer,
  DP_ZONE,
  dataplaneFixture,
  GUEST_IMAGE,
  httpGetWhenUp,
  sshRun,
  tcpAnswers,
  waitForConsole,
  waitForPort,
} from './helpers.js';

functionalSuite('data plane: the demo, reachable for real (demo)', { timeout: 900_000 }, (suite) => {
  const fixture = dataplaneFixture(suite, 'demo');
  let made: CreatedServer | undefined;
  const content = `hello from ${suite.prefix}`;

  test('network, router, group, key pair, server, floating IP: HTTP and SSH answer', async () => {
    const fx = fixture();
    // this file's one server lives for all its tests; the suite's cleanup removes it
    const userData = [
      '#!/bin/sh',
      'mkdir -p /tmp/www /tmp/www8081',
      `echo '${content}' > /tmp/www/index.html`,
      `echo 'port 8081' > /tmp/www8081/index.html`,
      'httpd -p 8080 -h /tmp/www',
      'httpd -p 8081 -h /tmp/www8081',
      'echo ossdk-userdata-ran',
    ].join('\n');
    made = await bootServer(fx, suite.cleanup, { name: 'web', userData });
    assert.equal(made.server.status, 'ACTIVE', `server must be ACTIVE, is ${made.server.status}`);
    assert.equal(
      (made.server as { currentAvailabilityZone?: string }).currentAvailabilityZone,
      'dataplane',
      'the server must run in the data-plane zone',
    );
    assert.ok(made.publicV4, 'the server must have a floating IP');

    const body = await httpGetWhenUp(`http://${made.publicV4}:8080/`);
    assert.equal(body.trim(), content, 'the page must be what the user data wrote');

    const ssh = await sshRun(made.publicV4, fx.keyFile, 'id -un; hostname; cat /tmp/www/index.html');
    assert.equal(ssh.status, 0, `ssh with the injected key must succeed: ${ssh.stderr}`);
    const [user, host, page] = ssh.stdout.trim().split('\n');
    assert.equal(user, 'root', 'the key is installed for root');
    assert.ok(host && host.length > 0, `hostname must print something, got ${JSON.stringify(ssh.stdout)}`);
    assert.equal(page, content, 'the file user data wrote is on the guest');
  });

  test('a port the security group does not open times out, and answers once a rule opens it', async () => {
    const fx = fixture();
    assert.ok(made?.publicV4, 'needs the server of the first test');
    const ip = made.publicV4;
    const started = Date.now();
    const open = await tcpAnswers(ip, 8081, 3000);
    const waited = Date.now() - started;
    assert.equal(open, false, 'tcp/8081 is not in the group: the connect must not succeed');
    assert.ok(waited >= 2500, `a dropped port is silence, not a refusal (gave up after ${waited} ms)`);

    const rule = await fx.conn.network.createSecurityGroupRule({
      securityGroupId: fx.securityGroupId,
      direction: 'ingress',
      ethertype: 'IPv4',
      protocol: 'tcp',
      portRangeMin: 8081,
      portRangeMax: 8081,
      remoteIpPrefix: '0.0.0.0/0',
    });
    suite.cleanup.add('rule 8081', () =>
      fx.conn.network.deleteSecurityGroupRule(rule.id, { ignoreMissing: true }),
    );
    const ms = await waitForPort(ip, 8081, 30_000);
    const body = await httpGetWhenUp(`http://${ip}:8081/`, 15_000);
    assert.equal(body.trim(), 'port 8081', `tcp/8081 must answer after the rule (opened in ${ms} ms)`);
  });

  test('console output shows the boot-finished marker with the fixed IP, and the user data ran', async () => {
    const fx = fixture();
    assert.ok(made, 'needs the server of the first test');
    const log = await waitForConsole(fx.conn, made.server.id, BOOT_MARKER);
    const m = BOOT_MARKER.exec(log);
    assert.equal(m?.[1], made.privateV4, 'the guest reports the fixed address neutron gave it');
    assert.ok(
      log.includes('ossdk-userdata-ran'),
      'the user data script ran at boot (its echo is in the log)',
    );
    const tail = await fx.conn.compute.getServerConsoleOutput(made.server.id, { length: 5 });
    assert.ok(
      tail.split('\n').filter((l) => l.length > 0).length <= 5,
      `length: 5 must keep at most 5 lines, got ${JSON.stringify(tail)}`,
    );
  });

  test('createServer({ reachable }) on a port no rule opens: a typed error that says why, and nothing left', async () => {
    const fx = fixture();
    const name = `${fx.prefix}-closed`;
    suite.cleanup.add(`server ${name}`, async () => {
      for (const s of await fx.conn.compute.listServers({ name: `^${name}$` }).toArray())
        await fx.conn.cloud.deleteServer(s.id, { deleteIps: true, wait: true, timeoutMs: 180_000 });
    });
    const err = await fx.conn.cloud
      .createServer({
        name,
        image: GUEST_IMAGE,
        flavor: 'm1.nano',
        network: fx.networkId,
        keyName: fx.keyName,
        securityGroups: [fx.securityGroupName],
        availabilityZone: DP_ZONE,
        autoIp: true,
        reuseIps: false,
        intervalMs: 1000,
        timeoutMs: BOOT_TIMEOUT_MS,
        reachable: { port: 8089, timeoutMs: 30_000 },
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    assert.ok(err instanceof ServerUnreachableError, `expected ServerUnreachableError, got ${String(err)}`);
    assert.equal(err.port, 8089, 'the error names the port');
    assert.ok(
      err.reasons.some((r) => r.includes(fx.securityGroupName) && r.includes('8089')),
      `a reason must name the group that lacks the rule: ${err.reasons.join(' | ')}`,
    );
    // the rollback's wait ends at status DELETED; nova may list the record a moment longer
    const left = await fx.conn.compute.listServers({ name: `^${name}$` }).toArray();
    assert.deepEqual(
      left.filter((x) => x.status !== 'DELETED').map((x) => x.status),
      [],
      'the server the failed call created was removed again',
    );
  });
});
