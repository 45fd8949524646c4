import { defineResource, f } from '../../resource/index.js';

/**
 * Admin: a manila process (`/services`, microversion 2.7 or later): the scheduler and one
 * `manila-share` per back end, with whether it is enabled and reporting.
 *
 * @example
 * ```ts
 * for await (const s of conn.sharedFileSystem.listServices({ binary: 'manila-share' })) console.log(s.host, s.state);
 * ```
 */
export const ShareService = defineResource({
  name: 'share service',
  basePath: '/services',
  resourceKey: 'service',
  resourcesKey: 'services',
  fields: {
    id: f.integer({ readOnly: true }).always(),
    binary: f.string({ readOnly: true }).always(),
    /** `host` for the scheduler, `host@backend` for a share service. */
    host: f.string({ readOnly: true }).always(),
    zone: f.string({ readOnly: true }).always(),
    /** `enabled` or `disabled`. */
    status: f.string({ readOnly: true }).always(),
    /** `up` or `down` (heartbeats). */
    state: f.string({ readOnly: true }).always(),
    updatedAt: f.date({ api: 'updated_at', readOnly: true }).always().returnsNull(),
  },
  query: { binary: 'binary', host: 'host', zone: 'zone', status: 'status', state: 'state' },
  pagination: 'none',
  allow: { create: false, fetch: false, commit: false, delete: false, list: true },
});
