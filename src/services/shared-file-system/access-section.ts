/** Access rules of `conn.sharedFileSystem`: grant, revoke, list, wait (share actions and `/share-access-rules`). */
import { ValidationError } from '../../errors/errors.js';
import {
  fetchResource,
  instantiate,
  listResources,
  type RequestOptions,
  type ResourceList,
  requireId,
  type VerbOptions,
  type WaitForStatusOptions,
  type WaitOptions,
  waitForDelete,
  waitForStatus,
} from '../../resource/index.js';
import { checkedList, requireMicroversion } from '../service-documents.js';
import { ServiceProxy } from '../service-proxy.js';
import { ACCESS_FAILURE_STATES, AccessRule } from './access-rule.js';
import { type IdArg, shareAction } from './internal.js';
import type { AccessRuleResource } from './resource-types.js';

/** Who may mount a share, and how. */
export interface ShareAccessGrant {
  /** `ip` (an address or CIDR), `user`, `cert` (a TLS certificate's common name) or `cephx`. */
  accessType: 'ip' | 'user' | 'cert' | 'cephx';
  /** The address, CIDR, user, certificate name or cephx id. */
  accessTo: string;
  /** `rw` (the default) or `ro`. */
  accessLevel?: 'rw' | 'ro';
  /** Metadata of the rule (2.45 or later). */
  metadata?: Record<string, string>;
}

const ACCESS_TYPES = ['ip', 'user', 'cert', 'cephx'];
const ACCESS_LEVELS = ['rw', 'ro'];

function grantBody(grant: ShareAccessGrant): Record<string, unknown> {
  if (!grant || !ACCESS_TYPES.includes(grant.accessType)) {
    throw new ValidationError(
      `must be one of ${ACCESS_TYPES.join(', ')} (got ${String(grant?.accessType)})`,
      {
        field: 'access.accessType',
        fix: "use 'ip' for an address or CIDR, 'user' for a user name",
      },
    );
  }
  if (typeof grant.accessTo !== 'string' || grant.accessTo.trim() === '') {
    throw new ValidationError('is required', {
      field: 'access.accessTo',
      fix: 'name the address, CIDR or user',
    });
  }
  if (grant.accessLevel !== undefined && !ACCESS_LEVELS.includes(grant.accessLevel)) {
    throw new ValidationError(`must be rw or ro (got ${String(grant.accessLevel)})`, {
      field: 'access.accessLevel',
    });
  }
  const body: Record<string, unknown> = { access_type: grant.accessType, access_to: grant.accessTo };
  if (grant.accessLevel) body.access_level = grant.accessLevel;
  if (grant.metadata) body.metadata = grant.metadata;
  return body;
}

/** Access rules (a section of `conn.sharedFileSystem`, never constructed). */
export abstract class AccessSection extends ServiceProxy {
  /**
   * Allow a client to mount a share (`allow_access`); the rule starts `queued_to_apply`, wait
   * for `active` with `waitForAccessRule`.
   *
   * @example
   * ```ts
   * const share = await conn.sharedFileSystem.findShare('data');
   * const rule = await conn.sharedFileSystem.grantShareAccess(share, { accessType: 'ip', accessTo: '10.0.0.5', accessLevel: 'ro' });
   * await conn.sharedFileSystem.waitForAccessRule(rule, 'active');
   * for await (const r of conn.sharedFileSystem.listAccessRules(share)) console.log(r.accessTo, r.state);
   * await conn.sharedFileSystem.revokeShareAccess(share, rule);
   * ```
   */
  async grantShareAccess(
    share: IdArg,
    grant: ShareAccessGrant,
    opts: RequestOptions = {},
  ): Promise<AccessRuleResource> {
    const body = grantBody(grant);
    if (grant.metadata) await requireMicroversion(this.client, '2.45', 'access.metadata', opts);
    const answer = await shareAction<{ access?: Record<string, unknown> }>(
      this.client,
      share,
      'allow_access',
      body,
      opts,
    );
    if (!answer?.access || typeof answer.access !== 'object') {
      throw new ValidationError('manila answered allow_access without the rule', { field: 'access' });
    }
    return instantiate(AccessRule, this.client, answer.access, {}, {});
  }

  /** Remove an access rule from a share (`deny_access`); the rule disappears once denied. */
  async revokeShareAccess(share: IdArg, rule: IdArg, opts: RequestOptions = {}): Promise<void> {
    await shareAction(this.client, share, 'deny_access', { access_id: requireId('access rule', rule) }, opts);
  }

  /** The access rules of a share (`/share-access-rules?share_id=`, 2.45 or later). */
  listAccessRules(share: IdArg, opts: VerbOptions = {}): ResourceList<AccessRuleResource> {
    const shareId = requireId('share', share);
    return checkedList(
      () => requireMicroversion(this.client, '2.45', 'listAccessRules', opts),
      listResources(this.client, AccessRule, { shareId }, opts),
    );
  }

  /** One access rule (2.45 or later). */
  async getAccessRule(rule: IdArg, opts: VerbOptions = {}): Promise<AccessRuleResource> {
    await requireMicroversion(this.client, '2.45', 'getAccessRule', opts);
    return fetchResource(this.client, AccessRule, requireId('access rule', rule), opts);
  }

  /** Wait until a revoked access rule is gone (2.45 or later). */
  async waitForAccessRuleDelete(rule: IdArg, opts: WaitOptions & VerbOptions = {}): Promise<void> {
    const id = requireId('access rule', rule);
    await requireMicroversion(this.client, '2.45', 'waitForAccessRuleDelete', opts);
    await waitForDelete(
      (signal) => fetchResource(this.client, AccessRule, id, { ...opts, timeoutMs: undefined, signal }),
      `access rule ${id}`,
      opts,
    );
  }

  /** Wait until an access rule reaches `state` (e.g. `active`); fails fast on `error`. */
  async waitForAccessRule(
    rule: IdArg,
    state: string | string[],
    opts: WaitForStatusOptions & VerbOptions = {},
  ): Promise<AccessRuleResource> {
    const id = requireId('access rule', rule);
    await requireMicroversion(this.client, '2.45', 'waitForAccessRule', opts);
    return waitForStatus(
      (signal) => fetchResource(this.client, AccessRule, id, { ...opts, timeoutMs: undefined, signal }),
      state,
      { failures: [...ACCESS_FAILURE_STATES], ...opts },
    );
  }
}
