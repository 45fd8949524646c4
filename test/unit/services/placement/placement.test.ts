/**
 * Offline tests of the placement proxy's own logic: generation handling, microversion gates of
 * fields and query parameters, bodies against the upstream api-samples, and response shapes.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConflictError, ValidationError } from '../../../../src/index.js';
import { placementErrorCode } from '../../../../src/services/placement/index.js';
import { PlacementV1 } from '../../../../src/services/placement/proxy.js';
import { sampleAt } from '../../../support/api-samples.js';
import { fakeStarter, json, type Route, reply, route } from '../../../support/fake-service.js';

/** An upstream sample (placement/<file>). */
const sample = (file: string) => sampleAt(`placement/${file}`);

const startFake = fakeStarter();

/** A fake placement answering `routes`, and a proxy on it at `microversion`. */
async function placement(routes: Route[], microversion?: string) {
  const f = await startFake('placement', routes);
  return Object.assign(f, {
    pl: f.proxy(PlacementV1, { microversion }),
    headers: () => f.calls.map((c) => c.headers),
  });
}

const RP = '7d2590ae-fb85-4080-9306-058b4c915e3f';

describe('resource providers', () => {
  test('create sends the bare sample body with the placement header', async () => {
    const f = await placement([
      reply(
        'POST',
        /^\/resource_providers$/,
        200,
        sample('resource_providers/create-resource_provider.json'),
      ),
    ]);
    const rp = await f.pl.createResourceProvider({
      name: 'NFS Share',
      uuid: RP,
      parentProviderUuid: '542df8ed-9be2-49b9-b4db-6d3183ff8ec8',
    });
    assert.deepEqual(f.bodies()[0], sample('resource_providers/create-resource_providers-request.json'));
    assert.equal(f.headers()[0]!['openstack-api-version'], 'placement 1.36');
    assert.equal(rp.id, RP);
    assert.equal(rp.generation, 0);
    assert.equal(rp.rootProviderUuid, '542df8ed-9be2-49b9-b4db-6d3183ff8ec8');
  });

  test('before 1.20 the uuid comes from the Location header', async () => {
    const f = await placement(
      [reply('POST', /^\/resource_providers$/, 201, undefined, { location: `/resource_providers/${RP}` })],
      '1.19',
    );
    const rp = await f.pl.createResourceProvider({ name: 'old' });
    assert.equal(rp.id, RP);
    assert.equal(rp.name, 'old');
  });

  test('update always sends the name (the current one when not changing it)', async () => {
    const f = await placement([
      reply('GET', new RegExp(`^/resource_providers/${RP}$`), 200, {
        uuid: RP,
        name: 'Shared storage',
        generation: 3,
      }),
      reply(
        'PUT',
        new RegExp(`^/resource_providers/${RP}$`),
        200,
        sample('resource_providers/update-resource_provider.json'),
      ),
    ]);
    await f.pl.updateResourceProvider(RP, { parentProviderUuid: '542df8ed-9be2-49b9-b4db-6d3183ff8ec8' });
    assert.deepEqual(f.lines(), [`GET /resource_providers/${RP}`, `PUT /resource_providers/${RP}`]);
    assert.deepEqual(f.bodies()[1], sample('resource_providers/update-resource_provider-request.json'));
    await f.pl.updateResourceProvider(RP, { name: 'x' });
    assert.deepEqual(f.bodies()[2], { name: 'x' });
  });

  test('list filters newer than the pin are refused before sending', async () => {
    const f = await placement(
      [reply('GET', /^\/resource_providers/, 200, { resource_providers: [] })],
      '1.13',
    );
    await assert.rejects(f.pl.listResourceProviders({ inTree: RP }).toArray(), /1\.14/);
    await assert.rejects(f.pl.listResourceProviders({ required: 'CUSTOM_X' }).toArray(), /1\.18/);
    assert.deepEqual(await f.pl.listResourceProviders({ resources: 'VCPU:1' }).toArray(), []);
    assert.deepEqual(f.lines(), ['GET /resource_providers?resources=VCPU%3A1']);
    await assert.rejects(f.pl.createResourceProvider({ name: 'x', parentProviderUuid: RP }), ValidationError);
  });
});

describe('generations', () => {
  test('inventories: set all sends the sample body; a missing generation is refused', async () => {
    const f = await placement([
      reply(
        'PUT',
        new RegExp(`^/resource_providers/${RP}/inventories$`),
        200,
        sample('inventories/update-inventories.json'),
      ),
    ]);
    const doc = await f.pl.setInventories(RP, {
      inventories: {
        MEMORY_MB: { allocation_ratio: 2.0, max_unit: 16, step_size: 4, total: 128 },
        VCPU: { allocation_ratio: 10.0, reserved: 2, total: 64 },
      },
      resourceProviderGeneration: 1,
    });
    assert.deepEqual(f.bodies()[0], sample('inventories/update-inventories-request.json'));
    assert.equal(doc.resourceProviderGeneration, 2);
    assert.equal(doc.resourceProviderUuid, RP);
    await assert.rejects(f.pl.setInventories(RP, { inventories: {} } as never), /generation/);
    await assert.rejects(f.pl.updateInventory(RP, 'VCPU', { total: 1 } as never), /generation/);
    await assert.rejects(f.pl.setProviderTraits(RP, { traits: [] } as never), /generation/);
    assert.equal(f.lines().length, 1);
  });

  test('one inventory: update sends the sample body to the class path', async () => {
    const f = await placement([
      reply(
        'PUT',
        new RegExp(`^/resource_providers/${RP}/inventories/DISK_GB$`),
        200,
        sample('inventories/update-inventory.json'),
      ),
      reply(
        'GET',
        new RegExp(`^/resource_providers/${RP}/inventories/VCPU$`),
        200,
        sample('inventories/get-inventory.json'),
      ),
      reply('POST', new RegExp(`^/resource_providers/${RP}/inventories$`), 201, {
        total: 5,
        resource_provider_generation: 10,
      }),
    ]);
    const inv = await f.pl.updateInventory(RP, 'DISK_GB', { resourceProviderGeneration: 7, total: 50 });
    assert.deepEqual(f.bodies()[0], sample('inventories/update-inventory-request.json'));
    assert.equal(inv.resourceProviderGeneration, 8);
    const got = await f.pl.getInventory(RP, 'VCPU');
    assert.equal(got.id, 'VCPU');
    assert.equal(got.allocationRatio, 16);
    const created = await f.pl.createInventory(RP, 'CUSTOM_X', { total: 5 });
    assert.deepEqual(f.bodies()[2], { total: 5, resource_class: 'CUSTOM_X' });
    assert.equal(created.resourceClass, 'CUSTOM_X');
  });

  test('traits: sample body; a stale generation is a ConflictError with its code', async () => {
    const conflict = {
      errors: [
        {
          status: 409,
          title: 'Conflict',
          detail: 'resource provider generation conflict',
          code: 'placement.concurrent_update',
        },
      ],
    };
    const f = await placement([
      route('PUT', /\/traits$/, (req, res) =>
        JSON.parse(req.body).resource_provider_generation === 0
          ? json(res, 200, sample('resource_provider_traits/update-resource_provider-traits.json'))
          : json(res, 409, conflict),
      ),
    ]);
    const t = await f.pl.setProviderTraits(RP, {
      traits: ['CUSTOM_HW_FPGA_CLASS1', 'CUSTOM_HW_FPGA_CLASS3'],
      resourceProviderGeneration: 0,
    });
    assert.deepEqual(
      f.bodies()[0],
      sample('resource_provider_traits/update-resource_provider-traits-request.json'),
    );
    assert.equal(t.resourceProviderGeneration, 1);
    await assert.rejects(
      f.pl.setProviderTraits(RP, { traits: [], resourceProviderGeneration: 0 + 5 }),
      (e: unknown) => {
        assert.ok(e instanceof ConflictError);
        assert.equal(placementErrorCode(e), 'placement.concurrent_update');
        assert.equal(e.serviceMessage, 'resource provider generation conflict');
        return true;
      },
    );
  });

  test('aggregates: generation from 1.19, a bare list before', async () => {
    const aggregates = reply('PUT', /\/aggregates$/, 200, sample('aggregates/update-aggregates-1.19.json'));
    const aggs = ['42896e0d-205d-4fe3-bd1e-100924931787', '5e08ea53-c4c6-448e-9334-ac4953de3cfa'];
    const f = await placement([aggregates]);
    await f.pl.setProviderAggregates(RP, { aggregates: aggs, resourceProviderGeneration: 9 });
    assert.deepEqual(f.bodies()[0], sample('aggregates/update-aggregates-request-1.19.json'));
    await assert.rejects(f.pl.setProviderAggregates(RP, { aggregates: aggs }), /generation/);
    const old = await placement([aggregates], '1.18');
    await old.pl.setProviderAggregates(RP, { aggregates: aggs });
    assert.deepEqual(old.bodies()[0], sample('aggregates/update-aggregates-request.json'));
  });
});

describe('allocations', () => {
  const consumer = '30328d13-e299-4a93-a102-61e4ccabe474';

  test('PUT sends the 1.28 sample body; consumer generation is required from 1.28', async () => {
    const f = await placement([reply('PUT', /^\/allocations\//, 204)], '1.28');
    const body = sample('allocations/update-allocations-request-1.28.json') as {
      allocations: Record<string, { resources: Record<string, number> }>;
      user_id: string;
      project_id: string;
    };
    const a = await f.pl.setAllocations(consumer, {
      allocations: body.allocations,
      consumerGeneration: 1,
      userId: body.user_id,
      projectId: body.project_id,
    });
    assert.equal(a.id, consumer);
    assert.deepEqual(f.bodies()[0], body);
    assert.deepEqual(f.lines(), [`PUT /allocations/${consumer}`]);
    await assert.rejects(
      f.pl.setAllocations(consumer, { allocations: {}, projectId: 'p', userId: 'u' }),
      /consumerGeneration.*1\.28|null for a new consumer/,
    );
    await assert.rejects(
      f.pl.setAllocations(consumer, { allocations: {}, consumerGeneration: null } as never),
      /projectId/,
    );
    assert.equal(f.lines().length, 1);
  });

  test('consumer type needs 1.38; consumer generation (even null) is refused before 1.28', async () => {
    const f = await placement([reply('PUT', /^\/allocations\//, 204)], '1.27');
    await assert.rejects(
      f.pl.setAllocations(consumer, {
        allocations: {},
        projectId: 'p',
        userId: 'u',
        consumerGeneration: null,
      }),
      /1\.28/,
    );
    await assert.rejects(
      f.pl.setAllocations(consumer, {
        allocations: {},
        projectId: 'p',
        userId: 'u',
        consumerType: 'INSTANCE',
      }),
      /1\.38/,
    );
    assert.deepEqual(f.lines(), []);
  });

  test('GET gives the consumer document with its id', async () => {
    const f = await placement(
      [reply('GET', /^\/allocations\//, 200, sample('allocations/get-allocations-1.38.json'))],
      '1.38',
    );
    const a = await f.pl.getAllocations(consumer);
    assert.equal(a.id, consumer);
    assert.equal(a.consumerGeneration, 1);
    assert.equal(a.consumerType, 'INSTANCE');
  });

  test('manage several consumers at once (1.13)', async () => {
    const f = await placement([reply('POST', /^\/allocations$/, 204)], '1.38');
    const body = sample('allocations/manage-allocations-request-1.38.json') as Parameters<
      PlacementV1['manageAllocations']
    >[0];
    await f.pl.manageAllocations(body);
    assert.deepEqual(f.bodies()[0], body);
    const old = await placement([], '1.12');
    await assert.rejects(old.pl.manageAllocations(body), /1\.13/);
  });
});

describe('traits, resource classes, candidates, usages', () => {
  test('custom names are checked before sending', async () => {
    const f = await placement([]);
    await assert.rejects(f.pl.createTrait('HW_CPU_X86_AVX2'), ValidationError);
    await assert.rejects(f.pl.createTrait('CUSTOM_lower'), /CUSTOM_LOWER/);
    await assert.rejects(f.pl.createResourceClass('FPGA'), /CUSTOM_FPGA/);
    await assert.rejects(f.pl.ensureResourceClass('custom_x'), ValidationError);
    assert.deepEqual(f.lines(), []);
  });

  test('trait create/exists report what happened', async () => {
    const f = await placement([
      reply('PUT', /^\/traits\/CUSTOM_NEW$/, 201),
      reply('PUT', /^\/traits\/CUSTOM_OLD$/, 204),
      reply('GET', /^\/traits\/CUSTOM_OLD$/, 204),
      reply('GET', /^\/traits\?/, 200, sample('traits/get-traits.json')),
    ]);
    assert.equal(await f.pl.createTrait('CUSTOM_NEW'), true);
    assert.equal(await f.pl.createTrait('CUSTOM_OLD'), false);
    assert.equal(await f.pl.traitExists('CUSTOM_OLD'), true);
    assert.equal(await f.pl.traitExists('CUSTOM_NONE'), false);
    assert.equal((await f.pl.listTraits({ name: 'startswith:CUSTOM', associated: true })).length, 3);
    assert.equal(f.lines().at(-1), 'GET /traits?name=startswith%3ACUSTOM&associated=true');
  });

  test('resource class create sends the sample body', async () => {
    const f = await placement([
      reply('POST', /^\/resource_classes$/, 201, sample('resource_classes/get-resource_class.json')),
    ]);
    const rc = await f.pl.createResourceClass('CUSTOM_FPGA');
    assert.deepEqual(f.bodies()[0], sample('resource_classes/create-resource_classes-request.json'));
    assert.equal(rc.id, 'CUSTOM_FPGA');
  });

  test('allocation candidates: query mapping, gates, and response shapes', async () => {
    const f = await placement([
      reply(
        'GET',
        /^\/allocation_candidates\?/,
        200,
        sample('allocation_candidates/get-allocation_candidates-1.34.json'),
      ),
    ]);
    const c = await f.pl.getAllocationCandidates({
      resources: 'VCPU:1,MEMORY_MB:64',
      required: 'CUSTOM_A,!CUSTOM_B',
      limit: 2,
      $raw: { resources_NET1: 'NET_BW_EGR_KILOBIT_PER_SEC:10' },
    });
    assert.equal(
      f.lines()[0],
      'GET /allocation_candidates?resources=VCPU%3A1%2CMEMORY_MB%3A64&required=CUSTOM_A%2C!CUSTOM_B&limit=2&resources_NET1=NET_BW_EGR_KILOBIT_PER_SEC%3A10',
    );
    assert.deepEqual(c.allocationRequests?.[0]?.mappings?._NET1, ['92e971c9-777a-48bf-a181-a2ca1105c015']);
    const old = await placement([], '1.16');
    await assert.rejects(old.pl.getAllocationCandidates({ resources: 'VCPU:1', required: 'X' }), /1\.17/);
    await assert.rejects(old.pl.getAllocationCandidates({ resources: 'VCPU:1', rootRequired: 'X' }), /1\.35/);
    await assert.rejects(
      old.pl.getAllocationCandidates({ resources: 'VCPU:1' }, { microversion: '1.9' }),
      /1\.10/,
    );
    await assert.rejects(
      old.pl.getAllocationCandidates({ resources: 'VCPU:1', marker: 'x' }),
      /not paginated/,
    );
    assert.deepEqual(old.lines(), []);
  });

  test('usages: project query, consumer type gate', async () => {
    const f = await placement([reply('GET', /^\/usages\?/, 200, sample('usages/get-usages.json'))], '1.37');
    const u = await f.pl.getUsages({ projectId: 'p', userId: 'u' });
    assert.deepEqual(u.usages, { DISK_GB: 5, MEMORY_MB: 512, VCPU: 2 });
    assert.deepEqual(f.lines(), ['GET /usages?project_id=p&user_id=u']);
    await assert.rejects(f.pl.getUsages({ projectId: 'p', consumerType: 'INSTANCE' }), /1\.38/);
    await assert.rejects(f.pl.getUsages({ projectId: '' }), /projectId/);
  });
});
