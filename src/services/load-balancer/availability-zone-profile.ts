import { defineResource, f } from '../../resource/index.js';

/**
 * Availability zone profile (`/lbaas/availabilityzoneprofiles`, admin): a provider and the
 * JSON options (`availabilityZoneData`, e.g. `{"compute_zone": "nova"}`) an availability zone
 * stands for.
 *
 * @example
 * ```ts
 * await conn.loadBalancer.createAvailabilityZoneProfile({ name: 'az1', providerName: 'amphora', availabilityZoneData: '{"compute_zone": "nova"}' });
 * ```
 */
export const AvailabilityZoneProfile = defineResource({
  name: 'availability zone profile',
  basePath: '/lbaas/availabilityzoneprofiles',
  resourceKey: 'availability_zone_profile',
  resourcesKey: 'availability_zone_profiles',
  fields: {
    id: f.string({ readOnly: true }).always(),
    name: f.string({ required: true }).always(),
    /** The provider driver the options are for. */
    providerName: f.string({ api: 'provider_name', required: true }).always(),
    /** The options, as a JSON object in a string. */
    availabilityZoneData: f.string({ api: 'availability_zone_data', required: true }).always(),
  },
  query: { id: 'id', name: 'name', providerName: 'provider_name', fields: 'fields' },
});
