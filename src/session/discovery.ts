/**
 * Version discovery: from a catalog URL (versioned like `/v2.1`, `/v3/<project>`, or not
 * like `http://neutron:9696`) find the base URL of the wanted major version and, for
 * microversioned services, the range the cloud offers.
 */
import { AbortedError, InvalidResponseError, TimeoutError } from '../errors/errors.js';
import type { HttpClient, HttpResponse } from '../transport/http-client.js';
import { decodeJson, isJsonObject, type JsonDocument } from './decode.js';

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
  /** Total deadline of the version request (ms); default the HTTP client's, at most 30 s. */
  timeoutMs?: number;
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
  let res: HttpResponse;
  try {
    res = await http.request({
      method: 'GET',
      url: `${root}/`,
      headers: { accept: 'application/json', ...(token ? { 'x-auth-token': token } : {}) },
      okStatuses: [200, 300],
      signal: r.signal,
      // the caller's deadline, capped: a version document is small and optional
      timeoutMs: Math.min(r.timeoutMs ?? http.defaultTimeoutMs, 30_000) || 30_000,
      buffer: true,
    });
  } catch (e) {
    // no version document: conventions; but a deadline or an abort is the caller's, not a fallback
    if (e instanceof TimeoutError || e instanceof AbortedError) throw e;
    return fallback;
  }
  let doc: JsonDocument;
  try {
    doc = await decodeJson(res, { statuses: [300] });
  } catch (e) {
    // a root that is no version document at all (an HTML page, nothing): use the catalog URL;
    // a JSON document that is broken is an error, it would choose a version from garbage
    if (e instanceof InvalidResponseError && (e.reason === 'not-json' || e.reason === 'empty-body'))
      return fallback;
    throw e;
  }
  const list = versionList(doc);
  const candidates = list.filter((v) => majorOf(v.id) === wantMajor);
  if (!candidates.length) return fallback;
  // prefer the one carrying a microversion range, then CURRENT, then the highest id
  candidates.sort((a, b) => score(b) - score(a));
  const v = candidates[0];
  const max = (v.max_version || v.version || undefined) as string | undefined;
  const min = (v.min_version || undefined) as string | undefined;
  let baseUrl = fallback.baseUrl;
  if (!versionedHere) {
    const self = (v.links ?? []).find((l: any) => l?.rel === 'self')?.href as unknown;
    if (self !== undefined && self !== null && (typeof self !== 'string' || !URL.canParse(self, `${root}/`)))
      throw doc.fail('wrong-type', `the self link of version ${v.id} is not a URL`);
    if (typeof self === 'string' && self) {
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

/**
 * The versions of a version document (`versions: [...]`, keystone's `versions: { values }`, or
 * one `version`), each an object with a string id; anything else is an InvalidResponseError.
 */
function versionList(doc: JsonDocument): any[] {
  const v = doc.value as any;
  let list: unknown;
  if (isJsonObject(v) && Array.isArray(v.versions)) list = v.versions;
  else if (isJsonObject(v) && isJsonObject(v.versions) && 'values' in v.versions) list = v.versions.values;
  else if (isJsonObject(v) && v.version !== undefined) list = [v.version];
  else if (isJsonObject(v) && v.versions === undefined) return [];
  else throw doc.fail('wrong-type', 'not a version document ("versions" is neither a list nor { values })');
  if (!Array.isArray(list)) throw doc.fail('wrong-type', '"versions.values" is not a list');
  list.forEach((x, i) => {
    if (!isJsonObject(x))
      throw doc.fail('wrong-type', `version ${i} is ${x === null ? 'null' : typeof x}, expected an object`);
    if (typeof x.id !== 'string') throw doc.fail('wrong-type', `version ${i} has no string "id"`);
    if (x.links !== undefined && x.links !== null && !Array.isArray(x.links))
      throw doc.fail('wrong-type', `version ${x.id} has "links" that is not a list`);
  });
  return list as any[];
}
