/**
 * Searching servers, networks, images and volumes with one filter style: what the API can
 * filter is sent as query parameters; regular expressions, time ranges and predicates are
 * applied to what comes back.
 */
import type { CloudConnection } from './cloud-connection.js';
import { resolveFlavor, resolveImage } from './resolve.js';
import type { ImageResource, NetworkResource, ServerResource, VolumeResource } from './resources.js';

/** A name to match: a string matches exactly, a RegExp is tested. */
export type NameMatch = string | RegExp;

/** Filters every search accepts. */
export interface CommonFilters<R> {
  /** Exact name, or a regular expression tested client-side. */
  name?: NameMatch;
  /** Created strictly before this time. */
  createdBefore?: Date | string;
  /** Created at or after this time. */
  createdAfter?: Date | string;
  /** Any other condition, applied last. */
  where?: (r: R) => boolean;
  signal?: AbortSignal;
}

/** True when `value` matches a name filter (pure; exported for tests). */
export function nameMatches(value: string | null | undefined, m: NameMatch | undefined): boolean {
  if (m === undefined) return true;
  if (typeof m === 'string') return value === m;
  m.lastIndex = 0;
  return m.test(value ?? '');
}

/** Milliseconds of a time; OpenStack times without a zone (cinder, swift) are UTC (pure; exported for tests). */
export function toTime(d: Date | string | undefined): number | undefined {
  if (d === undefined) return undefined;
  const utc = typeof d === 'string' && /T\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(d) ? `${d}Z` : d;
  const t = utc instanceof Date ? utc.getTime() : Date.parse(utc);
  return Number.isNaN(t) ? undefined : t;
}

/** True when a creation time is within the filters' range (pure; exported for tests). */
export function createdWithin(
  created: Date | string | null | undefined,
  f: { createdBefore?: Date | string; createdAfter?: Date | string },
): boolean {
  const before = toTime(f.createdBefore);
  const after = toTime(f.createdAfter);
  if (before === undefined && after === undefined) return true;
  const t = toTime(created ?? undefined);
  if (t === undefined) return false;
  return (before === undefined || t < before) && (after === undefined || t >= after);
}

function keep<R>(
  r: R,
  name: string | null | undefined,
  created: Date | string | null | undefined,
  f: CommonFilters<R>,
): boolean {
  return nameMatches(name, f.name) && createdWithin(created, f) && (!f.where || f.where(r));
}

/** Filters of {@link searchServers}. */
export interface ServerFilters extends CommonFilters<ServerResource> {
  /** Status, e.g. `ACTIVE` (server-side). */
  status?: string;
  /** Flavor name or id (server-side, by id). */
  flavor?: string;
  /** Image name or id (server-side, by id). */
  image?: string;
  /** Fixed or floating IPv4 address, a regular expression for nova (server-side). */
  ip?: string;
  /** Key pair name. */
  keyName?: string;
  /** Servers carrying all of these tags (server-side, 2.26+). */
  tags?: string[];
  /** Servers whose metadata has all of these key/value pairs. */
  metadata?: Record<string, string>;
  /** Admin: servers of every project. */
  allProjects?: boolean;
}

/** Servers matching the filters (see {@link ServerFilters}). */
export async function searchServers(conn: CloudConnection, f: ServerFilters = {}): Promise<ServerResource[]> {
  const { signal } = f;
  const flavorId = f.flavor ? (await resolveFlavor(conn, f.flavor, signal)).id : undefined;
  const imageId = f.image ? (await resolveImage(conn, f.image, signal)).id : undefined;
  const query = {
    status: f.status?.toUpperCase(),
    // nova's name filter is a regular expression: anchor the exact name
    name: typeof f.name === 'string' ? `^${f.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$` : undefined,
    flavor: flavorId,
    image: imageId,
    ip: f.ip,
    tags: f.tags?.length ? f.tags.join(',') : undefined,
    allTenants: f.allProjects ? true : undefined,
  };
  const out: ServerResource[] = [];
  for await (const s of conn.compute.listServers(query, f)) {
    if (f.status && s.status?.toUpperCase() !== f.status.toUpperCase()) continue;
    if (f.keyName !== undefined && s.keyName !== f.keyName) continue;
    if (f.metadata && !Object.entries(f.metadata).every(([k, v]) => s.metadata?.[k] === v)) continue;
    if (keep(s, s.name, s.created, f)) out.push(s);
  }
  return out;
}

/** Filters of {@link searchNetworks}. */
export interface NetworkFilters extends CommonFilters<NetworkResource> {
  /** Only networks in this status (`ACTIVE`, ...). */
  status?: string;
  /** External (router:external) or not. */
  external?: boolean;
  /** Only shared (or only unshared) networks. */
  shared?: boolean;
  /** Only networks of this project. */
  projectId?: string;
  /** Networks carrying all of these tags. */
  tags?: string[];
}

/** Networks matching the filters (everything but a RegExp name and times is filtered by neutron). */
export async function searchNetworks(
  conn: CloudConnection,
  f: NetworkFilters = {},
): Promise<NetworkResource[]> {
  const query = {
    name: typeof f.name === 'string' ? f.name : undefined,
    status: f.status,
    isRouterExternal: f.external,
    shared: f.shared,
    projectId: f.projectId,
    tags: f.tags?.length ? f.tags.join(',') : undefined,
  };
  const out: NetworkResource[] = [];
  for await (const n of conn.network.listNetworks(query, f)) {
    if (keep(n, n.name, n.createdAt, f)) out.push(n);
  }
  return out;
}

/** Filters of {@link searchImages}. */
export interface ImageFilters extends CommonFilters<ImageResource> {
  /** `active`, `queued`, ... (server-side). */
  status?: string;
  /** Only images with this visibility. */
  visibility?: 'public' | 'private' | 'shared' | 'community';
  /** Owner project id. */
  owner?: string;
  /** Images carrying all of these tags. */
  tags?: string[];
}

/** Images matching the filters. */
export async function searchImages(conn: CloudConnection, f: ImageFilters = {}): Promise<ImageResource[]> {
  const query = {
    name: typeof f.name === 'string' ? f.name : undefined,
    status: f.status,
    visibility: f.visibility,
    owner: f.owner,
    tag: f.tags?.length ? f.tags : undefined,
  };
  const out: ImageResource[] = [];
  for await (const i of conn.image.listImages(query, f)) {
    if (keep(i, i.name, i.createdAt, f)) out.push(i);
  }
  return out;
}

/** Filters of {@link searchVolumes}. */
export interface VolumeFilters extends CommonFilters<VolumeResource> {
  /** `available`, `in-use`, ... (server-side). */
  status?: string;
  /** Only bootable (or only non-bootable) volumes. */
  bootable?: boolean;
  /** Admin: volumes of every project. */
  allProjects?: boolean;
}

/**
 * Volumes matching the filters. Cinder accepts list filters only as its resource filters
 * file allows (many clouds reject `name` with "Invalid filters" for members), so everything
 * but `allProjects` is applied to what comes back.
 */
export async function searchVolumes(conn: CloudConnection, f: VolumeFilters = {}): Promise<VolumeResource[]> {
  const out: VolumeResource[] = [];
  for await (const v of conn.blockStorage.listVolumes({ allTenants: f.allProjects ? true : undefined }, f)) {
    if (f.status !== undefined && v.status !== f.status) continue;
    if (f.bootable !== undefined && String(v.bootable) !== String(f.bootable)) continue;
    if (keep(v, v.name, v.createdAt, f)) out.push(v);
  }
  return out;
}
