import { defineResource, f } from '../../resource/index.js';

/**
 * Provider driver (`/lbaas/providers`): what builds the data plane of a load balancer
 * (`amphora`, `ovn`, ...). Listing only; the name is the id.
 *
 * @example
 * ```ts
 * for await (const p of conn.loadBalancer.listProviders()) console.log(p.name, p.description);
 * ```
 */
export const Provider = defineResource({
  name: 'provider',
  basePath: '/lbaas/providers',
  idField: 'name',
  pagination: 'none',
  fields: {
    /** The driver's name, as `provider` of a load balancer takes it. */
    name: f.string({ readOnly: true }).always(),
    /** What the operator says it is. */
    description: f.string({ readOnly: true }).always(),
  },
  query: { name: 'name', description: 'description', fields: 'fields' },
  allow: { create: false, fetch: false, commit: false, delete: false },
});

/**
 * One capability a provider accepts in a flavor profile's `flavor_data` or an availability
 * zone profile's `availability_zone_data`.
 */
export interface ProviderCapability {
  /** The key. */
  name: string;
  /** What it does. */
  description: string;
}
