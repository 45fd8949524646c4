import { defineResource, f } from '../../resource/index.js';

/** What the attaching host offers (os-brick's connector properties). */
export interface AttachmentConnector {
  /** The host the volume is attached to. */
  host?: string;
  /** The host's storage network address. */
  ip?: string;
  /** The host's iSCSI initiator name. */
  initiator?: string;
  /** The host's CPU platform, e.g. `x86_64`. */
  platform?: string;
  /** The host's OS, e.g. `linux`. */
  os_type?: string;
  /** Whether the host uses multipath. */
  multipath?: boolean;
  /** The device path in the guest. */
  mountpoint?: string;
  /** Read-write or read-only. */
  mode?: 'rw' | 'ro';
  [key: string]: unknown;
}

/**
 * Volume attachments (`/attachments`, 3.27): the attach flow compute services use. Create one
 * for a server (volume → `reserved`), give it the host's connector (cinder exports the volume
 * and returns `connection_info`), mark it complete (3.44, volume → `in-use`), delete it to detach.
 */
export const Attachment = defineResource({
  name: 'attachment',
  basePath: '/attachments',
  listPath: '/attachments/detail',
  fields: {
    id: f.string({ readOnly: true }).always(),
    /** The volume to attach (create only; read back as `volumeId`). */
    volumeUuid: f.string({ api: 'volume_uuid', createOnly: true, required: true }),
    /** The server it is for (create only; read back as `instance`). */
    instanceUuid: f.string({ api: 'instance_uuid', createOnly: true, nullable: true }),
    /** The host's connector; without one the attachment only reserves the volume. */
    connector: f.object<AttachmentConnector>(),
    /** `rw` or `ro` (3.54). */
    mode: f.enum(['rw', 'ro'], { minVersion: '3.54' }).createOnly(),
    status: f.string({ readOnly: true }).always(),
    volumeId: f.string({ api: 'volume_id', readOnly: true }).always(),
    instance: f.string({ readOnly: true }).returnsNull(),
    attachMode: f.string({ api: 'attach_mode', readOnly: true }).returnsNull(),
    attachedAt: f.date({ api: 'attached_at', readOnly: true }).returnsNull(),
    detachedAt: f.date({ api: 'detached_at', readOnly: true }).returnsNull(),
    /** What the host needs to connect (from the driver, once a connector was given). */
    connectionInfo: f.object<Record<string, unknown>>({ api: 'connection_info' }).readOnly().returnsNull(),
  },
  query: {
    volumeId: 'volume_id',
    instanceId: 'instance_id',
    status: 'status',
    allTenants: 'all_tenants',
    projectId: 'project_id',
    sort: 'sort',
    sortKey: 'sort_key',
    sortDir: 'sort_dir',
    offset: 'offset',
  },
  nameField: undefined,
  pagination: 'links',
});
