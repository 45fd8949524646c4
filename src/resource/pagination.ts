/**
 * Lazy listing across pages. A {@link ResourceList} is an AsyncIterable: iterating fetches
 * one page at a time (constant memory), whichever style the service paginates with:
 * `<key>_links` rel=next (nova, cinder, neutron; for octavia's profiles the singular's `_links`),
 * `links.next` (keystone), `next` (glance), or client-side marker/limit (swift, and any service
 * without links).
 */
import type { JsonDocument } from '../session/decode.js';
import { splitVersionedUrl } from '../session/discovery.js';
import { redactUrl } from '../transport/redact.js';

/** A lazily paginated sequence. */
export class ResourceList<T> implements AsyncIterable<T> {
  constructor(private readonly pageSource: () => AsyncGenerator<T[]>) {}

  /** Iterate every item, fetching pages as needed. */
  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    // not `for await (const page of ...)`: its binding would keep the page just iterated (and
    // every row in it) alive while the next one is fetched, doubling a long listing's peak
    const pages = this.pageSource();
    let finished = false;
    let page: T[] | undefined;
    try {
      for (;;) {
        let step: IteratorResult<T[]> | undefined = await pages.next();
        if (step.done) {
          finished = true;
          return;
        }
        page = step.value;
        step = undefined;
        for (let i = 0; i < page.length; i++) yield page[i] as T;
        page = undefined;
      }
    } finally {
      // a caller that stops early (break, throw) closes the page source, as for await would
      if (!finished) await pages.return(undefined);
    }
  }

  /** Iterate page by page. */
  pages(): AsyncIterable<T[]> {
    return { [Symbol.asyncIterator]: () => this.pageSource() };
  }

  /** Collect everything (memory grows with the result; prefer `for await` for big listings). */
  async toArray(): Promise<T[]> {
    const out: T[] = [];
    for await (const x of this) out.push(x);
    return out;
  }

  /** The first item, or undefined; fetches one page at most. */
  async first(): Promise<T | undefined> {
    for await (const x of this) return x;
    return undefined;
  }
}

/** Find the next-page link in a listing body; relative links are resolved against the service root. */
export function nextLink(doc: unknown, resourcesKey: string | null, baseUrl: string): string | undefined {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return undefined;
  const d = doc as Record<string, any>;
  let href: unknown;
  let links = resourcesKey ? d[`${resourcesKey}_links`] : undefined;
  if (links === undefined && resourcesKey) {
    // octavia names some of them after the singular (`flavorprofiles` with `flavorprofile_links`):
    // the one `*_links` array of the body is the listing's
    const keys = Object.keys(d).filter((k) => k.endsWith('_links') && Array.isArray(d[k]));
    if (keys.length === 1) links = d[keys[0] as string];
  }
  if (Array.isArray(links)) href = links.find((l: any) => l?.rel === 'next')?.href;
  if (!href && d.links && typeof d.links === 'object' && !Array.isArray(d.links)) href = d.links.next;
  if (!href && Array.isArray(d.links)) href = d.links.find((l: any) => l?.rel === 'next')?.href;
  if (!href && typeof d.next === 'string') href = d.next;
  if (typeof href !== 'string' || !href) return undefined;
  if (/^https?:\/\//.test(href)) return href;
  if (href.startsWith('/')) return `${splitVersionedUrl(baseUrl).root}${href}`;
  return `${baseUrl.replace(/\/+$/, '')}/${href}`;
}

/** Set or replace one query parameter of a URL. */
export function setQueryParam(url: string, key: string, value: string): string {
  const u = new URL(url);
  u.searchParams.set(key, value);
  return u.toString();
}

/** A URL with its query parameters in a stable order, so the same page is recognised however it is spelled. */
function canonicalUrl(url: string): string {
  try {
    const u = new URL(url);
    u.searchParams.sort();
    u.hash = '';
    return u.toString();
  } catch {
    return url;
  }
}

/**
 * Detects a listing that would never end: a next link (or marker) the listing has already
 * requested, or a page that repeats the previous one (same first and last row). Either is an
 * InvalidResponseError 'page-cycle'. There is deliberately no bound on the number of pages:
 * a real listing can be long, and every endless listing seen in the wild is a cycle, which
 * this catches after one repeated page; memory is one canonical URL per page.
 */
export class PageCycleGuard {
  private readonly seen = new Set<string>();
  private previous?: string;

  /** Record the first page's URL. */
  start(url: string): void {
    this.seen.add(canonicalUrl(url));
  }

  /**
   * Check the next page's URL before it is requested: one already requested is a cycle,
   * reported against the page whose link points back.
   */
  follow(next: string, from: JsonDocument): void {
    const key = canonicalUrl(next);
    if (this.seen.has(key))
      throw from.fail(
        'page-cycle',
        `the next link points back at a page already returned (${redactUrl(next)})`,
      );
    this.seen.add(key);
  }

  /** Record the rows of a page; a non-empty page whose first and last rows repeat the previous page's is a cycle. */
  page(doc: JsonDocument, rows: readonly Record<string, unknown>[], idKey: string): void {
    if (!rows.length) {
      this.previous = undefined;
      return;
    }
    const ident = (r: Record<string, unknown>) => JSON.stringify(r[idKey] ?? r.name ?? r);
    const sig = `${rows.length}|${ident(rows[0]!)}|${ident(rows[rows.length - 1]!)}`;
    if (sig === this.previous) throw doc.fail('page-cycle', 'the listing returned the same page twice');
    this.previous = sig;
  }
}
