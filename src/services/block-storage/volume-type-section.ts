/** The volume type methods of `conn.blockStorage` that are not generated verbs: extra specs, access. */
import { ValidationError } from '../../errors/errors.js';
import {
  type CreateAttributes,
  createResource,
  idSegment,
  listResources,
  type RequestOptions,
  type ResourceList,
  requireId,
  type VerbOptions,
} from '../../resource/index.js';
import { requestDocument } from '../service-documents.js';
import { ServiceProxy } from '../service-proxy.js';
import { cinderAction, type IdArg } from './internal.js';
import type { VolumeTypeAccessResource, VolumeTypeFields, VolumeTypeResource } from './resource-types.js';
import { VolumeType } from './volume-type.js';
import { VolumeTypeAccess } from './volume-type-access.js';

/** `/types/{id}/extra_specs`, or one key of it. */
function extraSpecsPath(type: IdArg, ...key: [string?]): string {
  const base = `/types/${idSegment('volume type', type)}/extra_specs`;
  return key.length ? `${base}/${encodeURIComponent(key[0] ?? '')}` : base;
}

/** Volume types: create, the default, extra specs, project access (a section of `conn.blockStorage`, never constructed). */
export abstract class VolumeTypeSection extends ServiceProxy {
  /**
   * Admin: create a volume type. `isPublic: false` makes it private (grant projects with
   * {@link addVolumeTypeAccess}); it is sent as `os-volume-type-access:is_public`.
   */
  async createVolumeType(
    attrs: CreateAttributes<VolumeTypeFields>,
    opts: VerbOptions = {},
  ): Promise<VolumeTypeResource> {
    const { isPublic, ...rest } = attrs;
    const input = { ...rest } as CreateAttributes<VolumeTypeFields>;
    if (isPublic !== undefined && isPublic !== null && input.accessIsPublic === undefined)
      input.accessIsPublic = isPublic;
    return createResource(this.client, VolumeType, input, opts);
  }

  /**
   * The type new volumes get when none is given (`/types/default`).
   *
   * @example
   * ```ts
   * console.log('volumes without a type get', (await conn.blockStorage.getDefaultVolumeType()).name);
   * ```
   */
  async getDefaultVolumeType(opts: RequestOptions = {}): Promise<VolumeTypeResource> {
    return requestDocument(this.client, VolumeType, 'GET', '/types/default', {}, opts);
  }

  /**
   * All extra specs of a volume type.
   *
   * @example
   * ```ts
   * // admin: pin a volume type to one backend
   * const type = await conn.blockStorage.findVolumeType('ssd');
   * await conn.blockStorage.setVolumeTypeExtraSpecs(type, { volume_backend_name: 'ceph-ssd' });
   * console.log(await conn.blockStorage.getVolumeTypeExtraSpecs(type));
   * ```
   */
  async getVolumeTypeExtraSpecs(type: IdArg, opts: RequestOptions = {}): Promise<Record<string, string>> {
    const doc = await this.client.decode('GET', extraSpecsPath(type), {}, opts);
    return doc.key('extra_specs', 'object') as Record<string, string>;
  }

  /** Admin: add or change extra specs of a volume type (others are kept); returns the keys sent. */
  async setVolumeTypeExtraSpecs(
    type: IdArg,
    specs: Record<string, string>,
    opts: RequestOptions = {},
  ): Promise<Record<string, string>> {
    for (const [k, v] of Object.entries(specs)) {
      if (typeof v !== 'string') {
        throw new ValidationError(`extra spec values are strings, got ${typeof v}`, {
          field: `extraSpecs.${k}`,
          fix: `pass String(value)`,
        });
      }
    }
    const doc = await this.client.decode(
      'POST',
      extraSpecsPath(type),
      { json: { extra_specs: specs } },
      opts,
    );
    return doc.keyOr('extra_specs', 'object', specs) as Record<string, string>;
  }

  /** One extra spec of a volume type (NotFoundError when absent). */
  async getVolumeTypeExtraSpec(type: IdArg, key: string, opts: RequestOptions = {}): Promise<string> {
    const doc = await this.client.decode('GET', extraSpecsPath(type, key), {}, opts);
    return String(doc.key(key));
  }

  /** Admin: set one extra spec of a volume type. */
  async setVolumeTypeExtraSpec(
    type: IdArg,
    key: string,
    value: string,
    opts: RequestOptions = {},
  ): Promise<string> {
    const doc = await this.client.decode('PUT', extraSpecsPath(type, key), { json: { [key]: value } }, opts);
    return String(doc.keyOr(key, 'any', value));
  }

  /** Admin: remove one extra spec of a volume type. */
  async deleteVolumeTypeExtraSpec(type: IdArg, key: string, opts: RequestOptions = {}): Promise<void> {
    await (await this.client.request('DELETE', extraSpecsPath(type, key), {}, opts)).body.dump();
  }

  /**
   * Projects that may use a private volume type.
   *
   * @example
   * ```ts
   * // admin: share a private volume type with one project
   * const type = await conn.blockStorage.findVolumeType('gold');
   * const project = await conn.identity.findProject('finance');
   * await conn.blockStorage.addVolumeTypeAccess(type, project.id);
   * for await (const a of conn.blockStorage.listVolumeTypeAccess(type)) console.log(a.projectId);
   * ```
   */
  listVolumeTypeAccess(type: IdArg, opts: VerbOptions = {}): ResourceList<VolumeTypeAccessResource> {
    const parent = { typeId: requireId('volume type', type) };
    return listResources(this.client, VolumeTypeAccess, {}, { ...opts, parent });
  }

  /** Admin: let a project use a private volume type (`addProjectAccess`). */
  async addVolumeTypeAccess(type: IdArg, projectId: string, opts: RequestOptions = {}): Promise<void> {
    await cinderAction(
      this.client,
      '/types',
      'volume type',
      type,
      'addProjectAccess',
      { project: projectId },
      opts,
    );
  }

  /** Admin: withdraw a project's access to a private volume type (`removeProjectAccess`). */
  async removeVolumeTypeAccess(type: IdArg, projectId: string, opts: RequestOptions = {}): Promise<void> {
    await cinderAction(
      this.client,
      '/types',
      'volume type',
      type,
      'removeProjectAccess',
      { project: projectId },
      opts,
    );
  }
}
