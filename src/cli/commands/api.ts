/** `ostack api <service> <method> <path> [--body json]`. */

import { officialServiceType } from '../../auth/service-types.js';
import { ValidationError } from '../../errors/errors.js';
import type { ServiceName } from '../../services/service-table.js';
import type { CliContext } from '../context.js';
import { readOptionFile } from './common.js';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'COPY'];

/** The service of the connection serving a service type (or alias: volume, volumev3, ...). */
export function serviceFor(service: string): ServiceName {
  switch (officialServiceType(service)) {
    case 'compute':
      return 'compute';
    case 'network':
      return 'network';
    case 'image':
      return 'image';
    case 'identity':
      return 'identity';
    case 'block-storage':
      return 'blockStorage';
    case 'object-store':
      return 'objectStore';
    case 'placement':
      return 'placement';
    default:
      throw new ValidationError(`unknown service "${service}"`, {
        field: 'service',
        fix: 'one of compute, network, image, identity, block-storage (volume), object-store, placement',
      });
  }
}

/**
 * The path relative to the service's versioned base URL; a path that repeats the base's
 * version (`/v2.0/networks` against `.../v2.0`) is accepted too (pure; exported for tests).
 */
export function relativePath(baseUrl: string, path: string): string {
  const p = path.startsWith('/') ? path : `/${path}`;
  const version = new URL(baseUrl).pathname.replace(/\/+$/, '').match(/\/v\d+(\.\d+)?$/)?.[0];
  if (version && (p === version || p.startsWith(`${version}/`) || p.startsWith(`${version}?`))) {
    return p.slice(version.length) || '/';
  }
  return p;
}

export async function request(
  ctx: CliContext,
  service: string,
  method: string,
  path: string,
  o: { body?: string; header?: string[]; microversion?: string },
): Promise<void> {
  const m = method.toUpperCase();
  if (!METHODS.includes(m))
    throw new ValidationError(`unknown method "${method}"`, { field: 'method', fix: METHODS.join(', ') });
  let json: unknown;
  if (o.body !== undefined) {
    const text = o.body.startsWith('@') ? await readOptionFile(o.body.slice(1), '--body') : o.body;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new ValidationError(`not JSON: ${(e as Error).message}`, {
        field: '--body',
        fix: `--body '{"key": "value"}'`,
      });
    }
  }
  const headers: Record<string, string> = {};
  for (const h of o.header ?? []) {
    const i = h.indexOf(':');
    if (i <= 0) throw new ValidationError(`expected name:value, got "${h}"`, { field: '--header' });
    headers[h.slice(0, i).trim().toLowerCase()] = h.slice(i + 1).trim();
  }
  const name = serviceFor(service);
  const proxy = (await ctx.connection(name))[name];
  const res = await proxy.request(m, relativePath(await proxy.baseUrl(), path), {
    ...(json !== undefined ? { json } : {}),
    headers,
    microversion: o.microversion,
  });
  const text = await res.text();
  if (!text) {
    if (m === 'HEAD' || res.status === 204) ctx.out.write(`${JSON.stringify(res.headers, null, 2)}\n`);
    return;
  }
  try {
    ctx.out.write(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
  } catch {
    ctx.out.write(text.endsWith('\n') ? text : `${text}\n`);
  }
}
