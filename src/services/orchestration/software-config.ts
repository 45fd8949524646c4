import { defineResource, f } from '../../resource/index.js';

/** An input or output declared by a software config. */
export interface SoftwareConfigIo {
  /** The input's or output's name. */
  name: string;
  /** Its type: `String` (heat's default), `Number`, `CommaDelimitedList`, `Json` or `Boolean`. */
  type?: string;
  /** What it is for. */
  description?: string;
  /** An input's value when the deployment gives none. */
  default?: unknown;
  /** An output only: a value in it marks the deployment as failed. */
  error_output?: boolean;
}

/**
 * A software config (`/software_configs`): a script or configuration and the inputs and outputs
 * it declares, applied to servers by software deployments. Immutable: create a new one instead
 * of updating.
 */
export const SoftwareConfig = defineResource({
  name: 'software_config',
  basePath: '/software_configs',
  fields: {
    id: f.string({ readOnly: true }).always(),
    name: f.string({ createOnly: true }).always(),
    /** The tool that applies it on the server: `script`, `puppet`, `ansible`, `Heat::Ungrouped` (default). */
    group: f.string({ createOnly: true }).always(),
    /** The configuration itself (a script, a manifest, ...). */
    config: f.string({ createOnly: true }),
    inputs: f.array<SoftwareConfigIo>().createOnly(),
    outputs: f.array<SoftwareConfigIo>().createOnly(),
    /** Options for the group's tool. */
    options: f.object<Record<string, unknown>>().createOnly(),
    creationTime: f.date({ api: 'creation_time', readOnly: true }).always(),
    projectId: f.string({ api: 'project', readOnly: true }),
  },
  pagination: 'marker',
  allow: { commit: false },
});
