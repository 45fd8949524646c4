import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  ConfigError,
  compareMicroversions,
  computeV2Spec,
  microversionHeaders,
  negotiateMicroversion,
} from '../../../src/index.js';

const nova = computeV2Spec.microversions!;

describe('microversions', () => {
  test('compare numerically, not as strings', () => {
    assert.ok(compareMicroversions('2.10', '2.9') > 0);
    assert.ok(compareMicroversions('2.1', '2.10') < 0);
    assert.equal(compareMicroversions('3.0', '3.0'), 0);
  });
  test('unpinned uses the documented default, never floats above it', () => {
    assert.equal(negotiateMicroversion(nova, { min: '2.1', max: '2.99' }), nova.default);
  });
  test('unpinned on an older cloud falls back to the cloud maximum', () => {
    assert.equal(negotiateMicroversion(nova, { min: '2.1', max: '2.60' }), '2.60');
  });
  test('a pin is used exactly, and rejected when the cloud or SDK cannot do it', () => {
    assert.equal(negotiateMicroversion(nova, { min: '2.1', max: '2.93' }, '2.53'), '2.53');
    assert.throws(
      () => negotiateMicroversion(nova, { min: '2.1', max: '2.60' }, '2.79'),
      (e: any) =>
        e instanceof ConfigError &&
        /not offered by this cloud/.test(e.message) &&
        e.field === 'compute_api_version',
    );
    assert.throws(
      () => negotiateMicroversion(nova, { min: '2.1', max: '2.200' }, '2.150'),
      /outside what this SDK supports/,
    );
  });
  test('"latest" opts into the newest both sides support', () => {
    assert.equal(negotiateMicroversion(nova, { min: '2.1', max: '2.93' }, 'latest'), '2.93');
  });
  test('headers: new-style for every service, nova also gets its legacy header', () => {
    assert.deepEqual(microversionHeaders(nova, '2.79'), {
      'openstack-api-version': 'compute 2.79',
      'x-openstack-nova-api-version': '2.79',
    });
  });
});
