import { defineResource, f } from '../../resource/index.js';
import type { BaremetalLink } from './node.js';

/**
 * Bare metal allocation (`/allocations`, 1.52+): a request for one available node matching a
 * resource class and traits; the conductor picks the node asynchronously (`state` goes from
 * `allocating` to `active` or `error`, with `last_error`). Deleting it frees the node.
 *
 * @example
 * ```ts
 * const a = await conn.baremetal.createAllocation({ resourceClass: 'baremetal', name: 'job-42' });
 * const done = await conn.baremetal.waitForAllocation(a);
 * console.log('got node', done.nodeUuid);
 * await conn.baremetal.deleteAllocation(done);
 * ```
 */
export const Allocation = defineResource({
  name: 'baremetal allocation',
  basePath: '/allocations',
  resourceKey: null,
  resourcesKey: 'allocations',
  fields: {
    uuid: f.string({ createOnly: true }).always(),
    name: f.string({ returnsNull: true }).always().returnsNull(),
    /** The resource class the node must have. */
    resourceClass: f.string({ api: 'resource_class', createOnly: true }).always().returnsNull(),
    /** Traits the node must have. */
    traits: f.array<string>().createOnly().always(),
    /** Nodes (uuids or names) to pick from. */
    candidateNodes: f.array<string>({ api: 'candidate_nodes' }).createOnly().always(),
    /** The chosen node (given on create to backfill an existing deployment, 1.58+). */
    nodeUuid: f.string({ api: 'node_uuid', readOnly: true }).always().returnsNull(),
    /** `allocating`, `active` or `error`. */
    state: f.string({ readOnly: true }).always(),
    /** Why the allocation failed. */
    lastError: f.string({ api: 'last_error', readOnly: true }).always().returnsNull(),
    /** The project owning it (1.60+). */
    owner: f.string({ createOnly: true, minVersion: '1.60' }),
    /** Free-form metadata. */
    extras: f.object<Record<string, unknown>>({ api: 'extra' }).always(),
    createdAt: f.date({ api: 'created_at', readOnly: true }).always(),
    updatedAt: f.date({ api: 'updated_at', readOnly: true }).returnsNull(),
    links: f.array<BaremetalLink>().readOnly(),
  },
  query: {
    node: 'node',
    resourceClass: 'resource_class',
    state: 'state',
    owner: 'owner',
    sortKey: 'sort_key',
    sortDir: 'sort_dir',
  },
  idField: 'uuid',
  statusField: 'state',
  commitMethod: 'JSON_PATCH',
  jsonPatchContentType: 'application/json',
});
