/**
 * The service catalog returned with a token, normalised across identity v3 and v2.0,
 * and endpoint selection by service type (or alias), region and interface.
 */
import type { Interface } from '../config/types.js';
import { EndpointNotFoundError } from '../errors/errors.js';
import { officialServiceType, serviceTypeNames } from './service-types.js';

/** One endpoint of a service in the catalog. */
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

export interface EndpointFilter {
  serviceType: string;
  interface?: Interface;
  region?: string;
}

/** Normalise a keystone v3 `token.catalog`. */
export function catalogFromV3(catalog: unknown): CatalogService[] {
  if (!Array.isArray(catalog)) return [];
  return catalog.map((s) => {
    const svc = s as Record<string, any>;
    return {
      type: String(svc.type),
      name: svc.name,
      id: svc.id,
      endpoints: (Array.isArray(svc.endpoints) ? svc.endpoints : []).map((e: any) => ({
        url: String(e.url),
        interface: e.interface,
        region: e.region_id ?? e.region ?? undefined,
        id: e.id,
      })),
    };
  });
}

/** Normalise a keystone v2.0 `access.serviceCatalog` (publicURL/internalURL/adminURL per region). */
export function catalogFromV2(catalog: unknown): CatalogService[] {
  if (!Array.isArray(catalog)) return [];
  return catalog.map((s) => {
    const svc = s as Record<string, any>;
    const endpoints: CatalogEndpoint[] = [];
    for (const e of Array.isArray(svc.endpoints) ? svc.endpoints : []) {
      for (const iface of ['public', 'internal', 'admin'] as const) {
        const url = e[`${iface}URL`];
        if (url) endpoints.push({ url: String(url), interface: iface, region: e.region, id: e.id });
      }
    }
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
