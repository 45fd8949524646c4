import { defineResource, f } from '../../resource/index.js';

/**
 * Block storage services (`/os-services`): cinder-scheduler, cinder-volume (one per backend),
 * cinder-backup. Services have no id: `host` and `binary` name one. Listing, enabling and
 * disabling are admin operations.
 *
 * @example
 * ```ts
 * // admin: find the volume backends that are down, and stop scheduling to them
 * for await (const s of conn.blockStorage.listServices({ binary: 'cinder-volume' })) {
 *   if (s.state === 'down') await conn.blockStorage.disableService(s.host as string, 'cinder-volume', { reason: 'backend unreachable' });
 * }
 * ```
 */
export const Service = defineResource({
  name: 'service',
  basePath: '/os-services',
  resourceKey: null,
  resourcesKey: 'services',
  fields: {
    /** `cinder-volume`, `cinder-scheduler`, `cinder-backup`. */
    binary: f.string().always(),
    /** `host` or, for volume services, `host@backend`. */
    host: f.string().always(),
    /** Why the service was disabled. */
    disabledReason: f.string({ api: 'disabled_reason', nullable: true }).returnsNull(),
    zone: f.string({ readOnly: true }).always(),
    /** `enabled` or `disabled`. */
    status: f.string({ readOnly: true }).always(),
    /** `up` or `down`. */
    state: f.string({ readOnly: true }).always(),
    /** Returned by enable/disable. */
    disabled: f.boolean({ readOnly: true }),
    updatedAt: f.date({ api: 'updated_at', readOnly: true }).always().returnsNull(),
    /** From microversion 3.7. */
    cluster: f.string({ readOnly: true, minVersion: '3.7' }).returnsNull(),
    frozen: f.boolean({ readOnly: true }).returnsNull(),
    replicationStatus: f.string({ api: 'replication_status', readOnly: true }).returnsNull(),
    activeBackendId: f.string({ api: 'active_backend_id', readOnly: true }).returnsNull(),
    /** From microversion 3.49. */
    backendState: f.string({ api: 'backend_state', readOnly: true, minVersion: '3.49' }).returnsNull(),
  },
  query: { host: 'host', binary: 'binary' },
  idField: 'host',
  nameField: 'host',
  pagination: 'none',
  allow: { create: false, fetch: false, commit: false, delete: false, list: true },
});
