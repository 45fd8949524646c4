/** DNS quotas of a project (`conn.dns`). */
import {
  deleteResource,
  fetchResource,
  idSegment,
  type RequestOptions,
  toRequest,
  type UpdateAttributes,
  type VerbOptions,
} from '../../resource/index.js';
import { requestDocument } from '../service-documents.js';
import { ServiceProxy } from '../service-proxy.js';
import { Quota } from './quota.js';
import type { QuotaResource } from './resource-types.js';
import { requireText } from './validate.js';

const PROJECT_FIX = 'pass the project id (conn.identity.findProject(name))';

/** Quotas (a section of `conn.dns`, never constructed). */
export abstract class QuotaSection extends ServiceProxy {
  /**
   * A project's DNS quotas (admins: any project, with the `x-auth-all-projects: true` header
   * designate requires for another project's; others: their own).
   *
   * @example
   * ```ts
   * // admin: let a project own 50 zones, then go back to the defaults
   * const project = await conn.identity.findProject('demo');
   * const all = { headers: { 'x-auth-all-projects': 'true' } };
   * await conn.dns.updateQuota(project.id, { zones: 50 }, all);
   * console.log((await conn.dns.getQuota(project.id, all)).zones);
   * await conn.dns.resetQuota(project.id, all);
   * ```
   */
  async getQuota(projectId: string, opts: RequestOptions = {}): Promise<QuotaResource> {
    requireText('projectId', projectId, PROJECT_FIX);
    return fetchResource(this.client, Quota, projectId, opts);
  }

  /** Admin: change some of a project's quotas; the others keep their values. */
  async updateQuota(
    projectId: string,
    attrs: UpdateAttributes<(typeof Quota)['fields']>,
    opts: VerbOptions = {},
  ): Promise<QuotaResource> {
    const path = `/quotas/${idSegment('project', requireText('projectId', projectId, PROJECT_FIX))}`;
    // a quota set has no id of its own to commit by: the body is only the changed limits
    const json = toRequest(Quota, { ...attrs }, 'update').body;
    return requestDocument(this.client, Quota, 'PATCH', path, { json }, opts);
  }

  /** Admin: drop a project's own quotas so the defaults apply again. */
  async resetQuota(projectId: string, opts: RequestOptions = {}): Promise<void> {
    requireText('projectId', projectId, PROJECT_FIX);
    await deleteResource(this.client, Quota, projectId, opts);
  }
}
