/** cloud.attachVolume / detachVolume over the in-memory cloud: waits, idempotence, failures. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { attachVolume, detachVolume } from '../../../src/cloud/volume-attach.js';
import { ResourceFailureError, TimeoutError, ValidationError } from '../../../src/index.js';
import { fakeCloud, withServersAndVolume } from './fake-cloud.js';

describe('attachVolume', () => {
  test('by names: attaches through nova and waits until in-use by the server', async () => {
    const f = fakeCloud();
    withServersAndVolume(f);
    const r = await attachVolume(f.conn, 'web1', 'data', { intervalMs: 1 });
    assert.equal(r.serverId, 'srv-1');
    assert.equal(r.volume.status, 'in-use');
    assert.equal(r.device, '/dev/vdb');
    assert.equal(r.alreadyAttached, false);
    assert.ok(f.calls.includes('createVolumeAttachment'), `calls: ${f.calls.join(',')}`);
    assert.ok(f.calls.includes('getVolume'), 'the wait read the volume back');
  });

  test('already attached to that server: returned as is, no request to nova', async () => {
    const f = fakeCloud();
    withServersAndVolume(f, { status: 'in-use', attachments: [{ server_id: 'srv-1', device: '/dev/vdc' }] });
    const r = await attachVolume(f.conn, 'web1', 'data');
    assert.equal(r.alreadyAttached, true);
    assert.equal(r.device, '/dev/vdc');
    assert.ok(!f.calls.includes('createVolumeAttachment'), `calls: ${f.calls.join(',')}`);
  });

  test('attached to another server: ValidationError naming it, before any change', async () => {
    const f = fakeCloud();
    withServersAndVolume(f, { status: 'in-use', attachments: [{ server_id: 'srv-2' }] });
    await assert.rejects(attachVolume(f.conn, 'web1', 'data'), (e: unknown) => {
      assert.ok(e instanceof ValidationError, `got ${String(e)}`);
      assert.match(e.message, /attached to server srv-2/);
      assert.equal(e.field, 'volume');
      return true;
    });
    assert.ok(!f.calls.includes('createVolumeAttachment'), `calls: ${f.calls.join(',')}`);
  });

  test('nova gives up (the volume is available again): ResourceFailureError with the statuses', async () => {
    const f = fakeCloud({ attachOutcome: 'rolled-back' });
    withServersAndVolume(f);
    await assert.rejects(attachVolume(f.conn, 'web1', 'data', { intervalMs: 1 }), (e: unknown) => {
      assert.ok(e instanceof ResourceFailureError, `got ${String(e)}`);
      assert.equal(e.status, 'available');
      assert.match(e.message, /did not attach volume vol-1 to server srv-1/);
      return true;
    });
  });

  test("wait: false returns nova's answer without polling cinder", async () => {
    const f = fakeCloud();
    withServersAndVolume(f);
    const r = await attachVolume(f.conn, 'web1', 'data', { wait: false, device: '/dev/vdz' });
    assert.equal(r.device, '/dev/vdz');
    assert.ok(!f.calls.includes('getVolume'), `calls: ${f.calls.join(',')}`);
  });

  test('a volume stuck attaching: TimeoutError naming what it saw', async () => {
    const f = fakeCloud();
    withServersAndVolume(f);
    // nova accepted, the volume never leaves "attaching"
    (f.conn.compute as unknown as Record<string, unknown>).createVolumeAttachment = async () => {
      f.state.volumes.get('vol-1')!.status = 'attaching';
      return {};
    };
    await assert.rejects(
      attachVolume(f.conn, 'web1', 'data', { timeoutMs: 20, intervalMs: 5 }),
      (e: unknown) => e instanceof TimeoutError && /statuses seen: attaching/.test(e.message),
    );
  });
});

describe('detachVolume', () => {
  test('detaches and waits until available', async () => {
    const f = fakeCloud();
    withServersAndVolume(f, { status: 'in-use', attachments: [{ server_id: 'srv-1', device: '/dev/vdb' }] });
    const r = await detachVolume(f.conn, 'web1', 'data', { intervalMs: 1 });
    assert.equal(r.detached, true);
    assert.equal(r.volume.status, 'available');
    assert.ok(f.calls.includes('deleteVolumeAttachment'), `calls: ${f.calls.join(',')}`);
  });

  test('not attached to that server: detached false, no request to nova', async () => {
    const f = fakeCloud();
    withServersAndVolume(f);
    const r = await detachVolume(f.conn, 'web1', 'data');
    assert.equal(r.detached, false);
    assert.ok(!f.calls.includes('deleteVolumeAttachment'), `calls: ${f.calls.join(',')}`);
  });

  test('a multi-attach volume still held by another server counts as detached from this one', async () => {
    const f = fakeCloud();
    withServersAndVolume(f, {
      status: 'in-use',
      multiattach: true,
      attachments: [{ server_id: 'srv-1' }, { server_id: 'srv-2' }],
    });
    const r = await detachVolume(f.conn, 'web1', 'data', { intervalMs: 1 });
    assert.equal(r.volume.status, 'in-use');
    assert.deepEqual(
      r.volume.attachments?.map((a) => a.server_id),
      ['srv-2'],
    );
  });
});
