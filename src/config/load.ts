/**
 * Resolve one cloud's configuration the way openstacksdk / os-client-config do.
 *
 * Precedence, lowest to highest:
 *   defaults < vendor profile (clouds-public.yaml only) < the cloud's entry
 *   (clouds.yaml deep-merged with the same cloud in secure.yaml, secure wins)
 *   < the selected region's `values` < programmatic `options`.
 *
 * The cloud is chosen by: the `cloud` argument, `options.cloud`, `OS_CLOUD`, then the
 * `envvars` cloud built from OS_* variables (when any are set), then the only cloud of
 * clouds.yaml. With several clouds and nothing chosen it is an error (unless the options
 * carry a complete auth themselves). OS_* values are the envvars cloud: they are not merged
 * into a named cloud — openstacksdk does not merge them either.
 *
 * Everything is validated here, before any request is made; failures are ConfigErrors
 * naming the cloud, the field and the fix, and never quoting secret values.
 */
import { ConfigError } from '../errors/errors.js';
import { processEnv } from '../platform/env.js';
import { isAbsolutePath as isAbsolute, resolvePath as resolve } from '../platform/path.js';
import { readTlsFile } from '../transport/tls.js';
import { envCloudFromEnv, envCloudName } from './env.js';
import { cloudsOf, readConfigFile } from './files.js';
import {
  type ConfigSearchContext,
  cloudsFileCandidates,
  configSearchContext,
  configSearchDirs,
  expandConfigPath,
  findFirstConfigFile,
  secureFileCandidates,
  vendorFileCandidates,
} from './locations.js';
import {
  type ConfigDict,
  canonicalizeConfigLayer,
  cloneConfig,
  isConfigDict,
  mergeConfig,
  normalizeConfigKeys,
} from './normalize.js';
import { extractServiceSettings } from './services.js';
import type { AuthType, CloudConfig, Interface, LoadCloudOptions } from './types.js';
import { checkAuthLayer, checkConfigTypes, checkHttpUrl, describeConfigValue } from './validate.js';

/** openstacksdk's defaults.json / defaults.py, minus auth_type (defaulted after inference). */
export const CONFIG_DEFAULTS: Readonly<ConfigDict> = Object.freeze({
  interface: 'public',
  verify: true,
  network_api_version: '2',
  object_store_api_version: '1',
  image_api_use_tasks: false,
  image_format: 'qcow2',
  floating_ip_source: 'neutron',
  secgroup_source: 'neutron',
  baremetal_status_code_retries: '5',
  baremetal_introspection_status_code_retries: '5',
  image_status_code_retries: '5',
  disable_vendor_agent: {},
});

/** The auth_type spellings accepted, and what each normalises to. */
export const AUTH_TYPE_ALIASES: Readonly<Record<string, AuthType>> = {
  password: 'password',
  v3password: 'password',
  v2password: 'v2password',
  token: 'token',
  v3token: 'token',
  v3applicationcredential: 'v3applicationcredential',
  application_credential: 'v3applicationcredential',
  admin_token: 'admin_token',
  token_endpoint: 'admin_token',
  none: 'none',
  None: 'none',
};

/** Auth types that talk to Keystone (and so need auth_url). */
const KEYSTONE_AUTH_TYPES: ReadonlySet<AuthType> = new Set([
  'password',
  'v2password',
  'token',
  'v3applicationcredential',
]);

const INTERFACES: readonly Interface[] = ['public', 'internal', 'admin'];

/** The clouds.yaml + secure.yaml found by the search, merged. */
export interface LoadedConfigFiles {
  /** The clouds.yaml (or .yml/.json) used, if any. */
  configFile?: string;
  /** The secure.yaml used, if any. */
  secureFile?: string;
  /** Every clouds file candidate, in search order (for messages). */
  searched: string[];
  /** clouds.yaml's `clouds:` deep-merged with secure.yaml's (secure wins). Keys as written. */
  clouds: Record<string, unknown>;
  /** The top-level `cache:` section (clouds.yaml merged with secure.yaml), keys normalised; empty when absent. */
  cache: Record<string, unknown>;
}

/** The top-level `cache:` mapping of a document, keys normalised (`-` → `_`). */
function cacheOf(doc: { data: Record<string, unknown> } | undefined): ConfigDict {
  const c = doc?.data.cache;
  return isConfigDict(c) ? normalizeConfigKeys(c) : {};
}

/** Find, read and merge clouds.yaml and secure.yaml. */
export function loadConfigFiles(opts: LoadCloudOptions = {}): LoadedConfigFiles {
  const ctx = configSearchContext(opts);
  const searched = cloudsFileCandidates(ctx, opts.configFiles);
  const configFile = findFirstConfigFile(searched);
  const secureFile = findFirstConfigFile(secureFileCandidates(ctx, opts.secureFiles));
  const config = configFile ? readConfigFile(configFile) : undefined;
  const secure = secureFile ? readConfigFile(secureFile) : undefined;
  const clouds = mergeConfig(cloudsOf(config), cloudsOf(secure));
  const cache = mergeConfig(cacheOf(config), cacheOf(secure));
  return { configFile, secureFile, searched, clouds, cache };
}

/** Every cloud name available: clouds.yaml/secure.yaml entries, then the envvars cloud if OS_* are set. */
export function listCloudNames(opts: LoadCloudOptions = {}): string[] {
  const env = opts.env ?? processEnv();
  const files = loadConfigFiles(opts);
  const names = Object.keys(files.clouds);
  const envName = envCloudName(env);
  if (envCloudFromEnv(env)) {
    checkEnvNameClash(envName, files);
    names.push(envName);
  }
  return names;
}

function checkEnvNameClash(envName: string, files: LoadedConfigFiles): void {
  if (Object.hasOwn(files.clouds, envName)) {
    throw new ConfigError(
      `${files.configFile ?? files.secureFile} defines a cloud named "${envName}", which is also the name of the cloud built from OS_* environment variables`,
      {
        cloud: envName,
        fix: `rename that cloud in ${files.configFile ?? files.secureFile}, or set OS_CLOUD_NAME to another name for the environment cloud`,
      },
    );
  }
}

function asString(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return undefined;
}

function nonEmptyString(v: unknown): string | undefined {
  const s = asString(v);
  return s !== undefined && s !== '' ? s : undefined;
}

function searchedDirsText(ctx: ConfigSearchContext): string {
  return configSearchDirs(ctx).join(', ');
}

interface Selection {
  name: string;
  /** The cloud's canonicalised entry (file or env). */
  entry: ConfigDict;
  /** The raw entry's profile name, if it names one. */
  profile?: string;
  source: 'file' | 'env' | 'options';
}

function selectCloud(
  opts: LoadCloudOptions,
  ctx: ConfigSearchContext,
  files: LoadedConfigFiles,
  options: ConfigDict,
): Selection {
  const env = ctx.env;
  const envName = envCloudName(env);
  const envRaw = envCloudFromEnv(env);
  if (envRaw) checkEnvNameClash(envName, files);
  const optCloud = nonEmptyString(options.cloud);
  const requested = nonEmptyString(opts.cloud) ?? optCloud ?? nonEmptyString(env.OS_CLOUD);
  const fileNames = Object.keys(files.clouds);
  const available = [...fileNames, ...(envRaw ? [envName] : [])];

  const fromFile = (name: string): Selection => {
    const raw = files.clouds[name];
    if (raw !== null && raw !== undefined && !isConfigDict(raw)) {
      throw new ConfigError(`the entry of cloud "${name}" is not a mapping of settings`, {
        cloud: name,
        field: `clouds.${name}`,
        fix: `write clouds.${name} in ${files.configFile ?? files.secureFile} as a mapping (auth:, region_name:, ...)`,
      });
    }
    const normalized = normalizeConfigKeys(raw ?? {});
    checkAuthLayer(name, normalized);
    const profile = nonEmptyString(normalized.profile) ?? nonEmptyString(normalized.cloud);
    delete normalized.profile;
    delete normalized.cloud;
    return { name, entry: canonicalizeConfigLayer(normalized), profile, source: 'file' };
  };
  const fromEnv = (): Selection => ({
    name: envName,
    entry: canonicalizeConfigLayer(normalizeConfigKeys(envRaw ?? {})),
    source: 'env',
  });

  if (requested !== undefined) {
    if (Object.hasOwn(files.clouds, requested)) return fromFile(requested);
    if (envRaw && requested === envName) return fromEnv();
    const via =
      opts.cloud !== undefined ? 'the cloud option' : optCloud !== undefined ? 'options.cloud' : 'OS_CLOUD';
    const where = files.configFile
      ? `${files.configFile}${files.secureFile ? ` (and ${files.secureFile})` : ''}`
      : `no clouds.yaml was found (searched: ${files.searched.join(', ')})`;
    throw new ConfigError(
      `cloud "${requested}" (from ${via}) was not found; available clouds: ${
        available.length ? available.join(', ') : '(none)'
      }; configuration file: ${where}`,
      {
        cloud: requested,
        field: 'cloud',
        fix: available.length
          ? `use one of: ${available.join(', ')}, or add "${requested}" under clouds: in ${files.configFile ?? 'clouds.yaml'}`
          : `create clouds.yaml with a "${requested}" entry in one of: ${searchedDirsText(ctx)}`,
      },
    );
  }
  if (envRaw) return fromEnv();
  if (fileNames.length === 1) return fromFile(fileNames[0]!);
  if (fileNames.length === 0) return { name: 'options', entry: {}, source: 'options' };
  const optAuth = isConfigDict(options.auth) ? options.auth : {};
  if (nonEmptyString(optAuth.auth_url) ?? nonEmptyString(options.auth_url)) {
    // Everything needed was passed programmatically; build the cloud from the options alone.
    return { name: 'options', entry: {}, source: 'options' };
  }
  throw new ConfigError(
    `no cloud selected and ${files.configFile} defines ${fileNames.length} clouds: ${fileNames.join(', ')}`,
    {
      field: 'cloud',
      fix: `pass { cloud: '<name>' } or set OS_CLOUD to one of: ${fileNames.join(', ')}`,
    },
  );
}

function profileLayer(
  sel: Selection,
  ctx: ConfigSearchContext,
  opts: LoadCloudOptions,
  envName: string,
): ConfigDict {
  const profile = sel.profile;
  if (!profile || profile === envName) return {};
  const vendorFile = findFirstConfigFile(vendorFileCandidates(ctx, opts.vendorFiles));
  if (vendorFile) {
    const doc = readConfigFile(vendorFile);
    const publicClouds = doc.data['public-clouds'] ?? doc.data.public_clouds;
    if (isConfigDict(publicClouds) && isConfigDict(publicClouds[profile])) {
      const vendor = normalizeConfigKeys(publicClouds[profile]);
      delete vendor.profile;
      return canonicalizeConfigLayer(vendor);
    }
  }
  throw new ConfigError(
    `uses the vendor profile "${profile}", and vendor profiles are not bundled with this SDK (none is downloaded)`,
    {
      cloud: sel.name,
      field: 'profile',
      fix: `copy the vendor's settings (auth.auth_url, region_name, identity_api_version, ...) into cloud "${sel.name}" and remove "profile:", or define "${profile}" under "public-clouds:" in a clouds-public.yaml next to clouds.yaml`,
    },
  );
}

interface RegionChoice {
  name: string;
  values: ConfigDict;
}

function knownRegions(config: ConfigDict, cloud: string): RegionChoice[] {
  if (config.regions !== undefined && config.regions !== null) {
    if (!Array.isArray(config.regions)) {
      throw new ConfigError('"regions" must be a list of region names or {name, values} entries', {
        cloud,
        field: 'regions',
        fix: 'write regions: as a YAML list, e.g. "regions: [RegionOne, RegionTwo]"',
      });
    }
    return config.regions.map((r) => {
      const name = asString(r);
      if (name !== undefined) return { name, values: {} };
      if (isConfigDict(r)) {
        const rname = asString(r.name);
        const extra = Object.keys(r).filter((k) => k !== 'name' && k !== 'values');
        if (rname !== undefined && extra.length === 0 && (r.values === undefined || isConfigDict(r.values))) {
          return {
            name: rname,
            values: canonicalizeConfigLayer(normalizeConfigKeys((r.values as ConfigDict) ?? {})),
          };
        }
      }
      throw new ConfigError('invalid entry in "regions": each entry is a name or {name, values}', {
        cloud,
        field: 'regions',
        fix: 'give every region entry a "name" and put its settings under "values"',
      });
    });
  }
  if (typeof config.region_name === 'string' && config.region_name !== '') {
    return config.region_name.split(',').map((n) => ({ name: n.trim(), values: {} }));
  }
  if (Array.isArray(config.region_name)) {
    return config.region_name.map((n) => ({ name: String(n), values: {} }));
  }
  return [];
}

function selectRegion(
  base: ConfigDict,
  requested: string | undefined,
  cloud: string,
): RegionChoice | undefined {
  const regions = knownRegions(base, cloud);
  if (regions.length === 0) return requested ? { name: requested, values: {} } : undefined;
  if (!requested) return regions[0];
  const found = regions.find((r) => r.name === requested);
  if (found) return found;
  const names = regions.map((r) => r.name).join(', ');
  throw new ConfigError(`region "${requested}" is not a region of this cloud (regions: ${names})`, {
    cloud,
    field: 'region_name',
    fix: `use one of: ${names} (region names are case sensitive), or add "${requested}" to the cloud's regions list`,
  });
}

function resolveAuthType(config: ConfigDict, auth: ConfigDict, cloud: string): AuthType {
  const given = nonEmptyString(config.auth_type);
  let type: AuthType;
  if (given === undefined) {
    if (nonEmptyString(auth.application_credential_secret) !== undefined) type = 'v3applicationcredential';
    else if (nonEmptyString(auth.token) !== undefined && nonEmptyString(auth.password) === undefined)
      type = 'token';
    else type = 'password';
  } else {
    const t = AUTH_TYPE_ALIASES[given] ?? AUTH_TYPE_ALIASES[given.toLowerCase()];
    if (!t) {
      const accepted = Object.keys(AUTH_TYPE_ALIASES).filter((k) => k !== 'None');
      throw new ConfigError(`unknown auth_type ${describeConfigValue('auth_type', given)}`, {
        cloud,
        field: 'auth_type',
        fix: `set auth_type to one of: ${accepted.join(', ')}`,
      });
    }
    type = t;
  }
  const identity = nonEmptyString(config.identity_api_version);
  if (type === 'password' && identity !== undefined && /^2(\.0)?$/.test(identity)) type = 'v2password';
  return type;
}

/** project_* ↔ tenant_* as openstacksdk's _fix_backwards_auth does: tenant names for v2password only. */
function fixTenantKeys(auth: ConfigDict, authType: AuthType): void {
  const pairs: Array<[string, string]> = [
    ['project_id', 'tenant_id'],
    ['project_name', 'tenant_name'],
  ];
  for (const [project, tenant] of pairs) {
    if (authType === 'v2password') {
      if (auth[project] !== undefined) auth[tenant] = auth[project];
      delete auth[project];
    } else {
      if (auth[project] === undefined && auth[tenant] !== undefined) auth[project] = auth[tenant];
      delete auth[tenant];
    }
  }
}

/** domain_id / domain_name: defaults for user and project domains when project-scoped (openstacksdk's _handle_domain_id). */
function fixDomainKeys(auth: ConfigDict): void {
  const projectScoped = auth.project_id !== undefined || auth.project_name !== undefined;
  if (!projectScoped) return;
  const mappings: Array<[string, string, string]> = [
    ['domain_id', 'user_domain_id', 'project_domain_id'],
    ['domain_name', 'user_domain_name', 'project_domain_name'],
  ];
  for (const [target, user, project] of mappings) {
    if (auth[target] !== undefined) {
      auth[user] ??= auth[target];
      auth[project] ??= auth[target];
    }
    delete auth[target];
  }
}

/** Numbers become strings (openstacksdk's normalize_keys), except api_timeout / verbose_level. */
function convertValueTypes(obj: ConfigDict): ConfigDict {
  const out: ConfigDict = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'api_timeout' || k === 'verbose_level') {
      const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
      out[k] = typeof n === 'number' && Number.isFinite(n) ? n : v;
    } else if (typeof v === 'number' || typeof v === 'bigint') out[k] = String(v);
    else if (isConfigDict(v)) out[k] = convertValueTypes(v);
    else out[k] = v;
  }
  return out;
}

function stringifyAuth(auth: ConfigDict): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(auth)) {
    if (Array.isArray(v)) out[k] = v.map(String).join(',');
    else {
      const s = asString(v);
      if (s !== undefined) out[k] = s;
    }
  }
  return out;
}

function normalizeInterface(v: string): string {
  return v.replace(/URL$/, '').toLowerCase();
}

function parseBool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    const l = v.trim().toLowerCase();
    if (l === 'true') return true;
    if (l === 'false') return false;
  }
  return undefined;
}

/** `cache.auth`: PyYAML booleans (strings here, as the loader keeps scalars under `auth` as written). */
function cacheAuthSetting(cache: unknown, cloud: string, where: string): boolean | undefined {
  if (!isConfigDict(cache) || cache.auth === undefined || cache.auth === null) return undefined;
  const v = cache.auth;
  if (typeof v === 'boolean') return v;
  const l = typeof v === 'string' ? v.trim().toLowerCase() : undefined;
  if (l !== undefined && ['true', 'yes', 'on', '1'].includes(l)) return true;
  if (l !== undefined && ['false', 'no', 'off', '0'].includes(l)) return false;
  throw new ConfigError(`${where} must be true or false`, {
    cloud,
    field: where,
    fix: `set ${where} to true or false`,
  });
}

/** The YAML 1.1 / environment spellings of a boolean (OS_INSECURE=1, insecure: yes). */
function yesNo(v: unknown): boolean | undefined {
  const l = typeof v === 'string' ? v.trim().toLowerCase() : undefined;
  if (l !== undefined && ['1', 'yes', 'on'].includes(l)) return true;
  if (l !== undefined && ['0', 'no', 'off'].includes(l)) return false;
  return undefined;
}

function identityApiVersionOf(config: ConfigDict): string | undefined {
  return nonEmptyString(config.identity_api_version);
}

/** auth_url, endpoint and every endpoint override parse as http(s) URLs. */
function checkUrls(
  cloud: string,
  auth: Record<string, string>,
  config: ConfigDict,
  overrides: Record<string, string>,
): void {
  if (auth.auth_url)
    checkHttpUrl(cloud, 'auth.auth_url', auth.auth_url, 'https://keystone.example.com:5000/v3');
  if (auth.endpoint) checkHttpUrl(cloud, 'endpoint', auth.endpoint, 'https://service.example.com:6385');
  const endpoint = nonEmptyString(config.endpoint);
  if (endpoint) checkHttpUrl(cloud, 'endpoint', endpoint, 'https://service.example.com:6385');
  for (const [type, url] of Object.entries(overrides)) {
    // name the key as written (the suffix may have been _endpoint or _endpoint_override, the prefix an alias)
    const written =
      Object.keys(config).find(
        (k) => (k.endsWith('_endpoint_override') || k.endsWith('_endpoint')) && config[k] === url,
      ) ?? `${type.replace(/-/g, '_')}_endpoint_override`;
    checkHttpUrl(cloud, written, url, `https://${type}.example.com/`);
  }
}

/** identity_api_version and <service>_api_version look like versions ('3', '2.0', 'v2.1', '2.79', 'latest'). */
function checkVersions(
  cloud: string,
  identity: string | undefined,
  apiVersions: Record<string, string>,
): void {
  const ok = (v: string) => /^v?\d+(\.\d+)*$/i.test(v) || v === 'latest';
  const fail = (field: string, v: string): never => {
    throw new ConfigError(`${field} is not an API version: ${describeConfigValue(field, v)}`, {
      cloud,
      field,
      fix: `set ${field} to a version number such as "${field === 'identity_api_version' ? '3' : '2.1'}"`,
    });
  };
  if (identity !== undefined && !ok(identity)) fail('identity_api_version', identity);
  for (const [type, v] of Object.entries(apiVersions))
    if (!ok(v)) fail(`${type.replace(/-/g, '_')}_api_version`, v);
}

/** Where to set a missing field, worded for where this cloud came from. */
interface FixContext {
  cloud: string;
  source: Selection['source'];
  configFile?: string;
  ctx: ConfigSearchContext;
}

const ENV_NAMES: Record<string, string> = {
  auth_url: 'OS_AUTH_URL',
  username: 'OS_USERNAME',
  password: 'OS_PASSWORD',
  token: 'OS_TOKEN',
  application_credential_secret: 'OS_APPLICATION_CREDENTIAL_SECRET',
  application_credential_id: 'OS_APPLICATION_CREDENTIAL_ID',
  endpoint: 'OS_ENDPOINT',
};

function howToSet(f: FixContext, field: string, example?: string): string {
  const key = field.replace(/^auth\./, '');
  const envVar = ENV_NAMES[key];
  const ex = example ? ` (e.g. ${example})` : '';
  const opt = `options.${field}`;
  if (f.source === 'env') {
    return `set ${envVar ?? `OS_${key.toUpperCase()}`}${ex}, or pass ${opt}, or set OS_CLOUD to a cloud of clouds.yaml`;
  }
  if (f.source === 'file') {
    const secret = key === 'password' || key.endsWith('secret') || key === 'token';
    return `set ${field}${ex} for cloud "${f.cloud}" in ${f.configFile ?? 'clouds.yaml'}${
      secret ? ' or in secure.yaml' : ''
    }, or pass ${opt}`;
  }
  return `pass ${opt}${ex}, set ${envVar ?? `OS_${key.toUpperCase()}`}, or create clouds.yaml in one of: ${searchedDirsText(
    f.ctx,
  )}`;
}

function validateAuth(
  authType: AuthType,
  auth: Record<string, string>,
  endpointOverrides: object,
  f: FixContext,
) {
  const cloud = f.cloud;
  const has = (k: string) => auth[k] !== undefined && auth[k] !== '';
  const fail = (field: string, message: string, fix: string): never => {
    throw new ConfigError(message, { cloud, field, fix });
  };
  if (KEYSTONE_AUTH_TYPES.has(authType) && !has('auth_url')) {
    fail(
      'auth.auth_url',
      `auth_type "${authType}" needs the Keystone URL and auth.auth_url is not set`,
      howToSet(f, 'auth.auth_url', 'https://keystone.example.com:5000/v3'),
    );
  }
  switch (authType) {
    case 'password':
    case 'v2password':
      if (!has('username') && !has('user_id')) {
        fail(
          'auth.username',
          `auth_type "${authType}" needs a user and neither auth.username nor auth.user_id is set`,
          howToSet(f, 'auth.username'),
        );
      }
      if (!has('password')) {
        fail(
          'auth.password',
          `auth_type "${authType}" needs a password and auth.password is not set`,
          howToSet(f, 'auth.password'),
        );
      }
      break;
    case 'token':
      if (!has('token')) {
        fail('auth.token', 'auth_type "token" needs auth.token, which is not set', howToSet(f, 'auth.token'));
      }
      break;
    case 'v3applicationcredential':
      if (!has('application_credential_secret')) {
        fail(
          'auth.application_credential_secret',
          'application credential auth needs auth.application_credential_secret, which is not set',
          howToSet(f, 'auth.application_credential_secret'),
        );
      }
      if (!has('application_credential_id') && !has('application_credential_name')) {
        fail(
          'auth.application_credential_id',
          'application credential auth needs auth.application_credential_id (or its name plus the user)',
          howToSet(f, 'auth.application_credential_id'),
        );
      }
      if (!has('application_credential_id') && !has('username') && !has('user_id')) {
        fail(
          'auth.username',
          'an application credential given by name (auth.application_credential_name) needs its owner: auth.username or auth.user_id is not set',
          `set auth.username (with auth.user_domain_name) or auth.user_id for cloud "${cloud}", or use auth.application_credential_id instead of the name`,
        );
      }
      break;
    case 'admin_token':
    case 'none':
      if (authType === 'admin_token' && !has('token')) {
        fail(
          'auth.token',
          'auth_type "admin_token" needs auth.token, which is not set',
          howToSet(f, 'auth.token'),
        );
      }
      if (!has('endpoint') && Object.keys(endpointOverrides).length === 0) {
        fail(
          'endpoint',
          `auth_type "${authType}" has no service catalog, so an endpoint is required and none is set`,
          `set endpoint (OS_ENDPOINT) or a <service>_endpoint_override (e.g. baremetal_endpoint_override: http://ironic:6385) for cloud "${cloud}"`,
        );
      }
      break;
  }
}

/**
 * Resolve the configuration of one cloud: select it, merge defaults / profile / clouds.yaml
 * / secure.yaml / region values / options, normalise, and validate.
 */
export function loadCloudConfig(opts: LoadCloudOptions = {}): CloudConfig {
  const ctx = configSearchContext(opts);
  const files = loadConfigFiles(opts);
  const optionsRaw = normalizeConfigKeys(opts.options ?? {}, { camelCase: true, stripOsPrefix: true });
  const options = canonicalizeConfigLayer(optionsRaw);
  const sel = selectCloud(opts, ctx, files, options);
  const cloud = sel.name;
  checkAuthLayer(cloud, optionsRaw);
  const optProfile = nonEmptyString(options.profile);
  if (optProfile) sel.profile = optProfile;
  delete options.cloud;
  delete options.profile;

  // defaults < vendor profile < the cloud's entry (clouds.yaml + secure.yaml, or the env)
  let config = mergeConfig(
    cloneConfig(CONFIG_DEFAULTS) as ConfigDict,
    profileLayer(sel, ctx, opts, envCloudName(ctx.env)),
  );
  config = mergeConfig(config, sel.entry);
  // < the region's values < options
  const region = selectRegion(config, nonEmptyString(options.region_name), cloud);
  delete config.regions;
  if (region) config = mergeConfig(config, region.values);
  config = mergeConfig(config, options);
  delete config.regions;
  // types first: a mapping where a name belongs must not vanish in the conversions below
  checkConfigTypes(cloud, config);
  if (region) config.region_name = region.name;
  config = convertValueTypes(config);

  const authDict: ConfigDict = isConfigDict(config.auth) ? config.auth : {};
  const authType = resolveAuthType(config, authDict, cloud);
  config.auth_type = authType;
  fixTenantKeys(authDict, authType);
  fixDomainKeys(authDict);
  if (authType !== 'admin_token' && authType !== 'none' && authDict.endpoint !== undefined) {
    // `endpoint` is an option of the admin_token / none plugins only.
    config.endpoint ??= authDict.endpoint;
    delete authDict.endpoint;
  }
  config.auth = authDict;
  const auth = stringifyAuth(authDict);

  // interface, also per service (<service>_interface); publicURL → public
  for (const k of Object.keys(config)) {
    if ((k === 'interface' || k.endsWith('_interface')) && typeof config[k] === 'string') {
      config[k] = normalizeInterface(config[k] as string);
    }
  }
  const iface = asString(config.interface) ?? 'public';
  if (!(INTERFACES as readonly string[]).includes(iface)) {
    throw new ConfigError(
      `interface ${describeConfigValue('interface', iface)} is not one of ${INTERFACES.join(', ')}`,
      {
        cloud,
        field: 'interface',
        fix: `set interface (or OS_INTERFACE) to one of: ${INTERFACES.join(', ')}`,
      },
    );
  }

  // verify / insecure (insecure wins, as in openstacksdk's get_requests_verify_args)
  let verify = true;
  if (config.verify !== undefined) {
    const b = parseBool(config.verify);
    if (b === undefined) {
      throw new ConfigError(
        `verify must be true or false, got ${describeConfigValue('verify', config.verify)}`,
        {
          cloud,
          field: 'verify',
          fix: 'set verify: true or verify: false, and give a CA bundle path as cacert: instead',
        },
      );
    }
    verify = b;
  }
  if (config.insecure !== undefined && config.insecure !== '') {
    const insecure = parseBool(config.insecure) ?? yesNo(config.insecure);
    if (insecure === undefined) {
      throw new ConfigError(
        `insecure must be true or false, got ${describeConfigValue('insecure', config.insecure)}`,
        { cloud, field: 'insecure', fix: 'set insecure (or OS_INSECURE) to true or false' },
      );
    }
    if (insecure) verify = false;
  }
  config.verify = verify;

  const pathOf = (k: 'cacert' | 'cert' | 'key'): string | undefined => {
    const v = nonEmptyString(config[k]);
    if (v === undefined) return undefined;
    const p = expandConfigPath(v, ctx.home);
    const abs = isAbsolute(p) ? p : resolve(ctx.cwd, p);
    config[k] = abs;
    return abs;
  };
  const cacert = pathOf('cacert');
  const cert = pathOf('cert');
  const keyPath = pathOf('key');
  // read now, so a missing or unreadable file is a ConfigError here and not an ENOENT later;
  // the CA bundle is not used (nor checked) when verification is off, as in openstacksdk
  if (cacert !== undefined && verify) readTlsFile(cloud, 'cacert', cacert);
  let key = keyPath;
  if (cert !== undefined) {
    const pem = readTlsFile(cloud, 'cert', cert);
    // keystoneauth accepts one file holding both the certificate and its key
    if (key === undefined && /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(pem.toString('latin1'))) key = cert;
    if (key === undefined) {
      throw new ConfigError(`the client certificate ${cert} was given without its private key`, {
        cloud,
        field: 'key',
        fix: 'set key (or OS_KEY) to the PEM file of the private key, or put the key into the cert file',
      });
    }
  }
  if (key !== undefined) {
    if (cert === undefined) {
      throw new ConfigError('a client key was given without its certificate', {
        cloud,
        field: 'cert',
        fix: 'set cert (or OS_CERT) to the PEM file of the client certificate, or remove key',
      });
    }
    readTlsFile(cloud, 'key', key);
  }

  const { apiVersions, endpointOverrides } = extractServiceSettings(config);
  const fixCtx: FixContext = { cloud, source: sel.source, configFile: files.configFile, ctx };
  validateAuth(authType, auth, endpointOverrides, fixCtx);
  checkUrls(cloud, auth, config, endpointOverrides);
  checkVersions(cloud, identityApiVersionOf(config), apiVersions);
  if (config.api_timeout !== undefined) {
    const t = config.api_timeout;
    if (typeof t !== 'number' || !(t > 0)) {
      throw new ConfigError(
        `api_timeout must be a positive number of seconds, got ${describeConfigValue('api_timeout', t)}`,
        {
          cloud,
          field: 'api_timeout',
          fix: 'set api_timeout to a number of seconds, e.g. api_timeout: 60',
        },
      );
    }
  }

  // cache.auth: the cloud's (or the options') setting, else the top-level cache: section
  const authCache =
    cacheAuthSetting(config.cache, cloud, 'cache.auth') ??
    cacheAuthSetting(files.cache, cloud, 'cache.auth (top-level cache: section)') ??
    false;

  const identityApiVersion = nonEmptyString(config.identity_api_version);
  const regionName = nonEmptyString(config.region_name);
  const result: CloudConfig = {
    name: cloud,
    authType,
    auth,
    interface: iface as Interface,
    apiVersions,
    endpointOverrides,
    verify,
    authCache,
    raw: config,
  };
  if (regionName !== undefined) result.regionName = regionName;
  if (identityApiVersion !== undefined) result.identityApiVersion = identityApiVersion;
  if (cacert !== undefined) result.cacert = cacert;
  if (cert !== undefined) result.cert = cert;
  if (key !== undefined) result.key = key;
  return result;
}
