import { defineResource, f } from '../../resource/index.js';

/** `hosts` of the detailed listing: host → service binary → state. */
export type AvailabilityZoneHosts = Record<
  string,
  Record<string, { active: boolean; available: boolean; updated_at: string | null }>
>;

/**
 * Compute availability zone (`/os-availability-zone`; `/detail` adds the hosts and their
 * services, admin only). Listing only.
 */
export const AvailabilityZone = defineResource({
  name: 'availability zone',
  basePath: '/os-availability-zone',
  resourceKey: null,
  resourcesKey: 'availabilityZoneInfo',
  idField: 'name',
  fields: {
    name: f.string({ api: 'zoneName', readOnly: true }).always(),
    state: f.object<{ available: boolean }>({ api: 'zoneState' }).readOnly().always(),
    /** null in the plain listing. */
    hosts: f.any<AvailabilityZoneHosts | null>().readOnly().returnsNull(),
  },
  pagination: 'none',
  allow: { create: false, fetch: false, commit: false, delete: false, list: true },
});
