import { defineResource, f } from '../../resource/index.js';

/**
 * Volume transfers (`/volume-transfers`, 3.55): hand a volume to another project. The owner
 * creates a transfer (the volume goes `awaiting-transfer`) and passes its id and `authKey`
 * (shown only at creation) to the receiver, who accepts it; deleting the transfer cancels it.
 */
export const VolumeTransfer = defineResource({
  name: 'transfer',
  basePath: '/volume-transfers',
  listPath: '/volume-transfers/detail',
  fields: {
    id: f.string({ readOnly: true }).always(),
    name: f.string({ createOnly: true, nullable: true }).always().returnsNull(),
    volumeId: f.string({ api: 'volume_id', createOnly: true, required: true }).always(),
    /** Transfer the volume without its snapshots (3.55). */
    noSnapshots: f.boolean({ api: 'no_snapshots', createOnly: true, minVersion: '3.55' }),
    /** The secret the receiver needs; only in the create response. */
    authKey: f.string({ api: 'auth_key', readOnly: true }),
    createdAt: f.date({ api: 'created_at', readOnly: true }),
    /** From microversion 3.57. */
    accepted: f.boolean({ readOnly: true, minVersion: '3.57' }),
    /** From microversion 3.57. */
    sourceProjectId: f.string({ api: 'source_project_id', readOnly: true, minVersion: '3.57' }).returnsNull(),
    /** From microversion 3.57. */
    destinationProjectId: f
      .string({ api: 'destination_project_id', readOnly: true, minVersion: '3.57' })
      .returnsNull(),
    links: f.array<{ rel: string; href: string }>().readOnly().always(),
  },
  query: {
    name: 'name',
    volumeId: 'volume_id',
    allTenants: 'all_tenants',
    sort: 'sort',
    sortKey: 'sort_key',
    sortDir: 'sort_dir',
    offset: 'offset',
  },
  pagination: 'links',
  allow: { commit: false },
});
