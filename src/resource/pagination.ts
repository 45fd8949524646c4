/**
 * Lazy listing across pages. A {@link ResourceList} is an AsyncIterable: iterating fetches
 * one page at a time (constant memory), whichever style the service paginates with:
 * `<key>_links` rel=next (nova, cinder, neutron), `links.next` (keystone), `next` (glance),
 * or client-side marker/limit (swift, and any service without links).
 */
import { splitVersionedUrl } from '../session/discovery.js';

/** A lazily paginated sequence. */
export class ResourceList<T> implements AsyncIterable<T> {
  constructor(private readonly pageSource: () => AsyncGenerator<T[]>) {}

  /** Iterate every item, fetching pages as needed. */
  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for await (const page of this.pageSource()) yield* page;
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
  const links = resourcesKey ? d[`${resourcesKey}_links`] : undefined;
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
