/**
 * Type, URL and file checks of a merged cloud configuration, run by the loader before any
 * request is made. Every failure is a {@link ConfigError} naming the cloud, the field and
 * the fix. A value is quoted in a message only when its field is "safe" (a closed
 * vocabulary such as `interface` or an API version) and short: a value in a field
 * that may hold a secret — or a secret pasted into the wrong field, such as a password
 * in `auth_url` — is described by its shape, never shown.
 */
import { ConfigError } from '../errors/errors.js';
import { type ConfigDict, isConfigDict } from './normalize.js';

/** Field names whose values are secrets (auth options, key material, anything named like one). */
const SECRET_FIELD =
  /(pass(word|code|phrase)?|secret|token|credential|totp|private|(^|[._])key($|[._])|api_key|signature|cookie)/i;

/** Fields whose values come from a short closed vocabulary, so echoing a bad one cannot leak. */
const SAFE_FIELD =
  /^(interface|[a-z0-9_]+_interface|auth_type|verify|insecure|region_name|identity_api_version|[a-z0-9_]+_api_version|api_timeout|cache\.auth)$/;

/** True when a configuration field (dotted, e.g. `auth.password`) may hold a secret. */
export function isSecretField(field: string): boolean {
  return SECRET_FIELD.test(field);
}

/** A safe field's value longer than this is not quoted in a message. */
const ECHO_LIMIT = 40;

/**
 * How a bad value is shown in a message: quoted for a safe field when at most
 * 40 characters long, otherwise (and for every other field) only its shape:
 * type and length.
 */
export function describeConfigValue(field: string, value: unknown): string {
  const shape = shapeOf(value);
  if (isSecretField(field) || !SAFE_FIELD.test(field)) return shape;
  // a long value is likelier a pasted token than a misspelt word: not even its start is shown
  if (typeof value === 'string') return value.length > ECHO_LIMIT ? shape : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return shape;
}

function shapeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (isConfigDict(value) || typeof value === 'object') return 'a mapping';
  if (typeof value === 'string')
    return `a string of ${value.length} character${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'number') return 'a number';
  return `a ${typeof value}`;
}

/** Top-level keys whose value is a single scalar (string, number or boolean), never a mapping or list. */
const SCALAR_KEYS = [
  'auth_type',
  'interface',
  'identity_api_version',
  'endpoint',
  'verify',
  'insecure',
  'cacert',
  'cert',
  'key',
  'api_timeout',
] as const;

/** Keys ending so are per-service scalars (`compute_api_version`, `network_endpoint_override`, ...). */
const SCALAR_SUFFIXES = ['_api_version', '_endpoint_override', '_endpoint', '_interface'] as const;

/** `auth_url: 5000` or an override of the wrong type: noticed before numbers become strings. */
function checkScalar(cloud: string, field: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') return;
  throw new ConfigError(`${field} must be a single value, got ${describeConfigValue(field, value)}`, {
    cloud,
    field,
    fix: `write ${field} as one value (a string${field.endsWith('api_version') ? ' such as "2.79"' : ''}), not a ${Array.isArray(value) ? 'list' : 'mapping'}`,
  });
}

/**
 * Check that a layer's `auth` (a clouds.yaml entry, the options), when given, is a mapping;
 * the canonicalisation would otherwise drop it silently.
 */
export function checkAuthLayer(cloud: string, layer: ConfigDict): void {
  const auth = layer.auth;
  if (auth !== undefined && auth !== null && !isConfigDict(auth)) {
    throw new ConfigError(
      `auth must be a mapping of auth options, got ${describeConfigValue('auth', auth)}`,
      {
        cloud,
        field: 'auth',
        fix: 'write auth: as a mapping (auth_url:, username:, password:, project_name:, ...)',
      },
    );
  }
}

/**
 * Check the types of a merged cloud's fields, before numbers are converted to strings:
 * the known scalars, the per-service keys, every `auth` option, `region_name` (a name, or
 * the legacy list of names), and that `auth` itself is a mapping.
 */
export function checkConfigTypes(cloud: string, config: ConfigDict): void {
  for (const k of SCALAR_KEYS) checkScalar(cloud, k, config[k]);
  for (const [k, v] of Object.entries(config)) {
    if (SCALAR_SUFFIXES.some((s) => k.endsWith(s) && k.length > s.length)) checkScalar(cloud, k, v);
  }
  const region = config.region_name;
  if (region !== undefined && region !== null) {
    const ok =
      typeof region === 'string' ||
      (Array.isArray(region) && region.every((r) => typeof r === 'string' || typeof r === 'number'));
    if (!ok) {
      throw new ConfigError(
        `region_name must be a region name, got ${describeConfigValue('region_name', region)}`,
        {
          cloud,
          field: 'region_name',
          fix: 'set region_name to one region name (e.g. RegionOne); list several regions under regions: instead',
        },
      );
    }
  }
  checkAuthLayer(cloud, config);
  const auth = config.auth;
  for (const [k, v] of Object.entries(isConfigDict(auth) ? auth : {})) {
    if (v === undefined || v === null) continue;
    const ok =
      typeof v === 'string' ||
      typeof v === 'number' ||
      typeof v === 'boolean' ||
      (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number'));
    if (!ok) {
      const field = `auth.${k}`;
      throw new ConfigError(`${field} must be a single value, got ${describeConfigValue(field, v)}`, {
        cloud,
        field,
        fix: `write ${field} as one string value, not a ${Array.isArray(v) ? 'list of mappings' : 'mapping'}`,
      });
    }
  }
}

/**
 * Check that `value` (of `field`) is an absolute http(s) URL. Only the scheme of a bad URL
 * is ever quoted: the rest may carry a user:password@ part or be a secret pasted into the
 * wrong field.
 */
export function checkHttpUrl(cloud: string, field: string, value: string, example: string): void {
  const fix = `set ${field} to an http:// or https:// URL such as ${example}`;
  // "keystone:5000/v3" and "keystone.example.com/v3" parse as URLs with odd schemes: a scheme
  // with a dot, or followed by a port number, is a host name without one
  const m = /^([a-z][a-z0-9+.-]*):(.*)$/is.exec(value);
  if (!m || m[1]!.includes('.') || /^\d/.test(m[2]!)) {
    const hint = /^\d+$/.test(value) ? 'a number' : `has no scheme (${shapeOf(value)} without "http://")`;
    throw new ConfigError(`${field} is not a URL: it ${hint.startsWith('a ') ? 'is ' : ''}${hint}`, {
      cloud,
      field,
      fix,
    });
  }
  const scheme = m[1]!.toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') {
    const shown = scheme.length <= 16 ? `"${scheme}:"` : 'an unknown scheme';
    throw new ConfigError(`${field} has the scheme ${shown}, not http: or https:`, { cloud, field, fix });
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${field} is not a valid URL (${shapeOf(value)})`, { cloud, field, fix });
  }
  if (url.hostname === '') {
    throw new ConfigError(`${field} has no host name`, { cloud, field, fix });
  }
}

/** The programmatic options of a Connection that {@link checkConnectionOptions} checks. */
export interface CheckedConnectionOptions {
  timeoutMs?: unknown;
  logger?: unknown;
  userAgent?: unknown;
  microversions?: unknown;
  tokenCache?: unknown;
  retry?: unknown;
}

/**
 * Check the types of a Connection's own options (those outside clouds.yaml): `timeoutMs`
 * a non-negative number, `logger` an object with `debug` and `warn` functions, `userAgent`
 * a string, `microversions` a mapping of version strings, `tokenCache` a boolean or a store,
 * `retry` a mapping of non-negative numbers. Options not listed are left to their owners.
 */
export function checkConnectionOptions(cloud: string, o: CheckedConnectionOptions): void {
  const fail = (field: string, what: string, fix: string): never => {
    throw new ConfigError(`${field} must be ${what}, got ${describeOption(o, field)}`, { cloud, field, fix });
  };
  const isNum = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
  if (o.timeoutMs !== undefined && !isNum(o.timeoutMs)) {
    fail(
      'timeoutMs',
      'a number of milliseconds (0 or more)',
      'pass timeoutMs as a number, e.g. timeoutMs: 30_000',
    );
  }
  if (o.logger !== undefined) {
    const l = o.logger as { debug?: unknown; warn?: unknown } | null;
    if (
      typeof l !== 'object' ||
      l === null ||
      typeof l.debug !== 'function' ||
      typeof l.warn !== 'function'
    ) {
      fail('logger', 'an object with debug() and warn() methods', 'pass a Logger, e.g. consoleLogger()');
    }
  }
  if (o.userAgent !== undefined && typeof o.userAgent !== 'string') {
    fail('userAgent', 'a string', "pass userAgent as a string, e.g. 'my-tool/1.0'");
  }
  if (o.microversions !== undefined) {
    const m = o.microversions;
    if (
      !isConfigDict(m) ||
      !Object.values(m).every((v) => typeof v === 'string' && /^\d+\.\d+$|^latest$/.test(v))
    ) {
      fail(
        'microversions',
        "a mapping of service type to a version string such as '2.79'",
        "pass e.g. microversions: { compute: '2.79' }",
      );
    }
  }
  if (o.tokenCache !== undefined && typeof o.tokenCache !== 'boolean') {
    const t = o.tokenCache as { load?: unknown; save?: unknown; remove?: unknown } | null;
    if (typeof t !== 'object' || t === null || typeof t.load !== 'function' || typeof t.save !== 'function') {
      fail(
        'tokenCache',
        'true, false or a TokenStore',
        'pass tokenCache: true, false or an object with load/save/remove',
      );
    }
  }
  if (o.retry !== undefined) {
    const r = o.retry;
    if (!isConfigDict(r)) fail('retry', 'a mapping of retry settings', 'pass e.g. retry: { maxRetries: 2 }');
    for (const [k, v] of Object.entries(r as ConfigDict)) {
      if (k === 'retryStatuses') {
        if (!Array.isArray(v) || !v.every((x) => Number.isInteger(x))) {
          fail(
            'retry.retryStatuses',
            'a list of HTTP statuses',
            'pass e.g. retry: { retryStatuses: [502, 503, 504] }',
          );
        }
      } else if (v !== undefined && !isNum(v)) {
        fail(`retry.${k}`, 'a number (0 or more)', `pass retry.${k} as a number`);
      }
    }
  }
}

function describeOption(o: CheckedConnectionOptions, field: string): string {
  const [head, sub] = field.split('.') as [keyof CheckedConnectionOptions, string | undefined];
  const v = sub === undefined ? o[head] : (o[head] as Record<string, unknown>)[sub];
  // numbers and the timeout are safe to show; anything else only by its shape
  if (typeof v === 'number') return String(v);
  if (field === 'timeoutMs' && typeof v === 'string') return describeConfigValue('api_timeout', v);
  return shapeOf(v);
}
