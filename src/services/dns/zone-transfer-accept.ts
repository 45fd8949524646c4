import { defineResource, f } from '../../resource/index.js';
import type { DnsLinks } from './zone.js';

/**
 * The acceptance of a zone transfer request (`/v2/zones/tasks/transfer_accepts`): created by the
 * receiving project with the request's id and key, after which the zone is the receiver's.
 * `COMPLETE` once the zone has moved, `ERROR` if it could not.
 */
export const ZoneTransferAccept = defineResource({
  name: 'zone transfer accept',
  basePath: '/zones/tasks/transfer_accepts',
  resourceKey: null,
  resourcesKey: 'transfer_accepts',
  fields: {
    id: f.string({ readOnly: true }).always(),
    /** The request being accepted. */
    zoneTransferRequestId: f
      .string({ api: 'zone_transfer_request_id', required: true, createOnly: true })
      .always(),
    /** The request's secret key. */
    key: f.string({ required: true, createOnly: true }),
    zoneId: f.string({ api: 'zone_id', readOnly: true }).always(),
    /** `PENDING`, `COMPLETE` or `ERROR`. */
    status: f.string({ readOnly: true }).always(),
    projectId: f.string({ api: 'project_id', readOnly: true }).always(),
    createdAt: f.date({ api: 'created_at', readOnly: true }).always(),
    updatedAt: f.date({ api: 'updated_at', readOnly: true }).always().returnsNull(),
    links: f.object<DnsLinks>().readOnly(),
  },
  query: { status: 'status', limit: 'limit', marker: 'marker' },
  allow: { commit: false, delete: false },
  pagination: 'links',
});
