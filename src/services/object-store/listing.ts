/**
 * Swift listings page by marker: each request returns up to `limit` names (the cluster's
 * listing limit when omitted, 10 000 by default) after `marker`, and the next page starts at
 * the last name returned (or the last `subdir` with a delimiter). Iteration is lazy: one page
 * in memory at a time.
 */
import { ResourceList } from '../../resource/pagination.js';
import { decodeJson } from '../../session/decode.js';
import type { RequestOptions } from '../../session/request-options.js';
import type { QueryValue, ServiceClient } from '../../session/service-client.js';

/** A swift listing: the path, its query, the page size and the caller's options. */
export interface ListingRequest {
  /** The account (`''`) or a container's path. */
  path: string;
  /** Filters (`prefix`, `delimiter`, `marker`, ...). */
  query: Record<string, QueryValue>;
  /** Page size; without it, pages end when one comes back empty. */
  limit?: number;
  /**
   * The caller's options, sent with every page (`maxBodyBytes` refuses a page over that many
   * bytes with an InvalidResponseError 'too-large').
   */
  call?: RequestOptions;
}

/** A lazy listing of JSON rows, each turned into `T`. */
export function markerListing<T>(
  client: ServiceClient,
  req: ListingRequest,
  make: (row: Record<string, unknown>, headers: Record<string, string>) => T,
): ResourceList<T> {
  /**
   * One page: its items and where the next starts (`undefined` at the end). The response, its
   * text and the parsed rows stay inside this call, so none is alive while the caller works
   * through the items or while the next page is fetched; an error about how the page ends is
   * handed back to be thrown after its items, as before.
   */
  type Page = { items: T[]; next?: string; nextVersion?: string; error?: Error };
  const readPage = async (
    marker: string | undefined,
    versionMarker: string | undefined,
  ): Promise<Page | undefined> => {
    const query: Record<string, QueryValue> = {
      ...req.query,
      format: 'json',
      limit: req.limit,
      marker,
      ...(versionMarker !== undefined ? { version_marker: versionMarker } : {}),
    };
    // buffered under the caller's size cap (or the client's)
    const res = await client.request('GET', req.path, { query, buffer: true }, req.call);
    // an empty container or account may answer 204 without a body: no rows, a true end;
    // a 200 always carries the JSON list (`[]` when empty)
    const doc = await decodeJson(res, { required: res.status !== 204 });
    if (doc.value === undefined) return undefined;
    const rows = doc.rows(null);
    if (rows.length === 0) return undefined;
    const items = rows.map((r) => make(r, res.headers));
    if (req.limit !== undefined && rows.length < req.limit) return { items };
    const last = rows[rows.length - 1]!;
    const next = last.name ?? last.subdir;
    if (typeof next !== 'string' || next === '') {
      const error = doc.fail(
        'wrong-type',
        'the last row of the listing has no "name" or "subdir" to continue from',
      );
      return { items, error };
    }
    // a page that ends where the last one did would loop forever
    if (next === marker)
      return { items, error: doc.fail('page-cycle', `the listing does not advance past marker "${next}"`) };
    const nextVersion =
      'versions' in req.query && typeof last.version_id === 'string' ? last.version_id : undefined;
    return { items, next, nextVersion };
  };
  return new ResourceList<T>(async function* () {
    let marker = typeof req.query.marker === 'string' ? req.query.marker : undefined;
    let versionMarker: string | undefined;
    // lets cleared by hand: a suspended generator keeps what its locals last held, and a page
    // held that way stays alive through the next page's fetch
    let page: Page | undefined;
    let items: T[] | undefined;
    for (;;) {
      page = await readPage(marker, versionMarker);
      if (!page) return;
      const { next, nextVersion, error } = page;
      items = page.items;
      page = undefined;
      yield items;
      items = undefined;
      if (error) throw error;
      if (next === undefined) return;
      marker = next;
      versionMarker = nextVersion;
    }
  });
}
