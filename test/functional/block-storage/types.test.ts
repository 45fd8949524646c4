/**
 * Volume types on the dev cloud: the admin creates, changes and deletes types, their extra
 * specs and the project access list of a private type; the demo user sees what it is granted.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ResourceNotFoundError,
  ValidationError,
} from '../../../src/index.js';
import type { VolumeTypeResource } from '../../../src/services/block-storage/index.js';
import { adminConnection, functionalSuite } from '../../support/cloud.js';
import { createRetrying, retryOnServerError, SQLITE_RETRY } from './helpers.js';

functionalSuite('block storage: volume types (admin) and their visibility (demo)', (suite) => {
  const admin = suite.admin(SQLITE_RETRY);
  const demo = suite.demo(SQLITE_RETRY);
  const abs = admin.blockStorage;
  const { cleanup } = suite;
  let demoProject: string;
  let pub: VolumeTypeResource;
  let priv: VolumeTypeResource;

  before(async () => {
    demoProject = (await demo.authorize()).projectId!;
  });

  test('the default type exists and is listed', async () => {
    const def = await abs.getDefaultVolumeType();
    assert.ok(def.id && def.name);
    const all = await abs.listVolumeTypes().toArray();
    assert.ok(all.some((t) => t.id === def.id));
    assert.equal((await abs.findVolumeType(def.name!)).id, def.id);
  });

  test('create a public type with extra specs', async () => {
    const name = suite.name('type');
    pub = await createRetrying(
      () => abs.createVolumeType({ name, description: 'public test type', extraSpecs: { color: 'blue' } }),
      () => abs.findVolumeType(name, { ignoreMissing: true }),
    );
    cleanup.add(`volume type ${pub.id}`, () => abs.deleteVolumeType(pub, { ignoreMissing: true }));
    assert.equal(pub.name, name);
    assert.equal(pub.isPublic, true);
    assert.deepEqual(pub.extraSpecs, { color: 'blue' });
    const got = await abs.getVolumeType(pub.id);
    assert.equal(got.description, 'public test type');
    assert.equal((await abs.findVolumeType(name)).id, pub.id);
    // a second type with the same name is refused
    await assert.rejects(abs.createVolumeType({ name }), ConflictError);
  });

  test('update name and description', async () => {
    const renamed = `${pub.name}-renamed`;
    const upd = await abs.updateVolumeType(pub, { name: renamed, description: 'changed' });
    assert.equal(upd.name, renamed);
    const got = await abs.getVolumeType(pub.id);
    assert.equal(got.name, renamed);
    assert.equal(got.description, 'changed');
  });

  test('extra specs: set, get one, update one, delete one', async () => {
    assert.deepEqual(await abs.setVolumeTypeExtraSpecs(pub, { size: 'big', speed: 'fast' }), {
      size: 'big',
      speed: 'fast',
    });
    assert.deepEqual(await abs.getVolumeTypeExtraSpecs(pub), { color: 'blue', size: 'big', speed: 'fast' });
    assert.equal(await abs.getVolumeTypeExtraSpec(pub, 'size'), 'big');
    assert.equal(await abs.setVolumeTypeExtraSpec(pub, 'size', 'small'), 'small');
    assert.equal(await abs.getVolumeTypeExtraSpec(pub, 'size'), 'small');
    await abs.deleteVolumeTypeExtraSpec(pub, 'speed');
    await assert.rejects(abs.getVolumeTypeExtraSpec(pub, 'speed'), NotFoundError);
    assert.deepEqual((await abs.getVolumeType(pub)).extraSpecs, { color: 'blue', size: 'small' });
    await assert.rejects(
      abs.setVolumeTypeExtraSpecs(pub, { n: 1 as unknown as string }),
      /extra spec values are strings/,
    );
  });

  test('the demo user sees public types but cannot change them', async () => {
    const bs = demo.blockStorage;
    assert.ok((await bs.listVolumeTypes().toArray()).some((t) => t.id === pub.id));
    await assert.rejects(bs.updateVolumeType(pub.id, { description: 'mine' }), ForbiddenError);
    await assert.rejects(bs.createVolumeType({ name: suite.name('nope') }), ForbiddenError);
    await assert.rejects(bs.setVolumeTypeExtraSpecs(pub.id, { a: 'b' }), ForbiddenError);
  });

  test('a private type is visible to the demo project only once granted', async () => {
    const privName = suite.name('private');
    priv = await createRetrying(
      () => abs.createVolumeType({ name: privName, isPublic: false }),
      () => abs.findVolumeType(privName, { ignoreMissing: true }),
    );
    cleanup.add(`volume type ${priv.id}`, () => abs.deleteVolumeType(priv, { ignoreMissing: true }));
    assert.equal(priv.isPublic, false);
    assert.equal(priv.accessIsPublic, false);
    const bs = demo.blockStorage;
    const visible = async () => (await bs.listVolumeTypes().toArray()).some((t) => t.id === priv.id);
    assert.equal(await visible(), false);
    assert.deepEqual(await abs.listVolumeTypeAccess(priv).toArray(), []);

    await retryOnServerError(() => abs.addVolumeTypeAccess(priv, demoProject));
    cleanup.add(`access of ${demoProject} to ${priv.id}`, () =>
      abs.removeVolumeTypeAccess(priv, demoProject).catch((e) => {
        if (!(e instanceof NotFoundError)) throw e;
      }),
    );
    const access = await abs.listVolumeTypeAccess(priv).toArray();
    assert.deepEqual(
      access.map((a) => [a.volumeTypeId, a.projectId]),
      [[priv.id, demoProject]],
    );
    assert.equal(await visible(), true);
    // granting twice is a conflict (cinder on SQLite may answer a lock as 500 first: retried)
    await assert.rejects(
      retryOnServerError(() => abs.addVolumeTypeAccess(priv, demoProject)),
      ConflictError,
      'a second grant of the same project is a 409',
    );

    await retryOnServerError(() => abs.removeVolumeTypeAccess(priv, demoProject));
    assert.equal(await visible(), false);
    await assert.rejects(
      retryOnServerError(() => abs.removeVolumeTypeAccess(priv, demoProject)),
      NotFoundError,
      'removing an access that is not there is a 404',
    );
    // made public by an update (`is_public`), everyone sees it
    const opened = await abs.updateVolumeType(priv, { isPublic: true });
    assert.equal(opened.isPublic, true);
    assert.equal(await visible(), true);
    // a public type has no access list
    await assert.rejects(abs.listVolumeTypeAccess(pub).toArray(), /public/i);
  });

  test('QoS specs: create, change limits, associate with a type, delete', async () => {
    const name = suite.name('qos');
    const qos = await createRetrying(
      () => abs.createQosSpec({ name, consumer: 'front-end', specs: { total_iops_sec: '500' } }),
      async () => (await abs.listQosSpecs().toArray()).find((q) => q.name === name),
    );
    cleanup.add(`qos ${qos.id}`, () => abs.deleteQosSpec(qos, { force: true, ignoreMissing: true }));
    assert.equal(qos.consumer, 'front-end');
    assert.deepEqual(qos.specs, { total_iops_sec: '500' });
    assert.ok((await abs.listQosSpecs().toArray()).some((q) => q.id === qos.id));
    assert.deepEqual(await abs.setQosSpecKeys(qos, { read_bytes_sec: '1000' }), { read_bytes_sec: '1000' });
    await abs.unsetQosSpecKeys(qos, ['total_iops_sec']);
    assert.deepEqual((await abs.getQosSpec(qos.id)).specs, { read_bytes_sec: '1000' });
    await abs.associateQosSpec(qos, pub);
    assert.deepEqual(
      (await abs.listQosAssociations(qos).toArray()).map((a) => [a.associationType, a.id]),
      [['volume_type', pub.id]],
    );
    assert.equal((await abs.getVolumeType(pub)).qosSpecsId, qos.id);
    // in use: deleting needs force
    await assert.rejects(abs.deleteQosSpec(qos), /in use|associated|400|QoS/i);
    await abs.disassociateQosSpec(qos, pub);
    assert.deepEqual(await abs.listQosAssociations(qos).toArray(), []);
    await abs.deleteQosSpec(qos);
    await assert.rejects(abs.getQosSpec(qos.id), NotFoundError);
    await assert.rejects(demo.blockStorage.listQosSpecs().toArray(), ForbiddenError);
  });

  test('a project default type (3.62)', async () => {
    const res = await admin.identity.request('POST', '/projects', {
      json: { project: { name: suite.name('default-type'), domain_id: 'default' } },
    });
    const project = ((await res.json()) as { project: { id: string } }).project.id;
    cleanup.add(`project ${project}`, async () => {
      await (await admin.identity.request('DELETE', `/projects/${project}`)).body.dump();
    });
    // the default microversion (3.60) is too old: refused before sending
    await assert.rejects(abs.setDefaultVolumeType(project, pub), ValidationError);
    const a62 = adminConnection({ ...SQLITE_RETRY, microversions: { 'block-storage': '3.62' } });
    cleanup.add('3.62 connection', () => a62.close());
    const bs62 = a62.blockStorage;
    cleanup.add(`default type of ${project}`, () =>
      bs62.unsetDefaultVolumeType(project, { ignoreMissing: true }),
    );
    await assert.rejects(bs62.getDefaultVolumeTypeOf(project), NotFoundError);
    const set = await bs62.setDefaultVolumeType(project, pub);
    assert.equal(set.projectId, project);
    assert.equal(set.volumeTypeId, pub.id);
    assert.equal((await bs62.getDefaultVolumeTypeOf(project)).volumeTypeId, pub.id);
    assert.ok(
      (await bs62.listDefaultVolumeTypes()).some((d) => d.projectId === project && d.volumeTypeId === pub.id),
    );
    await bs62.unsetDefaultVolumeType(project);
    await assert.rejects(bs62.getDefaultVolumeTypeOf(project), NotFoundError);
    await assert.rejects(bs62.setDefaultVolumeType(project, pub, { microversion: '3.61' }), /3\.62/);
  });

  test('delete types', async () => {
    await abs.deleteVolumeType(priv);
    await abs.deleteVolumeType(pub);
    await assert.rejects(abs.getVolumeType(pub.id), NotFoundError);
    await assert.rejects(abs.findVolumeType(pub.name!), ResourceNotFoundError);
    await abs.deleteVolumeType(pub, { ignoreMissing: true });
  });
});
