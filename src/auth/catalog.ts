/**
 * The service catalog returned with a token, normalised across identity v3 and v2.0,
 * and endpoint selection by service type (or alias), region and interface.
 */
import type { Interface } from '../config/types.js';
import { EndpointNotFoundError, InvalidResponseError } from '../errors/errors.js';
import { officialServiceType, serviceTypeNames } from './service-types.js';

/** One endpoint of a catalog service: an absolute http(s) URL, its interface and region. */
export interface CatalogEndpoint {
  /** The endpoint URL, as the catalog gives it (often without a version). */
  url: string;
  /** Who the endpoint is meant for: `public`, `internal` or `admin`. */
  interface: Interface;
  /** The region the endpoint serves. */
  region?: string;
  /** The endpoint's id in keystone. */
  id?: string;
}

/** One service of the catalog with its endpoints. */
export interface CatalogService {
  /** The service type, e.g. `compute` or `volumev3`. */
  type: string;
  /** The service's name, e.g. `nova`. */
  name?: string;
  /** The service's id in keystone. */
  id?: string;
  /** Its endpoints, one per interface and region. */
  endpoints: CatalogEndpoint[];
}

/** What {@link selectEndpoint} looks for: a service type (or alias), interface and region. */
export interface EndpointFilter {
  serviceType: string;
  interface?: Interface;
  region?: string;
}

/**
 * How a catalog that cannot be read is reported: the token response's decoder passes its own
 * (an InvalidResponseError naming the token request); the default names no request.
 */
export type CatalogFailure = (detail: string) => Error;

const defaultFailure: CatalogFailure = (detail) =>
  new InvalidResponseError({
    reason: 'wrong-type',
    method: 'POST',
    url: '(token catalog)',
    status: 0,
    detail,
  });

function isObject(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v;
}

/**
 * An endpoint URL must be an absolute http(s) URL: the SDK sends the token to it, so a garbage
 * value in the catalog is refused when the catalog is read, not when a request goes astray.
 */
function endpointUrl(v: unknown, where: string, fail: CatalogFailure): string {
  if (typeof v !== 'string') throw fail(`${where} url is ${describe(v)}, expected a URL`);
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw fail(`${where} url "${v.slice(0, 100)}" is not a URL`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw fail(`${where} url "${v.slice(0, 100)}" is not an http(s) URL`);
  return v;
}

/** The entries of a catalog: absent is empty (an unscoped token has none); anything but an array of objects fails. */
function entries(catalog: unknown, fail: CatalogFailure): Record<string, any>[] {
  if (catalog === undefined || catalog === null) return [];
  if (!Array.isArray(catalog)) throw fail(`the catalog is ${describe(catalog)}, expected an array`);
  return catalog.map((s, i) => {
    if (!isObject(s)) throw fail(`catalog entry ${i} is ${describe(s)}, expected an object`);
    if (typeof s.type !== 'string' || !s.type)
      throw fail(`catalog entry ${i} has type ${describe(s.type)}, expected a service type`);
    if (s.endpoints !== undefined && !Array.isArray(s.endpoints))
      throw fail(`catalog entry ${i} (${s.type}) has endpoints ${describe(s.endpoints)}, expected an array`);
    return s;
  });
}

/** Normalise a keystone v3 `token.catalog`; a malformed one fails through `fail`. */
export function catalogFromV3(catalog: unknown, fail: CatalogFailure = defaultFailure): CatalogService[] {
  return entries(catalog, fail).map((svc) => ({
    type: String(svc.type),
    name: svc.name,
    id: svc.id,
    endpoints: ((svc.endpoints ?? []) as unknown[]).map((e, j) => {
      const where = `endpoint ${j} of service ${svc.type}`;
      if (!isObject(e)) throw fail(`${where} is ${describe(e)}, expected an object`);
      return {
        url: endpointUrl(e.url, where, fail),
        interface: e.interface,
        region: e.region_id ?? e.region ?? undefined,
        id: e.id,
      };
    }),
  }));
}

/** Normalise a keystone v2.0 `access.serviceCatalog` (publicURL/internalURL/adminURL per region). */
export function catalogFromV2(catalog: unknown, fail: CatalogFailure = defaultFailure): CatalogService[] {
  return entries(catalog, fail).map((svc) => {
    const endpoints: CatalogEndpoint[] = [];
    ((svc.endpoints ?? []) as unknown[]).forEach((e, j) => {
      const where = `endpoint ${j} of service ${svc.type}`;
      if (!isObject(e)) throw fail(`${where} is ${describe(e)}, expected an object`);
      for (const iface of ['public', 'internal', 'admin'] as const) {
        const url = e[`${iface}URL`];
        if (url !== undefined && url !== null && url !== '')
          endpoints.push({
            url: endpointUrl(url, `${where} ${iface}URL`, fail),
            interface: iface,
            region: e.region,
            id: e.id,
          });
      }
    });
    return { type: String(svc.type), name: svc.name, endpoints };
  });
}

/** Pick one endpoint URL from a catalog, or throw {@link EndpointNotFoundError} naming what exists. */
export function selectEndpoint(catalog: CatalogService[], f: EndpointFilter): CatalogEndpoint {
  const iface = f.interface ?? 'public';
  const names = serviceTypeNames(f.serviceType);
  // prefer the official type over aliases, then aliases in their listed order
  for (const name of names) {
    for (const svc of catalog.filter((s) => s.type === name)) {
      const match = svc.endpoints.find((e) => e.interface === iface && (!f.region || e.region === f.region));
      if (match) return match;
    }
  }
  const official = officialServiceType(f.serviceType);
  const have = catalog
    .filter((s) => officialServiceType(s.type) === official)
    .flatMap((s) => s.endpoints.map((e) => `${s.type}/${e.interface}/${e.region ?? '-'}`));
  throw new EndpointNotFoundError(
    `no ${iface} endpoint for service "${f.serviceType}"${f.region ? ` in region "${f.region}"` : ''}; ` +
      (have.length
        ? `the catalog has: ${have.join(', ')}`
        : `the catalog has no such service (types: ${[...new Set(catalog.map((s) => s.type))].join(', ') || 'none'})`) +
      `. Fix: set region_name / interface, or <service>_endpoint_override in clouds.yaml`,
  );
}
