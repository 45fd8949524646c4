import { defineResource, f } from '../../resource/index.js';
import type { DnsLinks } from './zone.js';

/**
 * The heartbeat of one designate process (`/v2/service_statuses`, admin): `api`, `central`,
 * `worker`, `producer`, `mdns`, each `UP` while it reports in.
 */
export const ServiceStatus = defineResource({
  name: 'service status',
  basePath: '/service_statuses',
  resourceKey: null,
  resourcesKey: 'service_statuses',
  fields: {
    id: f.string({ readOnly: true }).always(),
    hostname: f.string({ readOnly: true }).always(),
    /** `api`, `central`, `worker`, `producer`, `mdns`. */
    serviceName: f.string({ api: 'service_name', readOnly: true }).always(),
    /** `UP`, `WARNING` or `ERROR` (as last reported), `DOWN` when it stopped reporting. */
    status: f.string({ readOnly: true }).always(),
    stats: f.object<Record<string, unknown>>().readOnly(),
    capabilities: f.object<Record<string, unknown>>().readOnly(),
    heartbeatedAt: f.date({ api: 'heartbeated_at', readOnly: true }).always(),
    createdAt: f.date({ api: 'created_at', readOnly: true }).always(),
    updatedAt: f.date({ api: 'updated_at', readOnly: true }).always().returnsNull(),
    links: f.object<DnsLinks>().readOnly(),
  },
  query: { hostname: 'hostname', serviceName: 'service_name', status: 'status' },
  nameField: 'serviceName',
  allow: { create: false, commit: false, delete: false },
  pagination: 'links',
});
