/** The identity proxy's section for role grants and role assignments. */
import { ValidationError } from '../../errors/errors.js';
import {
  idSegment,
  type ListQuery,
  listResources,
  type RequestOptions,
  type Resource,
  type ResourceList,
  type VerbOptions,
} from '../../resource/index.js';
import { ServiceProxy } from '../service-proxy.js';
import { exists, send } from './requests.js';
import { Role } from './role.js';
import { RoleAssignment } from './role-assignment.js';
import type { IdRef } from './types.js';

/** Who receives a role: a user or a group. */
export type GrantActor = { user: IdRef; group?: never } | { group: IdRef; user?: never };
/** Where a role applies: a project, a domain, or the whole deployment (`system: 'all'`). */
export type GrantTarget =
  | { project: IdRef; domain?: never; system?: never }
  | { domain: IdRef; project?: never; system?: never }
  | { system: 'all'; project?: never; domain?: never };

/**
 * A role grant: a role, given to a user or a group, on a project, a domain or the system.
 * `inherited: true` (OS-INHERIT) makes a domain or project grant apply to the projects below
 * it instead of the target itself.
 */
export type RoleGrant = { role: IdRef; inherited?: boolean } & GrantActor & GrantTarget;

/** Filters of {@link IdentityV3.listRoleAssignments}. Flags are sent only when true (keystone treats a present flag as true). */
export type RoleAssignmentQuery = Omit<
  ListQuery<(typeof RoleAssignment)['query']>,
  'effective' | 'includeNames' | 'includeSubtree'
> & {
  /** Expand group memberships and inherited grants into one entry per user and project. */
  effective?: boolean;
  /** Include names (and their domains) of roles, actors and scopes. */
  includeNames?: boolean;
  /** With `scopeProjectId`: also assignments on the project's subtree. */
  includeSubtree?: boolean;
};

/** The path of a grant (with the role) or of the roles of an actor on a target (without). */
function grantPath(g: RoleGrant, withRole: boolean): string {
  if (g.user === undefined && g.group === undefined) {
    throw new ValidationError('a grant needs a user or a group', {
      field: 'user',
      fix: 'pass user or group',
    });
  }
  const actor =
    g.user !== undefined
      ? `users/${idSegment('user', g.user, 'user')}`
      : `groups/${idSegment('group', g.group, 'group')}`;
  let target: string;
  if (g.project !== undefined) target = `projects/${idSegment('project', g.project, 'project')}`;
  else if (g.domain !== undefined) target = `domains/${idSegment('domain', g.domain, 'domain')}`;
  else if (g.system === 'all') target = 'system';
  else {
    throw new ValidationError('a grant needs a target', {
      field: 'project',
      fix: "pass project, domain or system: 'all'",
    });
  }
  if (g.inherited && g.system) {
    throw new ValidationError('system grants cannot be inherited', {
      field: 'inherited',
      fix: 'drop inherited',
    });
  }
  const role = withRole ? `/${idSegment('role', g.role, 'role')}` : '';
  if (g.inherited) return `/OS-INHERIT/${target}/${actor}/roles${role}/inherited_to_projects`;
  return `/${target}/${actor}/roles${role}`;
}

/** Granting, revoking and listing roles (a section of `IdentityV3`, `conn.identity`). */
export abstract class RoleGrantSection extends ServiceProxy {
  /** Grant a role to a user or group on a project, a domain or the system (idempotent). */
  async grantRole(grant: RoleGrant, opts: RequestOptions = {}): Promise<void> {
    await send(this.client, 'PUT', grantPath(grant, true), {}, opts);
  }

  /** Revoke a role grant (NotFoundError when it does not exist). */
  async revokeRole(grant: RoleGrant, opts: RequestOptions = {}): Promise<void> {
    await send(this.client, 'DELETE', grantPath(grant, true), {}, opts);
  }

  /** Whether this exact grant exists (direct grants only: use {@link listRoleAssignments} with `effective` for the rest). */
  checkRole(grant: RoleGrant, opts: RequestOptions = {}): Promise<boolean> {
    return exists(this.client, grantPath(grant, true), {}, opts);
  }

  /**
   * Roles granted directly to a user or group on a target (the `role` of the grant is ignored).
   *
   * @example
   * ```ts
   * const alice = await conn.identity.findUser('alice');
   * const project = await conn.identity.findProject('team-a');
   * for await (const r of conn.identity.listGrantedRoles({ user: alice, project })) console.log(r.name);
   * ```
   */
  listGrantedRoles(
    grant: Omit<RoleGrant, 'role'> & { role?: IdRef },
    opts: VerbOptions = {},
  ): ResourceList<Resource<(typeof Role)['fields']>> {
    const path = grantPath({ ...grant, role: '-' } as RoleGrant, false);
    return listResources(this.client, Role, {}, { ...opts, path });
  }

  /**
   * Role assignments (`GET /v3/role_assignments`) filtered by user, group, role and scope;
   * `effective` resolves groups and inheritance, `includeNames` adds names.
   *
   * @example
   * ```ts
   * // who can act on a project, directly or through groups and inheritance
   * const project = await conn.identity.findProject('team-a');
   * for await (const a of conn.identity.listRoleAssignments({ scopeProjectId: project.id, effective: true, includeNames: true }))
   *   console.log(a.user?.name, a.role?.name);
   * ```
   */
  listRoleAssignments(
    query: RoleAssignmentQuery = {},
    opts: VerbOptions = {},
  ): ResourceList<Resource<(typeof RoleAssignment)['fields']>> {
    const { effective, includeNames, includeSubtree, ...rest } = query;
    const q: Record<string, unknown> = { ...rest };
    // keystone reads a present flag as true whatever its value, so false flags are not sent
    if (effective) q.effective = true;
    if (includeNames) q.includeNames = true;
    if (includeSubtree) q.includeSubtree = true;
    return listResources(this.client, RoleAssignment, q as ListQuery<(typeof RoleAssignment)['query']>, opts);
  }
}
