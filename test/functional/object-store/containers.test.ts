/** Account and containers on the dev cloud, as the demo user. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConflictError, NotFoundError } from '../../../src/index.js';
import { functionalSuite } from '../../support/cloud.js';
import { scratchContainer } from './helpers.js';

functionalSuite('object store: account and containers', (suite) => {
  const conn = suite.demo();
  const os = conn.objectStore;
  const { cleanup } = suite;

  test('capabilities come from /info at the proxy root', async () => {
    const info = await os.getInfo();
    assert.match(String(info.swift?.version), /^\d+\.\d+/);
    assert.ok(info.slo?.max_manifest_segments);
    assert.ok(info.tempurl?.allowed_digests?.includes('sha256'));
    assert.ok(info.bulkDelete?.max_deletes_per_request);
    assert.ok(info.extra, 'other middlewares are kept');
  });

  test('account metadata: set, read, delete', async () => {
    const key = `ossdk-${suite.prefix.slice(-6)}`;
    cleanup.add('account metadata', () => os.deleteAccountMetadata([key]));
    await os.setAccountMetadata({ [key]: 'ünïcode value' });
    const a = await os.getAccountMetadata();
    assert.match(String(a.name), /^AUTH_[0-9a-f]+$/);
    assert.equal(typeof a.containerCount, 'number');
    assert.equal(typeof a.bytesUsed, 'number');
    assert.equal(a.metadata[key], 'ünïcode value');
    await os.deleteAccountMetadata([key]);
    assert.equal((await os.getAccountMetadata()).metadata[key], undefined);
  });

  test('create with metadata and ACLs; read, update and remove them; delete', async () => {
    const name = scratchContainer(os, cleanup, 'ctr');
    const created = await os.createContainer({
      name,
      metadata: { color: 'blue', note: 'héllo' },
      readAcl: '.r:*,.rlistings',
      writeAcl: 'demo:demo',
      quotaCount: 100,
    });
    assert.equal(created.name, name);
    const c = await os.getContainerMetadata(name);
    assert.equal(c.count, 0);
    assert.equal(c.objectCount, 0);
    assert.equal(c.readAcl, '.r:*,.rlistings');
    assert.equal(c.writeAcl, 'demo:demo');
    assert.equal(c.quotaCount, 100);
    assert.deepEqual(c.metadata, { color: 'blue', note: 'héllo', 'quota-count': '100' });
    await os.setContainerMetadata(name, { metadata: { size: 'L' }, readAcl: null });
    const c2 = await os.getContainerMetadata(name);
    assert.equal(c2.readAcl, undefined);
    assert.equal(c2.metadata.size, 'L');
    assert.equal(c2.metadata.color, 'blue', 'other keys are kept');
    await os.deleteContainerMetadata(name, ['color']);
    assert.equal((await os.getContainerMetadata(name)).metadata.color, undefined);
    await os.deleteContainer(name);
    await assert.rejects(os.getContainerMetadata(name), NotFoundError);
    await os.deleteContainer(name, { ignoreMissing: true });
  });

  test('listing: prefix, marker/limit paging, end_marker, reverse, delimiter', async () => {
    const base = suite.name('list');
    const names = ['a', 'b', 'c', 'd', 'e'].map((x) => `${base}-${x}`);
    for (const n of names) {
      cleanup.add(`container ${n}`, () => os.deleteContainer(n, { ignoreMissing: true, empty: true }));
      await os.createContainer(n);
    }
    const paged = await os.listContainers({ prefix: base, limit: 2 }).toArray();
    assert.deepEqual(
      paged.map((c) => c.name),
      names,
    );
    assert.ok(paged.every((c) => c.count === 0 && c.bytes === 0 && c.lastModified));
    const pages: number[] = [];
    for await (const p of os.listContainers({ prefix: base, limit: 2 }).pages()) pages.push(p.length);
    assert.deepEqual(pages, [2, 2, 1]);
    const window = await os.listContainers({ prefix: base, marker: names[0], endMarker: names[3] }).toArray();
    assert.deepEqual(
      window.map((c) => c.name),
      names.slice(1, 3),
    );
    const rev = await os.listContainers({ prefix: base, reverse: true }).toArray();
    assert.deepEqual(
      rev.map((c) => c.name),
      [...names].reverse(),
    );
    const ctr = names[0]!;
    for (const o of ['x/1', 'x/2', 'y/1', 'y/2/deep', 'z'])
      await os.createObject({ container: ctr, name: o, data: o });
    const top = await os.listObjects(ctr, { delimiter: '/', limit: 1 }).toArray();
    assert.deepEqual(
      top.map((r) => r.subdir ?? r.name),
      ['x/', 'y/', 'z'],
      'a subdir marker skips its whole pseudo-directory',
    );
    const under = await os.listObjects(ctr, { prefix: 'y/', delimiter: '/' }).toArray();
    assert.deepEqual(
      under.map((r) => r.subdir ?? r.name),
      ['y/1', 'y/2/'],
    );
  });

  test('legacy versioning: X-History-Location keeps old versions', async () => {
    const hist = scratchContainer(os, cleanup, 'hist');
    const name = scratchContainer(os, cleanup, 'vhist');
    await os.createContainer(hist);
    await os.createContainer({ name, historyLocation: hist });
    assert.equal((await os.getContainerMetadata(name)).historyLocation, hist);
    await os.createObject({ container: name, name: 'doc', data: 'one' });
    await os.createObject({ container: name, name: 'doc', data: 'two' });
    const old = await os.listObjects(hist).toArray();
    assert.equal(old.length, 1);
    assert.equal((await os.downloadObject(hist, old[0]!.name!)).data.toString(), 'one');
    assert.equal((await os.downloadObject(name, 'doc')).data.toString(), 'two');
    await os.setContainerMetadata(name, { historyLocation: null });
    assert.equal((await os.getContainerMetadata(name)).historyLocation, undefined);
  });

  test('object versioning: X-Versions-Enabled lists versions; empty:true deletes every version', async () => {
    const name = scratchContainer(os, cleanup, 'vers');
    await os.createContainer({ name, versionsEnabled: true });
    assert.equal((await os.getContainerMetadata(name)).versionsEnabled, true);
    await os.createObject({ container: name, name: 'doc', data: 'one' });
    await os.createObject({ container: name, name: 'doc', data: 'two' });
    await os.deleteObject(name, 'doc');
    await assert.rejects(os.getObjectMetadata(name, 'doc'), NotFoundError);
    const versions = await os.listObjects(name, { versions: true }).toArray();
    assert.equal(versions.length, 3, 'two versions and a delete marker');
    assert.equal(versions.filter((v) => v.isLatest).length, 1);
    assert.ok(versions.every((v) => v.versionId));
    const oldest = versions.at(-1)!;
    assert.equal(
      (await os.downloadObject(name, 'doc', { versionId: oldest.versionId })).data.toString(),
      'one',
    );
    await assert.rejects(os.deleteContainer(name), ConflictError);
    await os.deleteContainer(name, { empty: true });
    await assert.rejects(os.getContainerMetadata(name), NotFoundError);
  });
});
