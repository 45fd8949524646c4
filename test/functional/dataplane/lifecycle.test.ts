/**
 * A running guest through nova's power and resize actions: soft and hard reboot, stop and
 * start, a resize to m1.micro confirmed and one reverted. After each, the guest must have
 * really booted again (a new kernel boot id) and its service must answer on the floating IP.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CreatedServer } from '../../../src/cloud/index.js';
import { functionalSuite } from '../../support/cloud.js';
import { BOOT_TIMEOUT_MS, bootServer, dataplaneFixture, httpGetWhenUp, waitForPort } from './helpers.js';

// the page is the kernel's boot id, written at every boot: a new one proves a new boot
const userData = [
  '#!/bin/sh',
  'mkdir -p /tmp/www',
  'cat /proc/sys/kernel/random/boot_id > /tmp/www/index.html',
  'httpd -p 8080 -h /tmp/www',
].join('\n');

functionalSuite(
  'data plane: reboot, stop/start and resize keep the service (demo)',
  { timeout: 1_500_000 },
  (suite) => {
    const fixture = dataplaneFixture(suite, 'life');
    let made: CreatedServer | undefined;
    let bootId = '';

    /** Wait for the service; assert it answers from a boot other than the last one seen. */
    async function answersFromANewBoot(what: string): Promise<void> {
      assert.ok(made?.publicV4, 'needs the server of the first test');
      await waitForPort(made.publicV4, 8080, BOOT_TIMEOUT_MS);
      const id = (await httpGetWhenUp(`http://${made.publicV4}:8080/`)).trim();
      assert.match(id, /^[0-9a-f-]{36}$/, `the page must be a boot id, got ${JSON.stringify(id)}`);
      assert.notEqual(id, bootId, `${what} must boot the guest again (same boot id ${id})`);
      bootId = id;
    }

    /** The server's id: every test after the first needs it. */
    function id(): string {
      assert.ok(made, 'needs the server of the first test');
      return made.server.id;
    }

    async function idle(status: string): Promise<void> {
      const s = await fixture().conn.compute.waitForServerIdle(id(), status, {
        intervalMs: 1000,
        timeoutMs: BOOT_TIMEOUT_MS,
      });
      assert.equal(s.status, status, `server must be ${status}`);
    }

    test('a server whose page is its boot id', async () => {
      made = await bootServer(fixture(), suite.cleanup, { name: 'life', userData });
      await answersFromANewBoot('the first boot');
    });

    test('soft reboot: ACTIVE again, a new boot, the service answers', async () => {
      await fixture().conn.compute.rebootServer(id(), 'SOFT');
      await idle('ACTIVE');
      await answersFromANewBoot('a soft reboot');
    });

    test('hard reboot: ACTIVE again, a new boot, the service answers', async () => {
      await fixture().conn.compute.rebootServer(id(), 'HARD');
      await idle('ACTIVE');
      await answersFromANewBoot('a hard reboot');
    });

    test('stop (SHUTOFF, the port is silent) and start: the service answers', async () => {
      const fx = fixture();
      await fx.conn.compute.stopServer(id());
      await idle('SHUTOFF');
      await assert.rejects(
        httpGetWhenUp(`http://${made?.publicV4}:8080/`, 3000),
        /did not answer/,
        'a stopped guest must not answer',
      );
      await fx.conn.compute.startServer(id());
      await idle('ACTIVE');
      await answersFromANewBoot('stop and start');
    });

    test('resize to m1.micro, confirmed: the new flavor, the service answers', async () => {
      const fx = fixture();
      const micro = await fx.conn.compute.findFlavor('m1.micro');
      await fx.conn.compute.resizeServer(id(), micro.id);
      await idle('VERIFY_RESIZE');
      await fx.conn.compute.confirmServerResize(id());
      await idle('ACTIVE');
      const s = await fx.conn.compute.getServer(id());
      assert.equal(s.flavor?.original_name, 'm1.micro', 'a confirmed resize keeps the new flavor');
      await answersFromANewBoot('a confirmed resize');
    });

    test('resize to m1.nano, reverted: the old flavor, the service answers', async () => {
      const fx = fixture();
      const nano = await fx.conn.compute.findFlavor('m1.nano');
      await fx.conn.compute.resizeServer(id(), nano.id);
      await idle('VERIFY_RESIZE');
      await fx.conn.compute.revertServerResize(id());
      await idle('ACTIVE');
      const s = await fx.conn.compute.getServer(id());
      assert.equal(s.flavor?.original_name, 'm1.micro', 'a reverted resize goes back to the flavor it had');
      await answersFromANewBoot('a reverted resize');
    });
  },
);
