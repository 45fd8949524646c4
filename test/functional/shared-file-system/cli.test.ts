/**
 * `ostack share ...` on the dev cloud: a share's life through the CLI (create --wait, set,
 * resize, access, snapshot, export locations, delete --wait) checked against what manila then
 * holds, and the list columns compared with openstackclient's manila plugin.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_CLOUD, functionalSuite } from '../../support/cloud.js';
import { openstackJson, ostack, ostackJson } from '../cli/helpers.js';

functionalSuite('cli/share', { timeout: 180_000 }, (suite) => {
  const sfs = suite.demo().sharedFileSystem;
  const demo = ['--os-cloud', DEMO_CLOUD];
  const name = suite.name('clishare');
  const { cleanup } = suite;

  test('create --wait, set, resize, access, snapshot, export locations, delete --wait', async () => {
    const created = await ostackJson(...demo, 'share', 'create', 'NFS', '1', '--name', name, '--wait');
    cleanup.add(`share ${name}`, async () => {
      await sfs.deleteShare(created.id, { ignoreMissing: true });
      await sfs.waitForShareDelete(created.id, { intervalMs: 500 });
    });
    assert.equal(created.status, 'available', 'create --wait returns the available share');

    const set = await ostack(
      ...demo,
      'share',
      'set',
      name,
      '--description',
      'from the cli',
      '--property',
      'k=v',
    );
    assert.equal(set.status, 0, `share set failed: ${set.stderr}`);
    const resized = await ostack(...demo, 'share', 'resize', name, '2', '--wait');
    assert.equal(resized.status, 0, `share resize failed: ${resized.stderr}`);
    const s = await sfs.getShare(created.id);
    assert.equal(s.description, 'from the cli', 'manila holds the description');
    assert.deepEqual(s.metadata, { k: 'v' }, 'manila holds the property');
    assert.equal(s.size, 2, 'manila holds the new size');

    const rule = await ostackJson(...demo, 'share', 'access', 'create', name, 'ip', '10.77.0.1', '--wait');
    assert.equal(rule.state, 'active', 'access create --wait returns the active rule');
    const rules = await ostackJson(...demo, 'share', 'access', 'list', name);
    assert.ok(
      rules.some((r: Record<string, unknown>) => r.ID === rule.id && r['Access To'] === '10.77.0.1'),
      'the rule is listed',
    );
    const del = await ostack(...demo, 'share', 'access', 'delete', name, rule.id, '--wait');
    assert.equal(del.status, 0, `access delete failed: ${del.stderr}`);

    const snap = await ostackJson(
      ...demo,
      'share',
      'snapshot',
      'create',
      name,
      '--name',
      `${name}-snap`,
      '--wait',
    );
    assert.equal(snap.status, 'available', 'snapshot create --wait returns the available snapshot');
    const snapDel = await ostack(...demo, 'share', 'snapshot', 'delete', `${name}-snap`, '--wait');
    assert.equal(snapDel.status, 0, `snapshot delete failed: ${snapDel.stderr}`);

    const locations = await ostackJson(...demo, 'share', 'export', 'location', 'list', name);
    assert.ok(locations.length > 0, 'the share has export locations');
    assert.deepEqual(Object.keys(locations[0]), ['ID', 'Path', 'Preferred'], "openstackclient's columns");

    const ours = await ostackJson(...demo, 'share', 'list', '--name', name);
    const theirs = openstackJson(...demo, 'share', 'list', '--name', name);
    assert.deepEqual(
      Object.keys(ours[0]),
      Object.keys(theirs[0]),
      'share list has the columns of openstack share list',
    );
    assert.equal(ours[0].ID, theirs[0].ID, 'and the same share');

    const gone = await ostack(...demo, 'share', 'delete', name, '--wait');
    assert.equal(gone.status, 0, `share delete failed: ${gone.stderr}`);
    const after = await ostackJson(...demo, 'share', 'list', '--name', name);
    assert.deepEqual(after, [], 'the share is gone');
  });

  test('a bad size is a usage error naming it, before any request', async () => {
    const r = await ostack(...demo, 'share', 'create', 'NFS', 'zero', '--name', `${name}-bad`);
    assert.notEqual(r.status, 0, 'the command fails');
    assert.match(r.stderr, /size/, 'the error names the size');
  });
});
