import { defineResource, f } from '../../resource/index.js';

/**
 * Octavia flavor (`/lbaas/flavors`): a named, operator-defined set of provider options users
 * pick with `flavorId` when creating a load balancer (not a compute flavor). Creating, changing
 * and deleting are admin operations.
 *
 * @example
 * ```ts
 * const fp = await conn.loadBalancer.findFlavorProfile('single-profile');
 * const fl = await conn.loadBalancer.createFlavor({ name: 'single', flavorProfileId: fp.id, enabled: true });
 * ```
 */
export const Flavor = defineResource({
  name: 'flavor',
  basePath: '/lbaas/flavors',
  fields: {
    id: f.string({ readOnly: true }).always(),
    name: f.string({ required: true }).always(),
    description: f.string().always(),
    /** Users may pick it. */
    enabled: f.boolean().always(),
    /** The flavor profile holding the provider options (admin only sees it). */
    flavorProfileId: f.string({ api: 'flavor_profile_id', createOnly: true, required: true }),
  },
  query: { id: 'id', name: 'name', description: 'description', enabled: 'enabled', fields: 'fields' },
});
