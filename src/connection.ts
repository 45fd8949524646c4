/**
 * Connection: the entry point. Built from a named cloud in clouds.yaml, from OS_*
 * environment variables, or from options; exposes one proxy per service.
 *
 * Versioning: each unversioned namespace is bound to one major version forever
 * (`conn.compute` is compute v2.x, `conn.blockStorage` is v3.x, ...) and to the microversion
 * pinned by the program or clouds.yaml (`compute_api_version: 2.79`), else the SDK's documented
 * default for that service. The versioned names (`conn.computeV2`) are the same objects.
 */
import { CloudLayer } from './cloud/cloud-layer.js';
import type { CloudConfig } from './config/types.js';
import { ConnectionCore, type ConnectionOptions } from './connection-core.js';
import { ConfigError } from './errors/errors.js';
import {
  type BaremetalV1,
  type BlockStorageV3,
  type ComputeV2,
  type DnsV2,
  type IdentityV3,
  type ImageV2,
  type KeyManagerV1,
  type LoadBalancerV2,
  type NetworkV2,
  type ObjectStoreV1,
  type OrchestrationV1,
  type PlacementV1,
  SERVICES,
  type ServiceName,
  type ServiceProxyOf,
  type SharedFileSystemV2,
} from './services/service-table.js';
import type { Session } from './session/session.js';

export type { ConnectionOptions };

/**
 * A connection to one cloud: its configuration, an authenticated {@link Session}, and one
 * proxy per service (`conn.compute`, `conn.network`, `conn.image`, `conn.blockStorage`,
 * `conn.identity`, `conn.objectStore`, `conn.placement`) plus the cloud layer (`conn.cloud`).
 * Nothing is sent until the first call; close it when done so the process can exit.
 *
 * @example
 * ```ts
 * import { Connection, NotFoundError } from 'openstack-sdk';
 *
 * const conn = Connection.fromCloud('mycloud', { microversions: { compute: '2.79' } });
 * try {
 *   for await (const server of conn.compute.listServers()) console.log(server.name, server.status);
 *   await conn.compute.getServer('no-such-id');
 * } catch (e) {
 *   if (e instanceof NotFoundError) console.log(`not found (request ${e.requestId})`);
 *   else throw e;
 * } finally {
 *   await conn.close();
 * }
 * ```
 */
export class Connection {
  /**
   * The resolved cloud configuration (files, environment and options merged; secrets included: do not log it).
   */
  readonly config: CloudConfig;
  /** The session: authentication, the service catalog, and requests to any endpoint. */
  readonly session: Session;
  private readonly proxies = new Map<ServiceName, unknown>();
  // configuration, session and pins: what the proxies are built from (shared with the CLI)
  private readonly core: ConnectionCore;
  private cloudLayer?: CloudLayer<Connection>;

  constructor(opts: ConnectionOptions = {}) {
    this.core = new ConnectionCore(opts);
    this.config = this.core.config;
    this.session = this.core.session;
  }

  /**
   * A connection to a cloud named in clouds.yaml (or OS_CLOUD when omitted). The options may come
   * first when the cloud is OS_CLOUD's: `Connection.fromCloud({ microversions: { compute: '2.79' } })`.
   */
  static fromCloud(
    cloud?: string | Omit<ConnectionOptions, 'cloud'>,
    opts: Omit<ConnectionOptions, 'cloud'> = {},
  ): Connection {
    if (cloud !== undefined && typeof cloud !== 'string') {
      if (cloud === null || typeof cloud !== 'object')
        throw new ConfigError(`the cloud must be a name or an options object, not ${typeof cloud}`, {
          field: 'cloud',
          fix: "pass the name of a cloud in clouds.yaml, e.g. Connection.fromCloud('mycloud')",
        });
      return new Connection({ ...cloud });
    }
    return new Connection({ ...opts, cloud });
  }

  /** A connection from OS_* environment variables only (ignores OS_CLOUD). */
  static fromEnv(opts: Omit<ConnectionOptions, 'cloud'> = {}): Connection {
    return new Connection({ ...opts, cloud: 'envvars' });
  }

  /** The proxy of a service of the table, created with its pin on first use. */
  private service<K extends ServiceName>(name: K): ServiceProxyOf<K> {
    let p = this.proxies.get(name) as ServiceProxyOf<K> | undefined;
    if (!p) {
      const { spec, proxy } = SERVICES[name];
      p = new proxy(this.session, { microversion: this.core.pinOf(spec) }) as ServiceProxyOf<K>;
      this.proxies.set(name, p);
    }
    return p;
  }

  /** Compute v2.x (nova). */
  get computeV2(): ComputeV2 {
    return this.service('compute');
  }
  /** Compute, bound to v2.x. */
  get compute(): ComputeV2 {
    return this.service('compute');
  }
  /** Identity v3 (keystone). */
  get identityV3(): IdentityV3 {
    return this.service('identity');
  }
  /** Identity, bound to v3. */
  get identity(): IdentityV3 {
    return this.service('identity');
  }
  /** Image v2 (glance). */
  get imageV2(): ImageV2 {
    return this.service('image');
  }
  /** Image, bound to v2. */
  get image(): ImageV2 {
    return this.service('image');
  }
  /** Network v2.0 (neutron). */
  get networkV2(): NetworkV2 {
    return this.service('network');
  }
  /** Network, bound to v2.0. */
  get network(): NetworkV2 {
    return this.service('network');
  }
  /** Block storage v3.x (cinder). */
  get blockStorageV3(): BlockStorageV3 {
    return this.service('blockStorage');
  }
  /** Block storage, bound to v3.x. */
  get blockStorage(): BlockStorageV3 {
    return this.service('blockStorage');
  }
  /** Placement v1.x. */
  get placementV1(): PlacementV1 {
    return this.service('placement');
  }
  /** Placement, bound to v1.x. */
  get placement(): PlacementV1 {
    return this.service('placement');
  }
  /** Object storage v1 (swift). */
  get objectStoreV1(): ObjectStoreV1 {
    return this.service('objectStore');
  }
  /** Object storage, bound to v1. */
  get objectStore(): ObjectStoreV1 {
    return this.service('objectStore');
  }
  /** Orchestration v1 (heat). */
  get orchestrationV1(): OrchestrationV1 {
    return this.service('orchestration');
  }
  /** Orchestration, bound to v1. */
  get orchestration(): OrchestrationV1 {
    return this.service('orchestration');
  }
  /** Key manager v1 (barbican). */
  get keyManagerV1(): KeyManagerV1 {
    return this.service('keyManager');
  }
  /** Key manager, bound to v1. */
  get keyManager(): KeyManagerV1 {
    return this.service('keyManager');
  }
  /** DNS v2 (designate). */
  get dnsV2(): DnsV2 {
    return this.service('dns');
  }
  /** DNS, bound to v2 (designate). */
  get dns(): DnsV2 {
    return this.service('dns');
  }
  /** Load balancing v2 (octavia). */
  get loadBalancerV2(): LoadBalancerV2 {
    return this.service('loadBalancer');
  }
  /** Load balancing, bound to v2. */
  get loadBalancer(): LoadBalancerV2 {
    return this.service('loadBalancer');
  }
  /** Shared file systems v2 (manila). */
  get sharedFileSystemV2(): SharedFileSystemV2 {
    return this.service('sharedFileSystem');
  }
  /** Shared file systems, bound to v2. */
  get sharedFileSystem(): SharedFileSystemV2 {
    return this.service('sharedFileSystem');
  }
  /** Bare metal v1.x (ironic). */
  get baremetalV1(): BaremetalV1 {
    return this.service('baremetal');
  }
  /** Bare metal, bound to v1.x. */
  get baremetal(): BaremetalV1 {
    return this.service('baremetal');
  }

  /**
   * The cloud layer: compound tasks across services (create a reachable server, get-or-create
   * networks and security groups, search, project cleanup).
   */
  get cloud(): CloudLayer<Connection> {
    this.cloudLayer ??= new CloudLayer<Connection>(this);
    return this.cloudLayer;
  }

  /** Authenticate now (otherwise the first request does); returns the scope. */
  async authorize(signal?: AbortSignal) {
    return this.core.authorize(signal);
  }

  /** Close pooled connections. */
  async close(): Promise<void> {
    await this.core.close();
  }
}
