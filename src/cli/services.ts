/**
 * The connection a CLI command gets: the {@link ConnectionCore} (configuration, session, token
 * cache) plus only the proxies the command names. Each proxy is loaded from its own service's
 * module on demand, so `ostack flavor list` loads compute's code and not the six other
 * services a `Connection` wires in (the bundle gives each a chunk of its own).
 */
import type { ConnectionCore } from '../connection-core.js';
import type { ProxyOptions } from '../services/service-proxy.js';
import { SERVICE_SPECS } from '../services/service-specs.js';
import type { ServiceName, ServiceProxyOf } from '../services/service-table.js';
import type { Session } from '../session/session.js';

type ProxyClass<K extends ServiceName> = new (session: Session, opts?: ProxyOptions) => ServiceProxyOf<K>;

// one dynamic import per service: the bundler splits each into its own chunk
const LOADERS: { readonly [K in ServiceName]: () => Promise<ProxyClass<K>> } = {
  compute: async () => (await import('../services/compute/index.js')).ComputeV2,
  identity: async () => (await import('../services/identity/index.js')).IdentityV3,
  image: async () => (await import('../services/image/index.js')).ImageV2,
  network: async () => (await import('../services/network/index.js')).NetworkV2,
  blockStorage: async () => (await import('../services/block-storage/index.js')).BlockStorageV3,
  placement: async () => (await import('../services/placement/index.js')).PlacementV1,
  objectStore: async () => (await import('../services/object-store/index.js')).ObjectStoreV1,
  orchestration: async () => (await import('../services/orchestration/index.js')).OrchestrationV1,
  keyManager: async () => (await import('../services/key-manager/index.js')).KeyManagerV1,
  dns: async () => (await import('../services/dns/index.js')).DnsV2,
  loadBalancer: async () => (await import('../services/load-balancer/index.js')).LoadBalancerV2,
  sharedFileSystem: async () => (await import('../services/shared-file-system/index.js')).SharedFileSystemV2,
  baremetal: async () => (await import('../services/baremetal/index.js')).BaremetalV1,
};

/** The getters of the services `K` (`conn.compute`, ...): what a helper that uses only those needs. */
export type ServicesOf<K extends ServiceName> = { readonly [P in K]: ServiceProxyOf<P> };

/**
 * A {@link ConnectionCore} with the getters of the services `K`, typed so that a command cannot
 * use a service it did not ask for.
 */
export type CliConnection<K extends ServiceName = never> = ConnectionCore & ServicesOf<K>;

/** The proxy of one service over the core's session, with the core's pin for it (as `Connection` builds it). */
export async function loadProxy<K extends ServiceName>(
  core: ConnectionCore,
  name: K,
): Promise<ServiceProxyOf<K>> {
  const ProxyClass = await LOADERS[name]();
  return new ProxyClass(core.session, { microversion: core.pinOf(SERVICE_SPECS[name]) });
}
