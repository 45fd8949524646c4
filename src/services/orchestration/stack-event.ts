import { defineResource, f } from '../../resource/index.js';

/**
 * An event of a stack (`/stacks/{name}/{id}/events`): one status change of the stack or of one
 * of its resources. Read-only.
 */
export const StackEvent = defineResource({
  name: 'event',
  basePath: '/stacks/{stack_name}/{stack_id}/events',
  fields: {
    stackName: f.string({ api: 'stack_name', location: 'uri' }),
    stackId: f.string({ api: 'stack_id', location: 'uri' }),
    id: f.string({ readOnly: true }).always(),
    eventTime: f.date({ api: 'event_time', readOnly: true }).always(),
    /** The resource's template name; the stack's own name for events of the stack itself. */
    resourceName: f.string({ api: 'resource_name', readOnly: true }).always(),
    logicalResourceId: f.string({ api: 'logical_resource_id', readOnly: true }).always(),
    physicalResourceId: f.string({ api: 'physical_resource_id', readOnly: true }).always(),
    /** `<ACTION>_<STATE>` the resource went to. */
    status: f.string({ api: 'resource_status', readOnly: true }).always(),
    statusReason: f.string({ api: 'resource_status_reason', readOnly: true }).always(),
    resourceType: f.string({ api: 'resource_type', readOnly: true }),
    resourceProperties: f.object<Record<string, unknown>>({ api: 'resource_properties' }).readOnly(),
    links: f.array<{ rel: string; href: string }>().readOnly().always(),
  },
  query: {
    resourceAction: 'resource_action',
    resourceStatus: 'resource_status',
    resourceName: 'resource_name',
    resourceType: 'resource_type',
    nestedDepth: 'nested_depth',
    sortKeys: 'sort_keys',
    sortDir: 'sort_dir',
  },
  nameField: undefined,
  pagination: 'marker',
  allow: { create: false, commit: false, delete: false },
});
