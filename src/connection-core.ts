/**
 * The part of a connection every service shares: the resolved configuration, the HTTP client,
 * the auth plugin (with its token cache) and the {@link Session}, plus the microversion pins.
 * It imports no service proxy, so a program that needs one service (the `ostack` CLI running
 * one command) can load this and that one proxy, not the seven `Connection` wires in.
 */
import { authFromConfig } from './auth/from-config.js';
import type { AuthPlugin } from './auth/plugin.js';
import { FileTokenStore, type TokenStore } from './auth/token-store.js';
import { loadCloudConfig } from './config/load.js';
import type { CloudConfig, LoadCloudOptions } from './config/types.js';
import { checkConnectionOptions } from './config/validate.js';
import { ConfigError } from './errors/errors.js';
import { processEnv, runtimeTag } from './platform/env.js';
import { SERVICE_SPECS } from './services/service-specs.js';
import type { ServiceSpec } from './session/service-client.js';
import { Session } from './session/session.js';
import {
  type FetchFunction,
  HttpClient,
  type HttpClientOptions,
  type TransportKind,
} from './transport/http-client.js';
import { consoleLogger, type Logger } from './transport/logger.js';
import { configSecrets, Redactor } from './transport/redact.js';
import { VERSION } from './version.js';

/**
 * How to build a `Connection`: which cloud (clouds.yaml name, or `OS_*` variables), overrides, and HTTP behaviour.
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
  /** The `User-Agent` header; default `openstack-sdk-ts/<version> <runtime>/<version>` (browsers send their own). */
  userAgent?: string;
  /**
   * What carries the requests: `'undici'` (the default on Node.js), `'node'` (Node's own
   * `node:http` / `node:https`, Node.js only) or `'fetch'` (the default in browsers, workers,
   * Deno and Bun; on Node it sends through Node's own fetch). See
   * {@link HttpClientOptions.transport} and docs/guides/runtimes.md.
   */
  transport?: TransportKind;
  /** The fetch the `'fetch'` transport calls (default `globalThis.fetch`), e.g. a wrapped or instrumented one. */
  fetch?: FetchFunction;
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
 * Configuration, session and pins of one connection, without its proxies (see the module
 * comment). Built exactly as a `Connection` is, and fails where it fails: a bad option or a
 * bad pin of any microversioned service throws at construction.
 */
export class ConnectionCore {
  /** The resolved cloud configuration (secrets included: do not log it). */
  readonly config: CloudConfig;
  /** The session: authentication, the service catalog, and requests to any endpoint. */
  readonly session: Session;
  private readonly pins: Record<string, string>;

  constructor(opts: ConnectionOptions = {}) {
    this.config = loadCloudConfig({ ...opts, options: opts.config });
    checkConnectionOptions(this.config.name, opts);
    // the configuration's secrets are scrubbed by value from every log line and error
    const redactor = new Redactor();
    for (const s of configSecrets(this.config.auth)) redactor.addSecret(s);
    const logger = opts.logger ?? (processEnv().OSSDK_DEBUG ? consoleLogger() : undefined);
    // the caller's HTTP settings (timeoutMs, retry) pass on as given; the cloud's TLS settings join them
    const http = new HttpClient({
      ...opts,
      logger,
      verify: this.config.verify,
      cacert: this.config.cacert,
      cert: this.config.cert,
      key: this.config.key,
      redactor,
      userAgent: opts.userAgent ?? `openstack-sdk-ts/${VERSION} ${runtimeTag()}`,
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
    for (const spec of Object.values(SERVICE_SPECS)) if (spec.microversions) this.pinOf(spec);
  }

  /** The microversion pin of a service: the program's, else clouds.yaml's, else none (the SDK default). */
  pinOf(spec: ServiceSpec): string | undefined {
    return pinFor(spec, this.config, this.pins[spec.serviceType]);
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
