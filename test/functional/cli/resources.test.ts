/**
 * ostack's read commands against openstack's on the same cloud, and the storage commands
 * (image create --file, container/object upload/download, volume create --wait) checked
 * against what the services then hold.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ADMIN_CLOUD, DEMO_CLOUD, functionalSuite } from '../../support/cloud.js';
import { openstackJson, ostack, ostackJson, ostackWithEnv } from './helpers.js';

functionalSuite('cli/resources', (suite) => {
  const conn = suite.demo();
  const P = suite.name('clires');
  const demo = ['--os-cloud', DEMO_CLOUD];
  const admin = ['--os-cloud', ADMIN_CLOUD];
  const { cleanup } = suite;
  let dir = '';

  describe('ostack read commands agree with openstack', () => {
    test('flavor list: the same rows and columns', async () => {
      const ours = await ostackJson(...demo, 'flavor', 'list');
      const theirs = openstackJson('--os-cloud', DEMO_CLOUD, 'flavor', 'list');
      assert.deepEqual(ours, theirs);
    });
    test('flavor show m1.nano: the same values under the same names', async () => {
      const ours = await ostackJson(...demo, 'flavor', 'show', 'm1.nano');
      const theirs = openstackJson('--os-cloud', DEMO_CLOUD, 'flavor', 'show', 'm1.nano');
      for (const k of [
        'id',
        'name',
        'ram',
        'disk',
        'vcpus',
        'os-flavor-access:is_public',
        'OS-FLV-EXT-DATA:ephemeral',
      ]) {
        assert.deepEqual(ours[k], theirs[k], k);
      }
    });
    test('image list, network list --external, router list, subnet list: same rows', async () => {
      for (const args of [
        ['image', 'list', '--name', 'cirros'],
        ['network', 'list', '--external'],
        ['router', 'list', '--name', 'router1'],
        ['subnet', 'list', '--network', 'private'],
        ['security', 'group', 'list'],
      ]) {
        const ours = await ostackJson<Record<string, unknown>[]>(...demo, ...args);
        const theirs = openstackJson<Record<string, unknown>[]>('--os-cloud', DEMO_CLOUD, ...args);
        // groups other suites make in this project (the data-plane ones run alongside) may come
        // and go between the two calls: compare what no test makes
        const byId = (xs: Record<string, unknown>[]) =>
          xs
            .filter((x) => !String(x.Name).startsWith('ossdk-test-'))
            .sort((a, b) => String(a.ID).localeCompare(String(b.ID)));
        assert.deepEqual(byId(ours), byId(theirs), args.join(' '));
      }
    });
    test('port list on private: the same ports and addresses', async () => {
      const ours = await ostackJson<Record<string, any>[]>(...demo, 'port', 'list', '--network', 'private');
      const theirs = openstackJson<Record<string, any>[]>(
        '--os-cloud',
        DEMO_CLOUD,
        'port',
        'list',
        '--network',
        'private',
      );
      assert.deepEqual(Object.keys(ours[0] ?? {}), Object.keys(theirs[0] ?? {}));
      const ids = (xs: Record<string, any>[]) => xs.map((p) => `${p.ID} ${p['MAC Address']}`).sort();
      // ports of servers other tests boot may come and go between the two calls: compare the router's
      const routerPorts = (xs: Record<string, any>[]) =>
        ids(
          xs.filter((p) =>
            p['Fixed IP Addresses'].some((f: { ip_address: string }) => f.ip_address === '10.0.0.1'),
          ),
        );
      assert.deepEqual(routerPorts(ours), routerPorts(theirs));
      assert.equal(routerPorts(ours).length, 1);
    });
    test('project list as demo shows its own project; project show and user show for oneself', async () => {
      const token = await ostackJson(...demo, 'token', 'issue');
      const projects = await ostackJson<{ ID: string; Name: string }[]>(...demo, 'project', 'list');
      assert.ok(projects.some((p) => p.ID === token.project_id && p.Name === 'demo'));
      const p = await ostackJson(...demo, 'project', 'show', token.project_id);
      assert.equal(p.name, 'demo');
      const u = await ostackJson(...demo, 'user', 'show', 'demo');
      assert.equal(u.id, token.user_id);
    });
    test('user list needs admin: 403 with the policy message for demo, the users for admin', async () => {
      const denied = await ostack(...demo, 'user', 'list');
      assert.equal(denied.status, 1);
      assert.match(denied.stderr, /identity:list_users.*\(HTTP 403\) \(Request-ID: req-/);
      const users = await ostackJson<{ Name: string }[]>(...admin, 'user', 'list');
      const theirs = openstackJson<{ Name: string }[]>('--os-cloud', ADMIN_CLOUD, 'user', 'list');
      assert.deepEqual(users.map((x) => x.Name).sort(), theirs.map((x) => x.Name).sort());
    });
    test('api passthrough prints the JSON answer; errors exit 1', async () => {
      const f = await ostackJson(...demo, 'api', 'compute', 'GET', '/flavors/42');
      assert.equal(f.flavor.name, 'm1.nano');
      const r = await ostack(...demo, 'api', 'network', 'GET', '/v2.0/networks?name=public');
      assert.equal(r.status, 0, r.stderr);
      assert.equal(JSON.parse(r.stdout).networks[0].name, 'public');
      const e = await ostack(
        ...demo,
        'api',
        'compute',
        'GET',
        '/servers/00000000-0000-0000-0000-000000000000',
      );
      assert.equal(e.status, 1);
      assert.match(e.stderr, /could not be found.*\(HTTP 404\) \(Request-ID: req-/);
      const bad = await ostack(...demo, 'api', 'compute', 'POST', '/servers', '--body', '{not json');
      assert.equal(bad.status, 2);
    });
    test('without --os-cloud or clouds.yaml, OS_* variables configure the connection (as in the SDK)', async () => {
      const env: NodeJS.ProcessEnv = Object.fromEntries(
        Object.entries(process.env).filter(([k]) => !k.startsWith('OS_')),
      );
      for (const [k, v] of Object.entries(conn.config.auth)) env[`OS_${k.toUpperCase()}`] = v;
      if (conn.config.regionName) env.OS_REGION_NAME = conn.config.regionName;
      env.OS_CLIENT_CONFIG_FILE = '/nonexistent/clouds.yaml';
      const r = await ostackWithEnv(env, 'token', 'issue', '-f', 'value', '-c', 'project_id');
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout.trim(), (await conn.authorize()).projectId);
      const bad = await ostackWithEnv({ ...env, OS_PASSWORD: 'wrong' }, 'flavor', 'list');
      assert.equal(bad.status, 1);
      assert.match(bad.stderr, /\(HTTP 401\)/);
      assert.ok(!bad.stderr.includes('wrong'), 'the password is not echoed');
    });

    test('-f value -c, -f yaml', async () => {
      const v = await ostack(...demo, 'flavor', 'show', 'm1.nano', '-f', 'value', '-c', 'ram');
      assert.equal(v.stdout, '128\n');
      const y = await ostack(...demo, 'image', 'list', '--name', 'cirros', '-f', 'yaml');
      assert.match(y.stdout, /^- ID: \S+\n {2}Name: cirros\n {2}Status: active\n$/);
    });
  });

  describe('ostack delete commands', { timeout: 600_000 }, () => {
    const N = `${P}-del`;
    after(() => conn.cloud.projectCleanup({ dryRun: false, filters: { namePrefix: N } }));

    test('router remove subnet, router/subnet/network delete, rule/group delete, floating ip delete', async () => {
      await ostackJson(...demo, 'network', 'create', `${N}-net`);
      await ostackJson(
        ...demo,
        'subnet',
        'create',
        `${N}-sub`,
        '--network',
        `${N}-net`,
        '--subnet-range',
        '10.99.0.0/24',
      );
      await ostackJson(...demo, 'router', 'create', `${N}-r`);
      const ok = async (...args: string[]) => {
        const r = await ostack(...demo, ...args);
        assert.equal(r.status, 0, `${args.join(' ')}: ${r.stderr}`);
        assert.equal(r.stdout, '');
      };
      await ok('router', 'add', 'subnet', `${N}-r`, `${N}-sub`);
      const inUse = await ostack(...demo, 'subnet', 'delete', `${N}-sub`);
      assert.equal(inUse.status, 1, 'a subnet on a router cannot go');
      assert.match(inUse.stderr, /\(HTTP 409\)/);
      await ok('router', 'remove', 'subnet', `${N}-r`, `${N}-sub`);
      await ok('router', 'delete', `${N}-r`);
      await ok('subnet', 'delete', `${N}-sub`);
      await ok('network', 'delete', `${N}-net`);
      assert.deepEqual(await conn.network.listNetworks({ name: `${N}-net` }).toArray(), []);

      await ostackJson(...demo, 'security', 'group', 'create', `${N}-sg`);
      const rule = await ostackJson(
        ...demo,
        'security',
        'group',
        'rule',
        'create',
        `${N}-sg`,
        '--dst-port',
        '80:81',
      );
      assert.equal(rule.port_range_max, 81);
      await ok('security', 'group', 'rule', 'delete', rule.id);
      const rules = await ostackJson<{ ID: string }[]>(
        ...demo,
        'security',
        'group',
        'rule',
        'list',
        `${N}-sg`,
      );
      assert.ok(!rules.some((r) => r.ID === rule.id));
      await ok('security', 'group', 'delete', `${N}-sg`);

      const fip = await ostackJson(...demo, 'floating', 'ip', 'create', 'public');
      await ok('floating', 'ip', 'delete', fip.floating_ip_address);
      const both = await ostack(...demo, 'network', 'delete', `${N}-nope1`, `${N}-nope2`);
      assert.equal(both.status, 1);
      assert.match(both.stderr, /2 of 2 networks failed to delete/);
    });
  });

  describe('ostack storage commands', { timeout: 600_000 }, () => {
    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'ostack-store-'));
      cleanup.add('temp dir', () => rm(dir, { recursive: true, force: true }));
      cleanup.add('container', () =>
        conn.objectStore.deleteContainer(`${P}-c`, { empty: true, ignoreMissing: true }),
      );
      cleanup.add('images and volumes of this run', () =>
        conn.cloud.projectCleanup({
          dryRun: false,
          filters: { namePrefix: P },
          resourceTypes: ['image', 'volume'],
        }),
      );
    });

    test('image create --file uploads and verifies; openstack sees the same checksum; image delete', async () => {
      const data = randomBytes(300_000);
      await writeFile(join(dir, 'disk.raw'), data);
      const img = await ostackJson(
        ...demo,
        'image',
        'create',
        `${P}-img`,
        '--file',
        join(dir, 'disk.raw'),
        '--min-disk',
        '1',
      );
      assert.equal(img.status, 'active');
      assert.equal(img.size, data.length);
      assert.equal(img.min_disk, 1);
      assert.equal(img.checksum, createHash('md5').update(data).digest('hex'));
      const theirs = openstackJson('--os-cloud', DEMO_CLOUD, 'image', 'show', `${P}-img`);
      assert.equal(theirs.checksum, img.checksum);
      const del = await ostack(...demo, 'image', 'delete', `${P}-img`);
      assert.equal(del.status, 0, del.stderr);
      const gone = await ostack(...demo, 'image', 'show', `${P}-img`);
      assert.equal(gone.status, 1);
    });

    test('image create with an unreadable --file: usage error, no image left', async () => {
      const r = await ostack(...demo, 'image', 'create', `${P}-noimg`, '--file', join(dir, 'missing'));
      assert.equal(r.status, 2);
      assert.match(r.stderr, /--file/);
      assert.deepEqual(await conn.image.listImages({ name: `${P}-noimg` }).toArray(), []);
    });

    test('container create, object upload/list/download/delete, container delete', async () => {
      const c = `${P}-c`;
      const created = await ostackJson(...demo, 'container', 'create', c);
      assert.equal(created[0].container, c);
      const data = randomBytes(1_500_000);
      await writeFile(join(dir, 'blob.bin'), data);
      const up = await ostackJson(
        ...demo,
        'object',
        'upload',
        c,
        join(dir, 'blob.bin'),
        '--name',
        'dir/blob.bin',
      );
      assert.equal(up[0].object, 'dir/blob.bin');
      const ours = await ostackJson(...demo, 'object', 'list', c);
      const theirs = openstackJson('--os-cloud', DEMO_CLOUD, 'object', 'list', c);
      assert.deepEqual(ours, theirs);
      const long = await ostackJson(...demo, 'object', 'list', c, '--long');
      assert.equal(long[0].Bytes, data.length);
      assert.equal(long[0].Hash, createHash('md5').update(data).digest('hex'));
      const out = join(dir, 'down', 'blob.bin');
      const down = await ostack(...demo, 'object', 'download', c, 'dir/blob.bin', '--file', out);
      assert.equal(down.status, 0, down.stderr);
      assert.ok((await readFile(out)).equals(data));
      const missing = await ostack(...demo, 'object', 'download', c, 'nope', '--file', join(dir, 'nope'));
      assert.equal(missing.status, 1);
      await assert.rejects(stat(join(dir, 'nope')), 'no file for a failed download');
      const notEmpty = await ostack(...demo, 'container', 'delete', c);
      assert.equal(notEmpty.status, 1);
      assert.match(notEmpty.stderr, /\(HTTP 409\)/);
      const del = await ostack(...demo, 'object', 'delete', c, 'dir/blob.bin');
      assert.equal(del.status, 0, del.stderr);
      assert.deepEqual(await ostackJson(...demo, 'object', 'list', c), []);
      const cdel = await ostack(...demo, 'container', 'delete', c);
      assert.equal(cdel.status, 0, cdel.stderr);
      assert.ok(
        !(await ostackJson<{ Name: string }[]>(...demo, 'container', 'list')).some((x) => x.Name === c),
      );
    });

    test('volume create --wait, list, show, delete --wait', async () => {
      const v = await ostackJson(
        ...demo,
        'volume',
        'create',
        `${P}-vol`,
        '--size',
        '1',
        '--wait',
        '--property',
        'k=v',
      );
      assert.equal(v.status, 'available');
      assert.equal(v.size, 1);
      assert.deepEqual(v.properties, { k: 'v' });
      const list = await ostackJson(...demo, 'volume', 'list', '--name', `${P}-vol`);
      // openstack (volume API 3.0 here) passes --name but cinder does not apply it: filter its rows
      const theirs = openstackJson<{ Name: string }[]>(
        '--os-cloud',
        DEMO_CLOUD,
        'volume',
        'list',
        '--name',
        `${P}-vol`,
      );
      assert.equal(list.length, 1);
      assert.deepEqual(
        list,
        theirs.filter((v) => v.Name === `${P}-vol`),
      );
      const del = await ostack(...demo, 'volume', 'delete', `${P}-vol`, '--wait');
      assert.equal(del.status, 0, del.stderr);
      assert.deepEqual(await ostackJson(...demo, 'volume', 'list', '--name', `${P}-vol`), []);
    });
  });
});
