import { defineResource, f } from '../../resource/index.js';
import type { IdentityLinks } from './types.js';

/** Identity region (`/v3/regions`). Its id is chosen by the creator (e.g. `RegionTwo`). */
export const Region = defineResource({
  name: 'region',
  basePath: '/regions',
  fields: {
    /** Chosen on create; generated when omitted. */
    id: f.string({ createOnly: true }),
    description: f.string(),
    parentRegionId: f.string({ api: 'parent_region_id', nullable: true }),
    links: f.object<IdentityLinks>().readOnly(),
  },
  query: { parentRegionId: 'parent_region_id' },
  commitMethod: 'PATCH',
});
