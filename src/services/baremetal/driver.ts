import { defineResource, f } from '../../resource/index.js';
import type { BaremetalLink } from './node.js';

/**
 * Bare metal driver (`/drivers`): a hardware type some conductor has enabled, with the
 * interfaces it offers. Read-only; the properties a node of this driver takes in `driver_info`
 * come from getDriverProperties.
 *
 * @example
 * ```ts
 * for await (const d of conn.baremetal.listDrivers({ detail: true })) console.log(d.name, d.hosts);
 * const props = await conn.baremetal.getDriverProperties('fake-hardware');
 * console.log(Object.keys(props));
 * ```
 */
export const Driver = defineResource({
  name: 'baremetal driver',
  basePath: '/drivers',
  resourceKey: null,
  resourcesKey: 'drivers',
  fields: {
    name: f.string({ readOnly: true }).always(),
    /** The conductors that have it enabled. */
    hosts: f.array<string>().readOnly().always(),
    /** `dynamic` (a hardware type) or `classic` (gone since Rocky) (1.30+). */
    type: f.string({ readOnly: true, minVersion: '1.30' }),
    /** Default BIOS interface (1.30+, details only). */
    defaultBiosInterface: f.string({ api: 'default_bios_interface', readOnly: true, minVersion: '1.30' }),
    /** Default boot interface (1.30+, details only). */
    defaultBootInterface: f.string({ api: 'default_boot_interface', readOnly: true, minVersion: '1.30' }),
    /** Default deploy interface (1.30+, details only). */
    defaultDeployInterface: f.string({ api: 'default_deploy_interface', readOnly: true, minVersion: '1.30' }),
    /** Default power interface (1.30+, details only). */
    defaultPowerInterface: f.string({ api: 'default_power_interface', readOnly: true, minVersion: '1.30' }),
    /** Enabled boot interfaces (1.30+, details only). */
    enabledBootInterfaces: f.array<string>({ api: 'enabled_boot_interfaces', minVersion: '1.30' }).readOnly(),
    /** Enabled deploy interfaces (1.30+, details only). */
    enabledDeployInterfaces: f
      .array<string>({ api: 'enabled_deploy_interfaces', minVersion: '1.30' })
      .readOnly(),
    /** Enabled power interfaces (1.30+, details only). */
    enabledPowerInterfaces: f
      .array<string>({ api: 'enabled_power_interfaces', minVersion: '1.30' })
      .readOnly(),
    links: f.array<BaremetalLink>().readOnly(),
    properties: f.array<BaremetalLink>().readOnly(),
  },
  query: {
    /** `dynamic` or `classic` (1.30+). */
    type: 'type',
    /** Include the interface fields (1.30+). */
    detail: 'detail',
  },
  idField: 'name',
  nameField: 'name',
  pagination: 'none',
});
