/**
 * What a failed `fetch` means. Every runtime rejects a request that never got an answer with a
 * bare `TypeError` ("Failed to fetch", "fetch failed", "Load failed", "NetworkError when
 * attempting to fetch resource."); browsers hide the reason from scripts on purpose. The SDK
 * turns it into a {@link ConnectionError} whose fix lists the likely causes for this URL from
 * this page, CORS first: in a browser it is the usual one.
 */

/** Where the program runs, as far as a fetch failure is concerned. */
export interface FetchSite {
  /** The page's origin (`location.origin`), when the program runs in a page or worker. */
  origin?: string;
  /** The page's protocol, `https:` or `http:`. */
  protocol?: string;
}

/** The page the program runs in, if any. */
export function currentSite(): FetchSite {
  const loc = (globalThis as { location?: { origin?: string; protocol?: string } }).location;
  return loc?.origin && loc.origin !== 'null' ? { origin: loc.origin, protocol: loc.protocol } : {};
}

/** Whether `err` is the TypeError a fetch rejects with when the request got no answer. */
export function isFetchNetworkError(err: unknown): err is TypeError {
  return err instanceof TypeError || (err as { name?: string } | undefined)?.name === 'TypeError';
}

/** The codes Node's fetch puts on the cause of its "fetch failed". */
function causeCode(err: unknown): string | undefined {
  for (
    let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0;
    e && i < 4;
    e = e.cause as typeof e, i++
  ) {
    if (typeof e.code === 'string') return e.code;
  }
  return undefined;
}

/**
 * The fix to print for a fetch that got no answer: the cause when the runtime named one (Node,
 * Deno and Bun give a code), else, in a page, the browser's usual reasons for this URL.
 */
export function fetchFailureFix(url: string, err: unknown, site: FetchSite = currentSite()): string {
  const code = causeCode(err);
  let host = url;
  let protocol = '';
  try {
    const u = new URL(url);
    host = u.host;
    protocol = u.protocol;
  } catch {
    // the URL is quoted as given
  }
  if (code === 'ECONNREFUSED')
    return `nothing listens on ${host}: check the endpoint's host and port and that the service runs`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return `the name ${host} does not resolve: check the endpoint URL and DNS`;
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET')
    return `the connection to ${host} was closed: check the service and any proxy in between`;
  if (code) return `check that ${host} is reachable from here (${code})`;
  if (!site.origin) return `check that ${host} is reachable from here and the URL is right`;
  if (site.protocol === 'https:' && protocol === 'http:') {
    return `the page (${site.origin}) is https and the endpoint is http: browsers block such mixed content; serve the endpoint over https (or set its https URL in the catalog or <service>_endpoint_override)`;
  }
  return `the browser refused the response or could not connect: is CORS enabled for origin ${site.origin} on ${host} (Access-Control-Allow-Origin, and Access-Control-Allow-Headers / -Expose-Headers for X-Auth-Token and X-Subject-Token)? Otherwise the host is down, does not resolve, or its certificate is not trusted by the browser`;
}
