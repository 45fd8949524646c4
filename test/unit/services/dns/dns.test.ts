/**
 * What is special about conn.dns, on the fake cloud: name checks before anything is sent, bare
 * request bodies, zone files in and out as text/dns, the floating IP PTR paths, the waiters'
 * failure reasons, link pagination, and TSIG secrets kept out of the logs.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { ResourceFailureError, ValidationError } from '../../../../src/index.js';
import { DnsV2 } from '../../../../src/services/dns/proxy.js';
import type { Logger } from '../../../../src/transport/logger.js';
import { type FakeService, fakeStarter, json, route } from '../../../support/fake-service.js';

const startFake = fakeStarter();
let fake: FakeService | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const ZONE = {
  id: 'z1',
  name: 'example.org.',
  email: 'hostmaster@example.org',
  ttl: 3600,
  description: null,
  type: 'PRIMARY',
  masters: [],
  status: 'PENDING',
  action: 'CREATE',
  serial: 1,
  pool_id: 'p1',
  project_id: 'proj',
  version: 1,
  transferred_at: null,
  created_at: '2026-01-01T00:00:00.000000',
  updated_at: null,
};

async function dns(routes: Parameters<typeof startFake>[1] = [], logger?: Logger) {
  fake = await startFake('dns', routes);
  return fake.proxy(DnsV2, logger ? { logger } : {});
}

/** A ValidationError on `field`, with nothing sent. */
function refusedOn(field: string) {
  return (e: unknown) => {
    assert.ok(e instanceof ValidationError, `a ValidationError, got ${String(e)}`);
    assert.equal(e.field, field, 'the error names the field');
    assert.equal(fake?.calls.length ?? 0, 0, 'nothing was sent');
    return true;
  };
}

describe('names are checked before sending', () => {
  test('a zone name without its trailing dot', async () => {
    const d = await dns();
    await assert.rejects(
      d.createZone({ name: 'example.org', email: 'a@example.org' }),
      refusedOn('zone.name'),
    );
  });

  test('a PRIMARY zone without an email, a SECONDARY one without masters', async () => {
    const d = await dns();
    await assert.rejects(d.createZone({ name: 'example.org.' }), refusedOn('zone.email'));
    await assert.rejects(
      d.createZone({ name: 'example.org.', type: 'SECONDARY' }),
      refusedOn('zone.masters'),
    );
  });

  test('a record set with a relative name or no records', async () => {
    const d = await dns();
    const parent = { parent: { zoneId: 'z1' } };
    await assert.rejects(
      d.createRecordset({ name: 'www', type: 'A', records: ['192.0.2.1'] }, parent),
      refusedOn('recordset.name'),
    );
    await assert.rejects(
      d.createRecordset({ name: 'www.example.org.', type: 'A', records: [] }, parent),
      refusedOn('recordset.records'),
    );
  });

  test('a PTR name without its dot, a floating IP without a region', async () => {
    const d = await dns();
    await assert.rejects(
      d.setFloatingIpPtr('RegionOne', 'f1', { ptrdname: 'vm1.example.org' }),
      refusedOn('floatingIpPtr.ptrdname'),
    );
    await assert.rejects(d.getFloatingIpPtr('', 'f1'), refusedOn('region'));
  });
});

describe('request bodies and paths', () => {
  test('createZone posts a bare zone; updateZone patches', async () => {
    const d = await dns([
      route('POST', '/zones', (_c, res) => json(res, 202, ZONE)),
      route('PATCH', '/zones/:id', (c, res) =>
        json(res, 202, { ...ZONE, ...JSON.parse(c.body), action: 'UPDATE' }),
      ),
    ]);
    const zone = await d.createZone({ name: 'example.org.', email: 'hostmaster@example.org', ttl: 300 });
    assert.equal(zone.status, 'PENDING', 'the zone as designate answered');
    await d.updateZone(zone, { ttl: 600 });
    assert.deepEqual(fake!.lines(), ['POST /zones', 'PATCH /zones/z1'], 'create then patch');
    assert.deepEqual(
      fake!.bodies(),
      [{ name: 'example.org.', email: 'hostmaster@example.org', ttl: 300 }, { ttl: 600 }],
      'bare bodies with API names',
    );
  });

  test('a record set lives under its zone', async () => {
    const rs = {
      id: 'r1',
      zone_id: 'z1',
      name: 'www.example.org.',
      type: 'A',
      records: ['192.0.2.1'],
      status: 'PENDING',
    };
    const d = await dns([route('POST', '/zones/:z/recordsets', (_c, res) => json(res, 202, rs))]);
    const made = await d.createRecordset(
      { name: 'www.example.org.', type: 'A', records: ['192.0.2.1'], ttl: 60 },
      { parent: { zoneId: 'z1' } },
    );
    assert.equal(made.zoneId, 'z1', 'the zone id is read back');
    assert.deepEqual(fake!.lines(), ['POST /zones/z1/recordsets'], 'the zone in the path');
    assert.deepEqual(
      fake!.bodies(),
      [{ name: 'www.example.org.', type: 'A', records: ['192.0.2.1'], ttl: 60 }],
      'body',
    );
  });

  test('a zone file goes in and comes out as text/dns', async () => {
    const file = '$ORIGIN example.net.\nexample.net. IN NS ns1.example.net.\n';
    const d = await dns([
      route('POST', '/zones/tasks/imports', (c, res) => {
        assert.equal(c.headers['content-type'], 'text/dns', 'the import is sent as a zone file');
        return json(res, 202, { id: 'i1', status: 'PENDING', message: null, zone_id: null });
      }),
      route('GET', '/zones/tasks/exports/:id/export', (c, res) => {
        assert.equal(c.headers.accept, 'text/dns', 'the export is asked for as a zone file');
        res.writeHead(200, { 'content-type': 'text/dns' }).end(file);
        return true;
      }),
    ]);
    const task = await d.importZone(file);
    assert.equal(task.id, 'i1', 'the import task');
    assert.equal(fake!.calls[0]?.body, file, 'the zone file is the body, unchanged');
    assert.equal(await d.getZoneExportText('e1'), file, 'the export is returned as text');
  });

  test('a floating IP PTR is addressed as region:id; unset sends ptrdname null', async () => {
    const ptr = {
      id: 'RegionOne:f1',
      ptrdname: 'vm1.example.org.',
      address: '172.24.4.10',
      ttl: 300,
      status: 'PENDING',
    };
    const d = await dns([route('PATCH', '/reverse/floatingips/:id', (_c, res) => json(res, 202, ptr))]);
    const set = await d.setFloatingIpPtr('RegionOne', 'f1', { ptrdname: 'vm1.example.org.', ttl: 300 });
    assert.equal(set.address, '172.24.4.10', 'the PTR as designate answered');
    await d.unsetFloatingIpPtr('RegionOne', 'f1');
    assert.deepEqual(
      fake!.lines(),
      ['PATCH /reverse/floatingips/RegionOne:f1', 'PATCH /reverse/floatingips/RegionOne:f1'],
      'paths',
    );
    assert.deepEqual(
      fake!.bodies(),
      [{ ptrdname: 'vm1.example.org.', ttl: 300 }, { ptrdname: null }],
      'bodies',
    );
  });

  test('a transfer request is made under its zone and accepted with id and key', async () => {
    const d = await dns([
      route('POST', '/zones/:z/tasks/transfer_requests', (_c, res) =>
        json(res, 201, { id: 't1', zone_id: 'z1', key: 'K3Y', status: 'ACTIVE', target_project_id: 'p2' }),
      ),
      route('POST', '/zones/tasks/transfer_accepts', (_c, res) =>
        json(res, 201, { id: 'a1', status: 'COMPLETE', zone_id: 'z1' }),
      ),
    ]);
    const offer = await d.createZoneTransferRequest('z1', { targetProjectId: 'p2', description: 'handover' });
    await d.acceptZoneTransferRequest(offer, offer.key!);
    assert.deepEqual(
      fake!.bodies(),
      [
        { target_project_id: 'p2', description: 'handover' },
        { zone_transfer_request_id: 't1', key: 'K3Y' },
      ],
      'request and accept bodies',
    );
  });
});

describe('waiters', () => {
  test('a zone in ERROR names the action the nameservers did not confirm', async () => {
    const d = await dns([
      route('GET', '/zones/:id', (_c, res) => json(res, 200, { ...ZONE, status: 'ERROR', action: 'CREATE' })),
    ]);
    await assert.rejects(
      d.waitForZone('z1', 'ACTIVE', { intervalMs: 1 }),
      (e: unknown) =>
        e instanceof ResourceFailureError &&
        e.status === 'ERROR' &&
        /CREATE/.test(e.fault ?? '') &&
        /CREATE/.test(e.message),
      'the failed action is the reason',
    );
  });

  test('an import in ERROR carries designate’s message', async () => {
    const d = await dns([
      route('GET', '/zones/tasks/imports/:id', (_c, res) =>
        json(res, 200, { id: 'i1', status: 'ERROR', message: 'An SOA record is required.', zone_id: null }),
      ),
    ]);
    await assert.rejects(
      d.waitForZoneImport('i1', 'COMPLETE', { intervalMs: 1 }),
      (e: unknown) => e instanceof ResourceFailureError && e.fault === 'An SOA record is required.',
      'the task message is the reason',
    );
  });

  test('a zone wait ends at ACTIVE after PENDING polls', async () => {
    let polls = 0;
    const d = await dns([
      route('GET', '/zones/:id', (_c, res) =>
        json(res, 200, { ...ZONE, status: ++polls < 3 ? 'PENDING' : 'ACTIVE' }),
      ),
    ]);
    const zone = await d.waitForZone('z1', 'ACTIVE', { intervalMs: 1 });
    assert.equal(zone.status, 'ACTIVE', 'reached ACTIVE');
    assert.equal(polls, 3, 'polled until then');
  });
});

test('listZones follows links.next', async () => {
  const d = await dns([
    route('GET', '/zones', (c, res) => {
      // designate's last page has no next link; a full one is followed by marker, as designate allows
      if (c.query.get('marker') === 'z2') return json(res, 200, { zones: [], links: {} });
      if (c.query.get('marker') === 'z1')
        return json(res, 200, { zones: [{ ...ZONE, id: 'z2' }], links: {} });
      return json(res, 200, { zones: [ZONE], links: { next: `${fake!.url}/v2/zones?limit=1&marker=z1` } });
    }),
  ]);
  const ids: string[] = [];
  for await (const z of d.listZones({ limit: 1 })) ids.push(z.id);
  assert.deepEqual(ids, ['z1', 'z2'], 'both pages');
});

test('a TSIG key’s secret is sent but never logged', async () => {
  const lines: string[] = [];
  const push = (msg: string, d?: Record<string, unknown>) => lines.push(`${msg} ${JSON.stringify(d ?? {})}`);
  const logger: Logger = { debug: push, info: push, warn: push };
  const key = {
    id: 'k1',
    name: 'k',
    algorithm: 'hmac-sha256',
    secret: 'VERY-SECRET-TSIG',
    scope: 'POOL',
    resource_id: 'p1',
  };
  const d = await dns([route('POST', '/tsigkeys', (_c, res) => json(res, 201, key))], logger);
  await d.createTsigKey({
    name: 'k',
    algorithm: 'hmac-sha256',
    secret: 'VERY-SECRET-TSIG',
    scope: 'POOL',
    resourceId: 'p1',
  });
  assert.equal((fake!.bodies()[0] as { secret: string }).secret, 'VERY-SECRET-TSIG', 'the secret is sent');
  assert.ok(lines.length > 0, 'the request was logged');
  assert.ok(!lines.join('\n').includes('VERY-SECRET-TSIG'), 'the secret appears in no log line');
});

test('updateQuota patches only the changed limits of the project', async () => {
  const quota = {
    api_export_size: 1000,
    recordset_records: 20,
    zone_records: 500,
    zone_recordsets: 500,
    zones: 20,
  };
  const d = await dns([route('PATCH', '/quotas/:project', (_c, res) => json(res, 200, quota))]);
  const q = await d.updateQuota('p1', { zones: 20 });
  assert.equal(q.zones, 20, 'the answered quota');
  assert.deepEqual(fake!.lines(), ['PATCH /quotas/p1'], 'the project in the path');
  assert.deepEqual(fake!.bodies(), [{ zones: 20 }], 'only the changed limit is sent');
  await assert.rejects(
    d.updateQuota('', { zones: 1 }),
    (e: unknown) => e instanceof ValidationError && e.field === 'projectId',
    'no project',
  );
});
