/**
 * Type, URL and file checks of a merged cloud configuration, run by the loader before any
 * request is made. Every failure is a {@link ConfigError} naming the cloud, the field and
 * the fix. A value is quoted in a message only when its field is "safe" (a closed
 * vocabulary such as `interface` or an API version) and then truncated: a value in a field
 * that may hold a secret — or a secret pasted into the wrong field, such as a password
 * in `auth_url` — is described by its shape, never shown.
 */
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
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

/** At most this many characters of a safe field's value are quoted in a message. */
const ECHO_LIMIT = 40;

/**
 * How a bad value is shown in a message: quoted (truncated) for a safe field, its shape
 * only (type and length) for every other field.
 */
export function describeConfigValue(field: string, value: unknown): string {
  const shape = shapeOf(value);
  if (isSecretField(field) || !SAFE_FIELD.test(field)) return shape;
  if (typeof value === 'string') {
    const cut = value.length > ECHO_LIMIT ? `${value.slice(0, ECHO_LIMIT)}…` : value;
    return JSON.stringify(cut);
  }
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
  const auth = config.auth;
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
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    const hint = /^\d+$/.test(value)
      ? 'a number'
      : value.includes('://')
        ? 'not a valid URL'
        : `has no scheme (${shapeOf(value)} without "://")`;
    throw new ConfigError(`${field} is not a URL: it is ${hint}`, { cloud, field, fix });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    const scheme = /^[a-z][a-z0-9+.-]{0,15}:$/i.test(url.protocol)
      ? `"${url.protocol}"`
      : 'an unknown scheme';
    throw new ConfigError(`${field} has the scheme ${scheme}, not http: or https:`, { cloud, field, fix });
  }
  if (url.hostname === '') {
    throw new ConfigError(`${field} has no host name`, { cloud, field, fix });
  }
}

/** What a TLS file holds, for the PEM check and the messages. */
const TLS_FILES = {
  cacert: { what: 'CA bundle', env: 'OS_CACERT', pem: /-----BEGIN [A-Z0-9 ]*CERTIFICATE-----/ },
  cert: { what: 'client certificate', env: 'OS_CERT', pem: /-----BEGIN [A-Z0-9 ]*CERTIFICATE-----/ },
  key: { what: 'client key', env: 'OS_KEY', pem: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/ },
} as const;

/** The names of the TLS file fields. */
export type TlsFileField = keyof typeof TLS_FILES;

/**
 * Read a TLS file named by `cacert`, `cert` or `key`: it must exist, be a readable regular
 * file and hold PEM data of the right kind. Returns the contents. The contents are never
 * quoted (a key file is key material).
 */
export function readTlsFile(cloud: string | undefined, field: TlsFileField, path: string): Buffer {
  const t = TLS_FILES[field];
  const fixExisting = `point ${field} (or ${t.env}) at an existing PEM file (readable by this user)${field === 'cacert' ? ', or remove it to use the system CA store' : ''}`;
  let data: Buffer;
  try {
    if (!statSync(path).isFile()) {
      throw new ConfigError(`the ${t.what} ${path} is not a file`, { cloud, field, fix: fixExisting });
    }
    accessSync(path, constants.R_OK);
    data = readFileSync(path);
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'EACCES'
          ? 'is not readable'
          : `cannot be read (${code})`;
    throw new ConfigError(`the ${t.what} ${path} ${why}`, {
      cloud,
      field,
      fix: code === 'EACCES' ? `make ${path} readable by this user, or ${fixExisting}` : fixExisting,
    });
  }
  if (!t.pem.test(data.toString('latin1'))) {
    throw new ConfigError(
      `the ${t.what} ${path} holds no PEM ${field === 'key' ? 'private key' : 'certificate'}`,
      {
        cloud,
        field,
        fix: `${fixExisting} (convert DER with: openssl ${field === 'key' ? 'pkey' : 'x509'} -inform der -in FILE -out FILE.pem)`,
      },
    );
  }
  return data;
}
