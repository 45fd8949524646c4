import { defineResource, f } from '../../resource/index.js';

/**
 * Placement resource class (`/resource_classes`, 1.2): standard (`VCPU`) or custom (`CUSTOM_*`).
 *
 * @example
 * ```ts
 * for await (const rc of conn.placement.listResourceClasses()) if (rc.name?.startsWith('CUSTOM_')) console.log(rc.name);
 * await conn.placement.deleteResourceClass('CUSTOM_FPGA'); // 409 while inventories still use it
 * ```
 */
export const ResourceClass = defineResource({
  name: 'resource class',
  basePath: '/resource_classes',
  resourceKey: null,
  resourcesKey: 'resource_classes',
  fields: {
    /** The class name; custom classes start with `CUSTOM_` (upper case, digits, `_`). */
    name: f.string({ required: true }).always(),
    links: f.array<{ rel: string; href: string }>().readOnly(),
  },
  idField: 'name',
  nameField: 'name',
  pagination: 'none',
  allow: { commit: false },
});
