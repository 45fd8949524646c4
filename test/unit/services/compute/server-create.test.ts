import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { ValidationError } from '../../../../src/errors/errors.js';
import { ComputeV2 } from '../../../../src/services/compute/proxy.js';
import { bodyOf, type FakeService, json, reply, route, startFake } from '../../../support/fake-service.js';

describe('compute createServer (offline)', () => {
  let nova: FakeService;

  const compute = (microversion?: string) => nova.proxy(ComputeV2, { microversion });

  before(async () => {
    nova = await startFake('compute', [
      route('POST', '/servers', (c, res) => {
        const b = JSON.parse(c.body) as { server: Record<string, unknown> };
        if (b.server.return_reservation_id) json(res, 202, { reservation_id: 'r-1' });
        else
          json(res, 202, {
            server: { id: 'new-id', adminPass: 'pw', links: [], 'OS-DCF:diskConfig': 'MANUAL' },
          });
      }),
      reply('*', '*', 404, { itemNotFound: { code: 404, message: 'no' } }),
    ]);
  });
  beforeEach(() => nova.reset());
  after(() => nova.close());

  test('sends the server and the scheduler hints beside it; merges nova’s answer over the input', async () => {
    const s = await compute().createServer({
      name: 'web',
      imageRef: 'img',
      flavorRef: '42',
      networks: [{ uuid: 'net', tag: 'nic0' }],
      keyName: 'k',
      userData: Buffer.from('#!/bin/sh\n'),
      metadata: { a: 'b' },
      tags: ['t'],
      availabilityZone: 'nova',
      blockDeviceMappingV2: [{ boot_index: 0, uuid: 'img', source_type: 'image', destination_type: 'local' }],
      hostname: 'web-1',
      schedulerHints: { group: 'grp' },
      $extra: { 'OS-SCH-HNT:future': 1 },
    });
    const [call] = nova.calls;
    assert.equal(call?.headers['openstack-api-version'], 'compute 2.90');
    assert.deepEqual(bodyOf(call), {
      server: {
        name: 'web',
        imageRef: 'img',
        flavorRef: '42',
        networks: [{ uuid: 'net', tag: 'nic0' }],
        key_name: 'k',
        user_data: Buffer.from('#!/bin/sh\n').toString('base64'),
        metadata: { a: 'b' },
        tags: ['t'],
        availability_zone: 'nova',
        block_device_mapping_v2: [
          { boot_index: 0, uuid: 'img', source_type: 'image', destination_type: 'local' },
        ],
        hostname: 'web-1',
        'OS-SCH-HNT:future': 1,
      },
      'os:scheduler_hints': { group: 'grp' },
    });
    assert.equal(s.id, 'new-id');
    assert.equal(s.adminPass, 'pw');
    assert.equal(s.name, 'web');
    assert.equal(s.diskConfig, 'MANUAL');
  });

  test('return_reservation_id answers with the reservation only', async () => {
    const s = await compute().createServer({
      name: 'many',
      flavorRef: '1',
      imageRef: 'img',
      networks: 'auto',
      minCount: 2,
      maxCount: 3,
      returnReservationId: true,
    });
    assert.equal(s.extra.reservation_id, 'r-1');
    assert.equal(s.id, '');
  });

  test('rejected before sending', async () => {
    const c = compute();
    const base = { name: 'x', flavorRef: '1', imageRef: 'img', networks: 'none' as const };
    const cases: [string, () => Promise<unknown>, RegExp][] = [
      [
        'networks missing from 2.37',
        () => c.createServer({ name: 'x', flavorRef: '1' }),
        /server\.networks.*2\.37/,
      ],
      ['unknown field', () => c.createServer({ ...base, flavour: '1' } as never), /server\.flavour|flavour/],
      ['read-only field', () => c.createServer({ ...base, status: 'ACTIVE' } as never), /server\.status/],
      ['plain-text user data', () => c.createServer({ ...base, userData: '#!/bin/sh' }), /server\.userData/],
      [
        'tags before 2.52',
        () => compute('2.51').createServer({ ...base, tags: ['a'] }),
        /server\.tags.*2\.52/,
      ],
      ['hostname before 2.90', () => compute('2.89').createServer({ ...base, hostname: 'h' }), /2\.90/],
      ['personality from 2.57', () => c.createServer({ ...base, personality: [] }), /personality.*2\.56/],
      [
        'wrong kind',
        () => c.createServer({ ...base, minCount: '2' as unknown as number }),
        /minCount.*integer/,
      ],
      ['bad enum', () => c.createServer({ ...base, diskConfig: 'auto' as 'AUTO' }), /AUTO, MANUAL/],
      ['name missing', () => c.createServer({ flavorRef: '1', networks: 'none' } as never), /server\.name/],
      [
        'hints not an object',
        () => c.createServer({ ...base, schedulerHints: 'grp' as never }),
        /schedulerHints/,
      ],
    ];
    for (const [what, call, re] of cases) {
      await assert.rejects(call, (e: unknown) => e instanceof ValidationError && re.test(e.message), what);
    }
    assert.equal(nova.calls.length, 0, 'nothing was sent');
  });

  test('networks stay optional before 2.37', async () => {
    await compute('2.36').createServer({ name: 'old', flavorRef: '1', imageRef: 'img' });
    assert.deepEqual(bodyOf(nova.calls[0]), { server: { name: 'old', flavorRef: '1', imageRef: 'img' } });
  });
});
