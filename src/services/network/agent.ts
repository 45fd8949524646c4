import { defineResource, f } from '../../resource/index.js';
import { baseQuery } from './common.js';

/**
 * Agent (`/agents`, admin): L2/L3/DHCP/metadata agents; only description and admin state change.
 *
 * @example
 * ```ts
 * // admin: which neutron agents are alive
 * for await (const a of conn.network.listAgents()) console.log(a.agentType, a.host, a.alive ? 'up' : 'DOWN');
 * ```
 */
export const Agent = defineResource({
  name: 'agent',
  basePath: '/agents',
  nameField: 'host',
  allow: { create: false },
  fields: {
    id: f.string({ readOnly: true }).always(),
    /** e.g. `Open vSwitch agent`, `L3 agent`, `DHCP agent`. */
    agentType: f.string({ api: 'agent_type', readOnly: true }).always(),
    binary: f.string({ readOnly: true }).always(),
    topic: f.string({ readOnly: true }).always(),
    host: f.string({ readOnly: true }).always(),
    adminStateUp: f.boolean({ api: 'admin_state_up' }).always(),
    description: f.string({ nullable: true }).returnsNull(),
    alive: f.boolean({ readOnly: true }).always(),
    availabilityZone: f.string({ api: 'availability_zone', readOnly: true }).returnsNull(),
    heartbeatTimestamp: f.date({ api: 'heartbeat_timestamp', readOnly: true }).always(),
    startedAt: f.date({ api: 'started_at', readOnly: true }).always(),
    createdAt: f.date({ api: 'created_at', readOnly: true }).always(),
    configurations: f.object<Record<string, unknown>>().readOnly().always(),
    resourcesSynced: f.boolean({ api: 'resources_synced', readOnly: true }).returnsNull(),
    resourceVersions: f.object<Record<string, unknown>>({ api: 'resource_versions' }).readOnly(),
    /** `active`/`standby` when listed as hosting an HA router. */
    haState: f.string({ api: 'ha_state', readOnly: true }).returnsNull(),
  },
  query: {
    ...baseQuery,
    agentType: 'agent_type',
    binary: 'binary',
    topic: 'topic',
    host: 'host',
    adminStateUp: 'admin_state_up',
    alive: 'alive',
    availabilityZone: 'availability_zone',
    description: 'description',
  },
});
