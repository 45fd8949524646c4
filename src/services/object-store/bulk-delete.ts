/**
 * Bulk delete (`POST /v1/AUTH_x?bulk-delete`): a text/plain body of newline-separated,
 * URL-encoded `/container/object` (or `/container`) paths, up to the cluster's
 * `bulk_delete.max_deletes_per_request` (10 000 by default) per request. Swift answers 200
 * at once (whitespace keeps the connection alive) and reports per item in the JSON body.
 */
import { decodeJson, type JsonDocument, parseJsonText } from '../../session/decode.js';
import type { RequestOptions } from '../../session/request-options.js';
import type { ServiceClient } from '../../session/service-client.js';
import { encodeObjectName } from './paths.js';

/** Result of a bulk delete (all requests added up). */
export interface BulkDeleteResult {
  /** Items deleted. */
  deleted: number;
  /** Items that did not exist. */
  notFound: number;
  /** Items that failed, with Swift's status text (`409 Conflict`, ...). Paths are decoded. */
  errors: { path: string; status: string }[];
}

/** One item to delete: `{ container }` (must be empty) or `{ container, name }`. */
export interface BulkDeleteItem {
  /** The container (deleted itself when `name` is absent; it must be empty). */
  container: string;
  /** The object. */
  name?: string;
}

/** The body line for an item. */
export function bulkDeleteLine(i: BulkDeleteItem): string {
  const c = `/${encodeURIComponent(i.container)}`;
  return i.name === undefined ? c : `${c}/${encodeObjectName(i.name)}`;
}

function decodePath(p: string): string {
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}

/** Swift's JSON report of a bulk operation (bulk delete, SLO manifest put/delete), checked field by field. */
export interface BulkReport {
  'Number Deleted'?: number;
  'Number Not Found'?: number;
  Errors: [string, string][];
  'Response Status'?: string;
  'Response Body'?: string;
}

/** Read a bulk report from a decoded body; a report of the wrong shape is an InvalidResponseError. */
export function bulkReport(doc: JsonDocument): BulkReport {
  const o = doc.object();
  for (const k of ['Number Deleted', 'Number Not Found'])
    if (o[k] !== undefined && typeof o[k] !== 'number')
      throw doc.fail('wrong-type', `"${k}" is not a number`);
  for (const k of ['Response Status', 'Response Body'])
    if (o[k] !== undefined && typeof o[k] !== 'string')
      throw doc.fail('wrong-type', `"${k}" is not a string`);
  const errors = o.Errors ?? [];
  if (
    !Array.isArray(errors) ||
    !errors.every((e) => Array.isArray(e) && e.length >= 2 && e.every((x) => typeof x === 'string'))
  )
    throw doc.fail('wrong-type', '"Errors" is not a list of [path, status] pairs');
  return { ...(o as Omit<BulkReport, 'Errors'>), Errors: errors as [string, string][] };
}

function resultOf(doc: BulkReport): BulkDeleteResult {
  const errors = doc.Errors.map(([path, status]) => ({ path: decodePath(path), status }));
  const status = doc['Response Status'] ?? '200 OK';
  // a request-level failure (e.g. 413, 401) may come with no per-item errors
  if (!status.startsWith('2') && errors.length === 0) {
    errors.push({ path: '', status: `${status}${doc['Response Body'] ? `: ${doc['Response Body']}` : ''}` });
  }
  return { deleted: doc['Number Deleted'] ?? 0, notFound: doc['Number Not Found'] ?? 0, errors };
}

/** Parse Swift's JSON bulk-delete report (text that is no such report: an InvalidResponseError). */
export function parseBulkDeleteResponse(text: string): BulkDeleteResult {
  return resultOf(bulkReport(parseJsonText({ method: 'POST', url: '?bulk-delete', status: 200 }, text)));
}

/** Delete items in batches of `perRequest`; `call` is the caller's options, sent with every batch. */
export async function bulkDelete(
  client: ServiceClient,
  items: readonly BulkDeleteItem[],
  opts: { perRequest?: number } = {},
  call?: RequestOptions,
): Promise<BulkDeleteResult> {
  const per = opts.perRequest ?? 10_000;
  const total: BulkDeleteResult = { deleted: 0, notFound: 0, errors: [] };
  for (let i = 0; i < items.length; i += per) {
    const body = items
      .slice(i, i + per)
      .map(bulkDeleteLine)
      .join('\n');
    const res = await client.request(
      'POST',
      '',
      {
        query: { 'bulk-delete': 'true' },
        body: `${body}\n`,
        headers: { 'content-type': 'text/plain', accept: 'application/json' },
        idempotent: true,
        buffer: true,
      },
      call,
    );
    const r = resultOf(bulkReport(await decodeJson(res)));
    total.deleted += r.deleted;
    total.notFound += r.notFound;
    total.errors.push(...r.errors);
  }
  return total;
}
