import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  catalogFromV3,
  EndpointNotFoundError,
  officialServiceType,
  selectEndpoint,
} from '../../../src/index.js';

const catalog = catalogFromV3([
  {
    type: 'volumev3',
    name: 'cinderv3',
    endpoints: [{ interface: 'public', region_id: 'R1', url: 'http://v3-alias' }],
  },
  {
    type: 'block-storage',
    name: 'cinder',
    endpoints: [
      { interface: 'public', region_id: 'R1', url: 'http://bs-r1' },
      { interface: 'public', region_id: 'R2', url: 'http://bs-r2' },
      { interface: 'internal', region_id: 'R1', url: 'http://bs-internal' },
    ],
  },
  { type: 'compute', endpoints: [{ interface: 'public', region: 'R1', url: 'http://nova' }] },
]);

describe('service catalog', () => {
  test('aliases resolve to the official type', () => {
    assert.equal(officialServiceType('volumev3'), 'block-storage');
    assert.equal(officialServiceType('volume'), 'block-storage');
    assert.equal(officialServiceType('compute'), 'compute');
  });
  test('the official type is preferred over an alias entry', () => {
    assert.equal(selectEndpoint(catalog, { serviceType: 'volumev3', region: 'R1' }).url, 'http://bs-r1');
  });
  test('region and interface select the endpoint', () => {
    assert.equal(selectEndpoint(catalog, { serviceType: 'block-storage', region: 'R2' }).url, 'http://bs-r2');
    assert.equal(
      selectEndpoint(catalog, { serviceType: 'block-storage', region: 'R1', interface: 'internal' }).url,
      'http://bs-internal',
    );
    assert.equal(
      selectEndpoint(catalog, { serviceType: 'compute', region: 'R1' }).url,
      'http://nova',
      'v3 "region" key accepted',
    );
  });
  test('no match names what the catalog has and how to fix it', () => {
    assert.throws(
      () => selectEndpoint(catalog, { serviceType: 'block-storage', region: 'R3' }),
      (e: any) =>
        e instanceof EndpointNotFoundError &&
        /block-storage\/public\/R1/.test(e.message) &&
        /Fix:/.test(e.message),
    );
    assert.throws(() => selectEndpoint(catalog, { serviceType: 'dns' }), /no such service/);
  });
});
