/** Share type extra specs and access of `conn.sharedFileSystem`. */
import {
  listResources,
  type RequestOptions,
  type ResourceList,
  requireId,
  resourceAction,
  type VerbOptions,
} from '../../resource/index.js';
import { ServiceProxy } from '../service-proxy.js';
import type { IdArg } from './internal.js';
import type { ShareTypeAccessResource } from './resource-types.js';
import { ShareTypeAccess } from './share-type.js';

const specsPath = (type: IdArg, key?: string) =>
  `/types/${encodeURIComponent(requireId('share type', type))}/extra_specs${key === undefined ? '' : `/${encodeURIComponent(requireId('extra spec', key, 'key', 'key'))}`}`;

/** Extra specs and project access of share types (a section of `conn.sharedFileSystem`). */
export abstract class ShareTypeSection extends ServiceProxy {
  /** A share type's extra specs (admin). */
  async getShareTypeExtraSpecs(type: IdArg, opts: RequestOptions = {}): Promise<Record<string, string>> {
    const doc = await this.client.decode('GET', specsPath(type), {}, opts);
    return doc.key('extra_specs', 'object') as Record<string, string>;
  }

  /**
   * Admin: add or change extra specs of a share type (others are kept); returns the specs sent.
   *
   * @example
   * ```ts
   * const t = await conn.sharedFileSystem.findShareType('default');
   * await conn.sharedFileSystem.setShareTypeExtraSpecs(t, { snapshot_support: 'True' });
   * await conn.sharedFileSystem.deleteShareTypeExtraSpec(t, 'snapshot_support');
   * ```
   */
  async setShareTypeExtraSpecs(
    type: IdArg,
    specs: Record<string, string>,
    opts: RequestOptions = {},
  ): Promise<Record<string, string>> {
    const doc = await this.client.decode(
      'POST',
      specsPath(type),
      { json: { extra_specs: specs }, idempotent: true },
      opts,
    );
    return doc.keyOr('extra_specs', 'object', specs) as Record<string, string>;
  }

  /** Admin: remove one extra spec of a share type (the required `driver_handles_share_servers` cannot be). */
  async deleteShareTypeExtraSpec(type: IdArg, key: string, opts: RequestOptions = {}): Promise<void> {
    await (await this.client.request('DELETE', specsPath(type, key), {}, opts)).body.dump();
  }

  /** Admin: the projects a private share type is shared with. */
  listShareTypeAccess(type: IdArg, opts: VerbOptions = {}): ResourceList<ShareTypeAccessResource> {
    const parent = { shareTypeId: requireId('share type', type) };
    return listResources(this.client, ShareTypeAccess, {}, { ...opts, parent });
  }

  /** Admin: let a project use a private share type (`addProjectAccess`). */
  async addShareTypeAccess(type: IdArg, projectId: string, opts: RequestOptions = {}): Promise<void> {
    const project = requireId('project', projectId);
    await resourceAction(
      this.client,
      '/types',
      requireId('share type', type),
      'addProjectAccess',
      { project },
      opts,
    );
  }

  /** Admin: take a private share type away from a project (`removeProjectAccess`). */
  async removeShareTypeAccess(type: IdArg, projectId: string, opts: RequestOptions = {}): Promise<void> {
    const project = requireId('project', projectId);
    await resourceAction(
      this.client,
      '/types',
      requireId('share type', type),
      'removeProjectAccess',
      { project },
      opts,
    );
  }
}
