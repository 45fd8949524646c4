import { defineResource, f } from '../../resource/index.js';

/**
 * A resource of a stack (`/stacks/{name}/{id}/resources`): one entry of the template's
 * `resources`, with the physical resource heat made for it. Addressed by its template name
 * (`resourceName`). Read-only: heat creates and deletes them with the stack.
 */
export const StackResource = defineResource({
  name: 'resource',
  basePath: '/stacks/{stack_name}/{stack_id}/resources',
  fields: {
    stackName: f.string({ api: 'stack_name', location: 'uri' }),
    stackId: f.string({ api: 'stack_id', location: 'uri' }),
    /** The name in the template, e.g. `port`. */
    resourceName: f.string({ api: 'resource_name', readOnly: true }).always(),
    logicalResourceId: f.string({ api: 'logical_resource_id', readOnly: true }).always(),
    /** The id of what heat created (a neutron port id, a server id, ...); empty before it exists. */
    physicalResourceId: f.string({ api: 'physical_resource_id', readOnly: true }).always(),
    /** The template type, e.g. `OS::Neutron::Port`. */
    resourceType: f.string({ api: 'resource_type', readOnly: true }).always(),
    /** `<ACTION>_<STATE>`, e.g. `CREATE_COMPLETE`. */
    status: f.string({ api: 'resource_status', readOnly: true }).always(),
    /** Heat's explanation of the status; for a failure, the error the service gave. */
    statusReason: f.string({ api: 'resource_status_reason', readOnly: true }).always(),
    creationTime: f.date({ api: 'creation_time', readOnly: true }),
    updatedTime: f.date({ api: 'updated_time', readOnly: true }).always(),
    /** Names of the resources that depend on this one. */
    requiredBy: f.array<string>({ api: 'required_by' }).readOnly().always(),
    /** The resource's attributes (show, or list with `withDetail`). */
    attributes: f.object<Record<string, unknown>>().readOnly(),
    description: f.string({ readOnly: true }),
    /** The parent stack's resource name when listed with `nestedDepth`. */
    parentResource: f.string({ api: 'parent_resource', readOnly: true }),
    links: f.array<{ rel: string; href: string }>().readOnly().always(),
  },
  query: {
    nestedDepth: 'nested_depth',
    withDetail: 'with_detail',
    name: 'name',
    status: 'status',
    action: 'action',
    type: 'type',
    id: 'id',
  },
  resourcesKey: 'resources',
  idField: 'resourceName',
  nameField: undefined,
  pagination: 'none',
  allow: { create: false, commit: false, delete: false },
});
