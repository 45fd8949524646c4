/**
 * Fields and operations that need a newer microversion than the connection's are refused
 * with a ValidationError before any request is sent.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ValidationError } from '../../../src/index.js';
import { functionalSuite } from '../../support/cloud.js';

functionalSuite('block storage: pinned microversion 3.0', (suite) => {
  const demo = suite.demo({ microversions: { 'block-storage': '3.0' } });
  const bs = demo.blockStorage;
  const sent: string[] = [];

  /** Count requests from here on: a ValidationError must come before any is sent. */
  async function nothingSent<T>(what: string, fn: () => Promise<T>): Promise<void> {
    await bs.microversion();
    const original = bs.client.session.request.bind(bs.client.session);
    bs.client.session.request = async (req) => {
      sent.push(`${req.method} ${req.url}`);
      return original(req);
    };
    try {
      await assert.rejects(fn(), (e: unknown) => {
        assert.ok(e instanceof ValidationError, `${what}: ${String(e)}`);
        assert.match(e.message, /microversion|3\.\d+/);
        return true;
      });
      assert.deepEqual(sent, [], `${what} sent requests`);
    } finally {
      bs.client.session.request = original;
      sent.length = 0;
    }
  }

  test('the pin is used and announced in every request', async () => {
    assert.equal(await bs.microversion(), '3.0');
    const original = bs.client.session.request.bind(bs.client.session);
    const seen: (string | undefined)[] = [];
    bs.client.session.request = async (req) => {
      seen.push((req.headers as Record<string, string>)['openstack-api-version']);
      return original(req);
    };
    try {
      const res = await bs.request('GET', '/volumes', { query: { limit: 1 } });
      assert.equal(res.headers['openstack-api-version'], 'volume 3.0');
      await bs.listVolumes({ limit: 1 }).first();
    } finally {
      bs.client.session.request = original;
    }
    assert.deepEqual(seen, ['volume 3.0', 'volume 3.0']);
  });

  test('create fields gated by version', async () => {
    await nothingSent('backupId (3.47)', () =>
      bs.createVolume({ size: 1, name: suite.name('mv'), backupId: '00000000-0000-0000-0000-000000000000' }),
    );
    await nothingSent('groupId (3.13)', () =>
      bs.createVolume({ size: 1, name: suite.name('mv'), groupId: '00000000-0000-0000-0000-000000000000' }),
    );
    await nothingSent('backup metadata (3.43)', () =>
      bs.createBackup({ volumeId: '00000000-0000-0000-0000-000000000000', metadata: { a: 'b' } }),
    );
    await nothingSent('backup availabilityZone (3.51)', () =>
      bs.createBackup({ volumeId: '00000000-0000-0000-0000-000000000000', availabilityZone: 'nova' }),
    );
  });

  test('operations and filters gated by version', async () => {
    await nothingSent('updateBackup (3.9)', () =>
      bs.updateBackup('00000000-0000-0000-0000-000000000000', { name: 'x' }),
    );
    await nothingSent('delete force (3.23)', () =>
      bs.deleteVolume('00000000-0000-0000-0000-000000000000', { force: true }),
    );
    await nothingSent('revert (3.40)', () =>
      bs.revertVolumeToSnapshot(
        '00000000-0000-0000-0000-000000000000',
        '00000000-0000-0000-0000-000000000001',
      ),
    );
    await nothingSent('summary (3.12)', () => bs.getVolumeSummary());
    await nothingSent('messages (3.3)', () => bs.listMessages().toArray());
    await nothingSent('limits projectId (3.39)', () => bs.getLimits({ projectId: 'x' }));
    await nothingSent('consumesQuota filter (3.65)', () => bs.listVolumes({ consumesQuota: true }).toArray());
    await nothingSent('snapshot metadata filter (3.22)', () =>
      bs.listSnapshots({ metadata: '{"a":"b"}' }).toArray(),
    );
  });

  test('a per-call microversion lifts the gate for that call only', async () => {
    const s = await bs.getVolumeSummary({ microversion: '3.12' });
    assert.equal(typeof s.totalCount, 'number');
    await nothingSent('summary again (3.12)', () => bs.getVolumeSummary());
  });
});
