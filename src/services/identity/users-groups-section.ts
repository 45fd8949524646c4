/** The identity proxy's section for users and groups beyond CRUD: passwords and memberships. */
import {
  type Fields,
  idSegment,
  type ListQuery,
  listResources,
  type RequestOptions,
  type Resource,
  type ResourceDefinition,
  type ResourceList,
  toRequest,
  type VerbOptions,
} from '../../resource/index.js';
import type { ServiceClient } from '../../session/service-client.js';
import { ServiceProxy } from '../service-proxy.js';
import { Group } from './group.js';
import { Project } from './project.js';
import { currentUserId, deferredList, exists, send, userOrSelf } from './requests.js';
import type { IdRef } from './types.js';
import { User } from './user.js';
import { UserPassword } from './user-password.js';

/** A listing of `/users/{id}/<what>` for the given user, or the current user. */
function listOfUser<F extends Fields, Q extends Record<string, string>>(
  client: ServiceClient,
  def: ResourceDefinition<F, Q>,
  what: string,
  user: IdRef | undefined,
  query: ListQuery<Q>,
  opts: VerbOptions,
): ResourceList<Resource<F>> {
  return deferredList(async () => {
    const path = `/users/${idSegment('user', await userOrSelf(client, user, opts.signal), 'user')}/${what}`;
    return listResources(client, def, query, { ...opts, path });
  });
}

/** A user's membership of a group. */
function memberPath(group: IdRef, user: IdRef): string {
  return `/groups/${idSegment('group', group, 'group')}/users/${idSegment('user', user, 'user')}`;
}

/** The current user, passwords and group memberships (a section of `IdentityV3`, `conn.identity`). */
export abstract class UserGroupSection extends ServiceProxy {
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
    return currentUserId(this.client, signal);
  }

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
    await send(
      this.client,
      'POST',
      `/users/${idSegment('user', user, 'user')}/password`,
      { json: { user: parts.body } },
      opts,
    );
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
    return listOfUser(this.client, Group, 'groups', user, query as ListQuery<(typeof Group)['query']>, opts);
  }

  /** Projects a user has a role on (`GET /v3/users/{id}/projects`); the current user when omitted. */
  listUserProjects(
    user?: IdRef,
    query: ListQuery<{ name: 'name'; domainId: 'domain_id'; enabled: 'enabled' }> = {},
    opts: VerbOptions = {},
  ): ResourceList<Resource<(typeof Project)['fields']>> {
    return listOfUser(
      this.client,
      Project,
      'projects',
      user,
      query as ListQuery<(typeof Project)['query']>,
      opts,
    );
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
    return listResources(this.client, User, query, {
      ...opts,
      path: `/groups/${idSegment('group', group, 'group')}/users`,
    });
  }

  /** Add a user to a group (idempotent). */
  async addUserToGroup(group: IdRef, user: IdRef, opts: RequestOptions = {}): Promise<void> {
    await send(this.client, 'PUT', memberPath(group, user), {}, opts);
  }

  /** Remove a user from a group (NotFoundError when not a member). */
  async removeUserFromGroup(group: IdRef, user: IdRef, opts: RequestOptions = {}): Promise<void> {
    await send(this.client, 'DELETE', memberPath(group, user), {}, opts);
  }

  /** Whether a user is a member of a group. */
  checkUserInGroup(group: IdRef, user: IdRef, opts: RequestOptions = {}): Promise<boolean> {
    return exists(this.client, memberPath(group, user), {}, opts);
  }
}
