import { defineResource, f } from '../../resource/index.js';
import type { IdentityLinks } from './types.js';

/**
 * Identity catalog service (`/v3/services`).
 *
 * @example
 * ```ts
 * // admin: register a service in the catalog, with a public endpoint in a region
 * const region = await conn.identity.createRegion({ id: 'eu-west', description: 'Europe (west)' });
 * const svc = await conn.identity.createService({ type: 'dns', name: 'designate', description: 'DNS' });
 * await conn.identity.createEndpoint({
 *   serviceId: svc.id,
 *   interface: 'public',
 *   url: 'https://dns.example.com:9001',
 *   regionId: region.id,
 * });
 * for await (const e of conn.identity.listEndpoints({ serviceId: svc.id })) console.log(e.interface, e.url);
 * ```
 */
export const Service = defineResource({
  name: 'service',
  basePath: '/services',
  fields: {
    id: f.string({ readOnly: true }).always(),
    /** Service type, e.g. `compute`. */
    type: f.string({ required: true }).always(),
    name: f.string(),
    description: f.string({ nullable: true }),
    enabled: f.boolean().always(),
    links: f.object<IdentityLinks>().readOnly().always(),
  },
  query: { type: 'type', name: 'name' },
  commitMethod: 'PATCH',
});
