/**
 * Find the versioned identity endpoint from an `auth_url` that may be unversioned
 * (`https://keystone:5000`) or versioned (`https://keystone:5000/v3`).
 */
import { AbortedError, TimeoutError } from '../errors/errors.js';
import { decodeJson } from '../session/decode.js';
import type { HttpClient } from '../transport/http-client.js';
import type { AuthRequestOptions } from './plugin.js';

const cache = new Map<string, string>();

function trimSlash(u: string): string {
  return u.replace(/\/+$/, '');
}

/**
 * The versioned identity endpoint for `authUrl`, from its version document when it has no
 * version suffix (cached per root). A document that cannot be read falls back to `<root>/v<major>`;
 * a timeout or an abort does not (the caller's deadline holds for this request too).
 */
export async function identityEndpoint(
  http: HttpClient,
  authUrl: string,
  major: '3' | '2.0',
  opts: AuthRequestOptions = {},
): Promise<string> {
  const base = trimSlash(authUrl);
  if (/\/v3$/.test(base) && major === '3') return base;
  if (/\/v2\.0$/.test(base) && major === '2.0') return base;
  // a versioned URL of the other major: swap the suffix
  const root = base.replace(/\/v(3|2\.0)$/, '');
  const key = `${root}|${major}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let found: string | undefined;
  try {
    const res = await http.request({
      ...opts,
      method: 'GET',
      url: `${root}/`,
      okStatuses: [200, 300],
      // the caller's deadline, capped: a version document is small and optional
      timeoutMs: Math.min(opts.timeoutMs ?? http.defaultTimeoutMs, 15_000) || 15_000,
      buffer: true,
    });
    const doc = (await decodeJson(res, { statuses: [300] })).value as any;
    const values: any[] = Array.isArray(doc?.versions?.values)
      ? doc.versions.values
      : Array.isArray(doc?.versions)
        ? doc.versions
        : doc?.version
          ? [doc.version]
          : [];
    const want = major === '3' ? /^v3(\.|$)/ : /^v2\.0$/;
    const v = values.find((x) => want.test(String(x?.id)));
    const self = (Array.isArray(v?.links) ? v.links : []).find((l: any) => l?.rel === 'self')?.href;
    if (self) found = trimSlash(String(self));
  } catch (e) {
    // discovery is a convenience: fall back to the conventional path below, unless time is up
    if (e instanceof TimeoutError || e instanceof AbortedError) throw e;
  }
  const url = found ?? `${root}/v${major}`;
  cache.set(key, url);
  return url;
}
