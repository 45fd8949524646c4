import { defineResource, f } from '../../resource/index.js';
import type { BaremetalLink } from './node.js';

/** One step of a deploy template: an interface's step with its arguments and priority. */
export interface DeployTemplateStep {
  /** The interface that runs it: `bios`, `deploy`, `management`, `power`, `raid`. */
  interface: string;
  /** The step's name on that interface. */
  step: string;
  /** The step's arguments. */
  args: Record<string, unknown>;
  /** Order among the deployment's steps; 0 disables the step. */
  priority: number;
}

/**
 * Bare metal deploy template (`/deploy_templates`, 1.55+): deploy steps a node runs when its
 * instance's traits include the template's name (a `CUSTOM_` trait).
 *
 * @example
 * ```ts
 * const t = await conn.baremetal.createDeployTemplate({
 *   name: 'CUSTOM_HYPERTHREADING_ON',
 *   steps: [{ interface: 'bios', step: 'apply_configuration', args: { settings: [] }, priority: 150 }],
 * });
 * await conn.baremetal.deleteDeployTemplate(t);
 * ```
 */
export const DeployTemplate = defineResource({
  name: 'baremetal deploy template',
  basePath: '/deploy_templates',
  resourceKey: null,
  resourcesKey: 'deploy_templates',
  fields: {
    uuid: f.string({ createOnly: true }).always(),
    /** A trait name (`CUSTOM_...`), unique among templates. */
    name: f.string({ required: true }).always(),
    /** At least one step. */
    steps: f.array<DeployTemplateStep>().required().always(),
    /** Free-form metadata. */
    extras: f.object<Record<string, unknown>>({ api: 'extra' }).always(),
    createdAt: f.date({ api: 'created_at', readOnly: true }).always(),
    updatedAt: f.date({ api: 'updated_at', readOnly: true }).returnsNull(),
    links: f.array<BaremetalLink>().readOnly(),
  },
  query: { sortKey: 'sort_key', sortDir: 'sort_dir', detail: 'detail' },
  idField: 'uuid',
  commitMethod: 'JSON_PATCH',
  jsonPatchContentType: 'application/json',
});
