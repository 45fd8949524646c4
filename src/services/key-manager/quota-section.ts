/**
 * The quota methods of `conn.keyManager`: the caller's effective quotas, and (admin) every
 * project's configured ones.
 */
import { ValidationError } from '../../errors/errors.js';
import { idSegment } from '../../resource/ids.js';
import { deletePath } from '../../resource/operations.js';
import type { RequestOptions } from '../../session/request-options.js';
import { ServiceProxy } from '../service-proxy.js';
import { type KeyManagerQuotas, type ProjectQuotas, QUOTA_NAMES } from './quota.js';

/** A quota document's numeric values (unknown names kept, non-numbers dropped). */
function quotasOf(v: unknown): KeyManagerQuotas {
  const out: Record<string, number> = {};
  if (v && typeof v === 'object') {
    for (const [k, n] of Object.entries(v as Record<string, unknown>)) if (typeof n === 'number') out[k] = n;
  }
  return out as KeyManagerQuotas;
}

/** Quota values to send, checked before anything is sent. */
function quotaBody(q: KeyManagerQuotas): Record<string, number> {
  if (!q || typeof q !== 'object') {
    throw new ValidationError('is required', {
      field: 'quotas',
      fix: 'pass e.g. { secrets: 100, orders: 10 }',
    });
  }
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined) continue;
    if (!(QUOTA_NAMES as readonly string[]).includes(k)) {
      throw new ValidationError('is not a barbican quota', {
        field: `quotas.${k}`,
        fix: `use ${QUOTA_NAMES.join(', ')}`,
      });
    }
    if (!Number.isInteger(v) || (v as number) < -1) {
      throw new ValidationError(`must be an integer of -1 (unlimited) or more (got ${String(v)})`, {
        field: `quotas.${k}`,
        fix: 'pass -1, 0 or a positive integer',
      });
    }
    out[k] = v as number;
  }
  return out;
}

/** Key manager quotas (a section of `conn.keyManager`, never constructed). */
export abstract class QuotaSection extends ServiceProxy {
  /** The quotas that apply to the caller's project (its own, else the defaults). */
  async getQuotas(opts: RequestOptions = {}): Promise<KeyManagerQuotas> {
    return quotasOf((await this.client.decode('GET', '/quotas', {}, opts)).key('quotas', 'object'));
  }

  /** (admin) Every project with quotas of its own. */
  async listProjectQuotas(opts: RequestOptions = {}): Promise<ProjectQuotas[]> {
    const out: ProjectQuotas[] = [];
    let url: string | undefined = '/project-quotas';
    const seen = new Set<string>();
    while (url && !seen.has(url)) {
      seen.add(url);
      const doc = await this.client.decode('GET', url, {}, opts);
      const rows = doc.rows('project_quotas');
      for (const r of rows)
        out.push({ projectId: String(r.project_id ?? ''), quotas: quotasOf(r.project_quotas) });
      const next = (doc.value as { next?: unknown }).next;
      url = typeof next === 'string' && rows.length > 0 ? next : undefined;
    }
    return out;
  }

  /** (admin) The quotas configured for one project (a `NotFoundError` when it has none of its own). */
  async getProjectQuotas(projectId: string, opts: RequestOptions = {}): Promise<KeyManagerQuotas> {
    const path = `/project-quotas/${idSegment('project', projectId)}`;
    return quotasOf((await this.client.decode('GET', path, {}, opts)).key('project_quotas', 'object'));
  }

  /**
   * (admin) Set a project's quotas (names left out fall back to the defaults).
   *
   * @example
   * ```ts
   * const project = await conn.identity.findProject('demo');
   * await conn.keyManager.setProjectQuotas(project!.id, { secrets: 100, orders: 10 });
   * console.log(await conn.keyManager.getProjectQuotas(project!.id));
   * await conn.keyManager.deleteProjectQuotas(project!.id);
   * ```
   */
  async setProjectQuotas(
    projectId: string,
    quotas: KeyManagerQuotas,
    opts: RequestOptions = {},
  ): Promise<void> {
    const path = `/project-quotas/${idSegment('project', projectId)}`;
    await this.client.decode('PUT', path, { json: { project_quotas: quotaBody(quotas) } }, opts);
  }

  /** (admin) Remove a project's own quotas (back to the defaults). */
  async deleteProjectQuotas(
    projectId: string,
    opts: RequestOptions & { ignoreMissing?: boolean } = {},
  ): Promise<void> {
    await deletePath(this.client, `/project-quotas/${idSegment('project', projectId)}`, opts);
  }
}
