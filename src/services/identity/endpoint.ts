import { defineResource, f } from '../../resource/index.js';
import type { IdentityLinks } from './types.js';

/**
 * Identity catalog endpoint (`/v3/endpoints`).
 *
 * @example
 * ```ts
 * // admin: publish a service's public URL in one region of the catalog
 * const service = await conn.identity.findService('glance');
 * await conn.identity.createEndpoint({ serviceId: service.id, interface: 'public', url: 'https://image.example.com', regionId: 'RegionOne' });
 * for await (const e of conn.identity.listEndpoints({ serviceId: service.id })) console.log(e.interface, e.url, e.regionId);
 * ```
 */
export const Endpoint = defineResource({
  name: 'endpoint',
  basePath: '/endpoints',
  fields: {
    id: f.string({ readOnly: true }).always(),
    interface: f
      .enum(['public', 'internal', 'admin'] as const)
      .required()
      .always(),
    url: f.string({ required: true }).always(),
    serviceId: f.string({ api: 'service_id', required: true }).always(),
    regionId: f.string({ api: 'region_id', nullable: true }),
    /** Deprecated alias of `regionId`, still returned by keystone. */
    region: f.string({ readOnly: true }),
    enabled: f.boolean(),
    links: f.object<IdentityLinks>().readOnly().always(),
  },
  query: { interface: 'interface', serviceId: 'service_id', regionId: 'region_id' },
  commitMethod: 'PATCH',
});
