/**
 * DNS zones and record sets on the dev cloud (designate with BIND 9), as the demo member:
 * create, wait for ACTIVE, read, find, list with paging, update, delete; and named really serves
 * what designate stores (asked over UDP on 127.0.0.1:5322).
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { NotFoundError, ValidationError } from '../../../src/index.js';
import type { RecordsetResource, ZoneResource } from '../../../src/services/dns/index.js';
import { functionalSuite } from '../../support/cloud.js';
import { QTYPE, queryDns, untilServed } from './dns-wire.js';

functionalSuite('dns: zones and record sets (demo)', { timeout: 180_000 }, (suite) => {
  const dns = suite.demo().dns;
  const zoneName = `${suite.name('zone')}.ossdk.test.`;
  const otherName = `${suite.name('zone2')}.ossdk.test.`;
  const www = `www.${zoneName}`;
  let zone: ZoneResource;
  let rs: RecordsetResource;

  before(() => {
    // zones go last; a zone's deletion takes its record sets along
    for (const name of [zoneName, otherName]) {
      suite.cleanup.add(`zone ${name}`, async () => {
        const z = await dns.findZone(name, { ignoreMissing: true });
        if (z) {
          await dns.deleteZone(z, { ignoreMissing: true });
          await dns.waitForZoneDelete(z, { intervalMs: 500, timeoutMs: 60_000 });
        }
      });
    }
  });

  test('a relative zone name is refused before sending', async () => {
    await assert.rejects(
      dns.createZone({ name: zoneName.replace(/\.$/, ''), email: 'hostmaster@ossdk.test' }),
      (e: unknown) => e instanceof ValidationError && e.field === 'zone.name',
      'ValidationError naming zone.name',
    );
  });

  test('create a zone and wait until it is ACTIVE and served by named', async () => {
    zone = await dns.createZone({
      name: zoneName,
      email: 'hostmaster@ossdk.test',
      ttl: 600,
      description: 'sdk test',
    });
    assert.equal(zone.name, zoneName, 'the zone has its name');
    assert.equal(zone.status, 'PENDING', 'a new zone is PENDING');
    assert.equal(zone.action, 'CREATE', 'while it is being created');
    zone = await dns.waitForZone(zone, 'ACTIVE', { intervalMs: 500, timeoutMs: 60_000 });
    assert.equal(zone.status, 'ACTIVE', 'ACTIVE once the pool serves it');
    const soa = await queryDns(zoneName, QTYPE.SOA);
    assert.equal(soa.rcode, 0, 'named answers NOERROR for the zone');
    assert.ok(soa.authoritative, 'named is the authority for the zone');
    assert.equal(soa.answers[0]?.data, String(zone.serial), 'named serves the serial designate reports');
  });

  test('get, find and list the zone', async () => {
    const got = await dns.getZone(zone.id);
    assert.equal(got.email, 'hostmaster@ossdk.test', 'get reads the email');
    assert.equal(got.ttl, 600, 'and the ttl');
    assert.equal((await dns.findZone(zoneName)).id, zone.id, 'find by name');
    const listed = await dns.listZones({ name: zoneName }).toArray();
    assert.deepEqual(
      listed.map((z) => z.id),
      [zone.id],
      'a name filter lists the zone alone',
    );
  });

  test('listing pages through links with limit', async () => {
    const second = await dns.createZone({ name: otherName, email: 'hostmaster@ossdk.test' });
    const ids: string[] = [];
    for await (const z of dns.listZones({ limit: 1 })) ids.push(z.id);
    assert.ok(
      ids.includes(zone.id) && ids.includes(second.id),
      `both zones over pages of one (${ids.length} zones)`,
    );
    assert.equal(new Set(ids).size, ids.length, 'no zone twice');
    await dns.deleteZone(second);
  });

  test('update the zone: PENDING UPDATE, then ACTIVE with a new serial', async () => {
    const updated = await dns.updateZone(zone, { ttl: 1200, description: 'changed' });
    assert.equal(updated.ttl, 1200, 'the new ttl is answered');
    const active = await dns.waitForZone(updated, 'ACTIVE', { intervalMs: 500, timeoutMs: 60_000 });
    assert.equal(active.description, 'changed', 'the description changed');
    assert.ok(active.serial > zone.serial, `the serial grew (${zone.serial} → ${active.serial})`);
    zone = active;
  });

  test('record sets: create, wait, served by named', async () => {
    rs = await dns.createRecordset(
      { name: www, type: 'A', records: ['192.0.2.10', '192.0.2.11'], ttl: 300 },
      { parent: { zoneId: zone.id } },
    );
    assert.equal(rs.zoneId, zone.id, 'the record set knows its zone');
    rs = await dns.waitForRecordset(rs, 'ACTIVE', { intervalMs: 500, timeoutMs: 60_000 });
    assert.deepEqual([...rs.records].sort(), ['192.0.2.10', '192.0.2.11'], 'both records');
    const reply = await untilServed(www, QTYPE.A, (r) => r.answers.length === 2);
    assert.deepEqual(
      reply.answers.map((a) => a.data).sort(),
      ['192.0.2.10', '192.0.2.11'],
      'named resolves the A records',
    );
    assert.equal(reply.answers[0]?.ttl, 300, 'with the record set ttl');
  });

  test('record sets: get, find, list with filters', async () => {
    const got = await dns.getRecordset(rs.id, { parent: { zoneId: zone.id } });
    assert.equal(got.type, 'A', 'get reads the type');
    const found = await dns.findRecordset(www, { parent: { zoneId: zone.id } });
    assert.equal(found.id, rs.id, 'find by name');
    const types = (await dns.listRecordsets({}, { parent: { zoneId: zone.id } }).toArray())
      .map((r) => r.type)
      .sort();
    assert.deepEqual(types, ['A', 'NS', 'SOA'], 'the zone holds its SOA, NS and our A');
    const onlyA = await dns.listRecordsets({ type: 'A' }, { parent: { zoneId: zone.id } }).toArray();
    assert.deepEqual(
      onlyA.map((r) => r.id),
      [rs.id],
      'a type filter',
    );
  });

  test('record sets: update the records, then delete', async () => {
    const updated = await dns.updateRecordset(rs, { records: ['192.0.2.20'], description: 'moved' });
    assert.equal(updated.action, 'UPDATE', 'the update is under way');
    await dns.waitForRecordset(updated, 'ACTIVE', { intervalMs: 500, timeoutMs: 60_000 });
    const reply = await untilServed(www, QTYPE.A, (r) => r.answers.length === 1);
    assert.equal(reply.answers[0]?.data, '192.0.2.20', 'named serves the new address');
    await dns.deleteRecordset(updated);
    await dns.waitForRecordsetDelete(updated, { intervalMs: 500, timeoutMs: 60_000 });
    const gone = await untilServed(www, QTYPE.A, (r) => r.rcode === 3);
    assert.equal(gone.answers.length, 0, 'named answers NXDOMAIN for the deleted name');
  });

  test('delete the zone: it goes away from designate and from named', async () => {
    await dns.deleteZone(zone);
    await dns.waitForZoneDelete(zone, { intervalMs: 500, timeoutMs: 60_000 });
    await assert.rejects(dns.getZone(zone.id), NotFoundError, 'the zone is gone');
    const reply = await untilServed(zoneName, QTYPE.SOA, (r) => r.rcode !== 0);
    assert.equal(reply.rcode, 5, 'named refuses a zone it no longer serves');
  });
});
