import { defineResource, f } from '../../resource/index.js';

/**
 * Octavia availability zone (`/lbaas/availabilityzones`): a named, operator-defined placement
 * of the data plane users pick with `availabilityZone` when creating a load balancer. The name
 * is the id. Creating, changing and deleting are admin operations.
 *
 * @example
 * ```ts
 * const azp = await conn.loadBalancer.findAvailabilityZoneProfile('az1-profile');
 * await conn.loadBalancer.createAvailabilityZone({ name: 'az1', availabilityZoneProfileId: azp.id });
 * ```
 */
export const AvailabilityZone = defineResource({
  name: 'availability zone',
  basePath: '/lbaas/availabilityzones',
  resourceKey: 'availability_zone',
  resourcesKey: 'availability_zones',
  idField: 'name',
  fields: {
    name: f.string({ createOnly: true, required: true }).always(),
    description: f.string().always(),
    /** Users may pick it. */
    enabled: f.boolean().always(),
    /** The profile holding the provider options (admin only sees it). */
    availabilityZoneProfileId: f.string({
      api: 'availability_zone_profile_id',
      createOnly: true,
      required: true,
    }),
  },
  query: { name: 'name', description: 'description', enabled: 'enabled', fields: 'fields' },
});
