/**
 * Swift listings page by marker: each request returns up to `limit` names (the cluster's
 * listing limit when omitted, 10 000 by default) after `marker`, and the next page starts at
 * the last name returned (or the last `subdir` with a delimiter). Iteration is lazy: one page
 * in memory at a time.
 */
import { ResourceList } from '../../resource/pagination.js';
import { decodeJson } from '../../session/decode.js';
import type { QueryValue, ServiceClient } from '../../session/service-client.js';

/** A swift listing: the path, its query, the page size and the request options. */
export interface ListingRequest {
  path: string;
  query: Record<string, QueryValue>;
  /** Page size; without it, pages end when one comes back empty. */
  limit?: number;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** Refuse a page over this many bytes (InvalidResponseError 'too-large'). */
  maxBodyBytes?: number;
}

/** A lazy listing of JSON rows, each turned into `T`. */
export function markerListing<T>(
  client: ServiceClient,
  req: ListingRequest,
  make: (row: Record<string, unknown>, headers: Record<string, string>) => T,
): ResourceList<T> {
  return new ResourceList<T>(async function* () {
    let marker = typeof req.query.marker === 'string' ? req.query.marker : undefined;
    let versionMarker: string | undefined;
    for (;;) {
      const query: Record<string, QueryValue> = {
        ...req.query,
        format: 'json',
        limit: req.limit,
        marker,
        ...(versionMarker !== undefined ? { version_marker: versionMarker } : {}),
      };
      const res = await client.request('GET', req.path, {
        query,
        signal: req.signal,
        headers: req.headers,
        maxBodyBytes: req.maxBodyBytes,
        buffer: true,
      });
      // an empty container or account may answer 204 without a body: no rows, a true end;
      // a 200 always carries the JSON list (`[]` when empty)
      const doc = await decodeJson(res, { required: res.status !== 204, maxBodyBytes: req.maxBodyBytes });
      if (doc.value === undefined) return;
      const rows = doc.rows(null);
      if (rows.length === 0) return;
      yield rows.map((r) => make(r, res.headers));
      if (req.limit !== undefined && rows.length < req.limit) return;
      const last = rows[rows.length - 1]!;
      const next = last.name ?? last.subdir;
      if (typeof next !== 'string' || next === '')
        throw doc.fail(
          'wrong-type',
          'the last row of the listing has no "name" or "subdir" to continue from',
        );
      // a page that ends where the last one did would loop forever
      if (next === marker) throw doc.fail('page-cycle', `the listing does not advance past marker "${next}"`);
      marker = next;
      versionMarker =
        'versions' in req.query && typeof last.version_id === 'string' ? last.version_id : undefined;
    }
  });
}
