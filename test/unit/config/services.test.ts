import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadCloudConfig } from '../../../src/config/load.js';
import { extractServiceSettings, serviceTypeForPrefix } from '../../../src/config/services.js';
import { passwordCloud, sandbox } from './helpers.js';

describe('service api versions and endpoint overrides', () => {
  test('key prefixes map to canonical service types', () => {
    assert.equal(serviceTypeForPrefix('compute'), 'compute');
    assert.equal(serviceTypeForPrefix('object_store'), 'object-store');
    assert.equal(serviceTypeForPrefix('block_storage'), 'block-storage');
    assert.equal(serviceTypeForPrefix('volume'), 'block-storage');
    assert.equal(serviceTypeForPrefix('volumev3'), 'block-storage');
    assert.equal(serviceTypeForPrefix('key_manager'), 'key-manager');
    assert.equal(serviceTypeForPrefix('placement'), 'placement');
  });

  test('<service>_api_version and <service>_endpoint_override are collected', () => {
    const r = extractServiceSettings({
      compute_api_version: '2.79',
      identity_api_version: '3',
      image_api_version: '2',
      network_api_version: '2',
      object_store_api_version: '1',
      placement_api_version: '1.36',
      volume_api_version: '3',
      compute_endpoint_override: 'http://nova/v2.1',
      network_endpoint_override: 'http://neutron:9696',
      object_store_endpoint_override: 'http://swift/v1',
      block_storage_endpoint_override: 'http://cinder/v3',
      region_name: 'R',
    });
    assert.deepEqual(r.apiVersions, {
      compute: '2.79',
      identity: '3',
      image: '2',
      network: '2',
      'object-store': '1',
      placement: '1.36',
      'block-storage': '3',
    });
    assert.deepEqual(r.endpointOverrides, {
      compute: 'http://nova/v2.1',
      network: 'http://neutron:9696',
      'object-store': 'http://swift/v1',
      'block-storage': 'http://cinder/v3',
    });
  });

  test('the official type beats its aliases, in either order', () => {
    assert.equal(
      extractServiceSettings({ volume_api_version: '2', block_storage_api_version: '3' }).apiVersions[
        'block-storage'
      ],
      '3',
    );
    assert.equal(
      extractServiceSettings({ block_storage_api_version: '3', volume_api_version: '2' }).apiVersions[
        'block-storage'
      ],
      '3',
    );
  });

  test('_endpoint_override beats the older _endpoint; _endpoint alone works', () => {
    assert.equal(
      extractServiceSettings({ image_endpoint: 'http://old', image_endpoint_override: 'http://new' })
        .endpointOverrides.image,
      'http://new',
    );
    assert.equal(
      extractServiceSettings({ image_endpoint: 'http://old' }).endpointOverrides.image,
      'http://old',
    );
  });

  test('unknown prefixes pass through with _ written as -; plain endpoint is not a service', () => {
    const r = extractServiceSettings({
      load_balancer_api_version: '2.0',
      my_service_endpoint_override: 'http://x',
      endpoint: 'http://plain',
      api_version: '1',
    });
    assert.deepEqual(r.apiVersions, { 'load-balancer': '2.0' });
    assert.deepEqual(r.endpointOverrides, { 'my-service': 'http://x' });
  });

  test('from clouds.yaml, with YAML numbers kept as written', () => {
    const s = sandbox();
    s.write(
      `${s.cwd}/clouds.yaml`,
      `clouds:\n${passwordCloud(
        'c',
        'https://k/v3',
        '    compute_api_version: 2.10\n    volume_api_version: 3\n    image_api_version: 2\n    baremetal_endpoint_override: http://ironic:6385\n',
      )}`,
    );
    const cfg = loadCloudConfig(s.opts());
    assert.equal(cfg.apiVersions.compute, '2.10');
    assert.equal(cfg.apiVersions['block-storage'], '3');
    assert.equal(cfg.apiVersions.image, '2');
    assert.deepEqual(cfg.endpointOverrides, { baremetal: 'http://ironic:6385' });
  });

  test('options override a file api version', () => {
    const s = sandbox();
    s.write(
      `${s.cwd}/clouds.yaml`,
      `clouds:\n${passwordCloud('c', 'https://k/v3', '    compute_api_version: 2.1\n')}`,
    );
    const cfg = loadCloudConfig(s.opts({ options: { compute_api_version: '2.95' } }));
    assert.equal(cfg.apiVersions.compute, '2.95');
  });
});
