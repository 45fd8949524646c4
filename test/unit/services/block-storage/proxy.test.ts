/**
 * Offline tests of the block storage proxy's own logic: request bodies (checked against the
 * upstream api-samples where they exist), validation before sending, microversion gates,
 * and error handling that the dev cloud cannot produce on demand.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  BadRequestError,
  ConflictError,
  NotFoundError,
  ResourceFailureError,
  ValidationError,
} from '../../../../src/index.js';
import { BlockStorageV3 } from '../../../../src/services/block-storage/proxy.js';
import { sampleAt } from '../../../support/api-samples.js';
import { bodyOf, fakeStarter, json, type Route, reply, route } from '../../../support/fake-service.js';

/** An upstream sample (block-storage/<file>). */
const sample = (file: string) => sampleAt(`block-storage/${file}`);

const VOL = '5aa119a8-d25b-45a7-8d1b-88e127885635';
const startFake = fakeStarter();
/** A fake cinder answering `routes`, and a proxy on it at `microversion`. */
async function cinder(routes: Route[], opts: { microversion?: string; max?: string } = {}) {
  const f = await startFake('block-storage', routes, { max: opts.max });
  return Object.assign(f, { bs: f.proxy(BlockStorageV3, { microversion: opts.microversion }) });
}

describe('volume actions send the bodies of the api-samples', () => {
  test('extend, retype, bootable, readonly, reset status, force delete, revert, reserve', async () => {
    const f = await cinder([reply('POST', /\/volumes\/[^/]+\/action$/, 202)]);
    const bs = f.bs;
    await bs.extendVolume(VOL, 3);
    await bs.retypeVolume(VOL, 'dedup-tier-replicaton', { migrationPolicy: 'never' });
    await bs.setVolumeBootable(VOL, true);
    await bs.setVolumeReadonly(VOL, true);
    await bs.resetVolumeStatus(VOL, {
      status: 'available',
      attachStatus: 'detached',
      migrationStatus: 'migrating',
    });
    await bs.forceDeleteVolume(VOL);
    await bs.revertVolumeToSnapshot(VOL, '5aa119a8-d25b-45a7-8d1b-88e127885635');
    await bs.reserveVolume(VOL);
    await bs.unreserveVolume(VOL);
    const bodies = f.bodies();
    assert.deepEqual(bodies[0], sample('volume-extend-request.json'));
    assert.deepEqual(bodies[1], sample('volume-os-retype-request.json'));
    // the sample sends the string "True"; cinder takes booleans too, and the SDK sends one
    assert.deepEqual(sample('volume-bootable-status-update-request.json'), {
      'os-set_bootable': { bootable: 'True' },
    });
    assert.deepEqual(bodies[2], { 'os-set_bootable': { bootable: true } });
    assert.deepEqual(bodies[3], sample('volume-readonly-update-request.json'));
    assert.deepEqual(bodies[4], sample('volume-status-reset-request.json'));
    assert.deepEqual(bodies[5], sample('volume-force-delete-request.json'));
    assert.deepEqual(bodies[6], sample('volume-revert-to-snapshot-request.json'));
    assert.deepEqual(bodies[7], sample('volume-reserve-request.json'));
    assert.deepEqual(bodies[8], sample('volume-unreserve-request.json'));
    assert.ok(f.lines().every((c) => c === `POST /volumes/${VOL}/action`));
  });

  test('image metadata and attach/detach', async () => {
    const md = {
      image_id: '521752a6-acf6-4b2d-bc7a-119f9148cd8c',
      image_name: 'image',
      kernel_id: '155d900f-4e14-4e4c-a73d-069cbf4541e6',
      ramdisk_id: 'somedisk',
    };
    const f = await cinder([
      route('*', /\/action$/, (req, res) => {
        const body = JSON.parse(req.body);
        const answers = 'os-set_image_metadata' in body || 'os-show_image_metadata' in body;
        return answers ? json(res, 200, { metadata: md }) : json(res, 202);
      }),
    ]);
    assert.deepEqual(await f.bs.setVolumeImageMetadata(VOL, md), md);
    assert.deepEqual(await f.bs.getVolumeImageMetadata(VOL), md);
    await f.bs.unsetVolumeImageMetadata(VOL, 'ramdisk_id');
    await f.bs.attachVolume(VOL, {
      mountpoint: '/dev/vdc',
      instanceUuid: '95D9EF50-507D-11E5-B970-0800200C9A66',
    });
    await f.bs.detachVolume(VOL, { attachmentId: 'd8777f54-84cf-4809-a679-468ffed56cf1' });
    const b = f.bodies();
    assert.deepEqual(b[0], sample('volume-image-metadata-set-request.json'));
    assert.deepEqual(b[1], { 'os-show_image_metadata': {} });
    assert.deepEqual(b[2], sample('volume-image-metadata-unset-request.json'));
    assert.deepEqual(b[3], sample('volume-attach-request.json'));
    assert.deepEqual(b[4], sample('volume-detach-request.json'));
  });

  test('validation before sending', async () => {
    const f = await cinder([]);
    await assert.rejects(f.bs.extendVolume(VOL, 0), ValidationError);
    await assert.rejects(f.bs.resetVolumeStatus(VOL, {}), ValidationError);
    await assert.rejects(f.bs.attachVolume(VOL, { mountpoint: '/dev/vdb' }), ValidationError);
    await assert.rejects(
      f.bs.attachVolume(VOL, { mountpoint: '/dev/vdb', instanceUuid: 'a', hostName: 'h' }),
      ValidationError,
    );
    await assert.rejects(f.bs.extendVolume('', 2), ValidationError);
    assert.deepEqual(f.lines(), []);
  });
});

describe('volumes', () => {
  test('create sends the envelope, scheduler hints beside it, and keeps the input', async () => {
    const f = await cinder([
      reply('POST', /^\/volumes$/, 202, { volume: { id: VOL, status: 'creating', size: 10 } }),
    ]);
    const v = await f.bs.createVolume(
      { size: 10, name: 'v', metadata: {}, multiattach: false },
      { schedulerHints: { same_host: ['a0cf03a5-d921-4877-bb5c-86d26cf818e1'] } },
    );
    assert.equal(v.id, VOL);
    assert.equal(v.name, 'v');
    assert.equal(v.status, 'creating');
    assert.deepEqual(f.bodies()[0], {
      volume: { size: 10, name: 'v', metadata: {}, multiattach: false },
      'OS-SCH-HNT:scheduler_hints': { same_host: ['a0cf03a5-d921-4877-bb5c-86d26cf818e1'] },
    });
    assert.equal(f.requests.at(-1)!.headers['openstack-api-version'], 'volume 3.60');
  });

  test('create needs a size or a source; an image needs a size', async () => {
    const f = await cinder([]);
    await assert.rejects(f.bs.createVolume({ name: 'x' }), /needs a size/);
    await assert.rejects(
      f.bs.createVolume({ imageRef: 'img', snapshotId: 's' }),
      /from an image needs a size/,
    );
    await assert.rejects(f.bs.createVolume({ size: 1, status: 'x' } as never), /set by the service/);
    await assert.rejects(f.bs.createVolume({ size: '1' } as never), /must be an integer/);
    assert.deepEqual(f.lines(), []);
  });

  test('fields newer than the pin are refused before sending', async () => {
    const f = await cinder([], { microversion: '3.46' });
    await assert.rejects(f.bs.createVolume({ size: 1, backupId: 'b' }), (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.match(
        e.message,
        /volume\.backupId: exists only at block-storage microversion 3\.47\+; this connection uses 3\.46/,
      );
      return true;
    });
    await assert.rejects(f.bs.getVolumeSummary({ microversion: '3.11' }), /3\.12/);
    assert.deepEqual(f.lines(), []);
  });

  test('delete passes cascade and force as query parameters; ignoreMissing hides only a 404', async () => {
    const f = await cinder([
      reply('DELETE', /gone/, 404, {
        itemNotFound: { code: 404, message: 'Volume gone could not be found.' },
      }),
      reply('DELETE', /busy/, 400, { badRequest: { code: 400, message: 'Volume status must be available' } }),
      reply('DELETE', /\/volumes\//, 202),
    ]);
    await f.bs.deleteVolume(VOL, { cascade: true, force: true });
    await f.bs.deleteVolume(VOL);
    await f.bs.deleteVolume('gone', { ignoreMissing: true });
    await assert.rejects(f.bs.deleteVolume('gone'), NotFoundError);
    await assert.rejects(f.bs.deleteVolume('busy', { ignoreMissing: true }), BadRequestError);
    assert.deepEqual(f.lines().slice(0, 2), [
      `DELETE /volumes/${VOL}?cascade=true&force=true`,
      `DELETE /volumes/${VOL}`,
    ]);
  });

  test('delete with force needs 3.23', async () => {
    const f = await cinder([], { microversion: '3.22' });
    await assert.rejects(f.bs.deleteVolume(VOL, { force: true }), /3\.23/);
    assert.deepEqual(f.lines(), []);
  });

  test('list filters newer than the pin are refused before the first page', async () => {
    const f = await cinder([reply('GET', /^\/volumes\/detail/, 200, { volumes: [] })], {
      microversion: '3.60',
    });
    await assert.rejects(f.bs.listVolumes({ consumesQuota: true }).toArray(), /3\.65/);
    await assert.rejects(f.bs.listSnapshots({ consumesQuota: true }).toArray(), /3\.65/);
    assert.deepEqual(await f.bs.listVolumes({ createdAt: 'gt:2020-01-01' }).toArray(), []);
    assert.deepEqual(f.lines(), ['GET /volumes/detail?created_at=gt%3A2020-01-01']);
  });

  test('find falls back to client-side matching where list filters are refused', async () => {
    const f = await cinder([
      reply('GET', /^\/volumes\/vol-a$/, 404, { itemNotFound: { code: 404, message: 'not found' } }),
      reply('GET', /^\/volumes\/detail\?name=/, 400, {
        badRequest: { code: 400, message: 'Invalid filters name are found in query options.' },
      }),
      reply('GET', /^\/volumes\/detail$/, 200, {
        volumes: [
          { id: 'id-1', name: 'vol-a' },
          { id: 'id-2', name: 'vol-b' },
        ],
      }),
    ]);
    const v = await f.bs.findVolume('vol-a');
    assert.equal(v.id, 'id-1');
    assert.deepEqual(f.lines(), [
      'GET /volumes/vol-a',
      'GET /volumes/detail?name=vol-a',
      'GET /volumes/vol-a',
      'GET /volumes/detail',
    ]);
  });

  test('a failed wait carries cinder’s newest user message about the volume', async () => {
    const f = await cinder([
      reply('GET', new RegExp(`^/volumes/${VOL}$`), 200, { volume: { id: VOL, status: 'error_extending' } }),
      reply('GET', /^\/messages\?resource_uuid=/, 400, {
        badRequest: { code: 400, message: 'Invalid filters resource_uuid' },
      }),
      reply('GET', /^\/messages$/, 200, {
        messages: [
          { id: 'm1', resource_uuid: VOL, created_at: '2026-01-01T00:00:00', user_message: 'old news' },
          { id: 'm2', resource_uuid: 'other', created_at: '2026-01-03T00:00:00', user_message: 'not ours' },
          {
            id: 'm3',
            resource_uuid: VOL,
            created_at: '2026-01-02T00:00:00',
            user_message: 'extend volume:Volume Driver failed to extend volume.',
          },
        ],
      }),
    ]);
    await assert.rejects(f.bs.waitForVolume(VOL, 'available', { intervalMs: 10 }), (e: unknown) => {
      assert.ok(e instanceof ResourceFailureError);
      assert.equal(e.status, 'error_extending');
      assert.equal(e.fault, 'extend volume:Volume Driver failed to extend volume.');
      assert.match(
        e.message,
        /went to error_extending while waiting for AVAILABLE: extend volume:Volume Driver failed/,
      );
      return true;
    });
  });

  test('a failed wait without messages keeps the original error', async () => {
    const f = await cinder([
      reply('GET', /^\/snapshots\/s1$/, 200, { snapshot: { id: 's1', status: 'error' } }),
      reply('GET', /^\/messages/, 403, { forbidden: { code: 403, message: 'no' } }),
    ]);
    await assert.rejects(f.bs.waitForSnapshot('s1', 'available', { intervalMs: 10 }), (e: unknown) => {
      assert.ok(e instanceof ResourceFailureError);
      assert.equal(e.fault, undefined);
      return true;
    });
  });

  test('metadata documents (volume-metadata-* samples)', async () => {
    const f = await cinder([
      reply('DELETE', /\/metadata/, 200),
      // echo what was sent; a read answers the item or the whole set
      route('*', /\/metadata/, (req, res) =>
        json(
          res,
          200,
          bodyOf(req) ??
            (/\/metadata\/name$/.test(req.url) ? { meta: { name: 'x' } } : { metadata: { name: 'x' } }),
        ),
      ),
    ]);
    assert.deepEqual(await f.bs.setVolumeMetadata(VOL, { name: 'metadata0' }), { name: 'metadata0' });
    assert.deepEqual(await f.bs.replaceVolumeMetadata(VOL, { name: 'metadata1' }), { name: 'metadata1' });
    assert.equal(await f.bs.setVolumeMetadataItem(VOL, 'name', 'new_name'), 'new_name');
    assert.equal(await f.bs.getVolumeMetadataItem(VOL, 'name'), 'x');
    assert.deepEqual(await f.bs.getVolumeMetadata(VOL), { name: 'x' });
    await f.bs.deleteVolumeMetadataItem(VOL, 'name');
    const b = f.bodies();
    assert.deepEqual(b[0], sample('volumes/volume-metadata-create-request.json'));
    assert.deepEqual(b[1], sample('volumes/volume-metadata-update-request.json'));
    assert.deepEqual(b[2], sample('volumes/volume-metadata-update-key-request.json'));
    assert.deepEqual(f.lines(), [
      `POST /volumes/${VOL}/metadata`,
      `PUT /volumes/${VOL}/metadata`,
      `PUT /volumes/${VOL}/metadata/name`,
      `GET /volumes/${VOL}/metadata/name`,
      `GET /volumes/${VOL}/metadata`,
      `DELETE /volumes/${VOL}/metadata/name`,
    ]);
  });
});

describe('snapshots and backups', () => {
  test('snapshot actions and metadata bodies', async () => {
    const f = await cinder([
      reply('POST', /\/snapshots\/[^/]+\/action$/, 202),
      route('*', /\/snapshots\/[^/]+\/metadata/, (req, res) => json(res, 200, bodyOf(req))),
    ]);
    await f.bs.forceDeleteSnapshot('s1');
    await f.bs.resetSnapshotStatus('s1', 'available');
    await f.bs.setSnapshotMetadata('s1', { key: 'v3' });
    const b = f.bodies();
    assert.deepEqual(b[0], sample('snapshot-force-delete-request.json'));
    assert.deepEqual(b[1], sample('snapshot-status-reset-request.json'));
    assert.deepEqual(b[2], sample('snapshots/snapshot-metadata-create-request.json'));
  });

  test('snapshot metadata is create-only', async () => {
    const f = await cinder([]);
    await assert.rejects(
      f.bs.updateSnapshot('s1', { metadata: {} } as never),
      /can only be set when creating/,
    );
  });

  test('backup actions, restore and the 3.9 update gate', async () => {
    const f = await cinder(
      [
        reply('POST', /\/backups\/[^/]+\/action$/, 202),
        reply('POST', /\/backups\/[^/]+\/restore$/, 202, sample('backup-restore-response.json')),
      ],
      { microversion: '3.8' },
    );
    await f.bs.forceDeleteBackup('b1');
    await f.bs.resetBackupStatus('b1', 'available');
    const r = await f.bs.restoreBackup('b1', {
      name: 'vol-01',
      volumeId: '64f5d2fb-d836-4063-b7e2-544d5c1ff607',
    });
    assert.equal(r.volume_name, 'volume01');
    const b = f.bodies();
    assert.deepEqual(b[0], sample('backup-force-delete-request.json'));
    assert.deepEqual(b[1], sample('backup-reset-status-request.json'));
    assert.deepEqual(b[2], sample('backup-restore-request.json'));
    await assert.rejects(f.bs.updateBackup('b1', { name: 'x' }), /3\.9/);
    await assert.rejects(f.bs.createBackup({ volumeId: 'v', metadata: { a: 'b' } }), /3\.43/);
    assert.equal(f.lines().length, 3);
  });

  test('deleteBackup with ignoreMissing does not hide "Service cinder-backup could not be found"', async () => {
    const f = await cinder([
      reply('DELETE', /\/backups\/b1$/, 404, {
        itemNotFound: { code: 404, message: 'Service cinder-backup could not be found.' },
      }),
      reply('GET', /\/backups\/b1$/, 200, { backup: { id: 'b1', status: 'error' } }),
      reply('DELETE', /\/backups\/b2$/, 404, {
        itemNotFound: { code: 404, message: 'Backup b2 could not be found.' },
      }),
      reply('GET', /\/backups\/b2$/, 404, {
        itemNotFound: { code: 404, message: 'Backup b2 could not be found.' },
      }),
    ]);
    await assert.rejects(f.bs.deleteBackup('b1', { ignoreMissing: true }), (e: unknown) => {
      assert.ok(e instanceof NotFoundError);
      assert.match(e.serviceMessage ?? '', /Service cinder-backup/);
      return true;
    });
    await f.bs.deleteBackup('b2', { ignoreMissing: true });
    await assert.rejects(f.bs.deleteBackup('b2'), NotFoundError);
  });
});

describe('volume types, quotas, services', () => {
  test('create maps isPublic to os-volume-type-access:is_public (sample body)', async () => {
    const f = await cinder([
      reply('POST', /^\/types$/, 200, sample('volume_type/volume-type-create-response.json')),
    ]);
    const t = await f.bs.createVolumeType({
      name: 'vol-type-001',
      description: 'volume type 0001',
      isPublic: true,
      extraSpecs: { capabilities: 'gpu' },
    });
    assert.equal(t.id, '6d0ff92a-0007-4780-9ece-acfe5876966a');
    assert.deepEqual(f.bodies()[0], sample('volume_type/volume-type-create-request.json'));
  });

  test('update sends is_public (sample body)', async () => {
    const f = await cinder([
      reply('PUT', /^\/types\/t1$/, 200, sample('volume_type/volume-type-update-response.json')),
    ]);
    await f.bs.updateVolumeType('t1', {
      name: 'vol-type-001',
      description: 'volume type 0001',
      isPublic: true,
    });
    assert.deepEqual(f.bodies()[0], sample('volume_type/volume-type-update-request.json'));
  });

  test('extra specs and access bodies', async () => {
    const f = await cinder([
      reply('DELETE', /\/types\/t1\/extra_specs/, 202),
      reply('*', /\/types\/t1\/action$/, 202),
      // echo what was sent; a read answers the set or one key
      route('*', /\/types\/t1\/extra_specs/, (req, res) =>
        json(
          res,
          200,
          bodyOf(req) ??
            (req.url.endsWith('/extra_specs')
              ? { extra_specs: { capabilities: 'gpu' } }
              : { capabilities: 'gpu' }),
        ),
      ),
      reply(
        'GET',
        /\/types\/t2\/os-volume-type-access$/,
        200,
        sample('volume_type/volume-type-access-list-response.json'),
      ),
    ]);
    assert.deepEqual(await f.bs.setVolumeTypeExtraSpecs('t1', { key1: 'value1', key2: 'value2' }), {
      key1: 'value1',
      key2: 'value2',
    });
    assert.equal(await f.bs.setVolumeTypeExtraSpec('t1', 'key1', 'value1'), 'value1');
    assert.equal(await f.bs.getVolumeTypeExtraSpec('t1', 'capabilities'), 'gpu');
    assert.deepEqual(await f.bs.getVolumeTypeExtraSpecs('t1'), { capabilities: 'gpu' });
    await f.bs.deleteVolumeTypeExtraSpec('t1', 'capabilities');
    await f.bs.addVolumeTypeAccess('t1', '6f70656e737461636b20342065766572');
    await f.bs.removeVolumeTypeAccess('t1', 'f270b245cb11498ca4031deb7e141cfa');
    const access = await f.bs.listVolumeTypeAccess('t2').toArray();
    assert.deepEqual(
      access.map((a) => [a.projectId, a.volumeTypeId]),
      [['6f70656e737461636b20342065766572', 'a5082c24-2a27-43a4-b48e-fcec1240e36b']],
    );
    const b = f.bodies();
    assert.deepEqual(b[0], sample('volume_type/volume-type-extra-specs-create-update-request.json'));
    assert.deepEqual(b[1], sample('volume_type/volume-type-specific-extra-specs-update-request.json'));
    assert.deepEqual(b[5], sample('volume_type/volume-type-access-add-request.json'));
    assert.deepEqual(b[6], sample('volume-type-access-delete-request.json'));
    assert.equal(f.lines()[7], 'GET /types/t2/os-volume-type-access');
  });

  test('quota update sends the sample body and merges the answer', async () => {
    const f = await cinder([
      reply('PUT', /^\/os-quota-sets\/p1$/, 200, sample('quota_sets/quotas-update-response.json')),
    ]);
    const q = await f.bs.updateQuotaSet('p1', { groups: 11, volumes: 5, backups: 4 });
    assert.deepEqual(f.bodies()[0], sample('quota_sets/quotas-update-request.json'));
    assert.equal(q.id, 'p1');
    assert.equal(q.volumes, 5);
    assert.equal(q.extra.volumes___DEFAULT__, -1);
  });

  test('quota usage, defaults and limits paths', async () => {
    const f = await cinder([
      reply(
        'GET',
        /^\/os-quota-sets\/p1\?usage=True$/,
        200,
        sample('quota_sets/quotas-show-usage-response.json'),
      ),
      reply(
        'GET',
        /^\/os-quota-sets\/p1\/defaults$/,
        200,
        sample('quota_sets/quotas-show-defaults-response.json'),
      ),
      reply('GET', /^\/limits/, 200, sample('limits/limits-show-response.json')),
    ]);
    const u = await f.bs.getQuotaSetUsage('p1');
    assert.deepEqual(u.volumes, { in_use: 0, limit: 10, reserved: 0 });
    assert.equal((await f.bs.getQuotaSetDefaults('p1')).backups, 10);
    const l = await f.bs.getLimits({ projectId: 'p2' });
    assert.equal(l.absolute?.maxTotalVolumes, 10);
    assert.deepEqual(f.lines(), [
      'GET /os-quota-sets/p1?usage=True',
      'GET /os-quota-sets/p1/defaults',
      'GET /limits?project_id=p2',
    ]);
  });

  test('service enable/disable bodies and paths', async () => {
    const f = await cinder([
      reply('PUT', /^\/os-services\/enable$/, 200, sample('services-enable-response.json')),
      reply('PUT', /^\/os-services\/disable$/, 200, sample('services-disable-response.json')),
      reply('PUT', /^\/os-services\/disable-log-reason$/, 200, sample('services-disable-log-response.json')),
    ]);
    const en = await f.bs.enableService('devstack@lvmdriver-1', 'cinder-volume');
    assert.equal(en.status, 'enabled');
    const dis = await f.bs.disableService('devstack@lvmdriver-1', 'cinder-volume');
    assert.equal(dis.disabled, true);
    await f.bs.disableService('devstack@lvmdriver-1', 'cinder-volume', { reason: 'test' });
    const b = f.bodies();
    assert.deepEqual(b[0], sample('services-enable-request.json'));
    assert.deepEqual(b[1], sample('services-disable-request.json'));
    assert.deepEqual(b[2], sample('services-disable-log-request.json'));
  });

  test('a 409 is a ConflictError', async () => {
    const f = await cinder([
      reply('POST', /^\/types$/, 409, {
        conflictingRequest: { code: 409, message: 'Volume Type x already exists.' },
      }),
    ]);
    await assert.rejects(f.bs.createVolumeType({ name: 'x' }), (e: unknown) => {
      assert.ok(e instanceof ConflictError);
      assert.equal(e.serviceMessage, 'Volume Type x already exists.');
      return true;
    });
  });
});

describe('attachments, transfers, QoS, default types', () => {
  test('attachment create/update/complete bodies (samples)', async () => {
    const f = await cinder([
      reply('POST', /^\/attachments$/, 200, sample('attachment-create-response.json')),
      reply('PUT', /^\/attachments\/a1$/, 200, sample('attachment-update-response.json')),
      reply('POST', /^\/attachments\/a1\/action$/, 204),
    ]);
    const req = (sample('attachment-create-request.json') as { attachment: Record<string, any> }).attachment;
    const a = await f.bs.createAttachment({
      volumeUuid: req.volume_uuid,
      instanceUuid: req.instance_uuid,
      connector: req.connector,
    });
    assert.equal(a.status, 'attaching');
    await f.bs.updateAttachment('a1', { connector: req.connector });
    await f.bs.completeAttachment('a1');
    const b = f.bodies();
    assert.deepEqual(b[0], sample('attachment-create-request.json'));
    assert.deepEqual(b[1], sample('attachment-update-request.json'));
    assert.deepEqual(b[2], sample('attachment-complete.json'));
    const old = await cinder([], { microversion: '3.43' });
    await assert.rejects(old.bs.completeAttachment('a1'), /3\.44/);
    await assert.rejects(old.bs.createAttachment({ volumeUuid: 'v', mode: 'rw' }), /3\.54/);
  });

  test('transfer accept body (sample) and the 3.55 gate', async () => {
    const f = await cinder([
      reply(
        'POST',
        /^\/volume-transfers\/t1\/accept$/,
        202,
        sample('volume_transfers/volume-transfers-accept-response.json'),
      ),
    ]);
    const t = await f.bs.acceptVolumeTransfer('t1', 'f318375a4400391e');
    assert.equal(t.volumeId, '8d19f929-f1da-4a76-acad-9ed17da0981e');
    assert.deepEqual(f.bodies()[0], sample('volume_transfers/volume-transfers-accept-request.json'));
    const old = await cinder([], { microversion: '3.54' });
    await assert.rejects(old.bs.createVolumeTransfer({ volumeId: 'v' }), /3\.55/);
  });

  test('QoS specs: limits go beside the name; unset sends the keys (samples)', async () => {
    const f = await cinder([
      reply('POST', /^\/qos-specs$/, 200, sample('qos/qos-create-response.json')),
      reply('PUT', /^\/qos-specs\/q1\/delete_keys$/, 202),
      reply('PUT', /^\/qos-specs\/q1$/, 200, sample('qos/qos-update-response.json')),
      reply('GET', /^\/qos-specs\/q1\/associate\?vol_type_id=t1$/, 202),
      reply('GET', /^\/qos-specs\/q1\/disassociate_all$/, 202),
      reply('DELETE', /^\/qos-specs\/q1\?force=true$/, 202),
    ]);
    const q = await f.bs.createQosSpec({ name: 'reliability-spec' });
    assert.equal(q.consumer, 'back-end');
    await f.bs
      .createQosSpec({ name: 'gold', consumer: 'both', specs: { total_iops_sec: '10' } })
      .catch(() => {});
    assert.deepEqual(await f.bs.setQosSpecKeys('q1', { delay: '1' }), { delay: '1' });
    await f.bs.unsetQosSpecKeys('q1', ['key1']);
    await f.bs.associateQosSpec('q1', 't1');
    await f.bs.disassociateQosSpec('q1');
    await f.bs.deleteQosSpec('q1', { force: true });
    const b = f.bodies();
    assert.deepEqual(b[0], sample('qos/qos-create-request.json'));
    assert.deepEqual(b[1], { qos_specs: { name: 'gold', consumer: 'both', total_iops_sec: '10' } });
    assert.deepEqual(b[2], sample('qos/qos-update-request.json'));
    assert.deepEqual(b[3], sample('qos/qos-unset-request.json'));
  });

  test('default types live beside the project-scoped API (samples)', async () => {
    const f = await cinder(
      [
        // default types live beside the project-scoped API, at /v3/default-types
        reply('PUT', /^\/v3\/default-types/, 200, sample('set-default-type-response.json')),
        reply('*', /^\/v3\/default-types$/, 200, sample('get-default-types-response.json')),
        reply('GET', /^\/v3\/default-types/, 200, sample('get-default-type-response.json')),
        reply('*', /^\/v3\/default-types/, 204),
      ],
      { microversion: '3.62' },
    );
    const set = await f.bs.setDefaultVolumeType('6685584b-1eac-4da6-b5c3-555430cf68ff', 'lvm_backend');
    assert.equal(set.volumeTypeId, '40ec6e5e-c9bd-4170-8740-c1cd42d7eabb');
    assert.equal((await f.bs.listDefaultVolumeTypes()).length, 2);
    await f.bs.getDefaultVolumeTypeOf('6685584b-1eac-4da6-b5c3-555430cf68ff');
    await f.bs.unsetDefaultVolumeType('6685584b-1eac-4da6-b5c3-555430cf68ff');
    assert.deepEqual(f.bodies()[0], sample('set-default-type-request.json'));
    assert.deepEqual(
      f.requests.filter((r) => r.url !== '/').map((r) => `${r.method} ${r.url}`),
      [
        'PUT /v3/default-types/6685584b-1eac-4da6-b5c3-555430cf68ff',
        'GET /v3/default-types',
        'GET /v3/default-types/6685584b-1eac-4da6-b5c3-555430cf68ff',
        'DELETE /v3/default-types/6685584b-1eac-4da6-b5c3-555430cf68ff',
      ],
    );
  });
});
