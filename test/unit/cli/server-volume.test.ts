/** `ostack server add volume` / `remove volume` over the in-memory cloud: flags, output, waits. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addVolume, removeVolume } from '../../../src/cli/commands/server-volume.js';
import { CliContext } from '../../../src/cli/context.js';
import type { OutputFormat } from '../../../src/cli/output.js';
import { ResourceNotFoundError } from '../../../src/index.js';
import { type FakeCloud, fakeCloud, withServersAndVolume } from '../cloud/fake-cloud.js';

const COLUMNS = ['ID', 'Server ID', 'Volume ID', 'Device', 'Tag', 'Delete On Termination'];

interface Harness {
  f: FakeCloud;
  ctx: CliContext;
  out: string[];
  err: string[];
  /** The bodies `createVolumeAttachment` was called with. */
  sent: Record<string, unknown>[];
}

function harness(format: OutputFormat = 'json', volume: Record<string, unknown> = {}): Harness {
  const f = fakeCloud();
  withServersAndVolume(f, volume);
  const compute = f.conn.compute as unknown as Record<string, (...a: any[]) => Promise<any>>;
  const sent: Record<string, unknown>[] = [];
  const create = compute.createVolumeAttachment!;
  compute.createVolumeAttachment = (body: Record<string, unknown>, o: unknown) => {
    sent.push(body);
    return create(body, o);
  };
  // nova's record of the attachment, as GET /servers/{id}/os-volume_attachments/{volume} answers
  compute.getVolumeAttachment = async (volumeId: string, o: { parent: { serverId: string } }) => {
    f.calls.push('getVolumeAttachment');
    const v = f.state.volumes.get(volumeId)!;
    const a = (v.attachments ?? []).find((x: { server_id: string }) => x.server_id === o.parent.serverId);
    assert.ok(a, `the command should read an attachment that exists (volume ${volumeId})`);
    return { id: volumeId, volumeId, device: a.device, tag: null, deleteOnTermination: false };
  };
  const out: string[] = [];
  const err: string[] = [];
  const ctx = new CliContext(
    { format },
    { write: (s: string) => out.push(s) } as unknown as NodeJS.WritableStream,
    { write: (s: string) => err.push(s) } as unknown as NodeJS.WritableStream,
  );
  const conn = { compute: f.conn.compute, blockStorage: f.conn.blockStorage };
  ctx.connection = (async () => conn) as unknown as CliContext['connection'];
  return { f, ctx, out, err, sent };
}

describe('server add volume', () => {
  test("prints openstackclient's attachment columns and, without --wait, does not poll cinder", async () => {
    const h = harness();
    await addVolume(h.ctx, 'web1', 'data', {});
    const row = JSON.parse(h.out.join('')) as Record<string, unknown>;
    assert.deepEqual(Object.keys(row), COLUMNS, 'the columns and their order');
    assert.deepEqual(
      row,
      {
        ID: 'vol-1',
        'Server ID': 'srv-1',
        'Volume ID': 'vol-1',
        Device: '/dev/vdb',
        Tag: null,
        'Delete On Termination': false,
      },
      'the attachment nova reports',
    );
    assert.ok(h.f.calls.includes('createVolumeAttachment'), `nova was asked: ${h.f.calls.join(',')}`);
    assert.ok(!h.f.calls.includes('getVolume'), `no wait without --wait: ${h.f.calls.join(',')}`);
    assert.deepEqual(h.err, [], 'nothing on stderr');
  });

  test('--device is sent to nova; --wait waits until cinder reports in-use', async () => {
    const h = harness();
    await addVolume(h.ctx, 'srv-1', 'vol-1', { device: '/dev/vdc', wait: true });
    assert.equal(h.sent[0]?.device, '/dev/vdc', 'the device asked for');
    assert.ok(h.f.calls.includes('getVolume'), `--wait read the volume back: ${h.f.calls.join(',')}`);
    assert.equal(h.f.state.volumes.get('vol-1')?.status, 'in-use', 'attached');
  });

  test('already attached there: the attachment as it is, a note on stderr, no request to nova', async () => {
    const h = harness('value', {
      status: 'in-use',
      attachments: [{ server_id: 'srv-1', device: '/dev/vdd' }],
    });
    await addVolume(h.ctx, 'web1', 'data', { device: '/dev/vdz' });
    assert.ok(!h.f.calls.includes('createVolumeAttachment'), `calls: ${h.f.calls.join(',')}`);
    assert.equal(
      h.out.join(''),
      'vol-1\nsrv-1\nvol-1\n/dev/vdd\n\nfalse\n',
      'the current attachment, -f value',
    );
    assert.match(
      h.err.join(''),
      /Volume data is already attached to server web1 as \/dev\/vdd: nothing changed/,
    );
  });

  test('an unknown volume is a ResourceNotFoundError, nothing printed', async () => {
    const h = harness();
    await assert.rejects(
      addVolume(h.ctx, 'web1', 'nope', {}),
      (e: unknown) => e instanceof ResourceNotFoundError && /nope/.test(e.message),
    );
    assert.deepEqual(h.out, [], 'no output');
  });
});

describe('server remove volume', () => {
  const attached = { status: 'in-use', attachments: [{ server_id: 'srv-1', device: '/dev/vdb' }] };

  test('detaches, prints nothing and, without --wait, does not poll cinder', async () => {
    const h = harness('table', attached);
    await removeVolume(h.ctx, 'web1', 'data', {});
    assert.ok(h.f.calls.includes('deleteVolumeAttachment'), `nova was asked: ${h.f.calls.join(',')}`);
    assert.ok(!h.f.calls.includes('getVolume'), `no wait without --wait: ${h.f.calls.join(',')}`);
    assert.deepEqual(h.out, [], 'no output, like openstackclient');
    assert.deepEqual(h.err, [], 'nothing on stderr');
  });

  test('--wait waits until the volume is available', async () => {
    const h = harness('table', attached);
    await removeVolume(h.ctx, 'web1', 'data', { wait: true });
    assert.ok(h.f.calls.includes('getVolume'), `--wait read the volume back: ${h.f.calls.join(',')}`);
    assert.equal(h.f.state.volumes.get('vol-1')?.status, 'available', 'detached');
  });

  test('not attached to that server: a note on stderr, no request to nova', async () => {
    const h = harness();
    await removeVolume(h.ctx, 'web1', 'data', {});
    assert.ok(!h.f.calls.includes('deleteVolumeAttachment'), `calls: ${h.f.calls.join(',')}`);
    assert.deepEqual(h.out, [], 'no output');
    assert.match(h.err.join(''), /Volume data is not attached to server web1: nothing changed/);
  });
});
