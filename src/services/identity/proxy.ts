/** The identity v3 (keystone) proxy. */
import { accessFromV3 } from '../../auth/v3.js';
import { NotFoundError, ValidationError } from '../../errors/errors.js';
import {
  type CreateAttributes,
  createResource,
  type DeleteOptions,
  deleteResource,
  type FindOptions,
  fetchResource,
  findResource,
  instantiate,
  type ListQuery,
  listResources,
  namedVerbs,
  type RequestOptions,
  type Resource,
  type ResourceBase,
  ResourceList,
  requireId,
  TagsMixin,
  toRequest,
  type VerbOptions,
  type VerbsOf,
} from '../../resource/index.js';
import { decodeJson } from '../../session/decode.js';
import type { Session } from '../../session/session.js';
import { type ProxyOptions, ServiceProxy } from '../service-proxy.js';
import { identityV3Spec } from '../specs.js';
import { AccessRule } from './access-rule.js';
import { ApplicationCredential } from './application-credential.js';
import { Credential } from './credential.js';
import { Domain } from './domain.js';
import { Endpoint } from './endpoint.js';
import { Group } from './group.js';
import { Project } from './project.js';
import { Region } from './region.js';
import { Role } from './role.js';
import { RoleAssignment } from './role-assignment.js';
import { Service } from './service.js';
import { Token, type TokenInfo } from './token.js';
import { User } from './user.js';
import { UserPassword } from './user-password.js';

const CRUD = ['list', 'get', 'find', 'create', 'update', 'delete'] as const;
type Crud = (typeof CRUD)[number];

/** An id, or a resource whose id is used. */
export type IdRef = string | ResourceBase<any>;

function idOf(x: IdRef, what: string): string {
  return requireId(what, x, what);
}

function seg(x: IdRef, what: string): string {
  return encodeURIComponent(idOf(x, what));
}

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

/** Options of {@link IdentityV3.validateToken}. */
export interface ValidateTokenOptions extends RequestOptions {
  /** Accept a token that has expired (within keystone's allowed window). */
  allowExpired?: boolean;
  /** Include the service catalog (default true). */
  includeCatalog?: boolean;
}

type AppCredDef = typeof ApplicationCredential;
type AppCredCreate = Omit<CreateAttributes<AppCredDef['fields']>, 'userId'> & { userId?: string };

export interface IdentityV3
  extends VerbsOf<'Project', 'Projects', typeof Project, Crud>,
    VerbsOf<'Domain', 'Domains', typeof Domain, Crud>,
    VerbsOf<'User', 'Users', typeof User, Crud>,
    VerbsOf<'Group', 'Groups', typeof Group, Crud>,
    VerbsOf<'Role', 'Roles', typeof Role, Crud>,
    VerbsOf<'Region', 'Regions', typeof Region, Crud>,
    VerbsOf<'Service', 'Services', typeof Service, Crud>,
    VerbsOf<'Endpoint', 'Endpoints', typeof Endpoint, Crud>,
    VerbsOf<'Credential', 'Credentials', typeof Credential, Crud> {}

/**
 * Keystone v3: projects, domains, users, groups, roles and grants, the catalog (regions,
 * services, endpoints), application credentials, credentials and tokens.
 *
 * Every resource has the generated verbs `listX`, `getX`, `findX`, `createX`, `updateX`
 * (PATCH), `deleteX`; the methods below cover what is not CRUD.
 */
export class IdentityV3 extends ServiceProxy {
  private readonly projectTags: TagsMixin;

  constructor(session: Session, opts: ProxyOptions = {}) {
    super(session, identityV3Spec, opts);
    this.projectTags = new TagsMixin(this.client, '/projects');
    Object.assign(
      this,
      namedVerbs(this.client, Project, 'Project', 'Projects', CRUD),
      namedVerbs(this.client, Domain, 'Domain', 'Domains', CRUD),
      namedVerbs(this.client, User, 'User', 'Users', CRUD),
      namedVerbs(this.client, Group, 'Group', 'Groups', CRUD),
      namedVerbs(this.client, Role, 'Role', 'Roles', CRUD),
      namedVerbs(this.client, Region, 'Region', 'Regions', CRUD),
      namedVerbs(this.client, Service, 'Service', 'Services', CRUD),
      namedVerbs(this.client, Endpoint, 'Endpoint', 'Endpoints', CRUD),
      namedVerbs(this.client, Credential, 'Credential', 'Credentials', CRUD),
    );
    // keystone never returns a password, but create/commit keep the request's values in the
    // resource: drop it so a logged or serialized user never carries the secret
    const userVerbs = namedVerbs(this.client, User, 'User', 'Users', ['create', 'update']);
    this.createUser = async (attrs, o) => withoutPassword(await userVerbs.createUser(attrs, o));
    this.updateUser = async (user, attrs, o) => withoutPassword(await userVerbs.updateUser(user, attrs, o));
  }

  /**
   * The id of the user this connection is authenticated as.
   *
   * @example
   * ```ts
   * const me = await conn.identity.getUser(await conn.identity.currentUserId());
   * console.log(me.name, me.domainId);
   * ```
   */
  async currentUserId(signal?: AbortSignal): Promise<string> {
    const access = await this.client.session.getAccess(signal);
    if (!access.userId) {
      throw new ValidationError('this connection has no user (token without user)', {
        field: 'userId',
        fix: 'pass the user id explicitly',
      });
    }
    return access.userId;
  }

  private async userOrSelf(user: IdRef | undefined, signal?: AbortSignal): Promise<string> {
    return user === undefined ? this.currentUserId(signal) : idOf(user, 'user');
  }

  /** A listing whose path needs an async lookup first (e.g. the current user's id). */
  private deferredList<T>(make: () => Promise<ResourceList<T>>): ResourceList<T> {
    return new ResourceList<T>(async function* () {
      yield* (await make()).pages();
    });
  }

  // ---- projects -------------------------------------------------------------------------

  /**
   * Tags of a project.
   *
   * @example
   * ```ts
   * const project = await conn.identity.findProject('team-a');
   * await conn.identity.addProjectTag(project, 'cost-center-42');
   * if (await conn.identity.checkProjectTag(project, 'cost-center-42')) console.log(await conn.identity.listProjectTags(project));
   * ```
   */
  listProjectTags(project: IdRef, opts: RequestOptions = {}): Promise<string[]> {
    return this.projectTags.list(idOf(project, 'project'), opts);
  }

  /** Replace all tags of a project; resolves with the tags keystone stored. */
  setProjectTags(project: IdRef, tags: string[], opts: RequestOptions = {}): Promise<string[]> {
    return this.projectTags.set(idOf(project, 'project'), tags, opts);
  }

  /** Add one tag to a project (no error when it is already there). */
  addProjectTag(project: IdRef, tag: string, opts: RequestOptions = {}): Promise<void> {
    return this.projectTags.add(idOf(project, 'project'), tag, opts);
  }

  /** Remove one tag from a project (404 → NotFoundError when it is not there). */
  removeProjectTag(project: IdRef, tag: string, opts: RequestOptions = {}): Promise<void> {
    return this.projectTags.remove(idOf(project, 'project'), tag, opts);
  }

  /** Whether a project carries a tag. */
  checkProjectTag(project: IdRef, tag: string, opts: RequestOptions = {}): Promise<boolean> {
    return this.projectTags.has(idOf(project, 'project'), tag, opts);
  }

  /** Remove every tag of a project. */
  clearProjectTags(project: IdRef, opts: RequestOptions = {}): Promise<void> {
    return this.projectTags.clear(idOf(project, 'project'), opts);
  }

  /**
   * Projects the current token may be scoped to (`GET /v3/auth/projects`): what a user
   * without admin rights sees as "my projects".
   *
   * @example
   * ```ts
   * // what a user without admin rights can scope a token to
   * for await (const p of conn.identity.listAvailableProjects()) console.log(p.id, p.name);
   * ```
   */
  listAvailableProjects(opts: VerbOptions = {}): ResourceList<Resource<(typeof Project)['fields']>> {
    return listResources(this.client, Project, {}, { ...opts, path: '/auth/projects' });
  }

  /** Domains the current token may be scoped to (`GET /v3/auth/domains`). */
  listAvailableDomains(opts: VerbOptions = {}): ResourceList<Resource<(typeof Domain)['fields']>> {
    return listResources(this.client, Domain, {}, { ...opts, path: '/auth/domains' });
  }

  // ---- users and groups -----------------------------------------------------------------

  /**
   * Change a user's own password (`POST /v3/users/{id}/password`). Keystone checks the
   * original password itself; tokens of the user issued before are revoked.
   *
   * @example
   * ```ts
   * // the user's own password; keystone checks the original and revokes the user's older tokens
   * await conn.identity.changeUserPassword(await conn.identity.currentUserId(), {
   *   originalPassword: process.env.OLD_PASSWORD as string,
   *   password: process.env.NEW_PASSWORD as string,
   * });
   * ```
   */
  async changeUserPassword(
    user: IdRef,
    passwords: { originalPassword: string; password: string },
    opts: RequestOptions = {},
  ): Promise<void> {
    const parts = toRequest(
      UserPassword,
      { originalPassword: passwords.originalPassword, password: passwords.password },
      'create',
      this.client,
    );
    const res = await this.client.request('POST', `/users/${seg(user, 'user')}/password`, {
      json: { user: parts.body },
      signal: opts.signal,
      timeoutMs: opts.timeoutMs,
      headers: opts.headers,
    });
    await res.body.dump();
  }

  /**
   * Groups a user belongs to (`GET /v3/users/{id}/groups`); the current user when omitted.
   *
   * @example
   * ```ts
   * for await (const g of conn.identity.listUserGroups()) console.log('member of', g.name);
   * for await (const p of conn.identity.listUserProjects()) console.log('has a role on', p.name);
   * ```
   */
  listUserGroups(
    user?: IdRef,
    query: ListQuery<{ name: 'name' }> = {},
    opts: VerbOptions = {},
  ): ResourceList<Resource<(typeof Group)['fields']>> {
    return this.deferredList(async () => {
      const uid = await this.userOrSelf(user, opts.signal);
      return listResources(this.client, Group, query as ListQuery<(typeof Group)['query']>, {
        ...opts,
        path: `/users/${encodeURIComponent(uid)}/groups`,
      });
    });
  }

  /** Projects a user has a role on (`GET /v3/users/{id}/projects`); the current user when omitted. */
  listUserProjects(
    user?: IdRef,
    query: ListQuery<{ name: 'name'; domainId: 'domain_id'; enabled: 'enabled' }> = {},
    opts: VerbOptions = {},
  ): ResourceList<Resource<(typeof Project)['fields']>> {
    return this.deferredList(async () => {
      const uid = await this.userOrSelf(user, opts.signal);
      return listResources(this.client, Project, query as ListQuery<(typeof Project)['query']>, {
        ...opts,
        path: `/users/${encodeURIComponent(uid)}/projects`,
      });
    });
  }

  /**
   * Members of a group (`GET /v3/groups/{id}/users`).
   *
   * @example
   * ```ts
   * const ops = await conn.identity.findGroup('ops');
   * const alice = await conn.identity.findUser('alice');
   * await conn.identity.addUserToGroup(ops, alice);
   * console.log(await conn.identity.checkUserInGroup(ops, alice)); // true
   * for await (const u of conn.identity.listGroupUsers(ops)) console.log(u.name);
   * ```
   */
  listGroupUsers(
    group: IdRef,
    query: ListQuery<(typeof User)['query']> = {},
    opts: VerbOptions = {},
  ): ResourceList<Resource<(typeof User)['fields']>> {
    return listResources(this.client, User, query, { ...opts, path: `/groups/${seg(group, 'group')}/users` });
  }

  /** Add a user to a group (idempotent). */
  async addUserToGroup(group: IdRef, user: IdRef, opts: RequestOptions = {}): Promise<void> {
    await this.send('PUT', `/groups/${seg(group, 'group')}/users/${seg(user, 'user')}`, opts);
  }

  /** Remove a user from a group (NotFoundError when not a member). */
  async removeUserFromGroup(group: IdRef, user: IdRef, opts: RequestOptions = {}): Promise<void> {
    await this.send('DELETE', `/groups/${seg(group, 'group')}/users/${seg(user, 'user')}`, opts);
  }

  /** Whether a user is a member of a group. */
  checkUserInGroup(group: IdRef, user: IdRef, opts: RequestOptions = {}): Promise<boolean> {
    return this.exists(`/groups/${seg(group, 'group')}/users/${seg(user, 'user')}`, opts);
  }

  // ---- role grants and assignments ------------------------------------------------------

  private grantPath(g: RoleGrant, withRole: boolean): string {
    if (g.user === undefined && g.group === undefined) {
      throw new ValidationError('a grant needs a user or a group', {
        field: 'user',
        fix: 'pass user or group',
      });
    }
    const actor =
      g.user !== undefined ? `users/${seg(g.user, 'user')}` : `groups/${seg(g.group as IdRef, 'group')}`;
    let target: string;
    if (g.project !== undefined) target = `projects/${seg(g.project, 'project')}`;
    else if (g.domain !== undefined) target = `domains/${seg(g.domain, 'domain')}`;
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
    const role = withRole ? `/${seg(g.role, 'role')}` : '';
    if (g.inherited) return `/OS-INHERIT/${target}/${actor}/roles${role}/inherited_to_projects`;
    return `/${target}/${actor}/roles${role}`;
  }

  /** Grant a role to a user or group on a project, a domain or the system (idempotent). */
  async grantRole(grant: RoleGrant, opts: RequestOptions = {}): Promise<void> {
    await this.send('PUT', this.grantPath(grant, true), opts);
  }

  /** Revoke a role grant (NotFoundError when it does not exist). */
  async revokeRole(grant: RoleGrant, opts: RequestOptions = {}): Promise<void> {
    await this.send('DELETE', this.grantPath(grant, true), opts);
  }

  /** Whether this exact grant exists (direct grants only: use {@link listRoleAssignments} with `effective` for the rest). */
  checkRole(grant: RoleGrant, opts: RequestOptions = {}): Promise<boolean> {
    return this.exists(this.grantPath(grant, true), opts);
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
    const path = this.grantPath({ ...grant, role: '-' } as RoleGrant, false);
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

  // ---- application credentials and access rules -----------------------------------------

  /**
   * Create an application credential for a user (the current user when `userId` is omitted).
   * The returned resource carries the `secret`: keystone never shows it again.
   *
   * @example
   * ```ts
   * const cred = await conn.identity.createApplicationCredential({ name: 'ci-deployer', expiresAt: '2030-01-01T00:00:00' });
   * // cred.secret is shown only now: store it with cred.id (clouds.yaml auth_type v3applicationcredential)
   * console.log(cred.id);
   * await conn.identity.deleteApplicationCredential(cred);
   * ```
   */
  async createApplicationCredential(
    attrs: AppCredCreate,
    opts: VerbOptions = {},
  ): Promise<Resource<AppCredDef['fields']>> {
    const userId = await this.userOrSelf(attrs.userId, opts.signal);
    return createResource(this.client, ApplicationCredential, { ...attrs, userId }, opts);
  }

  /** Application credentials of a user (the current user when omitted). */
  listApplicationCredentials(
    query: ListQuery<AppCredDef['query']> & { userId?: string } = {},
    opts: VerbOptions = {},
  ): ResourceList<Resource<AppCredDef['fields']>> {
    const { userId, ...q } = query;
    return this.deferredList(async () => {
      const uid = await this.userOrSelf(userId, opts.signal);
      return listResources(this.client, ApplicationCredential, q, { ...opts, parent: { userId: uid } });
    });
  }

  /** One application credential (no secret). */
  async getApplicationCredential(
    id: IdRef,
    opts: VerbOptions & { userId?: string } = {},
  ): Promise<Resource<AppCredDef['fields']>> {
    const userId = await this.appCredUser(id, opts);
    return fetchResource(this.client, ApplicationCredential, id, { ...opts, parent: { userId } });
  }

  /** Find an application credential by id or name. */
  async findApplicationCredential(
    nameOrId: string,
    opts: FindOptions<AppCredDef['query']> & { userId?: string; ignoreMissing: true },
  ): Promise<Resource<AppCredDef['fields']> | undefined>;
  async findApplicationCredential(
    nameOrId: string,
    opts?: FindOptions<AppCredDef['query']> & { userId?: string },
  ): Promise<Resource<AppCredDef['fields']>>;
  async findApplicationCredential(
    nameOrId: string,
    opts: FindOptions<AppCredDef['query']> & { userId?: string } = {},
  ): Promise<Resource<AppCredDef['fields']> | undefined> {
    const userId = await this.userOrSelf(opts.userId, opts.signal);
    return findResource(this.client, ApplicationCredential, nameOrId, { ...opts, parent: { userId } });
  }

  /** Delete an application credential; tokens it issued stop working. */
  async deleteApplicationCredential(
    id: IdRef,
    opts: DeleteOptions & { userId?: string } = {},
  ): Promise<void> {
    const userId = await this.appCredUser(id, opts);
    return deleteResource(this.client, ApplicationCredential, id, { ...opts, parent: { userId } });
  }

  private async appCredUser(id: IdRef, opts: { userId?: string; signal?: AbortSignal }): Promise<string> {
    if (opts.userId) return opts.userId;
    if (typeof id !== 'string' && typeof id._uri.user_id === 'string') return id._uri.user_id;
    return this.currentUserId(opts.signal);
  }

  /**
   * Access rules of a user's application credentials (the current user when omitted).
   *
   * @example
   * ```ts
   * import { ConflictError } from 'openstack-sdk';
   *
   * // access rules limit what an application credential may call; they outlive it until deleted
   * for await (const r of conn.identity.listAccessRules()) {
   *   console.log(r.service, r.method, r.path);
   *   await conn.identity.deleteAccessRule(r.id as string).catch((e) => {
   *     if (!(e instanceof ConflictError)) throw e; // still used by an application credential
   *   });
   * }
   * ```
   */
  listAccessRules(
    query: ListQuery<(typeof AccessRule)['query']> & { userId?: string } = {},
    opts: VerbOptions = {},
  ): ResourceList<Resource<(typeof AccessRule)['fields']>> {
    const { userId, ...q } = query;
    return this.deferredList(async () => {
      const uid = await this.userOrSelf(userId, opts.signal);
      return listResources(this.client, AccessRule, q, { ...opts, parent: { userId: uid } });
    });
  }

  /** One access rule. */
  async getAccessRule(
    id: string,
    opts: VerbOptions & { userId?: string } = {},
  ): Promise<Resource<(typeof AccessRule)['fields']>> {
    const userId = await this.userOrSelf(opts.userId, opts.signal);
    return fetchResource(this.client, AccessRule, id, { ...opts, parent: { userId } });
  }

  /** Delete an access rule (409 while an application credential still uses it). */
  async deleteAccessRule(id: string, opts: DeleteOptions & { userId?: string } = {}): Promise<void> {
    const userId = await this.userOrSelf(opts.userId, opts.signal);
    return deleteResource(this.client, AccessRule, id, { ...opts, parent: { userId } });
  }

  // ---- tokens ---------------------------------------------------------------------------

  /**
   * Validate a token (`GET /v3/auth/tokens` with `X-Subject-Token`) and return what it grants.
   * Throws NotFoundError when the token is invalid, expired or revoked.
   *
   * @example
   * ```ts
   * const info = await conn.identity.validateToken('TOKEN_TO_CHECK');
   * console.log(info.userId, info.projectId, info.expiresAt);
   * ```
   */
  async validateToken(token: string, opts: ValidateTokenOptions = {}): Promise<TokenInfo> {
    const res = await this.client.request('GET', '/auth/tokens', {
      headers: { ...opts.headers, 'x-subject-token': token },
      // keystone reads a present flag as true whatever its value: send them only when set
      query: {
        ...(opts.includeCatalog === false ? { nocatalog: '1' } : {}),
        ...(opts.allowExpired ? { allow_expired: '1' } : {}),
      },
      signal: opts.signal,
      timeoutMs: opts.timeoutMs,
    });
    const doc = await decodeJson(res);
    doc.key('token', 'object');
    return tokenInfo(token, doc.value as { token: Record<string, unknown> }, (d) =>
      doc.fail('wrong-type', d),
    );
  }

  /** Whether a token is valid (`HEAD /v3/auth/tokens`). */
  checkToken(token: string, opts: RequestOptions & { allowExpired?: boolean } = {}): Promise<boolean> {
    return this.exists('/auth/tokens', {
      ...opts,
      headers: { ...opts.headers, 'x-subject-token': token },
      query: opts.allowExpired ? { allow_expired: '1' } : undefined,
    });
  }

  /** Revoke a token (`DELETE /v3/auth/tokens`). */
  async revokeToken(token: string, opts: RequestOptions = {}): Promise<void> {
    await this.send('DELETE', '/auth/tokens', {
      ...opts,
      headers: { ...opts.headers, 'x-subject-token': token },
    });
  }

  // ---- helpers --------------------------------------------------------------------------

  private async send(method: string, path: string, opts: RequestOptions): Promise<void> {
    const res = await this.client.request(method, path, {
      signal: opts.signal,
      timeoutMs: opts.timeoutMs,
      headers: opts.headers,
    });
    await res.body.dump();
  }

  /** HEAD: true on 2xx, false on 404. */
  private async exists(
    path: string,
    opts: RequestOptions & { query?: Record<string, string> },
  ): Promise<boolean> {
    try {
      const res = await this.client.request('HEAD', path, {
        signal: opts.signal,
        timeoutMs: opts.timeoutMs,
        headers: opts.headers,
        query: opts.query,
      });
      await res.body.dump();
      return true;
    } catch (e) {
      if (e instanceof NotFoundError) return false;
      throw e;
    }
  }
}

function withoutPassword<R extends ResourceBase<any>>(r: R): R {
  if ('password' in r._body) {
    const { password: _, ...rest } = r._body;
    r._sync(rest);
  }
  return r;
}

/** Parse a token document (`{ token: {...} }`) into {@link TokenInfo}. */
export function tokenInfo(
  token: string,
  doc: { token?: Record<string, unknown> } | undefined,
  fail?: (detail: string) => Error,
): TokenInfo {
  const access = accessFromV3(token, doc, fail);
  const t = instantiate(Token, undefined as never, doc?.token ?? {});
  const user = t.user;
  const project = t.project;
  return {
    ...access,
    issuedAt: t.issuedAt ? new Date(t.issuedAt) : undefined,
    auditIds: t.auditIds ?? [],
    userDomainId: user?.domain?.id,
    projectDomainId: project?.domain?.id,
    system: t.system,
    applicationCredentialId: t.applicationCredential?.id,
  };
}
