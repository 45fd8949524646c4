import { defineResource, f } from '../../resource/index.js';

/** An actor or role in an assignment; `name`/`domain` only with `includeNames`. */
export interface AssignmentRef {
  /** The id. */
  id: string;
  /** The name (with `includeNames`). */
  name?: string;
  /** The domain (with `includeNames`). */
  domain?: { id: string; name?: string };
}

/** Where an assignment applies. */
export interface AssignmentScope {
  /** The project. */
  project?: AssignmentRef;
  /** The domain. */
  domain?: AssignmentRef;
  /** The whole deployment. */
  system?: { all?: boolean };
  /** `projects` when the assignment is inherited by the projects of a domain or project tree. */
  'OS-INHERIT:inherited_to'?: 'projects';
}

/**
 * Identity role assignments (`GET /v3/role_assignments`): read-only, list only. Grants are
 * made with the proxy's `grantRole` / `revokeRole` / `checkRole`.
 */
export const RoleAssignment = defineResource({
  name: 'role assignment',
  basePath: '/role_assignments',
  fields: {
    role: f.object<AssignmentRef>().readOnly().always(),
    user: f.object<AssignmentRef>().readOnly(),
    group: f.object<AssignmentRef>().readOnly(),
    scope: f.object<AssignmentScope>().readOnly().always(),
    /** `assignment`: the grant behind it; `membership`: the group membership (effective listings). */
    links: f.object<{ assignment?: string; membership?: string }>().readOnly().always(),
  },
  query: {
    userId: 'user.id',
    groupId: 'group.id',
    roleId: 'role.id',
    scopeProjectId: 'scope.project.id',
    scopeDomainId: 'scope.domain.id',
    /** `all` for system assignments. */
    scopeSystem: 'scope.system',
    /** `projects`: only inherited assignments. */
    inheritedTo: 'scope.OS-INHERIT:inherited_to',
    /** Resolve group memberships and inheritance into per-user assignments. */
    effective: 'effective',
    /** Add names (and domains) to role, user, group and scope. */
    includeNames: 'include_names',
    /** With `scopeProjectId`: also the project's subtree. */
    includeSubtree: 'include_subtree',
  },
  allow: { create: false, fetch: false, commit: false, delete: false, list: true },
});
