/**
 * The caller's options reach every request of a placement call: the version discovery a call
 * starts with and the document read (`maxBodyBytes`). A scripted placement on the fake cloud.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { InvalidResponseError, TimeoutError } from '../../../../src/index.js';
import { PlacementV1 } from '../../../../src/services/placement/proxy.js';
import { fakeStarter, json, type RouteHandler, route } from '../../../support/fake-service.js';
import { within } from '../../../support/faults.js';

const startFake = fakeStarter();

/** A placement answering discovery and every other request with `answer`. */
async function placement(answer: RouteHandler) {
  const fake = await startFake('placement', [route('*', '*', answer)]);
  return { pl: fake.proxy(PlacementV1, { microversion: '1.39' }), fake };
}

describe('the caller’s options reach every request', () => {
  test('version discovery is bounded by the call’s timeoutMs', async () => {
    const { pl, fake } = await placement(() => true);
    // claims every request, discovery included, and never answers: only the caller's timeout ends it
    fake.intercept = () => true;
    const o = { timeoutMs: 150 };
    const allocation = { allocations: {}, projectId: 'p', userId: 'u', consumerGeneration: null };
    const calls: [string, () => Promise<unknown>][] = [
      [
        'setInventories',
        () => pl.setInventories('rp1', { inventories: {}, resourceProviderGeneration: 1 }, o),
      ],
      ['setAllocations', () => pl.setAllocations('c1', allocation, o)],
      ['listTraits (a microversion check first)', () => pl.listTraits({}, o)],
    ];
    for (const [what, call] of calls) {
      await assert.rejects(within(call(), 3000, what), TimeoutError, `${what}: the caller's timeout`);
    }
  });

  test('maxBodyBytes caps the trait list', async () => {
    const traits = Array.from({ length: 200 }, (_, i) => `CUSTOM_T${i}`);
    const { pl } = await placement((_c, res) => json(res, 200, { traits }));
    await assert.rejects(
      pl.listTraits({}, { maxBodyBytes: 256 }),
      (e: unknown) => e instanceof InvalidResponseError && e.reason === 'too-large',
      "refused over the caller's cap",
    );
  });
});
