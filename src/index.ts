/**
 * openstack-sdk: a typed OpenStack SDK for TypeScript.
 *
 * Layers: transport/auth/session → resources → service proxies behind a {@link Connection}
 * → the cloud layer → the `ostack` CLI.
 * @packageDocumentation
 */

export * from './auth/index.js';
/** The cloud layer's functions and types: compound tasks across services (also reachable as `conn.cloud`). */
export * as cloud from './cloud/index.js';
export * from './config/index.js';
export { Connection, type ConnectionOptions } from './connection.js';
export * from './errors/index.js';
export * from './resource/index.js';
/** Bare metal (ironic) resource definitions and types; the proxy is {@link BaremetalV1} (`conn.baremetal`). */
export * as baremetal from './services/baremetal/index.js';
export { BaremetalV1 } from './services/baremetal/proxy.js';
/** Each service's resource definitions and types, namespaced (names like `AvailabilityZone` repeat across services). */
export * as blockStorage from './services/block-storage/index.js';
export { BlockStorageV3 } from './services/block-storage/proxy.js';
/** Compute (nova) resource definitions and types; the proxy is {@link ComputeV2} (`conn.compute`). */
export * as compute from './services/compute/index.js';
export { ComputeV2 } from './services/compute/proxy.js';
/** DNS (designate) resource definitions and types; the proxy is {@link DnsV2} (`conn.dns`). */
export * as dns from './services/dns/index.js';
export { DnsV2 } from './services/dns/proxy.js';
/** Identity (keystone) resource definitions and types; the proxy is {@link IdentityV3} (`conn.identity`). */
export * as identity from './services/identity/index.js';
export { IdentityV3 } from './services/identity/proxy.js';
/** Image (glance) resource definitions and types; the proxy is {@link ImageV2} (`conn.image`). */
export * as image from './services/image/index.js';
export { ImageV2 } from './services/image/proxy.js';
/** Key manager (barbican) resource definitions and types; the proxy is {@link KeyManagerV1} (`conn.keyManager`). */
export * as keyManager from './services/key-manager/index.js';
export { KeyManagerV1 } from './services/key-manager/proxy.js';
/** Load balancer (octavia) resource definitions and types; the proxy is {@link LoadBalancerV2} (`conn.loadBalancer`). */
export * as loadBalancer from './services/load-balancer/index.js';
export { LoadBalancerV2 } from './services/load-balancer/proxy.js';
/** Network (neutron) resource definitions and types; the proxy is {@link NetworkV2} (`conn.network`). */
export * as network from './services/network/index.js';
export { NetworkV2 } from './services/network/proxy.js';
/** Object storage (swift) types; the proxy is {@link ObjectStoreV1} (`conn.objectStore`). */
export * as objectStore from './services/object-store/index.js';
export { ObjectStoreV1 } from './services/object-store/proxy.js';
/** Orchestration (heat) resource definitions and types; the proxy is {@link OrchestrationV1} (`conn.orchestration`). */
export * as orchestration from './services/orchestration/index.js';
export { OrchestrationV1 } from './services/orchestration/proxy.js';
/** Placement resource definitions and types; the proxy is {@link PlacementV1} (`conn.placement`). */
export * as placement from './services/placement/index.js';
export { PlacementV1 } from './services/placement/proxy.js';
export { type ProxyOptions, ServiceProxy } from './services/service-proxy.js';
/** Shared file system (manila) types; the proxy is {@link SharedFileSystemV2} (`conn.sharedFileSystem`). */
export * as sharedFileSystem from './services/shared-file-system/index.js';
export { SharedFileSystemV2 } from './services/shared-file-system/proxy.js';
export * from './services/specs.js';
export {
  type DecodableResponse,
  type DecodeOptions,
  decodeJson,
  isJsonObject,
  JsonDocument,
  type JsonKind,
  type ResponseFacts,
} from './session/decode.js';
export { type DiscoveredVersion, discoverVersion, splitVersionedUrl } from './session/discovery.js';
export * from './session/microversion.js';
export { mergeRequestOptions } from './session/request-options.js';
export {
  ServiceClient,
  type ServiceDecodeOptions,
  type ServiceRequestOptions,
  type ServiceSpec,
  withQuery,
} from './session/service-client.js';
export { Session, type SessionOptions, type SessionRequest } from './session/session.js';
export {
  DEFAULT_MAX_BODY_BYTES,
  type FetchFunction,
  HttpClient,
  type HttpClientOptions,
  type HttpRequest,
  type HttpResponse,
  type TransportKind,
} from './transport/http-client.js';
export { consoleLogger, type Logger, silentLogger } from './transport/logger.js';
export {
  configSecrets,
  REDACTED,
  Redactor,
  redactBody,
  redactHeaders,
  redactJson,
  redactUrl,
} from './transport/redact.js';
export { INSECURE_WARNING_CODE } from './transport/tls.js';
