import { defineResource, f } from '../../resource/index.js';

/**
 * A project's DNS quotas (`/v2/quotas/{project_id}`): how many zones it may own and how large
 * they may grow. Reading another project's quotas or changing any is for admins.
 */
export const Quota = defineResource({
  name: 'quota',
  basePath: '/quotas',
  resourceKey: null,
  resourcesKey: null,
  fields: {
    /** Record sets an export of one zone may hold. */
    apiExportSize: f.integer({ api: 'api_export_size' }).always(),
    /** Records one record set may hold. */
    recordsetRecords: f.integer({ api: 'recordset_records' }).always(),
    /** Records one zone may hold. */
    zoneRecords: f.integer({ api: 'zone_records' }).always(),
    /** Record sets one zone may hold. */
    zoneRecordsets: f.integer({ api: 'zone_recordsets' }).always(),
    /** Zones the project may own. */
    zones: f.integer().always(),
  },
  allow: { create: false, list: false },
  commitMethod: 'PATCH',
  pagination: 'none',
});
