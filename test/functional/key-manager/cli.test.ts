/**
 * `ostack secret ...` and `ostack acl ...` against barbican, checked against openstackclient's
 * barbican plugin on the same cloud: the same columns and values, a payload printed only with
 * `--payload` and written only with `--file`, containers, an order waited for, and ACLs.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { DEMO_CLOUD, functionalSuite } from '../../support/cloud.js';
import { openstackJson, ostack, ostackJson } from '../cli/helpers.js';

functionalSuite('cli/key-manager', (suite) => {
  const km = suite.demo().keyManager;
  const demo = ['--os-cloud', DEMO_CLOUD];
  const { cleanup } = suite;
  let dir = '';
  const payload = `cli-${randomBytes(8).toString('hex')}`;
  let href = '';

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ostack-km-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('secret store prints the description, never the payload; get agrees with openstack', async () => {
    const r = await ostack(
      ...demo,
      'secret',
      'store',
      '--name',
      suite.name('cli'),
      '--payload',
      payload,
      '-f',
      'json',
    );
    assert.equal(r.status, 0, `store succeeded: ${r.stderr}`);
    assert.ok(!r.stdout.includes(payload), 'store does not print the payload');
    href = JSON.parse(r.stdout)['Secret href'];
    cleanup.add(`secret ${href}`, () => km.deleteSecret(href, { ignoreMissing: true }));
    // independent reads side by side: each ostack run is a process start
    const [ours, printed, listed] = await Promise.all([
      ostackJson(...demo, 'secret', 'get', href),
      ostackJson(...demo, 'secret', 'get', href, '--payload'),
      ostackJson<Record<string, unknown>[]>(...demo, 'secret', 'list', '--name', JSON.parse(r.stdout).Name),
    ]);
    const theirs = openstackJson('--os-cloud', DEMO_CLOUD, 'secret', 'get', href);
    assert.deepEqual(ours, theirs, 'secret get: the same fields and values as openstack');
    assert.ok(!JSON.stringify(ours).includes(payload), 'get without --payload does not print it');
    assert.deepEqual(printed, { Payload: payload }, 'get --payload prints it');
    assert.deepEqual(listed, [theirs], 'secret list: the row openstack shows');
  });

  test('store --file and get --file round-trip bytes; update fills a payload-less secret', async () => {
    const bytes = randomBytes(48);
    await writeFile(join(dir, 'in.bin'), bytes);
    const s = await ostackJson(
      ...demo,
      'secret',
      'store',
      '--name',
      suite.name('file'),
      '--file',
      join(dir, 'in.bin'),
    );
    cleanup.add('file secret', () => km.deleteSecret(s['Secret href'], { ignoreMissing: true }));
    assert.deepEqual(s['Content types'], { default: 'application/octet-stream' }, 'bytes are octet-stream');
    const got = await ostack(...demo, 'secret', 'get', s['Secret href'], '--file', join(dir, 'out.bin'));
    assert.equal(got.status, 0, `get --file succeeded: ${got.stderr}`);
    assert.equal(got.stdout, '', 'get --file prints nothing');
    assert.ok(bytes.equals(await readFile(join(dir, 'out.bin'))), 'the file holds the same bytes');

    const empty = await ostackJson(...demo, 'secret', 'store', '--name', suite.name('empty'));
    cleanup.add('empty secret', () => km.deleteSecret(empty['Secret href'], { ignoreMissing: true }));
    const u = await ostack(...demo, 'secret', 'update', empty['Secret href'], 'filled-later');
    assert.equal(u.status, 0, `update succeeded: ${u.stderr}`);
    assert.equal(
      await km.getSecretPayloadText(empty['Secret href']),
      'filled-later',
      'the payload was stored',
    );
  });

  test('secret container create/get/list/delete agree with openstack', async () => {
    const c = await ostackJson(
      ...demo,
      'secret',
      'container',
      'create',
      '--name',
      suite.name('c'),
      '--secret',
      `one=${href}`,
    );
    cleanup.add('container', () => km.deleteContainer(c['Container href'], { ignoreMissing: true }));
    assert.equal(c.Secrets, `one=${href}`, 'the secret is listed as name=href');
    const theirs = openstackJson('--os-cloud', DEMO_CLOUD, 'secret', 'container', 'get', c['Container href']);
    const [got, rows] = await Promise.all([
      ostackJson(...demo, 'secret', 'container', 'get', c['Container href']),
      ostackJson<Record<string, unknown>[]>(...demo, 'secret', 'container', 'list', '--name', c.Name),
    ]);
    assert.deepEqual(got, theirs, 'container get');
    assert.deepEqual(rows, [theirs], 'container list');
    const d = await ostack(...demo, 'secret', 'container', 'delete', c['Container href']);
    assert.equal(d.status, 0, `delete succeeded: ${d.stderr}`);
  });

  test('acl submit/get/delete agree with openstack', async () => {
    const user = (await suite.demo().authorize()).userId!;
    const sub = await ostackJson(...demo, 'acl', 'submit', href, '--user', user, '--no-project-access');
    assert.deepEqual([sub[0]['Project Access'], sub[0].Users], [false, [user]], 'submit set the ACL');
    const theirs = openstackJson<Record<string, unknown>[]>('--os-cloud', DEMO_CLOUD, 'acl', 'get', href);
    const ours = await ostackJson<Record<string, unknown>[]>(...demo, 'acl', 'get', href);
    assert.deepEqual(ours, theirs, 'acl get: the rows openstack shows');
    const d = await ostack(...demo, 'acl', 'delete', href);
    assert.equal(d.status, 0, `acl delete succeeded: ${d.stderr}`);
    assert.equal((await km.getSecretAcl(href)).projectAccess, true, 'back to project access');
    const bad = await ostack(...demo, 'acl', 'get', 'not-an-href');
    assert.notEqual(bad.status, 0, 'a bare word is refused');
    assert.match(bad.stderr, /secret or container href/, 'the error says what to pass');
  });

  test('secret order create --wait, get, list and delete', async () => {
    const o = await ostackJson(
      ...demo,
      'secret',
      'order',
      'create',
      'key',
      '--name',
      suite.name('o'),
      '--wait',
    );
    cleanup.add('order', async () => {
      await km.deleteOrder(o['Order href'], { ignoreMissing: true });
      if (o['Secret href']) await km.deleteSecret(o['Secret href'], { ignoreMissing: true });
    });
    assert.equal(o.Status, 'ACTIVE', 'the order was carried out');
    assert.equal(o.Type, 'Key', 'a key order');
    const theirs = openstackJson('--os-cloud', DEMO_CLOUD, 'secret', 'order', 'get', o['Order href']);
    const [got, rows] = await Promise.all([
      ostackJson(...demo, 'secret', 'order', 'get', o['Order href']),
      ostackJson<Record<string, unknown>[]>(...demo, 'secret', 'order', 'list'),
    ]);
    assert.deepEqual(got, theirs, 'order get');
    assert.ok(
      rows.some((r) => r['Order href'] === o['Order href']),
      'the order is listed',
    );
    const d = await ostack(...demo, 'secret', 'order', 'delete', o['Order href']);
    assert.equal(d.status, 0, `order delete succeeded: ${d.stderr}`);
  });
});
