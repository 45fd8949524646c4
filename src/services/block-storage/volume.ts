import { defineResource, f } from '../../resource/index.js';

/** One attachment of a volume, as listed in its `attachments` field. */
export interface VolumeAttachment {
  /** The attachment id. */
  attachment_id: string;
  /** The attached server (or another consumer). */
  server_id?: string;
  /** The volume id. */
  volume_id?: string;
  /** The volume id again (cinder reports both). */
  id?: string;
  /** The device path in the guest (e.g. `/dev/vdb`). */
  device?: string;
  /** The host it is attached to, for a volume attached to a host rather than a server. */
  host_name?: string | null;
  /** When it was attached (ISO 8601). */
  attached_at?: string;
  [key: string]: unknown;
}

/** Statuses a volume goes to when an operation fails (waiters stop on these). */
export const VOLUME_FAILURE_STATUSES = [
  'error',
  'error_extending',
  'error_deleting',
  'error_restoring',
  'error_managing',
  'error_backing-up',
] as const;

/**
 * Block storage volume (`/volumes`). Field names follow cinder's API reference; the
 * microversion of each field comes from cinder's REST API version history.
 *
 * @example
 * ```ts
 * const vol = await conn.blockStorage.createVolume({ name: 'data', size: 10 });
 * await conn.blockStorage.waitForVolume(vol, 'available');
 * await conn.blockStorage.updateVolume(vol, { description: 'database files' });
 * for await (const v of conn.blockStorage.listVolumes({ status: 'available' })) console.log(v.name, v.size);
 * await conn.blockStorage.deleteVolume(vol);
 * await conn.blockStorage.waitForVolumeDelete(vol);
 * ```
 */
export const Volume = defineResource({
  name: 'volume',
  basePath: '/volumes',
  listPath: '/volumes/detail',
  fields: {
    id: f.string({ readOnly: true }).always(),
    name: f.string({ nullable: true }).always().returnsNull(),
    description: f.string({ nullable: true }).always().returnsNull(),
    /** Size in GiB; optional when creating from a snapshot, a source volume or a backup. */
    size: f.integer({ createOnly: true }).always(),
    status: f.string({ readOnly: true }).always(),
    availabilityZone: f.string({ api: 'availability_zone', createOnly: true, nullable: true }).always(),
    /** Create from this source volume. */
    sourceVolid: f.string({ api: 'source_volid', createOnly: true, nullable: true }).always().returnsNull(),
    /** Create from this snapshot. */
    snapshotId: f.string({ api: 'snapshot_id', createOnly: true, nullable: true }).always().returnsNull(),
    /** Create from this backup (3.47). */
    backupId: f
      .string({ api: 'backup_id', createOnly: true, nullable: true, minVersion: '3.47' })
      .returnsNull(),
    /** Create from this image (needs `size`). */
    imageRef: f.string({ createOnly: true, nullable: true }),
    /** The volume type name (or id on create). */
    volumeType: f.string({ api: 'volume_type', createOnly: true, nullable: true }).always(),
    metadata: f.object<Record<string, string>>().always(),
    multiattach: f.boolean({ createOnly: true }).always(),
    consistencygroupId: f
      .string({ api: 'consistencygroup_id', createOnly: true, nullable: true })
      .returnsNull(),
    /** From microversion 3.13. */
    groupId: f
      .string({ api: 'group_id', createOnly: true, nullable: true, minVersion: '3.13' })
      .returnsNull(),
    attachments: f.array<VolumeAttachment>().readOnly().always(),
    /** `"true"` or `"false"` (a string, as cinder sends it). */
    bootable: f.string({ readOnly: true }).always(),
    encrypted: f.boolean({ readOnly: true }).always(),
    createdAt: f.date({ api: 'created_at', readOnly: true }).always(),
    updatedAt: f.date({ api: 'updated_at', readOnly: true }).always().returnsNull(),
    userId: f.string({ api: 'user_id', readOnly: true }).always(),
    projectId: f.string({ api: 'os-vol-tenant-attr:tenant_id', readOnly: true }),
    host: f.string({ api: 'os-vol-host-attr:host', readOnly: true }).returnsNull(),
    migrationStatus: f.string({ api: 'migration_status', readOnly: true }).returnsNull(),
    migstat: f.string({ api: 'os-vol-mig-status-attr:migstat', readOnly: true }).returnsNull(),
    nameId: f.string({ api: 'os-vol-mig-status-attr:name_id', readOnly: true }).returnsNull(),
    replicationStatus: f.string({ api: 'replication_status', readOnly: true }).returnsNull(),
    volumeImageMetadata: f.object<Record<string, string>>({ api: 'volume_image_metadata' }).readOnly(),
    /** From microversion 3.21. */
    providerId: f.string({ api: 'provider_id', readOnly: true, minVersion: '3.21' }).returnsNull(),
    /** From microversion 3.48. */
    serviceUuid: f.string({ api: 'service_uuid', readOnly: true, minVersion: '3.48' }).returnsNull(),
    /** Tristate from 3.69 (true, false or null). From microversion 3.48. */
    sharedTargets: f
      .any<boolean | null>({ api: 'shared_targets', minVersion: '3.48' })
      .readOnly()
      .returnsNull(),
    /** From microversion 3.61. */
    clusterName: f.string({ api: 'cluster_name', readOnly: true, minVersion: '3.61' }).returnsNull(),
    /** From microversion 3.63. */
    volumeTypeId: f.string({ api: 'volume_type_id', readOnly: true, minVersion: '3.63' }),
    /** From microversion 3.64. */
    encryptionKeyId: f.string({ api: 'encryption_key_id', readOnly: true, minVersion: '3.64' }).returnsNull(),
    /** From microversion 3.65. */
    consumesQuota: f.boolean({ api: 'consumes_quota', readOnly: true, minVersion: '3.65' }),
    links: f.array<{ rel: string; href: string }>().readOnly().always(),
  },
  query: {
    name: 'name',
    status: 'status',
    /** A JSON object as a string, e.g. `'{"key":"value"}'`. */
    metadata: 'metadata',
    bootable: 'bootable',
    availabilityZone: 'availability_zone',
    allTenants: 'all_tenants',
    projectId: 'project_id',
    groupId: 'group_id',
    glanceMetadata: 'glance_metadata',
    createdAt: 'created_at',
    updatedAt: 'updated_at',
    consumesQuota: 'consumes_quota',
    withCount: 'with_count',
    sort: 'sort',
    sortKey: 'sort_key',
    sortDir: 'sort_dir',
    offset: 'offset',
  },
  pagination: 'links',
});

/** List filters of volumes that exist only from a microversion on. */
export const VOLUME_QUERY_VERSIONS = {
  glanceMetadata: '3.4',
  groupId: '3.10',
  withCount: '3.45',
  createdAt: '3.60',
  updatedAt: '3.60',
  consumesQuota: '3.65',
} as const;
