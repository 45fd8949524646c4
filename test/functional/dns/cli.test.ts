/**
 * ostack's DNS commands (zone, recordset, zone export/import, zone transfer, tsigkey, ptr
 * record) on the dev cloud, against openstack's (Debian's designate client plugin) on the same
 * zones: the same columns and values.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ADMIN_CLOUD, DEMO_CLOUD, functionalSuite } from '../../support/cloud.js';
import { openstackJson, ostack, ostackJson } from '../cli/helpers.js';

functionalSuite('cli/dns', { timeout: 240_000 }, (suite) => {
  const demo = ['--os-cloud', DEMO_CLOUD];
  const admin = ['--os-cloud', ADMIN_CLOUD];
  const conn = suite.demo();
  const zoneName = `${suite.name('cli')}.ossdk.test.`;
  const importedName = `${suite.name('cliimp')}.ossdk.test.`;
  let zoneId = '';
  let dir = '';

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ossdk-dns-cli-'));
    for (const name of [zoneName, importedName]) {
      suite.cleanup.add(`zone ${name}`, async () => {
        const z = await conn.dns.findZone(name, { ignoreMissing: true });
        if (z) {
          await conn.dns.deleteZone(z, { ignoreMissing: true });
          await conn.dns.waitForZoneDelete(z, { intervalMs: 500, timeoutMs: 60_000 });
        }
      });
    }
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('zone create --wait, then list and show agree with openstack', async () => {
    const made = await ostackJson(
      ...demo,
      'zone',
      'create',
      zoneName,
      '--email',
      'hostmaster@ossdk.test',
      '--ttl',
      '900',
      '--wait',
    );
    assert.equal(made.status, 'ACTIVE', '--wait returns the ACTIVE zone');
    zoneId = made.id;
    const ours = (
      await ostackJson<Record<string, unknown>[]>(...demo, 'zone', 'list', '--name', zoneName)
    )[0];
    const theirs = openstackJson<Record<string, unknown>[]>(...demo, 'zone', 'list', '--name', zoneName)[0];
    assert.deepEqual(ours, theirs, 'zone list: the same row under the same columns');
    const show = await ostackJson(...demo, 'zone', 'show', zoneName);
    const their = openstackJson(...demo, 'zone', 'show', zoneId);
    for (const k of [
      'id',
      'name',
      'email',
      'ttl',
      'serial',
      'status',
      'action',
      'type',
      'pool_id',
      'project_id',
    ]) {
      assert.deepEqual(show[k], their[k], `zone show: ${k}`);
    }
  });

  test('zone set changes the description', async () => {
    const set = await ostackJson(...demo, 'zone', 'set', zoneName, '--description', 'from ostack');
    assert.equal(set.description, 'from ostack', 'the new description is shown');
    await conn.dns.waitForZone(zoneId, 'ACTIVE', { intervalMs: 500, timeoutMs: 60_000 });
  });

  test('recordset create, list, show, set and delete', async () => {
    const name = `www.${zoneName}`;
    const made = await ostackJson(
      ...demo,
      'recordset',
      'create',
      zoneName,
      name,
      '--type',
      'A',
      '--record',
      '192.0.2.31',
      '--record',
      '192.0.2.32',
      '--wait',
    );
    assert.equal(made.status, 'ACTIVE', '--wait returns the ACTIVE record set');
    const ours = await ostackJson<Record<string, unknown>[]>(
      ...demo,
      'recordset',
      'list',
      zoneName,
      '--type',
      'A',
    );
    const theirs = openstackJson<Record<string, unknown>[]>(
      ...demo,
      'recordset',
      'list',
      zoneId,
      '--type',
      'A',
    );
    assert.deepEqual(ours, theirs, 'recordset list: the same rows and columns');
    const show = await ostackJson(...demo, 'recordset', 'show', zoneName, name);
    assert.equal(show.id, made.id, 'show by name');
    const set = await ostackJson(
      ...demo,
      'recordset',
      'set',
      zoneName,
      made.id,
      '--record',
      '192.0.2.33',
      '--ttl',
      '120',
    );
    assert.equal(set.ttl, 120, 'the new ttl');
    assert.equal(set.records, '192.0.2.33', 'the new record');
    await conn.dns.waitForRecordset(made.id, 'ACTIVE', {
      parent: { zoneId },
      intervalMs: 500,
      timeoutMs: 60_000,
    });
    const del = await ostack(...demo, 'recordset', 'delete', zoneName, made.id);
    assert.equal(del.status, 0, `recordset delete exits 0: ${del.stderr}`);
  });

  test('zone export create / showfile, zone import create', async () => {
    const exp = await ostackJson(...demo, 'zone', 'export', 'create', zoneName);
    const done = await conn.dns.waitForZoneExport(exp.id, 'COMPLETE', { intervalMs: 500, timeoutMs: 60_000 });
    const file = await ostackJson(...demo, 'zone', 'export', 'showfile', done.id);
    assert.match(String(file.data), /SOA/, 'showfile prints the zone file');
    const listed = await ostackJson<{ id: string }[]>(...demo, 'zone', 'export', 'list');
    assert.ok(
      listed.some((e) => e.id === done.id),
      'zone export list has the export',
    );
    assert.equal(
      (await ostack(...demo, 'zone', 'export', 'delete', done.id)).status,
      0,
      'zone export delete',
    );

    const path = join(dir, 'zone.txt');
    await writeFile(
      path,
      [
        `$ORIGIN ${importedName}`,
        `${importedName} 300 IN SOA ns1.devcloud.test. hostmaster.ossdk.test. 1 3600 600 86400 300`,
        `${importedName} 300 IN NS ns1.devcloud.test.`,
        '',
      ].join('\n'),
    );
    const imp = await ostackJson(...demo, 'zone', 'import', 'create', path);
    const task = await conn.dns.waitForZoneImport(imp.id, 'COMPLETE', { intervalMs: 500, timeoutMs: 60_000 });
    assert.ok(task.zoneId, 'the import made a zone');
    const imports = await ostackJson<{ id: string; status: string }[]>(...demo, 'zone', 'import', 'list');
    assert.ok(
      imports.some((i) => i.id === imp.id && i.status === 'COMPLETE'),
      'zone import list has the completed import',
    );
  });

  test('zone transfer request create / list / delete', async () => {
    const req = await ostackJson(
      ...demo,
      'zone',
      'transfer',
      'request',
      'create',
      zoneName,
      '--description',
      'cli',
    );
    assert.equal(req.status, 'ACTIVE', 'an open request');
    const ours = await ostackJson<{ id: string }[]>(...demo, 'zone', 'transfer', 'request', 'list');
    const theirs = openstackJson<{ id: string }[]>(...demo, 'zone', 'transfer', 'request', 'list');
    assert.deepEqual(
      ours.find((r) => r.id === req.id),
      theirs.find((r) => r.id === req.id),
      'zone transfer request list: the same row',
    );
    assert.equal(
      (await ostack(...demo, 'zone', 'transfer', 'request', 'delete', req.id)).status,
      0,
      'delete',
    );
  });

  test('tsigkey list agrees with openstack; ptr record list runs', async () => {
    const ours = await ostackJson(...admin, 'tsigkey', 'list');
    const theirs = openstackJson(...admin, 'tsigkey', 'list');
    assert.deepEqual(ours, theirs, 'tsigkey list: the same rows and columns');
    const ptrs = await ostackJson(...demo, 'ptr', 'record', 'list');
    assert.deepEqual(ptrs, openstackJson(...demo, 'ptr', 'record', 'list'), 'ptr record list: the same rows');
  });

  test('a relative zone name is a usage error naming the field', async () => {
    const r = await ostack(...demo, 'zone', 'create', 'no-dot.ossdk.test', '--email', 'a@ossdk.test');
    assert.notEqual(r.status, 0, 'refused');
    assert.match(r.stderr, /zone\.name/, `the error names the field: ${r.stderr}`);
  });

  test('zone delete --wait', async () => {
    const r = await ostack(...demo, 'zone', 'delete', zoneName, '--wait');
    assert.equal(r.status, 0, `zone delete exits 0: ${r.stderr}`);
    assert.equal(await conn.dns.findZone(zoneName, { ignoreMissing: true }), undefined, 'the zone is gone');
  });
});
