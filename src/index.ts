/**
 * openstack-sdk: a typed OpenStack SDK for TypeScript.
 *
 * Layers: transport/auth/session → resources → service proxies behind a {@link Connection}
 * → the cloud layer → the `ostack` CLI.
 * @packageDocumentation
 */

export * from './auth/index.js';
export * from './config/index.js';
export { Connection, type ConnectionOptions } from './connection.js';
export * from './errors/index.js';
export * from './resource/index.js';
export { BlockStorageV3 } from './services/block-storage/proxy.js';
/** Each service's resource definitions and types, namespaced (names like `AvailabilityZone` repeat across services). */
export * as compute from './services/compute/index.js';
export * as identity from './services/identity/index.js';
export * as image from './services/image/index.js';
export * as network from './services/network/index.js';
export * as blockStorage from './services/block-storage/index.js';
export * as placement from './services/placement/index.js';
export * as objectStore from './services/object-store/index.js';
export { ComputeV2 } from './services/compute/proxy.js';
export { IdentityV3 } from './services/identity/proxy.js';
export { ImageV2 } from './services/image/proxy.js';
export { NetworkV2 } from './services/network/proxy.js';
export { BlockStorageV3 } from './services/block-storage/proxy.js';
export { PlacementV1 } from './services/placement/proxy.js';
export { ObjectStoreV1 } from './services/object-store/proxy.js';
