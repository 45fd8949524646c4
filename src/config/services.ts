/**
 * Per-service configuration keys: `<service>_api_version`, `<service>_endpoint_override`
 * and the older `<service>_endpoint`, keyed by the service's official type. As in
 * openstacksdk's CloudRegion, the key of the official type beats the keys of its aliases
 * (`block_storage_api_version` beats `volume_api_version`), and `_endpoint_override` beats
 * `_endpoint`.
 */
import type { ConfigDict } from './normalize.js';

/**
 * Key prefix → official service type, for the prefixes that are not simply the type with
 * `-` written as `_` (those are converted directly: `load_balancer` → `load-balancer`).
 * Aliases come from os-service-types.
 */
export const SERVICE_KEY_ALIASES: Readonly<Record<string, string>> = {
  object_store: 'object-store',
  block_storage: 'block-storage',
  block_store: 'block-storage',
  volume: 'block-storage',
  volumev2: 'block-storage',
  volumev3: 'block-storage',
  share: 'shared-file-system',
  sharev2: 'shared-file-system',
  container_infra: 'container-infrastructure-management',
  bare_metal: 'baremetal',
  cluster: 'clustering',
  workflowv2: 'workflow',
  ha: 'instance-ha',
};

/** The official service type for a config key prefix (`volume` → `block-storage`). */
export function serviceTypeForPrefix(prefix: string): string {
  return SERVICE_KEY_ALIASES[prefix] ?? prefix.replace(/_/g, '-');
}

/** 0 when the prefix spells the official type itself, 1 for an alias. */
function aliasRank(prefix: string, type: string): number {
  return prefix.replace(/_/g, '-') === type ? 0 : 1;
}

/** The per-service keys of a cloud entry, by official service type. */
export interface ServiceSettings {
  /** `<service>_api_version` values. */
  apiVersions: Record<string, string>;
  /** `<service>_endpoint_override` values. */
  endpointOverrides: Record<string, string>;
}

const SUFFIXES: ReadonlyArray<{ suffix: string; kind: 'apiVersions' | 'endpointOverrides'; rank: number }> = [
  { suffix: '_api_version', kind: 'apiVersions', rank: 0 },
  { suffix: '_endpoint_override', kind: 'endpointOverrides', rank: 0 },
  { suffix: '_endpoint', kind: 'endpointOverrides', rank: 2 },
];

/** Collect the per-service keys of a (normalised, merged) cloud. */
export function extractServiceSettings(config: ConfigDict): ServiceSettings {
  const best: Record<'apiVersions' | 'endpointOverrides', Record<string, { rank: number; value: string }>> = {
    apiVersions: {},
    endpointOverrides: {},
  };
  for (const [key, value] of Object.entries(config)) {
    if (value === undefined || value === null || typeof value === 'object') continue;
    const str = String(value);
    if (str === '') continue;
    for (const { suffix, kind, rank } of SUFFIXES) {
      if (!key.endsWith(suffix) || key.length === suffix.length) continue;
      const prefix = key.slice(0, -suffix.length);
      const type = serviceTypeForPrefix(prefix);
      const r = rank + aliasRank(prefix, type);
      const cur = best[kind][type];
      if (!cur || r < cur.rank) best[kind][type] = { rank: r, value: str };
      break;
    }
  }
  const flat = (m: Record<string, { value: string }>) =>
    Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v.value]));
  return { apiVersions: flat(best.apiVersions), endpointOverrides: flat(best.endpointOverrides) };
}
