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
  identityV3Spec,
  imageV2Spec,
  networkV2Spec,
  objectStoreV1Spec,
  placementV1Spec,
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
  baremetal: baremetalV1Spec,
} as const;
