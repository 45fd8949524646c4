/**
 * The caller's options reach every request of a block storage call: the version discovery a
 * call starts with, the document read (`maxBodyBytes`), the message lookup after a failed wait,
 * and the polls of a wait (bounded by the wait's own deadline). A scripted cinder on the fake cloud.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { InvalidResponseError, ResourceFailureError, TimeoutError } from '../../../../src/index.js';
import { BlockStorageV3 } from '../../../../src/services/block-storage/proxy.js';
import { fakeStarter, json, type RouteHandler, route } from '../../../support/fake-service.js';
import { within } from '../../../support/faults.js';

const startFake = fakeStarter();

/** A cinder answering discovery and every other request with `answer`. */
async function cinder(answer: RouteHandler) {
  const fake = await startFake('block-storage', [route('*', '*', answer)]);
  return { bs: fake.proxy(BlockStorageV3), fake };
}

describe('the caller’s options reach every request', () => {
  test('version discovery is bounded by the call’s timeoutMs', async () => {
    const { bs, fake } = await cinder(() => true);
    // claims every request, discovery included, and never answers: only the caller's timeout ends it
    fake.intercept = () => true;
    const o = { timeoutMs: 150 };
    const calls: [string, () => Promise<unknown>][] = [
      ['createVolume', () => bs.createVolume({ size: 1 }, o)],
      ['getAttachment (a microversion check first)', () => bs.getAttachment('a1', o)],
      ['getDefaultVolumeTypeOf (the versioned root first)', () => bs.getDefaultVolumeTypeOf('p1', o)],
    ];
    for (const [what, call] of calls) {
      await assert.rejects(within(call(), 3000, what), TimeoutError, `${what}: the caller's timeout`);
    }
  });

  test('fields of the caller’s object beyond RequestOptions never relax a read', async () => {
    // an empty 200 to a GET is not a document, whatever else the caller's object holds
    const { bs } = await cinder((_c, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end();
    });
    const o = { required: false, statuses: [200] } as Parameters<BlockStorageV3['getVolumeSummary']>[0];
    await assert.rejects(
      bs.getVolumeSummary(o),
      (e: unknown) => e instanceof InvalidResponseError && e.reason === 'empty-body',
      'an empty body is an InvalidResponseError, not an empty summary',
    );
  });

  test('maxBodyBytes caps every document a call reads', async () => {
    const big = 'x'.repeat(4096);
    const { bs } = await cinder((_c, res) =>
      json(res, 200, {
        metadata: { a: big },
        meta: { k: big },
        extra_specs: { k: big },
        k: big,
        qos_specs: { k: big },
        restore: { volume_id: big },
        default_types: [],
        volume: { id: 'v1', name: big },
      }),
    );
    const o = { maxBodyBytes: 256 };
    const calls: [string, () => Promise<unknown>][] = [
      ['createVolume', () => bs.createVolume({ size: 1 }, o)],
      ['getVolumeMetadata', () => bs.getVolumeMetadata('v1', o)],
      ['getVolumeMetadataItem', () => bs.getVolumeMetadataItem('v1', 'k', o)],
      ['setSnapshotMetadata', () => bs.setSnapshotMetadata('s1', { a: 'b' }, o)],
      ['getVolumeImageMetadata', () => bs.getVolumeImageMetadata('v1', o)],
      ['getVolumeTypeExtraSpecs', () => bs.getVolumeTypeExtraSpecs('t1', o)],
      ['getVolumeTypeExtraSpec', () => bs.getVolumeTypeExtraSpec('t1', 'k', o)],
      ['setQosSpecKeys', () => bs.setQosSpecKeys('q1', { k: 'v' }, o)],
      ['restoreBackup', () => bs.restoreBackup('b1', {}, o)],
      ['listDefaultVolumeTypes (3.62)', () => bs.listDefaultVolumeTypes({ ...o, microversion: '3.62' })],
    ];
    for (const [what, call] of calls) {
      await assert.rejects(
        call(),
        (e: unknown) => e instanceof InvalidResponseError && e.reason === 'too-large',
        `${what}: refused over the caller's cap`,
      );
    }
  });

  test('the message lookup after a failed wait carries the caller’s headers', async () => {
    const { bs, fake } = await cinder((c, res) => {
      if (c.url.startsWith('/v3/proj/volumes/v1')) json(res, 200, { volume: { id: 'v1', status: 'error' } });
      else json(res, 200, { messages: [{ id: 'm1', resource_uuid: 'v1', user_message: 'no space' }] });
    });
    await assert.rejects(
      bs.waitForVolume('v1', 'available', { intervalMs: 10, headers: { 'x-trace': 't1' } }),
      (e: unknown) => e instanceof ResourceFailureError && e.fault === 'no space',
      'the failure explained by the message',
    );
    const lookups = fake.calls.filter((c) => c.url.includes('/messages'));
    assert.ok(lookups.length > 0, 'messages were looked up');
    for (const c of lookups) assert.equal(c.headers['x-trace'], 't1', `${c.url} carries the caller's header`);
  });

  test('a poll that hangs ends with the wait’s deadline, not a poll timeout after it', async () => {
    let first: number | undefined;
    const { bs } = await cinder((_c, res) => {
      first ??= Date.now();
      // answer for the first second, then hang (a poll the wait's deadline must cut)
      if (Date.now() - first < 1000) json(res, 200, { volume: { id: 'v1', status: 'creating' } });
      return true;
    });
    const start = Date.now();
    await assert.rejects(
      within(bs.waitForVolume('v1', 'available', { intervalMs: 100, timeoutMs: 1500 }), 10_000, 'the wait'),
      TimeoutError,
      'the wait times out',
    );
    const took = Date.now() - start;
    // the hanging poll started about 1 s in: with its own 1.5 s timeout the wait would end near 2.5 s
    assert.ok(took < 2200, `the wait ended at its 1.5 s deadline (took ${took} ms)`);
  });
});
