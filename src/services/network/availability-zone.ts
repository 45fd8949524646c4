import { defineResource, f } from '../../resource/index.js';

/**
 * Availability zone (`/availability_zones`, list only): zones of network and router agents.
 *
 * @example
 * ```ts
 * for await (const az of conn.network.listAvailabilityZones({ resource: 'router' })) console.log(az.name, az.state);
 * ```
 */
export const AvailabilityZone = defineResource({
  name: 'availability zone',
  basePath: '/availability_zones',
  idField: 'name',
  allow: { create: false, fetch: false, commit: false, delete: false, list: true },
  pagination: 'none',
  fields: {
    name: f.string({ readOnly: true }).always(),
    /** `network` or `router`. */
    resource: f.string({ readOnly: true }).always(),
    /** `available` or `unavailable`. */
    state: f.string({ readOnly: true }).always(),
  },
  query: { name: 'name', resource: 'resource', state: 'state', fields: 'fields' },
});
