import { defineResource, f } from '../../resource/index.js';

/**
 * Block storage availability zones (`/os-availability-zone`).
 *
 * @example
 * ```ts
 * for await (const az of conn.blockStorage.listAvailabilityZones()) console.log(az.zoneName, az.zoneState?.available);
 * ```
 */
export const AvailabilityZone = defineResource({
  name: 'availability zone',
  basePath: '/os-availability-zone',
  resourceKey: null,
  resourcesKey: 'availabilityZoneInfo',
  fields: {
    zoneName: f.string({ readOnly: true }).always(),
    zoneState: f.object<{ available: boolean }>().readOnly().always(),
  },
  idField: 'zoneName',
  nameField: 'zoneName',
  pagination: 'none',
  allow: { create: false, fetch: false, commit: false, delete: false, list: true },
});
