/**
 * Version discovery: from a catalog URL (versioned like `/v2.1`, `/v3/<project>`, or not
 * like `http://neutron:9696`) find the base URL of the wanted major version and, for
 * microversioned services, the range the cloud offers.
 */
import type { HttpClient } from '../transport/http-client.js';

/** The endpoint and microversion range found by version discovery. */
export interface DiscoveredVersion {
  /** Base URL to which resource paths are appended (no trailing slash). */
  baseUrl: string;
  /** The version id from the version document (e.g. 'v2.1'), when discovered. */
  versionId?: string;
  /** The lowest microversion the service accepts. */
  minMicroversion?: string;
  /** The highest microversion the service accepts. */
  maxMicroversion?: string;
  /** Whether a version document was found (false: fallback to conventions). */
  discovered: boolean;
}

export interface DiscoveryRequest {
  catalogUrl: string;
  /** Major version wanted, e.g. '2' for compute, '2.0' for network, '3' for block-storage, '1' placement. */
  major: string;
  /** Path appended to an unversioned catalog URL when there is no version document (e.g. '/v2.0'). */
  fallbackPath: string;
  /** Skip discovery entirely (e.g. object-store, whose catalog URL is always the base). */
  skip?: boolean;
  signal?: AbortSignal;
}

const versionSegment = /\/v(\d+)(?:\.(\d+))?(?=\/|$)/;

function trim(u: string): string {
  return u.replace(/\/+$/, '');
}

/** Split a catalog URL into the service root and its version segment (if any). */
export function splitVersionedUrl(url: string): { root: string; version?: string } {
  const u = new URL(url);
  const m = versionSegment.exec(u.pathname);
  if (!m) return { root: trim(url) };
  const root = `${u.origin}${u.pathname.slice(0, m.index)}`;
  return { root: trim(root), version: m[2] !== undefined ? `${m[1]}.${m[2]}` : m[1] };
}

function majorOf(id: string): string {
  return id.replace(/^v/, '').split('.')[0] ?? '';
}

/**
 * Find a service's versioned endpoint (and microversion range) from its catalog URL's version document; falls back to the catalog URL and the spec's path when there is none.
 */
export async function discoverVersion(
  http: HttpClient,
  token: string | undefined,
  r: DiscoveryRequest,
): Promise<DiscoveredVersion> {
  const catalogUrl = trim(r.catalogUrl);
  const { root, version } = splitVersionedUrl(catalogUrl);
  const wantMajor = majorOf(r.major);
  const versionedHere = version !== undefined && majorOf(version) === wantMajor;
  const fallback: DiscoveredVersion = {
    baseUrl: versionedHere || r.fallbackPath === '' ? catalogUrl : `${catalogUrl}${r.fallbackPath}`,
    discovered: false,
  };
  if (r.skip) return fallback;
  let doc: any;
  try {
    const res = await http.request({
      method: 'GET',
      url: `${root}/`,
      headers: { accept: 'application/json', ...(token ? { 'x-auth-token': token } : {}) },
      okStatuses: [200, 300],
      signal: r.signal,
      timeoutMs: 30_000,
    });
    doc = await res.json();
  } catch {
    return fallback;
  }
  const list: any[] = Array.isArray(doc?.versions)
    ? doc.versions
    : Array.isArray(doc?.versions?.values)
      ? doc.versions.values
      : doc?.version
        ? [doc.version]
        : [];
  const candidates = list.filter((v) => majorOf(String(v.id ?? '')) === wantMajor);
  if (!candidates.length) return fallback;
  // prefer the one carrying a microversion range, then CURRENT, then the highest id
  candidates.sort((a, b) => score(b) - score(a));
  const v = candidates[0];
  const max = (v.max_version || v.version || undefined) as string | undefined;
  const min = (v.min_version || undefined) as string | undefined;
  let baseUrl = fallback.baseUrl;
  if (!versionedHere) {
    const self = (v.links ?? []).find((l: any) => l.rel === 'self')?.href as string | undefined;
    if (self) {
      // keep the catalog's scheme/host (a proxy may rewrite them) and take the path from the document
      const selfPath = new URL(self, `${root}/`).pathname;
      const rootPath = new URL(`${root}/`).pathname;
      baseUrl = trim(
        selfPath.startsWith(rootPath) ? `${root}/${selfPath.slice(rootPath.length)}` : `${root}${selfPath}`,
      );
    }
  }
  return { baseUrl, versionId: v.id, minMicroversion: min, maxMicroversion: max, discovered: true };
}

function score(v: any): number {
  let s = 0;
  if (v.version || v.max_version) s += 100;
  if (String(v.status).toUpperCase() === 'CURRENT' || String(v.status) === 'stable') s += 10;
  const minor = Number(String(v.id).split('.')[1] ?? 0);
  return s + Math.min(minor, 9) / 10;
}
