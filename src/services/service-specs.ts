/**
 * The spec of every service of a `Connection`, keyed by its unversioned getter name: the service
 * table (`service-table.ts`) pairs each with its proxy class; this proxy-free list is what pins
 * are checked against by code that must not load the proxies (`ConnectionCore`, the CLI). Not
 * part of the public API (`src/index.ts` exports the specs one by one from `specs.ts`).
 */
import {
  baremetalV1Spec,
  blockStorageV3Spec,
  computeV2Spec,
  dnsV2Spec,
  identityV3Spec,
  imageV2Spec,
  keyManagerV1Spec,
  loadBalancerV2Spec,
  networkV2Spec,
  objectStoreV1Spec,
  orchestrationV1Spec,
  placementV1Spec,
  sharedFileSystemV2Spec,
} from './specs.js';

/** Every service's spec, keyed by its unversioned getter name (`compute`, `blockStorage`, ...). */
export const SERVICE_SPECS = {
  compute: computeV2Spec,
  identity: identityV3Spec,
  image: imageV2Spec,
  network: networkV2Spec,
  blockStorage: blockStorageV3Spec,
  placement: placementV1Spec,
  objectStore: objectStoreV1Spec,
  orchestration: orchestrationV1Spec,
  keyManager: keyManagerV1Spec,
  dns: dnsV2Spec,
  loadBalancer: loadBalancerV2Spec,
  sharedFileSystem: sharedFileSystemV2Spec,
  baremetal: baremetalV1Spec,
} as const;
