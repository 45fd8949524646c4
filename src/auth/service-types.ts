/**
 * Official service types and their historical aliases (from the OpenStack
 * service-types-authority), so `volumev3` in a catalog is found as `block-storage`.
 */
const aliases: Record<string, readonly string[]> = {
  'block-storage': ['volumev3', 'volumev2', 'volume', 'block-store'],
  compute: [],
  identity: [],
  image: [],
  network: [],
  'object-store': [],
  placement: [],
  'load-balancer': ['octavia'],
  orchestration: [],
  dns: [],
  'key-manager': [],
  'shared-file-system': ['sharev2', 'share'],
  baremetal: [],
};

const toOfficial = new Map<string, string>();
for (const [official, as] of Object.entries(aliases)) {
  toOfficial.set(official, official);
  for (const a of as) toOfficial.set(a, official);
}

/** The official type for a type or alias (`volumev3` → `block-storage`); unknown types pass through. */
export function officialServiceType(type: string): string {
  return toOfficial.get(type) ?? type;
}

/** Every name a service may appear under in a catalog, official first. */
export function serviceTypeNames(type: string): string[] {
  const official = officialServiceType(type);
  return [official, ...(aliases[official] ?? [])];
}
