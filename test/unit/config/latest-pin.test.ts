/**
 * A `'latest'` microversion pin (Connection option or `<service>_api_version: latest`) is an explicit
 * opt-in to float up to what both the cloud and the SDK understand; it must not be mistaken for a major.
 */
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { after, before, describe, test } from 'node:test';
import { Connection } from '../../../src/connection.js';
import { computeV2Spec } from '../../../src/services/specs.js';
import { type FakeService, json, route, startFake } from '../../support/fake-service.js';

let nova: FakeService;
const seen: string[] = [];
before(async () => {
  nova = await startFake(
    'compute',
    [
      route('*', '*', (c, res) => {
        seen.push(String(c.headers['openstack-api-version'] ?? ''));
        json(res, 200, { flavors: [] });
      }),
    ],
    { max: '2.93' },
  );
});
after(() => nova.close());

/** No clouds.yaml and no OS_* of the machine running the tests (CI exports the dev cloud's). */
const isolated = { env: {}, cwd: tmpdir(), home: tmpdir(), systemDirs: [] };

const base = {
  auth_type: 'admin_token',
  auth: { token: 'tok', endpoint: 'http://127.0.0.1:1' },
};

describe("microversion pin 'latest'", () => {
  for (const [how, make] of [
    [
      'as a Connection option',
      () =>
        new Connection({
          ...isolated,
          config: { ...base, compute_endpoint_override: nova.url },
          microversions: { compute: 'latest' },
        }),
    ],
    [
      'through fromCloud with the options first',
      () =>
        Connection.fromCloud({
          ...isolated,
          config: { ...base, compute_endpoint_override: nova.url },
          microversions: { compute: 'latest' },
        }),
    ],
    [
      'as compute_api_version in the config',
      () =>
        new Connection({
          ...isolated,
          config: { ...base, compute_endpoint_override: nova.url, compute_api_version: 'latest' },
        }),
    ],
  ] as const) {
    test(`${how}: negotiates the SDK's newest microversion the cloud serves`, async () => {
      const conn = make();
      try {
        await conn.compute.listFlavors().toArray();
        // the newer of the two ends caps it: the cloud's 2.93 or the SDK's own maximum
        const sdkMax = computeV2Spec.microversions?.sdkMax ?? '';
        const want = Number(sdkMax.split('.')[1]) < 93 ? sdkMax : '2.93';
        assert.equal(
          seen.at(-1),
          `compute ${want}`,
          `latest should negotiate ${want} (SDK max ${sdkMax}, cloud 2.93)`,
        );
      } finally {
        await conn.close();
      }
    });
  }
});
