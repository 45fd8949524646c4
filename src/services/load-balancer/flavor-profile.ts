import { defineResource, f } from '../../resource/index.js';

/**
 * Flavor profile (`/lbaas/flavorprofiles`, admin): a provider and the JSON options
 * (`flavorData`, e.g. `{"loadbalancer_topology": "SINGLE"}`) a flavor stands for. The provider
 * checks the keys (`listProviderFlavorCapabilities` lists them).
 *
 * @example
 * ```ts
 * const fp = await conn.loadBalancer.createFlavorProfile({ name: 'single', providerName: 'amphora', flavorData: '{"loadbalancer_topology": "SINGLE"}' });
 * ```
 */
export const FlavorProfile = defineResource({
  name: 'flavor profile',
  basePath: '/lbaas/flavorprofiles',
  resourceKey: 'flavorprofile',
  resourcesKey: 'flavorprofiles',
  fields: {
    id: f.string({ readOnly: true }).always(),
    name: f.string({ required: true }).always(),
    /** The provider driver the options are for. */
    providerName: f.string({ api: 'provider_name', required: true }).always(),
    /** The options, as a JSON object in a string. */
    flavorData: f.string({ api: 'flavor_data', required: true }).always(),
  },
  query: { id: 'id', name: 'name', providerName: 'provider_name', fields: 'fields' },
});
