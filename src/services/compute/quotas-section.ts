/** The compute proxy's section for limits and quota sets (`/limits`, `/os-quota-sets`). */
import {
  idSegment,
  instantiate,
  type RequestOptions,
  toRequest,
  type UpdateAttributes,
} from '../../resource/index.js';
import type { ServiceClient } from '../../session/service-client.js';
import { ServiceProxy } from '../service-proxy.js';
import { Limits } from './limits.js';
import { QuotaSet, QuotaSetDetail } from './quota-set.js';
import type { FieldsOf, R } from './section-types.js';

/** `/os-quota-sets/{project}` and below. */
function quotaPath(project: string, suffix = ''): string {
  return `/os-quota-sets/${idSegment('project', project, 'project')}${suffix}`;
}

/** GET a quota set (or its detail) and read it as `def`. */
async function quotaGet<D extends typeof QuotaSet | typeof QuotaSetDetail>(
  client: ServiceClient,
  def: D,
  path: string,
  query: Record<string, string | undefined>,
  opts: RequestOptions,
): Promise<R<D>> {
  const doc = await client.decode('GET', path, { query }, opts);
  return instantiate(def as typeof QuotaSet, client, doc.key('quota_set', 'object')) as unknown as R<D>;
}

/** Limits and quotas (a section of `ComputeV2`, `conn.compute`). */
export abstract class QuotaSection extends ServiceProxy {
  /**
   * Absolute limits and usage of the caller's project (admin: of `projectId`).
   *
   * @example
   * ```ts
   * const limits = await conn.compute.getLimits();
   * const abs = limits.absolute;
   * console.log(`cores ${abs?.totalCoresUsed}/${abs?.maxTotalCores}, servers ${abs?.totalInstancesUsed}/${abs?.maxTotalInstances}`);
   * ```
   */
  async getLimits(
    opts: RequestOptions & { projectId?: string; reserved?: boolean } = {},
  ): Promise<R<typeof Limits>> {
    const { projectId, reserved } = opts;
    const query = { tenant_id: projectId, reserved: reserved === undefined ? undefined : reserved ? 1 : 0 };
    const doc = await this.client.decode('GET', '/limits', { query }, opts);
    return instantiate(Limits, this.client, doc.key('limits', 'object'));
  }

  /** The quotas of a project, or of `userId` in it. */
  async getQuotaSet(
    project: string,
    opts: RequestOptions & { userId?: string } = {},
  ): Promise<R<typeof QuotaSet>> {
    return quotaGet(this.client, QuotaSet, quotaPath(project), { user_id: opts.userId }, opts);
  }

  /**
   * The quotas of a project (or user) with usage: `{ limit, in_use, reserved }` per resource.
   *
   * @example
   * ```ts
   * const project = (await conn.identity.findProject('demo')).id;
   * const detail = await conn.compute.getQuotaSetDetail(project);
   * console.log(`instances: ${detail.instances?.in_use}/${detail.instances?.limit}`);
   * const defaults = await conn.compute.getQuotaSetDefaults(project);
   * console.log('default cores', defaults.cores);
   * ```
   */
  async getQuotaSetDetail(
    project: string,
    opts: RequestOptions & { userId?: string } = {},
  ): Promise<R<typeof QuotaSetDetail>> {
    return quotaGet(
      this.client,
      QuotaSetDetail,
      quotaPath(project, '/detail'),
      { user_id: opts.userId },
      opts,
    );
  }

  /** The default quotas a project starts with. */
  async getQuotaSetDefaults(project: string, opts: RequestOptions = {}): Promise<R<typeof QuotaSet>> {
    return quotaGet(this.client, QuotaSet, quotaPath(project, '/defaults'), {}, opts);
  }

  /**
   * Admin: change quotas of a project (or of `userId` in it). Only the given limits change;
   * `force: true` allows limits below the current usage. Resolves with the whole quota set.
   *
   * @example
   * ```ts
   * // admin: raise a project's quotas
   * const q = await conn.compute.updateQuotaSet('PROJECT_ID', { cores: 64, ram: 131_072, instances: 20 });
   * console.log(q.cores, q.ram, q.instances);
   * ```
   */
  async updateQuotaSet(
    project: string,
    attrs: UpdateAttributes<FieldsOf<typeof QuotaSet>>,
    opts: RequestOptions & { userId?: string } = {},
  ): Promise<R<typeof QuotaSet>> {
    await this.client.resolve(opts.signal);
    const body = toRequest(QuotaSet, attrs as Record<string, unknown>, 'update', this.client).body;
    const doc = await this.client.decode(
      'PUT',
      quotaPath(project),
      { query: { user_id: opts.userId }, json: { quota_set: body } },
      opts,
    );
    return instantiate(QuotaSet, this.client, { id: project, ...doc.keyOr('quota_set', 'object', {}) });
  }

  /** Admin: drop a project's (or user's) own quotas so the defaults apply again. */
  async revertQuotaSet(project: string, opts: RequestOptions & { userId?: string } = {}): Promise<void> {
    const res = await this.client.request(
      'DELETE',
      quotaPath(project),
      { query: { user_id: opts.userId } },
      opts,
    );
    await res.body.dump();
  }
}
