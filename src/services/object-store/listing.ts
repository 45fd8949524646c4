/**
 * Swift listings page by marker: each request returns up to `limit` names (the cluster's
 * listing limit when omitted, 10 000 by default) after `marker`, and the next page starts at
 * the last name returned (or the last `subdir` with a delimiter). Iteration is lazy: one page
 * in memory at a time.
 */
import { ResourceList } from '../../resource/pagination.js';
import type { QueryValue, ServiceClient } from '../../session/service-client.js';

export interface ListingRequest {
  path: string;
  query: Record<string, QueryValue>;
  /** Page size; without it, pages end when one comes back empty. */
  limit?: number;
  signal?: AbortSignal;
  headers?: Record<string, string>;
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
      const res = await client.request('GET', req.path, { query, signal: req.signal, headers: req.headers });
      const text = await res.text();
      const rows = text.trim() ? (JSON.parse(text) as Record<string, unknown>[]) : [];
      if (!Array.isArray(rows) || rows.length === 0) return;
      yield rows.map((r) => make(r, res.headers));
      if (req.limit !== undefined && rows.length < req.limit) return;
      const last = rows[rows.length - 1]!;
      const next = (last.name ?? last.subdir) as string | undefined;
      // a page that ends where the last one did would loop forever
      if (next === undefined || next === marker) return;
      marker = next;
      versionMarker =
        'versions' in req.query && typeof last.version_id === 'string' ? last.version_id : undefined;
    }
  });
}
