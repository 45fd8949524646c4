/**
 * Version discovery results kept with a token: a process that reuses a cached token also reuses
 * the version documents (base URL, microversion range) found under it, so it sends no discovery
 * request. They live in the token's own cache file (same 0600 file, same expiry, removed with
 * it), keyed by the catalog URL and the major version asked for.
 *
 * The results hang off the {@link AccessInfo} object in a WeakMap rather than in a field of it, so
 * that `AccessInfo` (a public type a custom `TokenStore` may build) does not change; only the
 * {@link FileTokenStore} writes and reads them. A token store a plugin loaded the token from or saved
 * it to is remembered the same way, so a result found later is written back beside the token.
 */
import type { AccessInfo } from './access-info.js';

/** The part of a `TokenStore` this module writes through (declared here: token-store.ts imports this module). */
interface SavingStore {
  save(key: string, access: AccessInfo): void | Promise<void>;
}

/** What discovery found for one endpoint, as kept beside the token. */
export interface CachedVersion {
  /** Base URL resource paths are appended to. */
  baseUrl: string;
  /** The version id of the document (e.g. `v2.1`). */
  versionId?: string;
  /** The lowest microversion the service accepted. */
  minMicroversion?: string;
  /** The highest microversion the service accepted. */
  maxMicroversion?: string;
}

type Versions = Record<string, CachedVersion>;

const versionsOf = new WeakMap<AccessInfo, Versions>();
const homeOf = new WeakMap<AccessInfo, { store: SavingStore; key: string }>();

/** How one endpoint's entry is named in the file: the major asked for, then the catalog URL. */
export function versionKey(catalogUrl: string, major: string): string {
  return `${major} ${catalogUrl.replace(/\/+$/, '')}`;
}

/** The entry of an endpoint kept with `access`, if any. */
export function cachedVersion(
  access: AccessInfo,
  catalogUrl: string,
  major: string,
): CachedVersion | undefined {
  return versionsOf.get(access)?.[versionKey(catalogUrl, major)];
}

/**
 * Keep `found` with `access` (replacing an older entry of the endpoint) and write it to the
 * token store the token came from, if any; a failing store only costs a discovery next time.
 */
export function rememberVersion(
  access: AccessInfo,
  catalogUrl: string,
  major: string,
  found: CachedVersion,
): void {
  versionsOf.set(access, { ...versionsOf.get(access), [versionKey(catalogUrl, major)]: copyEntry(found) });
  persist(access);
}

/** The known fields only: a `DiscoveredVersion`, or a file's entry, may carry more. */
function copyEntry(v: CachedVersion): CachedVersion {
  const entry: CachedVersion = { baseUrl: v.baseUrl };
  if (v.versionId !== undefined) entry.versionId = v.versionId;
  if (v.minMicroversion !== undefined) entry.minMicroversion = v.minMicroversion;
  if (v.maxMicroversion !== undefined) entry.maxMicroversion = v.maxMicroversion;
  return entry;
}

/** Drop the entry of an endpoint (it proved stale), in memory and in the store. */
export function forgetVersion(access: AccessInfo, catalogUrl: string, major: string): void {
  const all = versionsOf.get(access);
  const key = versionKey(catalogUrl, major);
  if (!all || !(key in all)) return;
  const { [key]: _dropped, ...rest } = all;
  versionsOf.set(access, rest);
  persist(access);
}

/** Remember the store `access` is kept in under `key` (a plugin calls it on load and save). */
export function bindTokenStore(access: AccessInfo, store: SavingStore, key: string): void {
  homeOf.set(access, { store, key });
}

/** Forget where `access` is kept (its token was rejected: it must never be written back). */
export function unbindTokenStore(access: AccessInfo): void {
  homeOf.delete(access);
}

function persist(access: AccessInfo): void {
  const home = homeOf.get(access);
  if (!home) return;
  try {
    Promise.resolve(home.store.save(home.key, access)).catch(() => {});
  } catch {
    // not kept: the next process discovers again
  }
}

/** The entries to write with `access`; undefined when there are none. */
export function versionsToStore(access: AccessInfo): Versions | undefined {
  const all = versionsOf.get(access);
  return all && Object.keys(all).length > 0 ? all : undefined;
}

const optString = (v: unknown) => v === undefined || typeof v === 'string';

/**
 * Attach the entries read from a cache file to `access`, keeping only well-formed ones: a
 * malformed entry is dropped (that endpoint is discovered again), never an error.
 */
export function restoreVersions(access: AccessInfo, data: unknown): void {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return;
  const kept: Versions = {};
  for (const [key, v] of Object.entries(data as Record<string, unknown>)) {
    if (typeof v !== 'object' || v === null) continue;
    const e = v as Record<string, unknown>;
    if (typeof e.baseUrl !== 'string' || !URL.canParse(e.baseUrl)) continue;
    if (!optString(e.versionId) || !optString(e.minMicroversion) || !optString(e.maxMicroversion)) continue;
    kept[key] = copyEntry(e as unknown as CachedVersion);
  }
  if (Object.keys(kept).length > 0) versionsOf.set(access, kept);
}
