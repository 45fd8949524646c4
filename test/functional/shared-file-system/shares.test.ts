/**
 * Manila shares on the dev cloud (dummy driver), as the demo member: a share through its
 * life (create → available, update, metadata, export locations, extend and shrink, delete →
 * gone), access rules (grant → active, list, revoke), snapshots, and paging through shares.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { NotFoundError, ValidationError } from '../../../src/index.js';
import type { ShareResource } from '../../../src/services/shared-file-system/index.js';
import { functionalSuite } from '../../support/cloud.js';

const FAST = { intervalMs: 500, timeoutMs: 60_000 };

functionalSuite(
  'shared file system: shares, access rules, snapshots (demo)',
  { timeout: 120_000 },
  (suite) => {
    const sfs = suite.demo().sharedFileSystem;
    const { cleanup } = suite;
    let share: ShareResource;

    /** A share of `size` GiB, deleted (with its snapshots gone first) after the suite. */
    async function newShare(what: string, size = 1): Promise<ShareResource> {
      const s = await sfs.createShare({ shareProto: 'NFS', size, name: suite.name(what) });
      cleanup.add(`share ${s.id}`, async () => {
        await sfs.deleteShare(s, { ignoreMissing: true });
        await sfs.waitForShareDelete(s, FAST);
      });
      return s;
    }

    before(async () => {
      share = await newShare('share');
    });

    test('negotiates the default microversion 2.65', async () => {
      assert.equal(await sfs.microversion(), '2.65', 'the SDK default, offered by Zed');
    });

    test('a new share goes from creating to available', async () => {
      assert.ok(['creating', 'available'].includes(share.status), `create answered ${share.status}`);
      const ready = await sfs.waitForShare(share, 'available', FAST);
      assert.equal(ready.size, 1, 'the size asked for');
      assert.equal(ready.shareProto, 'NFS', 'the protocol asked for');
      assert.equal(ready.shareTypeName, 'default', "the cloud's default share type");
    });

    test('get, find and list show it', async () => {
      assert.equal((await sfs.getShare(share.id)).id, share.id, 'get by id');
      assert.equal((await sfs.findShare(share.name!)).id, share.id, 'find by name');
      const listed = await sfs.listShares({ name: share.name! }).toArray();
      assert.deepEqual(
        listed.map((s) => s.id),
        [share.id],
        'listing by name finds exactly it',
      );
    });

    test('update renames and describes it', async () => {
      const name = suite.name('share-renamed');
      const updated = await sfs.updateShare(share, { name, description: 'functional test' });
      assert.equal(updated.name, name, 'the answer has the new name');
      const again = await sfs.getShare(share.id);
      assert.equal(again.name, name, 'manila stored the new name');
      assert.equal(again.description, 'functional test', 'manila stored the description');
    });

    test('metadata: set, read one key, replace, delete a key', async () => {
      await sfs.setShareMetadata(share, { team: 'a', tier: 'gold' });
      assert.equal(await sfs.getShareMetadataItem(share, 'team'), 'a', 'one key reads back');
      await sfs.replaceShareMetadata(share, { only: 'this' });
      assert.deepEqual(await sfs.getShareMetadata(share), { only: 'this' }, 'replace dropped the others');
      await sfs.deleteShareMetadataItem(share, 'only');
      assert.deepEqual(await sfs.getShareMetadata(share), {}, 'the last key is gone');
    });

    test('export locations list the paths, one preferred', async () => {
      const locations = await sfs.listShareExportLocations(share).toArray();
      assert.ok(locations.length > 0, 'the dummy driver exports the share');
      assert.ok(
        locations.some((l) => l.preferred === true),
        'one location is the preferred one',
      );
      const one = await sfs.getShareExportLocation(share, locations[0]!.id);
      assert.equal(one.path, locations[0]!.path, 'show returns the listed path');
    });

    test('resize extends then shrinks, waiting for available each time', async () => {
      const grown = await sfs.resizeShare(share, 3, FAST);
      assert.equal(grown.size, 3, 'extended to 3 GiB');
      const shrunk = await sfs.resizeShare(share, 2, FAST);
      assert.equal(shrunk.size, 2, 'shrunk to 2 GiB');
      await assert.rejects(
        sfs.resizeShare(share, 0),
        (e: unknown) => e instanceof ValidationError && e.field === 'newSize',
        'a size of 0 is refused before sending',
      );
    });

    test('access rules: grant, wait for active, list, revoke', async () => {
      const rule = await sfs.grantShareAccess(share, {
        accessType: 'ip',
        accessTo: '10.254.0.0/24',
        accessLevel: 'ro',
      });
      cleanup.add(`access rule ${rule.id}`, () => sfs.revokeShareAccess(share, rule).catch(() => undefined));
      const active = await sfs.waitForAccessRule(rule, 'active', FAST);
      assert.equal(active.accessLevel, 'ro', 'the level granted');
      const rules = await sfs.listAccessRules(share).toArray();
      assert.ok(
        rules.some((r) => r.id === rule.id && r.accessTo === '10.254.0.0/24'),
        'the rule is listed for the share',
      );
      await sfs.revokeShareAccess(share, rule);
      await sfs.waitForAccessRuleDelete(rule, FAST);
      const after = await sfs.listAccessRules(share).toArray();
      assert.ok(!after.some((r) => r.id === rule.id), 'the revoked rule is gone');
    });

    test('snapshots: create, wait, update, list, delete', async () => {
      const snap = await sfs.createShareSnapshot({ shareId: share.id, name: suite.name('snap') });
      cleanup.add(`snapshot ${snap.id}`, async () => {
        await sfs.deleteShareSnapshot(snap, { ignoreMissing: true });
        await sfs.waitForShareSnapshotDelete(snap, FAST);
      });
      const ready = await sfs.waitForShareSnapshot(snap, 'available', FAST);
      assert.equal(ready.shareId, share.id, 'a snapshot of our share');
      const renamed = await sfs.updateShareSnapshot(snap, { name: suite.name('snap-renamed') });
      assert.equal((await sfs.getShareSnapshot(snap.id)).name, renamed.name, 'the new name was stored');
      const listed = await sfs.listShareSnapshots({ shareId: share.id }).toArray();
      assert.deepEqual(
        listed.map((s) => s.id),
        [snap.id],
        'listing by share finds exactly it',
      );
      await sfs.deleteShareSnapshot(snap);
      await sfs.waitForShareSnapshotDelete(snap, FAST);
      await assert.rejects(sfs.getShareSnapshot(snap.id), NotFoundError, 'the snapshot is gone');
    });

    test('shares page through next links', async () => {
      const second = await newShare('page');
      await sfs.waitForShare(second, 'available', FAST);
      const pages: number[] = [];
      for await (const page of sfs.listShares({ limit: 1, nameLike: suite.prefix }).pages())
        pages.push(page.length);
      assert.ok(pages.length >= 2, `limit 1 gave ${pages.length} page(s) for two shares`);
      assert.ok(
        pages.every((n) => n <= 1),
        'no page is larger than the limit',
      );
    });

    test('delete goes through deleting until the share is gone', async () => {
      const doomed = await newShare('doomed');
      await sfs.waitForShare(doomed, 'available', FAST);
      await sfs.deleteShare(doomed);
      await sfs.waitForShareDelete(doomed, FAST);
      await assert.rejects(sfs.getShare(doomed.id), NotFoundError, 'the share is gone');
    });
  },
);
