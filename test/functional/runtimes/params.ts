/**
 * What the runtime tests share: the smoke program's parameters for the demo cloud (read from
 * clouds.yaml by Node, handed to the runtime), the cleanup of what a run may leave behind, and
 * the assertions on a smoke report.
 */
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCloudConfig } from '../../../src/index.js';
import { DEMO_CLOUD, type FunctionalSuite } from '../../support/cloud.js';
import type { SmokeParams, SmokeReport } from './smoke.js';

/** The folder of the smoke program (the bundles resolve it from here). */
export const HERE = dirname(fileURLToPath(import.meta.url));
/** The smoke program's file. */
export const SMOKE = join(HERE, 'smoke.ts');

/** Parameters for the demo user of $OSSDK_TEST_DEMO_CLOUD; `what` goes into the names it creates. */
export function demoParams(suite: FunctionalSuite, what: string): SmokeParams {
  const cfg = loadCloudConfig({ cloud: DEMO_CLOUD });
  const a = cfg.auth;
  for (const key of ['auth_url', 'username', 'password', 'project_name'] as const) {
    assert.ok(
      a[key],
      `cloud ${DEMO_CLOUD} has no auth.${key}: the runtime tests authenticate with a password`,
    );
  }
  const authUrl = a.auth_url!.replace(/\/+$/, '');
  return {
    authUrl: /\/v3$/.test(authUrl) ? authUrl : `${authUrl}/v3`,
    username: a.username!,
    password: a.password!,
    projectName: a.project_name!,
    regionName: cfg.regionName ?? 'RegionOne',
    prefix: suite.name(what),
  };
}

/** Delete the container a smoke run creates, and its object, if the run left them. */
export function cleanupAfter(suite: FunctionalSuite, params: SmokeParams): void {
  suite.cleanup.add(`container ${params.prefix}-c`, () =>
    suite.demo().objectStore.deleteContainer(`${params.prefix}-c`, { empty: true, ignoreMissing: true }),
  );
}

/** The checks every runtime's report must pass; `context` is printed with any failure. */
export async function assertSmoke(suite: FunctionalSuite, r: SmokeReport, context: string): Promise<void> {
  const why = (what: string) => `${what}\nreport: ${JSON.stringify(r, null, 2)}\n${context}`;
  assert.equal(r.error, undefined, why(`the smoke program failed in ${r.runtime}`));
  assert.deepEqual(
    r.steps,
    ['auth', 'servers', 'networks', 'container', 'put', 'get', 'delete'],
    why('not every step ran'),
  );
  const access = await suite.demo().authorize();
  assert.equal(r.projectId, access.projectId, why('the token is scoped to the demo project'));
  assert.ok(typeof r.servers === 'number' && r.servers >= 0, why('the server listing returned a count'));
  const expected: string[] = [];
  for await (const n of suite.demo().network.listNetworks()) expected.push(n.name ?? n.id ?? '');
  // suites running beside this one create and delete their own networks in the demo project
  // between the runtime's listing and this one: compare the networks no test creates
  const lasting = (names: readonly string[]) => names.filter((n) => !n.startsWith('ossdk-test-'));
  assert.deepEqual(
    lasting(r.networks ?? []),
    lasting(expected.sort()),
    why('the network listing matches what Node lists for the demo user'),
  );
  assert.ok(
    ['private', 'public'].every((n) => r.networks?.includes(n)),
    why('the listing holds the networks the dev cloud seeds'),
  );
  assert.equal(r.bytesRead, r.bytesWritten, why('as many bytes came back as were written'));
  assert.equal(r.identical, true, why('the object came back byte for byte'));
  assert.deepEqual(r.cleanupErrors, [], why('the program deleted what it created'));
}
