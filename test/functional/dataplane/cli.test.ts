/**
 * The CLI path to a reachable server: `ostack server create --availability-zone dataplane
 * --auto-ip --wait` with user data from a file, then the page over the floating IP it
 * printed and the boot marker on the console, then `ostack server delete --delete-ips --wait`.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEMO_CLOUD, functionalSuite } from '../../support/cloud.js';
import { ostack } from '../cli/helpers.js';
import {
  BOOT_MARKER,
  DP_ZONE,
  dataplaneFixture,
  GUEST_IMAGE,
  httpGetWhenUp,
  httpUserData,
  testCleanup,
  waitForConsole,
  waitForPort,
} from './helpers.js';

functionalSuite(
  'data plane: ostack server create in the data-plane zone (demo)',
  { timeout: 900_000 },
  (suite) => {
    const fixture = dataplaneFixture(suite, 'cli');

    test('create --availability-zone dataplane --auto-ip --wait: the page answers, the console shows the boot', async (t) => {
      const fx = fixture();
      const cleanup = testCleanup(t);
      const dir = await mkdtemp(join(tmpdir(), 'ossdk-dp-cli-'));
      cleanup.add('temp dir', () => rm(dir, { recursive: true, force: true }));
      const content = `served after ostack by ${fx.prefix}`;
      await writeFile(join(dir, 'user-data'), httpUserData(content));
      const name = `${fx.prefix}-vm`;
      cleanup.add(`server ${name}`, async () => {
        for (const s of await fx.conn.compute.listServers({ name: `^${name}$` }).toArray())
          await fx.conn.cloud.deleteServer(s.id, { deleteIps: true, wait: true, timeoutMs: 180_000 });
      });

      const cloud = ['--os-cloud', DEMO_CLOUD];
      const r = await ostack(
        ...cloud,
        'server',
        'create',
        name,
        '--image',
        GUEST_IMAGE,
        '--flavor',
        'm1.nano',
        '--network',
        fx.networkId,
        '--key-name',
        fx.keyName,
        '--security-group',
        fx.securityGroupName,
        '--user-data',
        join(dir, 'user-data'),
        '--availability-zone',
        DP_ZONE,
        '--auto-ip',
        '--wait',
        '-f',
        'json',
      );
      assert.equal(r.status, 0, `ostack server create must succeed: ${r.stderr}`);
      const out = JSON.parse(r.stdout) as { id?: string; status?: string; public_v4?: string };
      assert.equal(out.status, 'ACTIVE', `ostack must print the server ACTIVE: ${r.stdout}`);
      assert.ok(out.id, 'ostack must print the server id');
      assert.match(
        out.public_v4 ?? '',
        /^172\.24\.4\.\d+$/,
        'ostack must print the floating IP from "public"',
      );
      const address = out.public_v4!;

      await waitForPort(address, 8080);
      assert.equal(
        (await httpGetWhenUp(`http://${address}:8080/`)).trim(),
        content,
        'the page the user data wrote',
      );
      await waitForConsole(fx.conn, out.id, BOOT_MARKER);
      const con = await ostack(...cloud, 'console', 'log', 'show', '--lines', '40', out.id);
      assert.equal(con.status, 0, `ostack console log show must succeed: ${con.stderr}`);
      assert.match(con.stdout, BOOT_MARKER, 'ostack console log show prints the boot-finished marker');
      assert.ok(
        con.stdout.trimEnd().split('\n').length <= 40,
        `--lines 40 keeps at most 40 lines, got ${con.stdout.split('\n').length}`,
      );

      const del = await ostack(...cloud, 'server', 'delete', out.id, '--delete-ips', '--wait');
      assert.equal(del.status, 0, `ostack server delete must succeed: ${del.stderr}`);
      const left = await fx.conn.network.listFloatingIps({ floatingIpAddress: address }).toArray();
      assert.deepEqual(left, [], `--delete-ips must release ${address}`);
    });
  },
);
