import { defineResource, f } from '../../resource/index.js';
import { migrationHostFields } from './migration.js';

/**
 * An in-progress live migration of a server (`/servers/{server_id}/migrations`, 2.23+).
 * Deleting one aborts it (2.24+); finished and other kinds of migrations are in `Migration`.
 *
 * @example
 * ```ts
 * // admin: follow a server's live migration and push it over the line
 * const server = await conn.compute.findServer('db1');
 * for await (const m of conn.compute.listServerMigrations({}, { parent: { serverId: server.id } })) {
 *   console.log(m.status, m.memoryRemainingBytes);
 *   if (m.status === 'running') await conn.compute.forceCompleteServerMigration(server, m.id as number);
 * }
 * ```
 */
export const ServerMigration = defineResource({
  name: 'server migration',
  basePath: '/servers/{server_id}/migrations',
  resourceKey: 'migration',
  resourcesKey: 'migrations',
  minVersion: '2.23',
  fields: {
    serverId: f.string({ api: 'server_id', location: 'uri', readOnly: true }),
    id: f.integer({ readOnly: true }).always(),
    /** 2.59+ */
    uuid: f.string({ readOnly: true }),
    serverUuid: f.string({ api: 'server_uuid', readOnly: true }).always(),
    ...migrationHostFields,
    memoryTotalBytes: f.integer({ api: 'memory_total_bytes', readOnly: true }).returnsNull(),
    memoryProcessedBytes: f.integer({ api: 'memory_processed_bytes', readOnly: true }).returnsNull(),
    memoryRemainingBytes: f.integer({ api: 'memory_remaining_bytes', readOnly: true }).returnsNull(),
    diskTotalBytes: f.integer({ api: 'disk_total_bytes', readOnly: true }).returnsNull(),
    diskProcessedBytes: f.integer({ api: 'disk_processed_bytes', readOnly: true }).returnsNull(),
    diskRemainingBytes: f.integer({ api: 'disk_remaining_bytes', readOnly: true }).returnsNull(),
    /** 2.80+ */
    userId: f.string({ api: 'user_id', readOnly: true }),
    /** 2.80+ */
    projectId: f.string({ api: 'project_id', readOnly: true }),
    createdAt: f.date({ api: 'created_at', readOnly: true }).always(),
    updatedAt: f.date({ api: 'updated_at', readOnly: true }).always().returnsNull(),
  },
  pagination: 'none',
  allow: { create: false, commit: false },
});
