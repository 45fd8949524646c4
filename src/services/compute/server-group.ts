import { defineResource, f } from '../../resource/index.js';

/** The placement policies a server group can have: (anti-)affinity, strict or soft. */
export const SERVER_GROUP_POLICIES = [
  'affinity',
  'anti-affinity',
  'soft-affinity',
  'soft-anti-affinity',
] as const;
/** A server group placement policy. */
export type ServerGroupPolicy = (typeof SERVER_GROUP_POLICIES)[number];

/** Rules of a group (2.64+): only anti-affinity takes `max_server_per_host`. */
export interface ServerGroupRules {
  /** At most this many of the group's servers per host (anti-affinity). */
  max_server_per_host?: number;
}

/**
 * Server group (`/os-server-groups`): (anti-)affinity for its members. The policy is a list
 * `policies` up to 2.63 and a single `policy` with `rules` from 2.64; groups cannot be changed.
 *
 * @example
 * ```ts
 * // keep the web servers on different hosts
 * const group = await conn.compute.createServerGroup({ name: 'web-spread', policy: 'anti-affinity' });
 * console.log(group.id, group.members);
 * for await (const g of conn.compute.listServerGroups()) console.log(g.name, g.policy);
 * await conn.compute.deleteServerGroup(group);
 * ```
 */
export const ServerGroup = defineResource({
  name: 'server group',
  basePath: '/os-server-groups',
  fields: {
    id: f.string({ readOnly: true }).always(),
    name: f.string({ required: true, createOnly: true }).always(),
    /** Up to 2.63: a one-element list. */
    policies: f.array<ServerGroupPolicy>({ maxVersion: '2.63' }).createOnly(),
    /** From 2.64. */
    policy: f.enum(SERVER_GROUP_POLICIES, { minVersion: '2.64' }).createOnly(),
    /** From 2.64. */
    rules: f.object<ServerGroupRules>({ minVersion: '2.64' }).createOnly(),
    /** Ids of the member servers. */
    members: f.array<string>().readOnly().always(),
    /** Always empty; up to 2.63. */
    metadata: f.object<Record<string, string>>().readOnly(),
    projectId: f.string({ api: 'project_id', readOnly: true }),
    userId: f.string({ api: 'user_id', readOnly: true }),
  },
  query: { allProjects: 'all_projects', offset: 'offset' },
  allow: { commit: false },
  // limit/offset only: no links and no marker
  pagination: 'none',
});
