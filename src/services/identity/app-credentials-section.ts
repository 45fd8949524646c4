/** The identity proxy's section for application credentials and their access rules. */

import { ValidationError } from '../../errors/errors.js';
import {
  type CreateAttributes,
  createResource,
  type DeleteOptions,
  deleteResource,
  type Fields,
  type FindOptions,
  fetchResource,
  findResource,
  type ListQuery,
  listResources,
  type Resource,
  type ResourceDefinition,
  type ResourceList,
  type VerbOptions,
} from '../../resource/index.js';
import type { ServiceClient } from '../../session/service-client.js';
import { ServiceProxy } from '../service-proxy.js';
import { AccessRule } from './access-rule.js';

/** The HTTP methods keystone's access-rule schema allows. */
const ACCESS_RULE_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * The declaration types the rules' items but cannot check them (an array field): keystone
 * refuses another method with a 400, so it is refused here before anything is sent.
 */
function checkAccessRuleMethods(rules: readonly { method?: unknown }[] | null | undefined): void {
  for (const [i, rule] of (rules ?? []).entries()) {
    if (rule?.method !== undefined && !ACCESS_RULE_METHODS.includes(rule.method as string)) {
      throw new ValidationError(
        `must be one of ${ACCESS_RULE_METHODS.join(', ')}, got "${String(rule.method)}"`,
        {
          field: `application credential.accessRules[${i}].method`,
          fix: `use one of ${ACCESS_RULE_METHODS.join(', ')}`,
        },
      );
    }
  }
}

import { ApplicationCredential } from './application-credential.js';
import { currentUserId, deferredList, userOrSelf } from './requests.js';
import type { IdRef } from './types.js';

type AppCredDef = typeof ApplicationCredential;
type AppCredCreate = Omit<CreateAttributes<AppCredDef['fields']>, 'userId'> & { userId?: string };

/** A listing under `/users/{id}/...` of the given user (`query.userId`) or the current user. */
function listOfUser<F extends Fields, Q extends Record<string, string>>(
  client: ServiceClient,
  def: ResourceDefinition<F, Q>,
  query: ListQuery<Q> & { userId?: string },
  opts: VerbOptions,
): ResourceList<Resource<F>> {
  const { userId, ...q } = query;
  return deferredList(async () => {
    const parent = { userId: await userOrSelf(client, userId, opts.signal) };
    return listResources(client, def, q as ListQuery<Q>, { ...opts, parent });
  });
}

/** The owner of an application credential: given, known from the resource, or the current user. */
async function appCredUser(
  client: ServiceClient,
  id: IdRef,
  opts: { userId?: string; signal?: AbortSignal },
): Promise<string> {
  if (opts.userId) return opts.userId;
  if (typeof id !== 'string' && typeof id._uri.user_id === 'string') return id._uri.user_id;
  return currentUserId(client, opts.signal);
}

/** Application credentials and access rules (a section of `IdentityV3`, `conn.identity`). */
export abstract class ApplicationCredentialSection extends ServiceProxy {
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
    checkAccessRuleMethods(attrs.accessRules);
    const userId = await userOrSelf(this.client, attrs.userId, opts.signal);
    return createResource(this.client, ApplicationCredential, { ...attrs, userId }, opts);
  }

  /** Application credentials of a user (the current user when omitted). */
  listApplicationCredentials(
    query: ListQuery<AppCredDef['query']> & { userId?: string } = {},
    opts: VerbOptions = {},
  ): ResourceList<Resource<AppCredDef['fields']>> {
    return listOfUser(this.client, ApplicationCredential, query, opts);
  }

  /** One application credential (no secret). */
  async getApplicationCredential(
    id: IdRef,
    opts: VerbOptions & { userId?: string } = {},
  ): Promise<Resource<AppCredDef['fields']>> {
    const userId = await appCredUser(this.client, id, opts);
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
    const userId = await userOrSelf(this.client, opts.userId, opts.signal);
    return findResource(this.client, ApplicationCredential, nameOrId, { ...opts, parent: { userId } });
  }

  /** Delete an application credential; tokens it issued stop working. */
  async deleteApplicationCredential(
    id: IdRef,
    opts: DeleteOptions & { userId?: string } = {},
  ): Promise<void> {
    const userId = await appCredUser(this.client, id, opts);
    return deleteResource(this.client, ApplicationCredential, id, { ...opts, parent: { userId } });
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
    return listOfUser(this.client, AccessRule, query, opts);
  }

  /** One access rule. */
  async getAccessRule(
    id: string,
    opts: VerbOptions & { userId?: string } = {},
  ): Promise<Resource<(typeof AccessRule)['fields']>> {
    const userId = await userOrSelf(this.client, opts.userId, opts.signal);
    return fetchResource(this.client, AccessRule, id, { ...opts, parent: { userId } });
  }

  /** Delete an access rule (409 while an application credential still uses it). */
  async deleteAccessRule(id: string, opts: DeleteOptions & { userId?: string } = {}): Promise<void> {
    const userId = await userOrSelf(this.client, opts.userId, opts.signal);
    return deleteResource(this.client, AccessRule, id, { ...opts, parent: { userId } });
  }
}
