import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  camelToSnakeKey,
  canonicalizeConfigLayer,
  mergeConfig,
  normalizeConfigKeys,
} from '../../../src/config/normalize.js';

describe('key normalisation', () => {
  test('camelToSnakeKey', () => {
    assert.equal(camelToSnakeKey('regionName'), 'region_name');
    assert.equal(camelToSnakeKey('authUrl'), 'auth_url');
    assert.equal(camelToSnakeKey('authURL'), 'auth_url');
    assert.equal(camelToSnakeKey('computeApiVersion'), 'compute_api_version');
    assert.equal(camelToSnakeKey('objectStoreEndpointOverride'), 'object_store_endpoint_override');
    assert.equal(camelToSnakeKey('already_snake'), 'already_snake');
    assert.equal(camelToSnakeKey('cacert'), 'cacert');
  });

  test('normalizeConfigKeys: dashes everywhere, camelCase only when asked, values untouched', () => {
    assert.deepEqual(normalizeConfigKeys({ 'region-name': 'R', auth: { 'project-name': 'myProject' } }), {
      region_name: 'R',
      auth: { project_name: 'myProject' },
    });
    assert.deepEqual(normalizeConfigKeys({ regionName: 'RegionOne' }), { regionName: 'RegionOne' });
    assert.deepEqual(
      normalizeConfigKeys(
        { regionName: 'RegionOne', auth: { userDomainName: 'myDomain' } },
        { camelCase: true },
      ),
      {
        region_name: 'RegionOne',
        auth: { user_domain_name: 'myDomain' },
      },
    );
  });

  test('normalizeConfigKeys: os_ prefixed keys win over plain ones when stripping', () => {
    assert.deepEqual(
      normalizeConfigKeys({ os_region_name: 'A', region_name: 'B' }, { stripOsPrefix: true }),
      {
        region_name: 'A',
      },
    );
    assert.deepEqual(normalizeConfigKeys({ os_region_name: 'A' }), { os_region_name: 'A' });
  });

  test('mergeConfig: deep for mappings, replace for others, null/undefined never erase', () => {
    const base = { a: 1, auth: { x: '1', y: '2' }, list: [1, 2] };
    const merged = mergeConfig(base, { auth: { y: '3', z: null }, list: [9], a: undefined, b: null });
    assert.deepEqual(merged, { a: 1, auth: { x: '1', y: '3' }, list: [9] });
    assert.deepEqual(base, { a: 1, auth: { x: '1', y: '2' }, list: [1, 2] }, 'inputs are not modified');
  });

  test('canonicalizeConfigLayer moves auth keys into auth and renames old keys', () => {
    assert.deepEqual(
      canonicalizeConfigLayer({
        auth_url: 'u',
        password: 'top',
        auth: { password: 'in-auth', project_name: 'in-auth' },
        project_name: 'top',
        auth_token: 't',
        auth_plugin: 'token',
        endpoint_type: 'internal',
        compute_endpoint_type: 'admin',
        region_name: 'R',
      }),
      {
        // password: auth wins (keystoneauth options); project_name: top level wins (openstacksdk story 2010784)
        auth: { auth_url: 'u', password: 'in-auth', project_name: 'top', token: 't' },
        auth_type: 'token',
        interface: 'internal',
        compute_interface: 'admin',
        region_name: 'R',
      },
    );
  });

  test('canonicalizeConfigLayer: interface beats endpoint_type, auth_type beats auth_plugin, token beats auth_token', () => {
    const r = canonicalizeConfigLayer({
      interface: 'public',
      endpoint_type: 'adminURL',
      auth_type: 'password',
      auth_plugin: 'token',
      auth: { token: 'new', auth_token: 'old' },
    });
    assert.equal(r.interface, 'public');
    assert.equal(r.auth_type, 'password');
    assert.deepEqual(r.auth, { token: 'new' });
  });
});
