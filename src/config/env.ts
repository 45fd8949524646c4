/**
 * The `envvars` cloud built from OS_* environment variables, as openstacksdk's
 * `_get_os_environ` builds it: every `OS_<NAME>` becomes the key `<name>` (lower-cased)
 * of a cloud, and the usual fix-ups then apply (OS_AUTH_URL → auth.auth_url,
 * OS_TENANT_NAME → auth.project_name, OS_ENDPOINT_TYPE → interface,
 * OS_VOLUME_API_VERSION → apiVersions['block-storage'], OS_INSECURE → verify false, ...).
 *
 * The cloud exists only when at least one OS_* variable other than the selectors below is
 * set; it is used when no cloud is named. When a cloud is named (OS_CLOUD or the `cloud`
 * option) openstacksdk merges no OS_* value into it, and neither does this loader.
 */
import type { ConfigDict } from './normalize.js';

/** Variables that select or locate configuration and never become cloud values. */
export const ENV_SELECTORS: ReadonlySet<string> = new Set([
  'OS_CLOUD',
  'OS_CLOUD_NAME',
  'OS_CLIENT_CONFIG_FILE',
  'OS_CLIENT_SECURE_FILE',
  'OS_SECURE_FILE',
]);

/** Variables that alone do not make an envvars cloud (openstacksdk's `selectors`). */
const NOT_ENOUGH_FOR_A_CLOUD: ReadonlySet<string> = new Set([...ENV_SELECTORS, 'OS_REGION_NAME']);

/** Prefixes of test-tool variables openstacksdk ignores. */
const IGNORED_PREFIXES = ['OS_TEST', 'OS_STD', 'OS_LOG'];

/** Default name of the cloud built from the environment; OS_CLOUD_NAME renames it. */
export const DEFAULT_ENV_CLOUD_NAME = 'envvars';

/** The name of the cloud built from `OS_*` variables: `OS_CLOUD_NAME`, else `envvars`. */
export function envCloudName(env: Record<string, string | undefined>): string {
  const n = env.OS_CLOUD_NAME;
  return n !== undefined && n !== '' ? n : DEFAULT_ENV_CLOUD_NAME;
}

/**
 * The raw (snake_case, not yet canonicalised) envvars cloud, or undefined when the
 * environment holds no cloud settings. Empty variables count as unset.
 */
export function envCloudFromEnv(env: Record<string, string | undefined>): ConfigDict | undefined {
  const cloud: ConfigDict = {};
  let enough = false;
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith('OS_') || value === undefined || value === '') continue;
    if (IGNORED_PREFIXES.some((p) => name.startsWith(p))) continue;
    if (!NOT_ENOUGH_FOR_A_CLOUD.has(name)) enough = true;
    if (ENV_SELECTORS.has(name)) continue;
    cloud[name.slice(3).toLowerCase()] = value;
  }
  return enough ? cloud : undefined;
}
