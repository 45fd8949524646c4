/**
 * The shape of one resolved cloud: what clouds.yaml + secure.yaml + OS_* variables +
 * programmatic options merge into. Keys of `auth` stay in the snake_case spelling that
 * every OpenStack tool uses (auth_url, username, project_domain_name, ...), so a
 * clouds.yaml written for `openstack` works unchanged.
 */
export type Interface = 'public' | 'internal' | 'admin';

/** Auth plugin names accepted in `auth_type` (keystoneauth spellings plus aliases). */
export type AuthType =
  | 'password'
  | 'v3password'
  | 'token'
  | 'v3token'
  | 'v3applicationcredential'
  | 'application_credential'
  | 'v2password'
  | 'admin_token'
  | 'none';

/** One cloud's configuration, resolved from clouds.yaml, secure.yaml, `OS_*` variables and options. */
export interface CloudConfig {
  /** Name of the cloud entry (`envvars` when built from OS_* only, `options` when only programmatic). */
  name: string;
  /** The auth plugin, normalised: password/v3password→'password' unless identity v2 is selected. */
  authType: AuthType;
  /** The `auth:` dictionary, snake_case keys, values as strings. */
  auth: Record<string, string>;
  /** The region to use (`region_name`). */
  regionName?: string;
  /** Endpoint interface for catalog lookups; defaults to 'public'. */
  interface: Interface;
  /** `identity_api_version` as written ('3', '2.0'), if given. */
  identityApiVersion?: string;
  /**
   * `<service>_api_version` keys, keyed by service type with `-` (e.g. 'compute': '2.79',
   * 'block-storage': '3', 'image': '2', 'object-store': '1').
   */
  apiVersions: Record<string, string>;
  /** `<service>_endpoint_override` keys, keyed by service type (`compute`, `network`, ...). */
  endpointOverrides: Record<string, string>;
  /** TLS verification (verify: false / OS_INSECURE=true turn it off). */
  verify: boolean;
  /** CA bundle path for TLS verification (`cacert`). */
  cacert?: string;
  /** Client certificate path (`cert`). */
  cert?: string;
  /** Client certificate key path (`key`). */
  key?: string;
  /**
   * Keep the auth state (token and catalog) between processes: openstacksdk's
   * `cache: { auth: true }`, set on the cloud or in the top-level `cache:` section of
   * clouds.yaml (the cloud's setting wins). Default false. `ConnectionOptions.tokenCache`
   * overrides it.
   */
  authCache: boolean;
  /** Every merged key, for anything not modelled above. */
  raw: Record<string, unknown>;
}

/** What the caller passes to select and override a cloud. */
export interface LoadCloudOptions {
  /** Cloud name; defaults to OS_CLOUD, then the only cloud, then env-only config. */
  cloud?: string;
  /**
   * Programmatic overrides, highest precedence. Accepts clouds.yaml keys in snake_case
   * or camelCase (`regionName` == `region_name`, `auth.authUrl` == `auth.auth_url`).
   */
  options?: Record<string, unknown>;
  /** Environment to read OS_* from; defaults to process.env. */
  env?: Record<string, string | undefined>;
  /** Directory used as "current directory" for clouds.yaml lookup; defaults to process.cwd(). */
  cwd?: string;
  /** Home directory; defaults to os.homedir(). */
  home?: string;
  /** Explicit config files (overrides the search); used mostly by tests. */
  configFiles?: string[];
  /** Explicit secure.yaml files (overrides the search). */
  secureFiles?: string[];
  /** Explicit clouds-public.yaml files holding vendor `profile:` entries (overrides the search). */
  vendorFiles?: string[];
  /**
   * System-wide configuration directories searched after the user's ones; defaults to
   * `$XDG_CONFIG_DIRS/openstack` (i.e. `/etc/xdg/openstack`) then `/etc/openstack`.
   * Injectable so tests never touch the real `/etc`.
   */
  systemDirs?: string[];
}
