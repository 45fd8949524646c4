/**
 * Resources from HEAD/GET responses. Swift answers those with headers only, so the listing
 * names (`name`, `bytes`, `hash`, ...) are filled from the headers and every header is kept.
 * Secrets are scrubbed first: temp URL key values become `true` (the `hasTempUrlKey` fields)
 * and container sync keys are dropped, so an instance can be logged safely.
 */
import { instantiate } from '../../resource/instance.js';
import type { ServiceClient } from '../../session/service-client.js';
import { Account, type AccountResource } from './account.js';
import { Container, type ContainerResource } from './container.js';
import { unquoteEtag } from './hashing.js';
import { TEMP_URL_KEY_HEADERS } from './metadata.js';
import { type ObjectResource, StorageObject } from './object.js';

/** A copy of headers without secret values. */
export function scrubHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    const lk = k.toLowerCase();
    if (TEMP_URL_KEY_HEADERS.has(lk)) out[lk] = 'true';
    else if (lk === 'x-container-sync-key') continue;
    else out[lk] = v;
  }
  return out;
}

function num(v: string | undefined): number | undefined {
  return v === undefined || v === '' ? undefined : Number(v);
}

function isoDate(v: string | undefined): string | undefined {
  if (!v) return undefined;
  const t = Date.parse(v);
  return Number.isNaN(t) ? v : new Date(t).toISOString();
}

function compact(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/** An account from `HEAD /v1/AUTH_x`. */
export function accountFromHeaders(
  client: ServiceClient,
  name: string,
  headers: Record<string, string>,
): AccountResource {
  return instantiate(Account, client, { name }, scrubHeaders(headers)) as AccountResource;
}

/** A container from `HEAD /v1/AUTH_x/<container>`. */
export function containerFromHeaders(
  client: ServiceClient,
  name: string,
  headers: Record<string, string>,
): ContainerResource {
  const body = compact({
    name,
    count: num(headers['x-container-object-count']),
    bytes: num(headers['x-container-bytes-used']),
  });
  return instantiate(Container, client, body, scrubHeaders(headers)) as ContainerResource;
}

/** An object from `HEAD`/`GET /v1/AUTH_x/<container>/<object>`. */
export function objectFromHeaders(
  client: ServiceClient,
  container: string,
  name: string,
  headers: Record<string, string>,
): ObjectResource {
  const slo = headers['x-static-large-object']?.toLowerCase() === 'true';
  const range = /\/(\d+)$/.exec(headers['content-range'] ?? '');
  const body = compact({
    name,
    hash: slo ? headers['x-manifest-etag'] : unquoteEtag(headers.etag),
    bytes: range ? Number(range[1]) : num(headers['content-length']),
    content_type: headers['content-type'],
    last_modified: isoDate(headers['last-modified']),
    slo_etag: slo ? headers.etag : undefined,
    version_id: headers['x-object-version-id'],
  });
  return instantiate(StorageObject, client, body, scrubHeaders(headers), { container }) as ObjectResource;
}
