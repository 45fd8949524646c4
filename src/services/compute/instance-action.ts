import { defineResource, f } from '../../resource/index.js';

/** One step of a server action (e.g. `compute_reboot_instance`) and how it ended. */
export interface InstanceActionEvent {
  /** The step's name. */
  event: string;
  /** When it started. */
  start_time: string;
  /** When it ended (`null` while running). */
  finish_time: string | null;
  /** `Success` or `Error` (`null` while running). */
  result: string | null;
  /** Admin only. */
  traceback?: string | null;
  /** 2.62+ */
  hostId?: string;
  /** 2.62+, admin only. */
  host?: string;
  /** 2.84+, admin only. */
  details?: string | null;
}

/**
 * What was done to a server and by whom (`/servers/{server_id}/os-instance-actions`): one
 * record per API request, with its events (details need 2.51+ / admin).
 *
 * @example
 * ```ts
 * // what happened to a server, and who did it
 * const server = await conn.compute.findServer('web1');
 * const actions = await conn.compute.listInstanceActions({}, { parent: { serverId: server.id } }).toArray();
 * for (const a of actions) console.log(a.startTime, a.action, a.userId);
 * ```
 */
export const InstanceAction = defineResource({
  name: 'instance action',
  basePath: '/servers/{server_id}/os-instance-actions',
  resourceKey: 'instanceAction',
  resourcesKey: 'instanceActions',
  idField: 'requestId',
  fields: {
    serverId: f.string({ api: 'server_id', location: 'uri', readOnly: true }),
    requestId: f.string({ api: 'request_id', readOnly: true }).always(),
    /** `create`, `reboot`, `stop`, `resize`, ... */
    action: f.string({ readOnly: true }).always(),
    instanceUuid: f.string({ api: 'instance_uuid', readOnly: true }).always(),
    message: f.string({ readOnly: true, nullable: true }),
    projectId: f.string({ api: 'project_id', readOnly: true }).always(),
    userId: f.string({ api: 'user_id', readOnly: true }).always(),
    startTime: f.date({ api: 'start_time', readOnly: true }).always(),
    /** 2.58+ */
    updatedAt: f.date({ api: 'updated_at', readOnly: true }),
    /** Only when fetched by request id. */
    events: f.array<InstanceActionEvent>().readOnly(),
  },
  query: { changesSince: 'changes-since', changesBefore: 'changes-before' },
  pagination: 'links',
  allow: { create: false, commit: false, delete: false },
});
