/** The quota and limits methods of `conn.sharedFileSystem`. */
import {
  deleteResource,
  fetchResource,
  idSegment,
  type RequestOptions,
  type UpdateAttributes,
  updateResource,
  type VerbOptions,
} from '../../resource/index.js';
import { requestDocument } from '../service-documents.js';
import { ServiceProxy } from '../service-proxy.js';
import { ShareLimits } from './limits.js';
import { ShareQuotaSet } from './quota-set.js';
import type { ShareLimitsResource, ShareQuotaSetResource } from './resource-types.js';

/** Quotas and limits (a section of `conn.sharedFileSystem`, never constructed). */
export abstract class QuotaSection extends ServiceProxy {
  /**
   * A project's quotas (any project for admins, else the caller's own).
   *
   * @example
   * ```ts
   * const project = await conn.identity.findProject('finance');
   * await conn.sharedFileSystem.updateQuotaSet(project.id, { shares: 20, gigabytes: 500 });
   * console.log((await conn.sharedFileSystem.getQuotaSet(project.id)).shares);
   * await conn.sharedFileSystem.resetQuotaSet(project.id);
   * ```
   */
  async getQuotaSet(projectId: string, opts: RequestOptions = {}): Promise<ShareQuotaSetResource> {
    return fetchResource(this.client, ShareQuotaSet, projectId, opts);
  }

  /** The default quotas a project gets (`/quota-sets/{project_id}/defaults`). */
  async getQuotaSetDefaults(projectId: string, opts: RequestOptions = {}): Promise<ShareQuotaSetResource> {
    const path = `/quota-sets/${idSegment('project', projectId, 'projectId')}/defaults`;
    return requestDocument(this.client, ShareQuotaSet, 'GET', path, {}, opts);
  }

  /** Admin: change a project's quotas. */
  async updateQuotaSet(
    projectId: string,
    attrs: UpdateAttributes<(typeof ShareQuotaSet)['fields']>,
    opts: VerbOptions = {},
  ): Promise<ShareQuotaSetResource> {
    return updateResource(this.client, ShareQuotaSet, projectId, attrs, opts);
  }

  /** Admin: drop a project's own quotas so the defaults apply again. */
  async resetQuotaSet(projectId: string, opts: RequestOptions = {}): Promise<void> {
    await deleteResource(this.client, ShareQuotaSet, projectId, opts);
  }

  /** The current project's limits and usage (`/limits`). */
  async getLimits(opts: RequestOptions = {}): Promise<ShareLimitsResource> {
    return requestDocument(this.client, ShareLimits, 'GET', '/limits', {}, opts);
  }
}
