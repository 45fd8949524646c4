import { defineResource, f } from '../../resource/index.js';

/**
 * A software deployment (`/software_deployments`): a software config applied to one server,
 * with the input values it runs with and the outputs the server signals back. Its `status` is
 * `IN_PROGRESS`, `COMPLETE` or `FAILED`.
 */
export const SoftwareDeployment = defineResource({
  name: 'software_deployment',
  basePath: '/software_deployments',
  fields: {
    id: f.string({ readOnly: true }).always(),
    /** The software config to apply. */
    configId: f.string({ api: 'config_id' }).always(),
    /** The server (nova id) it applies to. */
    serverId: f.string({ api: 'server_id', createOnly: true }).always(),
    /** `CREATE`, `UPDATE`, `DELETE`, `SUSPEND`, `RESUME` (default `INIT` on create). */
    action: f.string().always(),
    /** `IN_PROGRESS`, `COMPLETE` or `FAILED`. */
    status: f.string().always(),
    statusReason: f.string({ api: 'status_reason' }).always(),
    inputValues: f.object<Record<string, unknown>>({ api: 'input_values' }).always(),
    outputValues: f.object<Record<string, unknown>>({ api: 'output_values' }).always(),
    creationTime: f.date({ api: 'creation_time', readOnly: true }).always(),
    updatedTime: f.date({ api: 'updated_time', readOnly: true }).returnsNull(),
  },
  query: { serverId: 'server_id' },
  nameField: undefined,
  pagination: 'none',
  allow: { commit: true },
});

/** The statuses that end a wait for a software deployment with an error. */
export const DEPLOYMENT_FAILURE_STATUSES = ['FAILED'] as const;
