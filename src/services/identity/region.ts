import { defineResource, f } from '../../resource/index.js';
import type { IdentityLinks } from './types.js';

/**
 * Identity region (`/v3/regions`). Its id is chosen by the creator (e.g. `RegionTwo`).
 *
 * @example
 * ```ts
 * // admin: a child region; endpoints then name it by id
 * await conn.identity.createRegion({ id: 'RegionTwo-a', parentRegionId: 'RegionTwo', description: 'second hall' });
 * for await (const r of conn.identity.listRegions({ parentRegionId: 'RegionTwo' })) console.log(r.id, r.description);
 * ```
 */
export const Region = defineResource({
  name: 'region',
  basePath: '/regions',
  fields: {
    /** Chosen on create; generated when omitted. */
    id: f.string({ createOnly: true }).always(),
    description: f.string().always(),
    parentRegionId: f.string({ api: 'parent_region_id', nullable: true }).always(),
    links: f.object<IdentityLinks>().readOnly().always(),
  },
  query: { parentRegionId: 'parent_region_id' },
  commitMethod: 'PATCH',
});
