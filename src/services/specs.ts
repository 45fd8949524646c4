/**
 * Which major version each unversioned namespace (`conn.compute`, ...) is bound to, the
 * microversion range this SDK understands, and the default used when nothing is pinned.
 * Changing a default is a breaking change: it is documented in README "Versioning".
 */
import type { ServiceSpec } from '../session/service-client.js';

export const computeV2Spec: ServiceSpec = {
  serviceType: 'compute',
  major: '2',
  fallbackPath: '/v2.1',
  microversions: {
    headerName: 'compute',
    legacyHeader: 'x-openstack-nova-api-version',
    sdkMin: '2.1',
    sdkMax: '2.96',
    default: '2.90',
  },
};

export const identityV3Spec: ServiceSpec = { serviceType: 'identity', major: '3', fallbackPath: '/v3' };

export const imageV2Spec: ServiceSpec = { serviceType: 'image', major: '2', fallbackPath: '/v2' };

export const networkV2Spec: ServiceSpec = { serviceType: 'network', major: '2', fallbackPath: '/v2.0' };

export const blockStorageV3Spec: ServiceSpec = {
  serviceType: 'block-storage',
  major: '3',
  fallbackPath: '/v3',
  microversions: { headerName: 'volume', sdkMin: '3.0', sdkMax: '3.71', default: '3.60' },
};

export const placementV1Spec: ServiceSpec = {
  serviceType: 'placement',
  major: '1',
  fallbackPath: '',
  microversions: { headerName: 'placement', sdkMin: '1.0', sdkMax: '1.39', default: '1.36' },
};

export const objectStoreV1Spec: ServiceSpec = {
  serviceType: 'object-store',
  major: '1',
  fallbackPath: '',
  skipDiscovery: true,
};
