/**
 * Zone import and export, and zone transfers between projects, on the dev cloud: the demo
 * member imports a zone file, exports it back, and hands the zone to the admin project, whose
 * admin accepts it.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { NotFoundError } from '../../../src/index.js';
import type { ZoneResource } from '../../../src/services/dns/index.js';
import { functionalSuite } from '../../support/cloud.js';
import { QTYPE, untilServed } from './dns-wire.js';

functionalSuite('dns: import, export and transfer (demo → admin)', { timeout: 180_000 }, (suite) => {
  const demo = suite.demo().dns;
  const admin = suite.admin();
  const zoneName = `${suite.name('imported')}.ossdk.test.`;
  const allProjects = { headers: { 'x-auth-all-projects': 'true' } };
  let zone: ZoneResource;

  before(() => {
    suite.cleanup.add(`zone ${zoneName}`, async () => {
      // before the transfer the zone is demo's, after it admin's: look in every project
      const z = await admin.dns.findZone(zoneName, { ignoreMissing: true, ...allProjects });
      if (!z) return;
      await admin.dns.deleteZone(z, { ignoreMissing: true, ...allProjects });
      await admin.dns.waitForZoneDelete(z, { intervalMs: 500, timeoutMs: 60_000, ...allProjects });
    });
  });

  test('import a zone file: the task completes with the new zone', async () => {
    const file = [
      `$ORIGIN ${zoneName}`,
      '$TTL 300',
      `${zoneName} IN SOA ns1.devcloud.test. hostmaster.ossdk.test. 1 3600 600 86400 300`,
      `${zoneName} IN NS ns1.devcloud.test.`,
      `app.${zoneName} IN A 192.0.2.44`,
    ].join('\n');
    const task = await demo.importZone(file);
    assert.equal(task.status, 'PENDING', 'an import starts PENDING');
    const done = await demo.waitForZoneImport(task, 'COMPLETE', { intervalMs: 500, timeoutMs: 60_000 });
    assert.ok(done.zoneId, 'a completed import names the zone it made');
    zone = await demo.waitForZone(done.zoneId, 'ACTIVE', { intervalMs: 500, timeoutMs: 60_000 });
    assert.equal(zone.name, zoneName, 'the zone of the file');
    const reply = await untilServed(`app.${zoneName}`, QTYPE.A, (r) => r.answers.length === 1);
    assert.equal(reply.answers[0]?.data, '192.0.2.44', 'named serves the imported record');
    const listed = await demo.listZoneImports().toArray();
    assert.ok(
      listed.some((t) => t.id === task.id),
      'the import is listed',
    );
    await demo.deleteZoneImport(task);
    await assert.rejects(demo.getZoneImport(task.id), NotFoundError, 'the import task is deleted');
  });

  test('export the zone: the file holds its records', async () => {
    const task = await demo.exportZone(zone);
    const done = await demo.waitForZoneExport(task, 'COMPLETE', { intervalMs: 500, timeoutMs: 60_000 });
    assert.equal(done.zoneId, zone.id, 'the export is of our zone');
    const text = await demo.getZoneExportText(done);
    assert.match(text, /app\.\S*\s+IN\s+A\s+192\.0\.2\.44|192\.0\.2\.44/, 'the file has the A record');
    assert.match(text, /SOA/, 'and the SOA');
    assert.ok(
      (await demo.listZoneExports().toArray()).some((t) => t.id === done.id),
      'the export is listed',
    );
    await demo.deleteZoneExport(done);
  });

  test('transfer the zone to the admin project', async () => {
    const adminProject = (await admin.authorize()).projectId!;
    const offer = await demo.createZoneTransferRequest(zone, {
      targetProjectId: adminProject,
      description: 'to admin',
    });
    assert.equal(offer.status, 'ACTIVE', 'an open offer is ACTIVE');
    assert.ok(offer.key, 'the owner sees the key');
    assert.equal(offer.zoneName, zoneName, 'the offer names the zone');
    const updated = await demo.updateZoneTransferRequest(offer, { description: 'to admin, really' });
    assert.equal(updated.description, 'to admin, really', 'the offer can be changed');
    const seen = await demo.listZoneTransferRequests().toArray();
    assert.ok(
      seen.some((r) => r.id === offer.id),
      'the owner lists the offer',
    );

    const accept = await admin.dns.acceptZoneTransferRequest(offer.id, offer.key!);
    assert.equal(accept.zoneId, zone.id, 'the accept names the zone');
    const got = await admin.dns.getZoneTransferAccept(accept.id);
    assert.equal(got.status, 'COMPLETE', 'the transfer completed');
    const moved = await admin.dns.getZone(zone.id);
    assert.equal(moved.projectId, adminProject, 'the zone is the admin project’s now');
    await assert.rejects(demo.getZone(zone.id), NotFoundError, 'and no longer the demo member’s');
  });

  test('a transfer request can be withdrawn', async () => {
    const adminProject = (await admin.authorize()).projectId!;
    const offer = await admin.dns.createZoneTransferRequest(zone.id, { targetProjectId: adminProject });
    await admin.dns.deleteZoneTransferRequest(offer);
    await assert.rejects(admin.dns.getZoneTransferRequest(offer.id), NotFoundError, 'the offer is gone');
  });
});
