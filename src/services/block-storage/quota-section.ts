/** The quota and limits methods of `conn.blockStorage`. */
import {
  deleteResource,
  fetchResource,
  idSegment,
  type RequestOptions,
  type UpdateAttributes,
  updateResource,
  type VerbOptions,
} from '../../resource/index.js';
import { requestDocument, requireMicroversion } from '../service-documents.js';
import { ServiceProxy } from '../service-proxy.js';
import { Limits } from './limits.js';
import { QuotaClassSet } from './quota-class-set.js';
import { QuotaSet } from './quota-set.js';
import { QuotaSetUsage } from './quota-set-usage.js';
import type {
  LimitsResource,
  QuotaClassSetResource,
  QuotaSetResource,
  QuotaSetUsageResource,
} from './resource-types.js';

/** `/os-quota-sets/{project_id}`, then `tail`. */
function quotaPath(projectId: string, tail = ''): string {
  return `/os-quota-sets/${idSegment('project', projectId, 'projectId')}${tail}`;
}

/** Quotas, quota classes and limits (a section of `conn.blockStorage`, never constructed). */
export abstract class QuotaSection extends ServiceProxy {
  /**
   * A project's quotas (any project for admins, else the caller's own).
   *
   * @example
   * ```ts
   * // admin: give a project 50 volumes and 2 TiB, then go back to the defaults
   * const project = await conn.identity.findProject('finance');
   * await conn.blockStorage.updateQuotaSet(project.id, { volumes: 50, gigabytes: 2048 });
   * const usage = await conn.blockStorage.getQuotaSetUsage(project.id);
   * console.log(usage.gigabytes);
   * await conn.blockStorage.resetQuotaSet(project.id);
   * console.log((await conn.blockStorage.getQuotaSetDefaults(project.id)).volumes);
   * ```
   */
  async getQuotaSet(projectId: string, opts: RequestOptions = {}): Promise<QuotaSetResource> {
    return fetchResource(this.client, QuotaSet, projectId, opts);
  }

  /** A project's quotas with `in_use` / `reserved` usage of each. */
  async getQuotaSetUsage(projectId: string, opts: RequestOptions = {}): Promise<QuotaSetUsageResource> {
    const query = { usage: 'True' };
    return requestDocument(this.client, QuotaSetUsage, 'GET', quotaPath(projectId), { query }, opts);
  }

  /** The default quotas a project gets (`/os-quota-sets/{project_id}/defaults`). */
  async getQuotaSetDefaults(projectId: string, opts: RequestOptions = {}): Promise<QuotaSetResource> {
    return requestDocument(this.client, QuotaSet, 'GET', quotaPath(projectId, '/defaults'), {}, opts);
  }

  /** Admin: change a project's quotas (per-type quotas through `$extra`, e.g. `{ volumes_lvm: 5 }`). */
  async updateQuotaSet(
    projectId: string,
    attrs: UpdateAttributes<(typeof QuotaSet)['fields']>,
    opts: VerbOptions = {},
  ): Promise<QuotaSetResource> {
    return updateResource(this.client, QuotaSet, projectId, attrs, opts);
  }

  /** Admin: drop a project's own quotas so the defaults apply again. */
  async resetQuotaSet(projectId: string, opts: RequestOptions = {}): Promise<void> {
    await deleteResource(this.client, QuotaSet, projectId, opts);
  }

  /**
   * Default quotas of a quota class (`default`).
   *
   * @example
   * ```ts
   * // admin: the defaults every project without its own quotas gets
   * const defaults = await conn.blockStorage.getQuotaClassSet();
   * await conn.blockStorage.updateQuotaClassSet('default', { snapshots: (defaults.snapshots ?? 10) * 2 });
   * ```
   */
  async getQuotaClassSet(className = 'default', opts: RequestOptions = {}): Promise<QuotaClassSetResource> {
    return fetchResource(this.client, QuotaClassSet, className, opts);
  }

  /** Admin: change the default quotas of a quota class (affects every project without its own quotas). */
  async updateQuotaClassSet(
    className: string,
    attrs: UpdateAttributes<(typeof QuotaClassSet)['fields']>,
    opts: VerbOptions = {},
  ): Promise<QuotaClassSetResource> {
    return updateResource(this.client, QuotaClassSet, className, attrs, opts);
  }

  /**
   * Limits and usage of the caller's project, or of `projectId` (admin, 3.39).
   *
   * @example
   * ```ts
   * const { absolute } = await conn.blockStorage.getLimits();
   * console.log(`${absolute?.totalGigabytesUsed} of ${absolute?.maxTotalVolumeGigabytes} GiB used`);
   * ```
   */
  async getLimits(opts: RequestOptions & { projectId?: string } = {}): Promise<LimitsResource> {
    if (opts.projectId) await requireMicroversion(this.client, '3.39', 'getLimits.projectId', opts);
    const query = { project_id: opts.projectId };
    return requestDocument(this.client, Limits, 'GET', '/limits', { query }, opts);
  }
}
