/**
 * Version discovery through the results kept with the token (src/auth/version-cache.ts): with a
 * token from the token cache, `ostack flavor list` sends the list request only, not first a
 * GET of compute's version document. A result from the cache is marked, so that when the cloud
 * proves it stale (it refuses the microversion negotiated from it, or a pin falls outside the
 * cached range) the client asks for a {@link refreshing} discovery, which goes to the network and
 * replaces the kept entry.
 */
import type { AccessInfo } from '../auth/access-info.js';
import { cachedVersion, forgetVersion, rememberVersion } from '../auth/version-cache.js';
import type { HttpClient } from '../transport/http-client.js';
import { type DiscoveredVersion, type DiscoveryRequest, discoverVersion } from './discovery.js';

/** The versions this module answered from the cache (compared by identity). */
const fromCache = new WeakSet<DiscoveredVersion>();
/** The discovery requests that must go to the network (compared by identity). */
const refreshRequests = new WeakSet<object>();

/** Whether `v` came from the token cache rather than from the service. */
export function isCachedVersion(v: DiscoveredVersion): boolean {
  return fromCache.has(v);
}

/** A copy of `req` that skips the kept result and replaces it with what the service says now. */
export function refreshing<R extends object>(req: R): R {
  const copy = { ...req };
  refreshRequests.add(copy);
  return copy;
}

/** Whether `req` was made by {@link refreshing}. */
export function isRefreshing(req: object): boolean {
  return refreshRequests.has(req);
}

/**
 * Discover the version of `req.catalogUrl` under the token `access`: the result kept with the
 * token when there is one (and `req` is not {@link refreshing}), else a request to the service,
 * whose result is then kept. A fallback (no version document) is not kept: it costs no request
 * when conventions apply and is retried when the service gains a document.
 */
export async function discoverWithCache(
  http: HttpClient,
  access: AccessInfo,
  req: DiscoveryRequest,
): Promise<DiscoveredVersion> {
  if (req.skip) return discoverVersion(http, access.token || undefined, req);
  const hit = isRefreshing(req) ? undefined : cachedVersion(access, req.catalogUrl, req.major);
  if (hit) {
    const v: DiscoveredVersion = { ...hit, discovered: true };
    fromCache.add(v);
    return v;
  }
  const found = await discoverVersion(http, access.token || undefined, req);
  if (found.discovered) rememberVersion(access, req.catalogUrl, req.major, found);
  else forgetVersion(access, req.catalogUrl, req.major);
  return found;
}
