import { defineResource, f } from '../../resource/index.js';

/**
 * An availability zone of the shared file system service (`/availability-zones`).
 *
 * @example
 * ```ts
 * for await (const az of conn.sharedFileSystem.listAvailabilityZones()) console.log(az.name);
 * ```
 */
export const AvailabilityZone = defineResource({
  name: 'availability zone',
  basePath: '/availability-zones',
  resourceKey: 'availability_zone',
  resourcesKey: 'availability_zones',
  fields: {
    id: f.string({ readOnly: true }).always(),
    name: f.string({ readOnly: true }).always(),
    createdAt: f.date({ api: 'created_at', readOnly: true }).always(),
    updatedAt: f.date({ api: 'updated_at', readOnly: true }).always().returnsNull(),
  },
  pagination: 'none',
  allow: { create: false, fetch: false, commit: false, delete: false, list: true },
});
