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
    alias: f.string({ readOnly: true }).always(),
    name: f.string({ readOnly: true }).always(),
    description: f.string({ readOnly: true }).always(),
    updated: f.date({ readOnly: true }).always(),
    links: f.array<Link>().readOnly().always(),
  },
  query: { alias: 'alias', name: 'name', fields: 'fields' },
});
