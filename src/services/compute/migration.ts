import { defineResource, f } from '../../resource/index.js';

/** Where a migration stands and which hosts it moves between: the same in both of nova's migration APIs. */
export const migrationHostFields = {
  status: f.string({ readOnly: true }).always(),
  sourceCompute: f.string({ api: 'source_compute', readOnly: true }).returnsNull(),
  sourceNode: f.string({ api: 'source_node', readOnly: true }).returnsNull(),
  destCompute: f.string({ api: 'dest_compute', readOnly: true }).returnsNull(),
  destHost: f.string({ api: 'dest_host', readOnly: true }).returnsNull(),
  destNode: f.string({ api: 'dest_node', readOnly: true }).returnsNull(),
};

/**
 * Migrations of every kind across the cloud (`/os-migrations`, admin).
 *
 * @example
 * ```ts
 * // admin: every migration that went wrong in the cloud
 * for await (const m of conn.compute.listMigrations({ status: 'error' })) console.log(m.instanceUuid, m.migrationType, m.sourceCompute, m.destCompute);
 * ```
 */
export const Migration = defineResource({
  name: 'migration',
  basePath: '/os-migrations',
  resourceKey: null,
  resourcesKey: 'migrations',
  fields: {
    id: f.integer({ readOnly: true }).always(),
    /** 2.59+ (the marker of paginated listings). */
    uuid: f.string({ readOnly: true }),
    instanceUuid: f.string({ api: 'instance_uuid', readOnly: true }).always(),
    /** `migration`, `resize`, `live-migration` or `evacuation` (2.23+). */
    migrationType: f.string({ api: 'migration_type', readOnly: true }),
    ...migrationHostFields,
    /** Internal flavor ids, not flavor ids of the API. */
    oldInstanceTypeId: f.integer({ api: 'old_instance_type_id', readOnly: true }).always(),
    newInstanceTypeId: f.integer({ api: 'new_instance_type_id', readOnly: true }).always(),
    /** 2.80+ */
    userId: f.string({ api: 'user_id', readOnly: true }),
    /** 2.80+ */
    projectId: f.string({ api: 'project_id', readOnly: true }),
    createdAt: f.date({ api: 'created_at', readOnly: true }).always(),
    updatedAt: f.date({ api: 'updated_at', readOnly: true }).always().returnsNull(),
    /** Only for in-progress live migrations (2.23+). */
    links: f.array<{ rel: string; href: string }>().readOnly(),
  },
  query: {
    hidden: 'hidden',
    host: 'host',
    instanceUuid: 'instance_uuid',
    migrationType: 'migration_type',
    sourceCompute: 'source_compute',
    status: 'status',
    /** 2.59+ */
    changesSince: 'changes-since',
    /** 2.66+ */
    changesBefore: 'changes-before',
    /** 2.80+ */
    userId: 'user_id',
    /** 2.80+ */
    projectId: 'project_id',
  },
  pagination: 'links',
  allow: { create: false, fetch: false, commit: false, delete: false, list: true },
});
