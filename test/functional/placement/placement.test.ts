/**
 * Placement on the dev cloud, as admin, on a resource provider of our own (nova's provider is
 * only ever read): providers, inventories, traits, aggregates, resource classes, allocations
 * for a random consumer, usages and allocation candidates, with generation conflicts.
 */
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import {
  BadRequestError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ResourceNotFoundError,
  ValidationError,
} from '../../../src/index.js';
import {
  type AllocationRequest,
  placementErrorCode,
  type ResourceProviderResource,
} from '../../../src/services/placement/index.js';
import { adminConnection, demoConnection, functionalSuite, uniqueName } from '../../support/cloud.js';

const tag = randomBytes(3).toString('hex').toUpperCase();
const TRAIT = `CUSTOM_OSSDK_TEST_${tag}`;
const RC = `CUSTOM_OSSDK_TEST_${tag}`;

functionalSuite('placement: own resource provider end to end (admin)', (suite) => {
  const admin = suite.admin();
  const pl = admin.placement;
  const { cleanup } = suite;
  const rpUuid = randomUUID();
  const rpName = suite.name('rp');
  const consumer = randomUUID();
  let projectId: string;
  let userId: string;
  let rp: ResourceProviderResource;
  let generation: number;

  before(async () => {
    const access = await admin.authorize();
    projectId = access.projectId!;
    userId = access.userId!;
    // run last: traits and classes can only go once no provider uses them
    cleanup.add(`trait ${TRAIT}`, () => pl.deleteTrait(TRAIT, { ignoreMissing: true }));
    cleanup.add(`resource class ${RC}`, () => pl.deleteResourceClass(RC, { ignoreMissing: true }));
    cleanup.add(`resource provider ${rpUuid}`, () =>
      pl.deleteResourceProvider(rpUuid, { ignoreMissing: true }),
    );
  });

  test('negotiates the default microversion', async () => {
    assert.equal(await pl.microversion(), '1.36');
  });

  test('create, get, find, list and update a provider', async () => {
    rp = await pl.createResourceProvider({ uuid: rpUuid, name: rpName });
    assert.equal(rp.id, rpUuid);
    assert.equal(rp.generation, 0);
    assert.equal(rp.rootProviderUuid, rpUuid);
    assert.equal(rp.parentProviderUuid, null);
    const got = await pl.getResourceProvider(rpUuid);
    assert.equal(got.name, rpName);
    assert.equal((await pl.findResourceProvider(rpName)).id, rpUuid);
    assert.deepEqual(
      (await pl.listResourceProviders({ name: rpName }).toArray()).map((p) => p.id),
      [rpUuid],
    );
    assert.deepEqual(
      (await pl.listResourceProviders({ uuid: rpUuid }).toArray()).map((p) => p.name),
      [rpName],
    );
    // placement needs the name in every update: the SDK sends the current one
    const renamed = await pl.updateResourceProvider(rpUuid, { name: `${rpName}-x` });
    assert.equal(renamed.name, `${rpName}-x`);
    const same = await pl.updateResourceProvider(renamed, { parentProviderUuid: null });
    assert.equal(same.name, `${rpName}-x`);
    await pl.updateResourceProvider(rpUuid, { name: rpName });
    // names are unique
    await assert.rejects(pl.createResourceProvider({ name: rpName }), ConflictError);
    await assert.rejects(pl.getResourceProvider(randomUUID()), NotFoundError);
    await assert.rejects(pl.findResourceProvider(suite.name('none')), ResourceNotFoundError);
  });

  test('a child provider (1.14) lives in the same tree', async () => {
    const child = await pl.createResourceProvider({ name: suite.name('child'), parentProviderUuid: rpUuid });
    cleanup.add(`resource provider ${child.id}`, () =>
      pl.deleteResourceProvider(child, { ignoreMissing: true }),
    );
    assert.equal(child.parentProviderUuid, rpUuid);
    assert.equal(child.rootProviderUuid, rpUuid);
    const tree = await pl.listResourceProviders({ inTree: rpUuid }).toArray();
    assert.deepEqual(new Set(tree.map((p) => p.id)), new Set([rpUuid, child.id]));
    // a provider with children cannot be deleted
    await assert.rejects(pl.deleteResourceProvider(rpUuid), ConflictError);
    await pl.deleteResourceProvider(child);
    await assert.rejects(pl.getResourceProvider(child.id), NotFoundError);
  });

  test('a custom resource class', async () => {
    const rc = await pl.createResourceClass(RC);
    assert.equal(rc.name, RC);
    assert.equal(await pl.ensureResourceClass(RC), false);
    assert.equal((await pl.getResourceClass(RC)).name, RC);
    const all = await pl.listResourceClasses().toArray();
    assert.ok(all.some((c) => c.name === 'VCPU'));
    assert.ok(all.some((c) => c.name === RC));
    await assert.rejects(pl.createResourceClass(RC), ConflictError);
    await assert.rejects(pl.createResourceClass('ossdk_lower'), ValidationError);
    await assert.rejects(pl.deleteResourceClass('VCPU'), BadRequestError);
  });

  test('inventories: replace all with the generation; a stale generation is a 409', async () => {
    const empty = await pl.getInventories(rpUuid);
    assert.deepEqual(empty.inventories, {});
    generation = empty.resourceProviderGeneration!;
    const set = await pl.setInventories(rpUuid, {
      inventories: {
        VCPU: { total: 8, allocation_ratio: 2.0 },
        MEMORY_MB: { total: 4096, reserved: 512, max_unit: 2048 },
        [RC]: { total: 4 },
      },
      resourceProviderGeneration: generation,
    });
    assert.equal(set.resourceProviderGeneration, generation + 1);
    assert.equal(set.inventories?.VCPU?.allocation_ratio, 2);
    assert.equal(set.inventories?.MEMORY_MB?.min_unit, 1);
    // the same write again is based on an old generation
    await assert.rejects(
      pl.setInventories(rpUuid, { inventories: {}, resourceProviderGeneration: generation }),
      (e: unknown) => {
        assert.ok(e instanceof ConflictError);
        assert.equal(placementErrorCode(e), 'placement.concurrent_update');
        assert.match(e.serviceMessage ?? '', /generation|conflict/i);
        return true;
      },
    );
    generation = set.resourceProviderGeneration!;
    assert.equal((await pl.getResourceProvider(rpUuid)).generation, generation);
    await assert.rejects(
      pl.setInventories(rpUuid, { inventories: {} } as never),
      /resource provider generation/,
    );
  });

  test('inventories: one record at a time', async () => {
    const vcpu = await pl.getInventory(rpUuid, 'VCPU');
    assert.equal(vcpu.total, 8);
    assert.equal(vcpu.resourceClass, 'VCPU');
    assert.equal(vcpu.resourceProviderGeneration, generation);
    const upd = await pl.updateInventory(rpUuid, 'VCPU', {
      total: 16,
      allocationRatio: 4,
      resourceProviderGeneration: generation,
    });
    assert.equal(upd.total, 16);
    generation = upd.resourceProviderGeneration!;
    await assert.rejects(
      pl.updateInventory(rpUuid, 'VCPU', { total: 4, resourceProviderGeneration: generation - 1 }),
      ConflictError,
    );
    const disk = await pl.createInventory(rpUuid, 'DISK_GB', {
      total: 100,
      resourceProviderGeneration: generation,
    });
    assert.equal(disk.total, 100);
    assert.equal(disk.resourceClass, 'DISK_GB');
    generation = disk.resourceProviderGeneration!;
    await assert.rejects(pl.createInventory(rpUuid, 'DISK_GB', { total: 1 }), ConflictError);
    await pl.deleteInventory(rpUuid, 'DISK_GB');
    await assert.rejects(pl.getInventory(rpUuid, 'DISK_GB'), NotFoundError);
    await pl.deleteInventory(rpUuid, 'DISK_GB', { ignoreMissing: true });
    const all = await pl.getInventories(rpUuid);
    assert.deepEqual(Object.keys(all.inventories ?? {}).sort(), [RC, 'MEMORY_MB', 'VCPU'].sort());
    generation = all.resourceProviderGeneration!;
  });

  test('traits: create a custom trait, set it on the provider', async () => {
    assert.equal(await pl.createTrait(TRAIT), true);
    assert.equal(await pl.createTrait(TRAIT), false);
    assert.equal(await pl.traitExists(TRAIT), true);
    assert.equal(await pl.traitExists(`${TRAIT}_NOPE`), false);
    assert.deepEqual(await pl.listTraits({ name: `startswith:${TRAIT}` }), [TRAIT]);
    assert.ok((await pl.listTraits({ name: 'in:HW_CPU_X86_AVX2' })).includes('HW_CPU_X86_AVX2'));
    await assert.rejects(pl.createTrait('HW_NOT_CUSTOM'), ValidationError);
    const traits = await pl.setProviderTraits(rpUuid, {
      traits: [TRAIT, 'HW_CPU_X86_AVX2'],
      resourceProviderGeneration: generation,
    });
    assert.deepEqual([...(traits.traits ?? [])].sort(), [TRAIT, 'HW_CPU_X86_AVX2'].sort());
    generation = traits.resourceProviderGeneration!;
    await assert.rejects(
      pl.setProviderTraits(rpUuid, { traits: [], resourceProviderGeneration: generation - 1 }),
      ConflictError,
    );
    assert.deepEqual((await pl.getProviderTraits(rpUuid)).traits?.sort(), [TRAIT, 'HW_CPU_X86_AVX2'].sort());
    assert.deepEqual(await pl.listTraits({ name: `startswith:${TRAIT}`, associated: true }), [TRAIT]);
    // a trait in use cannot be deleted
    await assert.rejects(pl.deleteTrait(TRAIT), ConflictError);
    // unknown traits are refused by placement
    await assert.rejects(
      pl.setProviderTraits(rpUuid, { traits: [`${TRAIT}_NOPE`], resourceProviderGeneration: generation }),
      BadRequestError,
    );
    assert.deepEqual(
      (await pl.listResourceProviders({ required: TRAIT }).toArray()).map((p) => p.id),
      [rpUuid],
    );
  });

  test('aggregates (1.19: with the generation)', async () => {
    const agg = randomUUID();
    const set = await pl.setProviderAggregates(rpUuid, {
      aggregates: [agg],
      resourceProviderGeneration: generation,
    });
    assert.deepEqual(set.aggregates, [agg]);
    generation = set.resourceProviderGeneration!;
    assert.deepEqual((await pl.getProviderAggregates(rpUuid)).aggregates, [agg]);
    assert.deepEqual(
      (await pl.listResourceProviders({ memberOf: agg }).toArray()).map((p) => p.id),
      [rpUuid],
    );
    await assert.rejects(
      pl.setProviderAggregates(rpUuid, { aggregates: [] }),
      /resource provider generation/,
    );
    const cleared = await pl.setProviderAggregates(rpUuid, {
      aggregates: [],
      resourceProviderGeneration: generation,
    });
    assert.deepEqual(cleared.aggregates, []);
    generation = cleared.resourceProviderGeneration!;
  });

  test('allocation candidates for our trait find only our provider', async () => {
    const c = await pl.getAllocationCandidates({ resources: 'VCPU:1,MEMORY_MB:64', required: TRAIT });
    assert.equal(c.allocationRequests?.length, 1);
    const req = c.allocationRequests![0] as AllocationRequest;
    assert.deepEqual(req.allocations, { [rpUuid]: { resources: { VCPU: 1, MEMORY_MB: 64 } } });
    assert.deepEqual(req.mappings, { '': [rpUuid] });
    const summaries = c.providerSummaries as Record<
      string,
      { resources: Record<string, unknown>; traits?: string[]; root_provider_uuid?: string }
    >;
    assert.deepEqual(Object.keys(summaries), [rpUuid]);
    assert.deepEqual(summaries[rpUuid]!.resources.VCPU, { capacity: 64, used: 0 });
    assert.ok(summaries[rpUuid]!.traits?.includes(TRAIT));
    assert.equal(summaries[rpUuid]!.root_provider_uuid, rpUuid);
    // the custom class too, and nothing when asking for more than there is
    const custom = await pl.getAllocationCandidates({ resources: `${RC}:2`, limit: 5 });
    assert.deepEqual(
      custom.allocationRequests?.map((r) => Object.keys(r.allocations)),
      [[rpUuid]],
    );
    const none = await pl
      .getAllocationCandidates({ resources: 'VCPU:1', required: `!${TRAIT},${TRAIT}` })
      .catch((e: unknown) => e);
    assert.ok(
      none instanceof BadRequestError ||
        (none as { allocationRequests: unknown[] }).allocationRequests.length === 0,
    );
    assert.deepEqual((await pl.getAllocationCandidates({ resources: `${RC}:5` })).allocationRequests, []);
    // older shapes: 1.12 without mappings, 1.10 with lists
    const v12 = await pl.getAllocationCandidates({ resources: `${RC}:1` }, { microversion: '1.12' });
    assert.deepEqual(v12.allocationRequests, [{ allocations: { [rpUuid]: { resources: { [RC]: 1 } } } }]);
    const v10 = await pl.getAllocationCandidates({ resources: `${RC}:1` }, { microversion: '1.10' });
    assert.deepEqual(v10.allocationRequests, [
      { allocations: [{ resource_provider: { uuid: rpUuid }, resources: { [RC]: 1 } }] },
    ]);
    assert.ok(Array.isArray(v10.providerSummaries) === false);
    // parameters newer than the call's version are refused before sending
    await assert.rejects(
      pl.getAllocationCandidates({ resources: 'VCPU:1', required: TRAIT }, { microversion: '1.16' }),
      /1\.17/,
    );
    await assert.rejects(
      pl.getAllocationCandidates({ resources: 'VCPU:1', limit: 1 }, { microversion: '1.15' }),
      /1\.16/,
    );
  });

  test('allocations for a consumer, with consumer generations', async () => {
    cleanup.add(`allocations of ${consumer}`, () => pl.deleteAllocations(consumer, { ignoreMissing: true }));
    const none = await pl.getAllocations(consumer);
    assert.deepEqual(none.allocations, {});
    assert.equal(none.consumerGeneration, undefined);
    await assert.rejects(
      pl.setAllocations(consumer, {
        allocations: { [rpUuid]: { resources: { VCPU: 2 } } },
        projectId,
        userId,
      }),
      /consumerGeneration/,
    );
    const created = await pl.setAllocations(consumer, {
      allocations: { [rpUuid]: { resources: { VCPU: 2, MEMORY_MB: 256, [RC]: 1 } } },
      projectId,
      userId,
      consumerGeneration: null,
    });
    assert.equal(created.id, consumer);
    const got = await pl.getAllocations(consumer);
    assert.equal(got.consumerGeneration, 1);
    assert.equal(got.projectId, projectId);
    assert.equal(got.userId, userId);
    const mine = (
      got.allocations as Record<string, { resources: Record<string, number>; generation: number }>
    )[rpUuid]!;
    assert.deepEqual(mine.resources, { VCPU: 2, MEMORY_MB: 256, [RC]: 1 });
    generation = mine.generation;
    // a second "new consumer" write conflicts with the existing one
    await assert.rejects(
      pl.setAllocations(consumer, {
        allocations: { [rpUuid]: { resources: { VCPU: 1 } } },
        projectId,
        userId,
        consumerGeneration: null,
      }),
      (e: unknown) => e instanceof ConflictError && placementErrorCode(e) === 'placement.concurrent_update',
    );
    await pl.setAllocations(consumer, {
      allocations: { [rpUuid]: { resources: { VCPU: 4, MEMORY_MB: 256 } } },
      projectId,
      userId,
      consumerGeneration: 1,
    });
    assert.equal((await pl.getAllocations(consumer)).consumerGeneration, 2);
    // more than the inventory allows is refused
    await assert.rejects(
      pl.setAllocations(consumer, {
        allocations: { [rpUuid]: { resources: { MEMORY_MB: 4000 } } },
        projectId,
        userId,
        consumerGeneration: 2,
      }),
      ConflictError,
    );
    const usages = await pl.getProviderUsages(rpUuid);
    assert.deepEqual(usages.usages, { VCPU: 4, MEMORY_MB: 256, [RC]: 0 });
    const byConsumer = await pl.getProviderAllocations(rpUuid);
    assert.deepEqual(byConsumer.allocations, {
      [consumer]: { resources: { VCPU: 4, MEMORY_MB: 256 }, consumer_generation: 2 },
    });
    const project = await pl.getUsages({ projectId });
    assert.ok(((project.usages as Record<string, number>).VCPU ?? 0) >= 4);
    const typed = await pl.getUsages(
      { projectId, userId, consumerType: 'unknown' },
      { microversion: '1.38' },
    );
    assert.ok(typeof typed.usages === 'object');
    // candidates now see the usage
    const c = await pl.getAllocationCandidates({ resources: 'VCPU:1', required: TRAIT });
    const sum = (c.providerSummaries as Record<string, { resources: Record<string, { used: number }> }>)[
      rpUuid
    ]!;
    assert.equal(sum.resources.VCPU!.used, 4);
  });

  test('a provider with allocations cannot be deleted; without, it can', async () => {
    await assert.rejects(pl.deleteResourceProvider(rpUuid), ConflictError);
    await assert.rejects(
      pl.setInventories(rpUuid, {
        inventories: {},
        resourceProviderGeneration: (await pl.getResourceProvider(rpUuid)).generation!,
      }),
      ConflictError,
    );
    await pl.deleteAllocations(consumer);
    assert.deepEqual((await pl.getAllocations(consumer)).allocations, {});
    await assert.rejects(pl.deleteAllocations(consumer), NotFoundError);
    await pl.deleteProviderTraits(rpUuid);
    assert.deepEqual((await pl.getProviderTraits(rpUuid)).traits, []);
    await pl.deleteInventories(rpUuid);
    assert.deepEqual((await pl.getInventories(rpUuid)).inventories, {});
    await pl.deleteResourceProvider(rpUuid);
    await assert.rejects(pl.getResourceProvider(rpUuid), NotFoundError);
    await pl.deleteTrait(TRAIT);
    assert.equal(await pl.traitExists(TRAIT), false);
    await pl.deleteResourceClass(RC);
    await assert.rejects(pl.getResourceClass(RC), NotFoundError);
  });

  test('nova’s providers are listed and read, never changed', async () => {
    const providers = await pl.listResourceProviders().toArray();
    assert.ok(
      providers.every((p) => !p.name?.startsWith(suite.prefix)),
      'nothing of this run is left',
    );
    const nova = providers[0];
    if (!nova) return;
    const inv = await pl.getInventories(nova);
    assert.equal(typeof inv.resourceProviderGeneration, 'number');
  });
});

describe('placement: members and pinned microversions', () => {
  const demo = demoConnection();
  const old = adminConnection({ microversions: { placement: '1.10' } });

  after(async () => {
    await demo.close();
    await old.close();
  });

  test('placement is admin-only', async () => {
    await assert.rejects(demo.placement.listResourceProviders().toArray(), ForbiddenError);
  });

  test('fields and parameters newer than the pin are refused before sending', async () => {
    const pl = old.placement;
    assert.equal(await pl.microversion(), '1.10');
    await assert.rejects(
      pl.createResourceProvider({ name: uniqueName('never'), parentProviderUuid: randomUUID() }),
      (e: unknown) => e instanceof ValidationError && /1\.14/.test(e.message),
    );
    await assert.rejects(pl.listResourceProviders({ inTree: randomUUID() }).toArray(), /1\.14/);
    await assert.rejects(
      pl.setAllocations(randomUUID(), {
        allocations: {},
        projectId: 'p',
        userId: 'u',
        consumerGeneration: null,
      }),
      /1\.28/,
    );
    await assert.rejects(pl.getAllocationCandidates({ resources: 'VCPU:1', required: 'X' }), /1\.17/);
    await assert.rejects(pl.getUsages({ projectId: 'p', consumerType: 'INSTANCE' }), /1\.38/);
    await assert.rejects(pl.getProviderAllocations(randomUUID()), /1\.11/);
    // what 1.10 has works
    await assert.rejects(pl.getResourceProvider(randomUUID()), NotFoundError);
  });
});
