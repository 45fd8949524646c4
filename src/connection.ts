/**
 * Connection: the entry point. Built from a named cloud in clouds.yaml, from OS_*
 * environment variables, or from options; exposes one proxy per service.
 *
 * Versioning: each unversioned namespace is bound to one major version forever
 * (`conn.compute` is compute v2.x, `conn.blockStorage` is v3.x, ...) and to the microversion
 * pinned by the program or clouds.yaml (`compute_api_version: 2.79`), else the SDK's documented
 * default for that service. The versioned names (`conn.computeV2`) are the same objects.
 */
import { authFromConfig } from './auth/from-config.js';
import type { AuthPlugin } from './auth/plugin.js';
import { FileTokenStore, type TokenStore } from './auth/token-store.js';
import { CloudLayer } from './cloud/cloud-layer.js';
import { loadCloudConfig } from './config/load.js';
import type { CloudConfig, LoadCloudOptions } from './config/types.js';
import { checkConnectionOptions } from './config/validate.js';
import { ConfigError } from './errors/errors.js';
import {
  type BlockStorageV3,
  type ComputeV2,
  type IdentityV3,
  type ImageV2,
  type NetworkV2,
  type ObjectStoreV1,
  type PlacementV1,
  SERVICES,
  type ServiceName,
  type ServiceProxyOf,
} from './services/service-table.js';
import type { ServiceSpec } from './session/service-client.js';
import { Session } from './session/session.js';
import { HttpClient, type HttpClientOptions } from './transport/http-client.js';
import { consoleLogger, type Logger } from './transport/logger.js';
import { configSecrets, Redactor } from './transport/redact.js';
import { VERSION } from './version.js';

/**
 * How to build a {@link Connection}: which cloud (clouds.yaml name, or `OS_*` variables), overrides, and HTTP behaviour.
 */
export interface ConnectionOptions extends Omit<LoadCloudOptions, 'options'> {
  /**
   * clouds.yaml keys (snake_case or camelCase) that override files and environment,
   * e.g. `{ auth: { authUrl, username, password, projectName, userDomainName, projectDomainName }, regionName }`.
   */
  config?: Record<string, unknown>;
  /** Use this auth plugin instead of the one the configuration describes. */
  auth?: AuthPlugin;
  /**
   * Keep the auth state (token, scope, catalog) between processes, overriding the cloud's
   * `cache: { auth: true }`: `true` uses a {@link FileTokenStore} at its default location
   * (`${XDG_CACHE_HOME:-~/.cache}/openstack-sdk/auth/`, directory 0700, files 0600), `false`
   * turns it off, a {@link TokenStore} is used as given. Applies to the plugin built from the
   * configuration, not to an `auth` plugin passed in (attach a store to that one with
   * `useTokenStore`); `admin_token` and `none` never cache.
   */
  tokenCache?: boolean | TokenStore;
  /**
   * Receives request and response logs (secrets redacted); default: silent, or the console when `OSSDK_DEBUG` is set.
   */
  logger?: Logger;
  /**
   * Total deadline of each HTTP attempt in ms: headers and every body the SDK reads into memory
   * (default 120 000; 0 = none); an idle timeout for streamed downloads. Bound a whole call with
   * its `signal` (`AbortSignal.timeout(ms)`). See docs/guides/retries.md.
   */
  timeoutMs?: number;
  /** Retry tuning, see {@link HttpClientOptions.retry}. */
  retry?: HttpClientOptions['retry'];
  /** Microversion pins per service type, overriding clouds.yaml (`{ compute: '2.79' }`). */
  microversions?: Record<string, string>;
  /** The `User-Agent` header; default `openstack-sdk-ts/<version> node/<version>`. */
  userAgent?: string;
}

/** Split `<service>_api_version` into a major check and a microversion pin. */
function pinFor(spec: ServiceSpec, cfg: CloudConfig, explicit?: string): string | undefined {
  const v = explicit ?? cfg.apiVersions[spec.serviceType];
  if (!v) return undefined;
  // 'latest' names no major: it floats within this namespace's major, capped by what the SDK knows
  if (v === 'latest') return spec.microversions ? v : undefined;
  const major = v.replace(/^v/, '').split('.')[0];
  if (major !== spec.major.split('.')[0]) {
    throw new ConfigError(
      `${spec.serviceType} API version "${v}" is not served by this namespace (major ${spec.major})`,
      {
        cloud: cfg.name,
        field: `${spec.serviceType.replace(/-/g, '_')}_api_version`,
        fix: `use ${spec.major}.x here`,
      },
    );
  }
  if (!spec.microversions || !v.includes('.') || v === spec.major) return undefined;
  return v;
}

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
  private readonly pins: Record<string, string>;
  private cloudLayer?: CloudLayer<Connection>;

  constructor(opts: ConnectionOptions = {}) {
    this.config = loadCloudConfig({ ...opts, options: opts.config });
    checkConnectionOptions(this.config.name, opts);
    // the configuration's secrets are scrubbed by value from every log line and error
    const redactor = new Redactor();
    for (const s of configSecrets(this.config.auth)) redactor.addSecret(s);
    const logger = opts.logger ?? (process.env.OSSDK_DEBUG ? consoleLogger() : undefined);
    // the caller's HTTP settings (timeoutMs, retry) pass on as given; the cloud's TLS settings join them
    const http = new HttpClient({
      ...opts,
      logger,
      verify: this.config.verify,
      cacert: this.config.cacert,
      cert: this.config.cert,
      key: this.config.key,
      redactor,
      userAgent: opts.userAgent ?? `openstack-sdk-ts/${VERSION} node/${process.versions.node}`,
    });
    const tokenCache = opts.tokenCache ?? this.config.authCache;
    const tokenStore =
      tokenCache === true ? new FileTokenStore() : tokenCache === false ? undefined : tokenCache;
    this.session = new Session({
      auth: opts.auth ?? authFromConfig(this.config, { tokenStore }),
      http,
      regionName: this.config.regionName,
      interface: this.config.interface,
      endpointOverrides: this.config.endpointOverrides,
    });
    this.pins = opts.microversions ?? {};
    // fail at construction, not at first use, on a bad pin
    for (const { spec } of Object.values(SERVICES)) if (spec.microversions) this.pinOf(spec);
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
      p = new proxy(this.session, { microversion: this.pinOf(spec) }) as ServiceProxyOf<K>;
      this.proxies.set(name, p);
    }
    return p;
  }

  private pinOf(spec: ServiceSpec): string | undefined {
    return pinFor(spec, this.config, this.pins[spec.serviceType]);
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
    return this.session.getAccess(signal);
  }

  /** Close pooled connections. */
  async close(): Promise<void> {
    await this.session.http.close();
  }
}
