/**
 * Which major version each unversioned namespace (`conn.compute`, ...) is bound to, the
 * microversion range this SDK understands, and the default used when nothing is pinned.
 * Changing a default is a breaking change: it is documented in README "Versioning".
 */
import type { ServiceSpec } from '../session/service-client.js';

/** How the compute v2.1 proxy finds its endpoint and which microversions it knows. */
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

/** How the identity v3 proxy finds its endpoint. */
export const identityV3Spec: ServiceSpec = { serviceType: 'identity', major: '3', fallbackPath: '/v3' };

/** How the image v2 proxy finds its endpoint. */
export const imageV2Spec: ServiceSpec = { serviceType: 'image', major: '2', fallbackPath: '/v2' };

/** How the network v2.0 proxy finds its endpoint. */
export const networkV2Spec: ServiceSpec = { serviceType: 'network', major: '2', fallbackPath: '/v2.0' };

/** How the block storage v3 proxy finds its endpoint and which microversions it knows. */
export const blockStorageV3Spec: ServiceSpec = {
  serviceType: 'block-storage',
  major: '3',
  fallbackPath: '/v3',
  microversions: { headerName: 'volume', sdkMin: '3.0', sdkMax: '3.71', default: '3.60' },
};

/** How the placement v1 proxy finds its endpoint and which microversions it knows. */
export const placementV1Spec: ServiceSpec = {
  serviceType: 'placement',
  major: '1',
  fallbackPath: '',
  microversions: { headerName: 'placement', sdkMin: '1.0', sdkMax: '1.39', default: '1.36' },
};

/** How the object store v1 proxy finds its endpoint (Swift's catalog URL carries the account). */
export const objectStoreV1Spec: ServiceSpec = {
  serviceType: 'object-store',
  major: '1',
  fallbackPath: '',
  skipDiscovery: true,
};

/** How the orchestration v1 (heat) proxy finds its endpoint (the catalog URL carries the project). */
export const orchestrationV1Spec: ServiceSpec = {
  serviceType: 'orchestration',
  major: '1',
  fallbackPath: '',
  skipDiscovery: true,
};

/**
 * How the key manager v1 proxy (barbican) finds its endpoint. Barbican's microversions (1.0,
 * 1.1 for secret consumers since Wallaby) are left alone: requests carry no version header, so
 * every call has the 1.0 behaviour any barbican gives.
 */
export const keyManagerV1Spec: ServiceSpec = { serviceType: 'key-manager', major: '1', fallbackPath: '/v1' };

/** How the DNS v2 proxy (designate) finds its endpoint; designate has no microversions. */
export const dnsV2Spec: ServiceSpec = { serviceType: 'dns', major: '2', fallbackPath: '/v2' };

/** How the load balancer v2 proxy (octavia) finds its endpoint; octavia has no microversions. */
export const loadBalancerV2Spec: ServiceSpec = {
  serviceType: 'load-balancer',
  major: '2',
  fallbackPath: '/v2',
};

/**
 * How the shared file systems v2 (manila) proxy finds its endpoint and which microversions it
 * knows. Manila reads only its own header, `X-OpenStack-Manila-API-Version`. The default, 2.65,
 * is offered by Zed (whose maximum is 2.73) and later.
 */
export const sharedFileSystemV2Spec: ServiceSpec = {
  serviceType: 'shared-file-system',
  major: '2',
  fallbackPath: '/v2',
  microversions: {
    headerName: 'shared-file-system',
    legacyHeader: 'x-openstack-manila-api-version',
    sdkMin: '2.0',
    sdkMax: '2.73',
    default: '2.65',
  },
};

/**
 * How the bare metal v1 proxy finds its endpoint and which microversions it knows. The default,
 * 1.78, is what Zed's ironic (max 1.80) and Yoga's (max 1.78) both serve: node history, boot mode
 * and secure boot fields, deploy/undeploy verbs and every resource of this SDK.
 */
export const baremetalV1Spec: ServiceSpec = {
  serviceType: 'baremetal',
  major: '1',
  fallbackPath: '/v1',
  microversions: {
    headerName: 'baremetal',
    legacyHeader: 'x-openstack-ironic-api-version',
    sdkMin: '1.1',
    sdkMax: '1.80',
    default: '1.78',
  },
};
