/**
 * Key normalisation and merging of configuration layers, following openstacksdk:
 * `-` in keys becomes `_` (`_util.normalize_keys`), nested dicts merge key by key
 * (`_util.merge_clouds`), and auth settings written at the top level of a cloud move into
 * `auth` (`_fix_backwards_auth` / `_validate_auth`). Programmatic options additionally
 * accept camelCase keys and an `os_` prefix (`_fix_args`).
 */

/** A configuration dictionary. */
export type ConfigDict = Record<string, unknown>;

/** Whether a value is a plain object (a YAML mapping), not an array, null or a class instance. */
export function isConfigDict(v: unknown): v is ConfigDict {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** `regionName` → `region_name`, `authURL` → `auth_url`; snake_case is unchanged. */
export function camelToSnakeKey(key: string): string {
  return key
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/** How config keys are normalised to clouds.yaml's snake_case. */
export interface NormalizeConfigKeyOptions {
  /** Convert camelCase keys to snake_case (programmatic options only). */
  camelCase?: boolean;
  /** Strip an `os_` prefix, letting it win over the plain key (programmatic options only). */
  stripOsPrefix?: boolean;
}

function normalizeKey(key: string, o: NormalizeConfigKeyOptions): string {
  let k = key.replace(/-/g, '_');
  if (o.camelCase) k = camelToSnakeKey(k);
  return k;
}

/**
 * Recursively normalise the keys (never the values) of plain objects: `-`→`_`, plus
 * camelCase→snake_case and `os_` stripping when asked. Arrays are copied, and plain
 * objects inside them normalised too.
 */
export function normalizeConfigKeys(obj: ConfigDict, o: NormalizeConfigKeyOptions = {}): ConfigDict {
  const plain: ConfigDict = {};
  const prefixed: ConfigDict = {};
  for (const [rawKey, value] of Object.entries(obj)) {
    let key = normalizeKey(rawKey, o);
    let target = plain;
    if (o.stripOsPrefix && key.startsWith('os_') && key.length > 3) {
      key = key.slice(3);
      target = prefixed;
    }
    target[key] = normalizeValue(value, o);
  }
  return { ...plain, ...prefixed };
}

function normalizeValue(v: unknown, o: NormalizeConfigKeyOptions): unknown {
  if (isConfigDict(v)) return normalizeConfigKeys(v, o);
  if (Array.isArray(v)) return v.map((x) => normalizeValue(x, o));
  return v;
}

/** Deep copy of plain data. */
export function cloneConfig<T>(v: T): T {
  if (Array.isArray(v)) return v.map(cloneConfig) as T;
  if (isConfigDict(v)) {
    const out: ConfigDict = {};
    for (const [k, x] of Object.entries(v)) out[k] = cloneConfig(x);
    return out as T;
  }
  return v;
}

/**
 * Merge `over` onto `base` (neither is modified): plain objects merge recursively, any other
 * value replaces. `undefined` and `null` in `over` mean "not set" and never erase.
 */
export function mergeConfig(base: ConfigDict, over: ConfigDict): ConfigDict {
  const out = cloneConfig(base);
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined || v === null) continue;
    const cur = out[k];
    out[k] = isConfigDict(v) && isConfigDict(cur) ? mergeConfig(cur, v) : cloneConfig(v);
  }
  return out;
}

/**
 * Auth settings that may be written at the top level of a cloud and belong in `auth`:
 * the options of keystoneauth's password, token, v3applicationcredential, v2password,
 * admin_token and none plugins, plus the legacy spellings openstacksdk maps.
 */
export const AUTH_CONFIG_KEYS: ReadonlySet<string> = new Set([
  'auth_url',
  'username',
  'user_id',
  'password',
  'passcode',
  'project_name',
  'project_id',
  'tenant_name',
  'tenant_id',
  'project_domain_name',
  'project_domain_id',
  'user_domain_name',
  'user_domain_id',
  'domain_name',
  'domain_id',
  'default_domain_name',
  'default_domain_id',
  'trust_id',
  'system_scope',
  'token',
  'auth_token',
  'application_credential_id',
  'application_credential_name',
  'application_credential_secret',
  'endpoint',
]);

/**
 * Keys for which openstacksdk prefers the top-level value over the one in `auth`
 * (`_fix_backwards_auth`, story 2010784); for the other auth keys `auth` wins
 * (`_validate_auth`).
 */
const TOP_LEVEL_WINS: ReadonlySet<string> = new Set([
  'domain_id',
  'domain_name',
  'user_domain_id',
  'user_domain_name',
  'project_domain_id',
  'project_domain_name',
  'token',
  'auth_token',
  'passcode',
  'project_id',
  'project_name',
  'tenant_id',
  'tenant_name',
]);

/**
 * Bring one layer (a clouds.yaml entry, the env cloud, the options) into canonical form:
 * auth keys moved into `auth`, `auth_token`→`token`, `auth_plugin`→`auth_type`,
 * `*endpoint_type`→`*interface`. Keys must already be normalised.
 */
export function canonicalizeConfigLayer(layer: ConfigDict): ConfigDict {
  const out: ConfigDict = {};
  const auth: ConfigDict = isConfigDict(layer.auth) ? cloneConfig(layer.auth) : {};
  const top: ConfigDict = {};
  for (const [k, v] of Object.entries(layer)) {
    if (k === 'auth') continue;
    if (AUTH_CONFIG_KEYS.has(k)) top[k] = v;
    else out[k] = cloneConfig(v);
  }
  for (const [k, v] of Object.entries(top)) {
    if (v === undefined || v === null) continue;
    if (TOP_LEVEL_WINS.has(k) || auth[k] === undefined || auth[k] === null) auth[k] = cloneConfig(v);
  }
  // auth_token is the old name of token; token wins.
  if (auth.auth_token !== undefined) {
    auth.token ??= auth.auth_token;
    delete auth.auth_token;
  }
  if (Object.keys(auth).length > 0 || layer.auth !== undefined) out.auth = auth;

  // auth_plugin is the old name of auth_type; auth_type wins.
  if (out.auth_plugin !== undefined) {
    out.auth_type ??= out.auth_plugin;
    delete out.auth_plugin;
  }
  // endpoint_type is the old name of interface (also per service); interface wins.
  for (const k of Object.keys(out)) {
    if (k.endsWith('endpoint_type')) {
      const target = k.slice(0, -'endpoint_type'.length) + 'interface';
      if (out[target] === undefined || out[target] === null) out[target] = out[k];
      delete out[k];
    }
  }
  return out;
}
