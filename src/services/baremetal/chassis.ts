import { defineResource, f } from '../../resource/index.js';
import type { BaremetalLink } from './node.js';

/**
 * Bare metal chassis (`/chassis`): a group of nodes (a rack, an enclosure). Listings use
 * `/chassis/detail`; a chassis with nodes cannot be deleted.
 *
 * @example
 * ```ts
 * const chassis = await conn.baremetal.createChassis({ description: 'rack 1' });
 * await conn.baremetal.updateChassis(chassis, { extras: { row: 'B' } });
 * await conn.baremetal.deleteChassis(chassis);
 * ```
 */
export const Chassis = defineResource({
  name: 'baremetal chassis',
  basePath: '/chassis',
  listPath: '/chassis/detail',
  resourceKey: null,
  resourcesKey: 'chassis',
  fields: {
    uuid: f.string({ createOnly: true }).always(),
    description: f.string({ returnsNull: true }).always().returnsNull(),
    /** Free-form metadata. */
    extras: f.object<Record<string, unknown>>({ api: 'extra' }).always(),
    createdAt: f.date({ api: 'created_at', readOnly: true }).always(),
    updatedAt: f.date({ api: 'updated_at', readOnly: true }).returnsNull(),
    links: f.array<BaremetalLink>().readOnly(),
  },
  query: { sortKey: 'sort_key', sortDir: 'sort_dir' },
  idField: 'uuid',
  commitMethod: 'JSON_PATCH',
  jsonPatchContentType: 'application/json',
});
