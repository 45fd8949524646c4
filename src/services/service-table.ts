/**
 * The one list of the services a `Connection` serves. Each entry names the unversioned getter
 * (its key: `conn.compute`), the versioned one (`conn.computeV2`, the same object), the
 * {@link ServiceSpec} from `specs.ts` (major version, microversion range; `SERVICE_SPECS` of
 * `service-specs.ts` lists the same services without their proxies) and the proxy class.
 * `Connection` builds every proxy and checks every pin from this table, so adding a service
 * here (plus its two one-line getters, which the type {@link ServiceGetters} demands) is the
 * whole of wiring it in. This is the only module outside a service's own folder that imports
 * the proxies (the dependency rules in `.dependency-cruiser.cjs` keep it so).
 */
import type { ServiceSpec } from '../session/service-client.js';
import type { Session } from '../session/session.js';
import { BaremetalV1 } from './baremetal/proxy.js';
import { BlockStorageV3 } from './block-storage/proxy.js';
import { ComputeV2 } from './compute/proxy.js';
import { DnsV2 } from './dns/proxy.js';
import { IdentityV3 } from './identity/proxy.js';
import { ImageV2 } from './image/proxy.js';
import { KeyManagerV1 } from './key-manager/proxy.js';
import { LoadBalancerV2 } from './load-balancer/proxy.js';
import { NetworkV2 } from './network/proxy.js';
import { ObjectStoreV1 } from './object-store/proxy.js';
import { OrchestrationV1 } from './orchestration/proxy.js';
import { PlacementV1 } from './placement/proxy.js';
import type { ProxyOptions } from './service-proxy.js';
import { SERVICE_SPECS } from './service-specs.js';
import { SharedFileSystemV2 } from './shared-file-system/proxy.js';

export type {
  BaremetalV1,
  BlockStorageV3,
  ComputeV2,
  DnsV2,
  IdentityV3,
  ImageV2,
  KeyManagerV1,
  LoadBalancerV2,
  NetworkV2,
  ObjectStoreV1,
  OrchestrationV1,
  PlacementV1,
  SharedFileSystemV2,
};

/** One service of the table: its spec, its versioned getter name and its proxy class. */
export interface ServiceEntry<P, V extends string = string> {
  /** Major version, microversion range and default: what pins are checked against. */
  readonly spec: ServiceSpec;
  /** The versioned getter (`computeV2`), an alias of the unversioned one. */
  readonly versioned: V;
  /** The proxy class; every proxy is built from the connection's session and its pin. */
  readonly proxy: new (
    session: Session,
    opts?: ProxyOptions,
  ) => P;
}

function entry<P, V extends string>(
  spec: ServiceSpec,
  versioned: V,
  proxy: new (session: Session, opts?: ProxyOptions) => P,
): ServiceEntry<P, V> {
  return { spec, versioned, proxy };
}

/** Every service of a `Connection`, keyed by its unversioned getter name. */
export const SERVICES = {
  compute: entry(SERVICE_SPECS.compute, 'computeV2', ComputeV2),
  identity: entry(SERVICE_SPECS.identity, 'identityV3', IdentityV3),
  image: entry(SERVICE_SPECS.image, 'imageV2', ImageV2),
  network: entry(SERVICE_SPECS.network, 'networkV2', NetworkV2),
  blockStorage: entry(SERVICE_SPECS.blockStorage, 'blockStorageV3', BlockStorageV3),
  placement: entry(SERVICE_SPECS.placement, 'placementV1', PlacementV1),
  objectStore: entry(SERVICE_SPECS.objectStore, 'objectStoreV1', ObjectStoreV1),
  orchestration: entry(SERVICE_SPECS.orchestration, 'orchestrationV1', OrchestrationV1),
  keyManager: entry(SERVICE_SPECS.keyManager, 'keyManagerV1', KeyManagerV1),
  dns: entry(SERVICE_SPECS.dns, 'dnsV2', DnsV2),
  loadBalancer: entry(SERVICE_SPECS.loadBalancer, 'loadBalancerV2', LoadBalancerV2),
  sharedFileSystem: entry(SERVICE_SPECS.sharedFileSystem, 'sharedFileSystemV2', SharedFileSystemV2),
  baremetal: entry(SERVICE_SPECS.baremetal, 'baremetalV1', BaremetalV1),
} as const satisfies Record<keyof typeof SERVICE_SPECS, ServiceEntry<unknown>>;

/** The unversioned name of a service of the table (`compute`, `blockStorage`, ...). */
export type ServiceName = keyof typeof SERVICES;

/** The proxy type of a service of the table. */
export type ServiceProxyOf<K extends ServiceName> =
  (typeof SERVICES)[K] extends ServiceEntry<infer P, string> ? P : never;

/**
 * The getters the table implies: both names of every entry, each typed as its proxy. A
 * `Connection` must be assignable to it (a unit test checks at compile time), so an entry
 * without its getters does not type-check.
 */
export type ServiceGetters = {
  readonly [K in ServiceName as K | (typeof SERVICES)[K]['versioned']]: ServiceProxyOf<K>;
};
