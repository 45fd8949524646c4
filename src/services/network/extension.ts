import { defineResource, f } from '../../resource/index.js';
import type { Link } from './common.js';

/**
 * API extension (`/extensions`, read-only): what this neutron offers, by alias.
 *
 * @example
 * ```ts
 * for await (const ext of conn.network.listExtensions()) console.log(ext.alias, ext.name);
 * const qos = await conn.network.getExtension('qos'); // a NotFoundError when neutron lacks it
 * console.log(qos.description);
 * ```
 */
export const Extension = defineResource({
  name: 'extension',
  basePath: '/extensions',
  idField: 'alias',
  allow: { create: false, commit: false, delete: false },
  pagination: 'none',
  fields: {
    alias: f.string({ readOnly: true }),
    name: f.string({ readOnly: true }),
    description: f.string({ readOnly: true }),
    updated: f.date({ readOnly: true }),
    links: f.array<Link>().readOnly(),
  },
  query: { alias: 'alias', name: 'name', fields: 'fields' },
});
