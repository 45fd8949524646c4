/** The default volume type methods of `conn.blockStorage` (3.62, beside the project-scoped API). */
import {
  type DeleteOptions,
  deletePath,
  idSegment,
  instantiate,
  type RequestOptions,
  requireId,
} from '../../resource/index.js';
import type { ServiceClient } from '../../session/service-client.js';
import { requestDocument, requireMicroversion } from '../service-documents.js';
import { ServiceProxy } from '../service-proxy.js';
import { DefaultType } from './default-type.js';
import type { IdArg } from './internal.js';
import type { DefaultTypeResource } from './resource-types.js';

/**
 * `.../v3/default-types`, or one project's: default types live beside the project-scoped API,
 * under the versioned root.
 */
async function defaultTypesUrl(
  client: ServiceClient,
  opts: RequestOptions,
  projectId?: string,
): Promise<string> {
  const base = (await client.resolve(opts.signal, opts.timeoutMs)).version.baseUrl;
  const root = /^(.*\/v3)(?:\/|$)/.exec(base)?.[1] ?? base;
  return `${root}/default-types${projectId === undefined ? '' : `/${idSegment('project', projectId, 'projectId')}`}`;
}

/** Projects' default volume types (a section of `conn.blockStorage`, never constructed). */
export abstract class DefaultTypeSection extends ServiceProxy {
  /**
   * Admin: set a project's default volume type (3.62), by type name or id.
   *
   * @example
   * ```ts
   * // admin: new volumes of this project get the 'ssd' type unless they name another (3.62)
   * const project = await conn.identity.findProject('finance');
   * await conn.blockStorage.setDefaultVolumeType(project.id, 'ssd');
   * console.log((await conn.blockStorage.getDefaultVolumeTypeOf(project.id)).volumeTypeId);
   * await conn.blockStorage.unsetDefaultVolumeType(project.id);
   * ```
   */
  async setDefaultVolumeType(
    projectId: string,
    type: IdArg,
    opts: RequestOptions = {},
  ): Promise<DefaultTypeResource> {
    await requireMicroversion(this.client, '3.62', 'setDefaultVolumeType', opts);
    const json = { default_type: { volume_type: requireId('volume type', type) } };
    const url = await defaultTypesUrl(this.client, opts, projectId);
    return requestDocument(this.client, DefaultType, 'PUT', url, { json }, opts);
  }

  /** Admin: a project's default volume type (3.62); NotFoundError when it has none of its own. */
  async getDefaultVolumeTypeOf(projectId: string, opts: RequestOptions = {}): Promise<DefaultTypeResource> {
    await requireMicroversion(this.client, '3.62', 'getDefaultVolumeTypeOf', opts);
    const url = await defaultTypesUrl(this.client, opts, projectId);
    return requestDocument(this.client, DefaultType, 'GET', url, {}, opts);
  }

  /** Admin: every project's own default volume type (3.62). */
  async listDefaultVolumeTypes(opts: RequestOptions = {}): Promise<DefaultTypeResource[]> {
    await requireMicroversion(this.client, '3.62', 'listDefaultVolumeTypes', opts);
    const doc = await this.client.decode('GET', await defaultTypesUrl(this.client, opts), {}, opts);
    return doc.rows('default_types').map((b) => instantiate(DefaultType, this.client, b));
  }

  /** Admin: drop a project's default volume type (3.62): the cloud's default applies again. */
  async unsetDefaultVolumeType(projectId: string, opts: DeleteOptions = {}): Promise<void> {
    await requireMicroversion(this.client, '3.62', 'unsetDefaultVolumeType', opts);
    await deletePath(this.client, await defaultTypesUrl(this.client, opts, projectId), opts);
  }
}
