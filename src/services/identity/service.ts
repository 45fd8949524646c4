import { defineResource, f } from '../../resource/index.js';
import type { IdentityLinks } from './types.js';

/** Identity catalog service (`/v3/services`). */
export const Service = defineResource({
  name: 'service',
  basePath: '/services',
  fields: {
    id: f.string({ readOnly: true }),
    /** Service type, e.g. `compute`. */
    type: f.string({ required: true }),
    name: f.string(),
    description: f.string({ nullable: true }),
    enabled: f.boolean(),
    links: f.object<IdentityLinks>().readOnly(),
  },
  query: { type: 'type', name: 'name' },
  commitMethod: 'PATCH',
});
