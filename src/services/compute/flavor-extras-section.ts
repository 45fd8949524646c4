/**
 * The compute proxy's flavor section beside the generated verbs: extra specs and the access
 * list of private flavors.
 */
import { ValidationError } from '../../errors/errors.js';
import {
  idSegment,
  instantiate,
  listResources,
  type RequestOptions,
  type ResourceList,
  requireId,
  resourceAction,
  toRequest,
  type VerbOptions,
} from '../../resource/index.js';
import type { ServiceClient } from '../../session/service-client.js';
import { ServiceProxy } from '../service-proxy.js';
import { AddTenantAccessAction, FlavorAccess, RemoveTenantAccessAction } from './flavor-access.js';
import type { IdRef, R } from './section-types.js';

function flavorSegment(flavor: IdRef): string {
  return idSegment('flavor', flavor, 'flavor.id');
}

function specPath(flavor: IdRef, key: string): string {
  return `/flavors/${flavorSegment(flavor)}/os-extra_specs/${encodeURIComponent(key)}`;
}

/** POST a flavor access action; resolves with the flavor's access list nova answers. */
async function flavorAction(
  client: ServiceClient,
  flavor: IdRef,
  def: typeof AddTenantAccessAction,
  projectId: string,
  opts: RequestOptions,
): Promise<R<typeof FlavorAccess>[]> {
  const flavorId = requireId('flavor', flavor, 'flavor.id');
  const body = toRequest(def, { projectId }, 'create').body;
  const r = await resourceAction<{ flavor_access?: Record<string, unknown>[] }>(
    client,
    '/flavors',
    flavorId,
    def.resourceKey as string,
    body,
    opts,
  );
  return (r.body?.flavor_access ?? []).map((b) =>
    instantiate(FlavorAccess, client, b, {}, { flavor_id: flavorId }),
  );
}

/** Flavor extra specs and access (a section of `ComputeV2`, `conn.compute`). */
export abstract class FlavorExtrasSection extends ServiceProxy {
  /**
   * All extra specs of a flavor.
   *
   * @example
   * ```ts
   * // admin: a flavor whose servers get dedicated CPUs and 1 GiB huge pages
   * const flavor = await conn.compute.findFlavor('m1.pinned');
   * await conn.compute.setFlavorExtraSpecs(flavor, { 'hw:cpu_policy': 'dedicated', 'hw:mem_page_size': '1GB' });
   * console.log(await conn.compute.getFlavorExtraSpec(flavor, 'hw:cpu_policy')); // 'dedicated'
   * await conn.compute.deleteFlavorExtraSpec(flavor, 'hw:mem_page_size');
   * ```
   */
  async getFlavorExtraSpecs(flavor: IdRef, opts: RequestOptions = {}): Promise<Record<string, string>> {
    const doc = await this.client.decode('GET', `/flavors/${flavorSegment(flavor)}/os-extra_specs`, {}, opts);
    return doc.key('extra_specs', 'object') as Record<string, string>;
  }

  /** Add or change extra specs (others are kept); resolves with the specs sent, as nova echoes them. */
  async setFlavorExtraSpecs(
    flavor: IdRef,
    specs: Record<string, string>,
    opts: RequestOptions = {},
  ): Promise<Record<string, string>> {
    for (const [k, v] of Object.entries(specs)) {
      if (typeof v !== 'string') {
        throw new ValidationError(`must be a string, got ${typeof v}`, {
          field: `flavor extra spec ${k}`,
          fix: `pass "${String(v)}"`,
        });
      }
    }
    const doc = await this.client.decode(
      'POST',
      `/flavors/${flavorSegment(flavor)}/os-extra_specs`,
      { json: { extra_specs: specs } },
      opts,
    );
    return doc.keyOr('extra_specs', 'object', specs) as Record<string, string>;
  }

  /** One extra spec (`NotFoundError` when absent). */
  async getFlavorExtraSpec(flavor: IdRef, key: string, opts: RequestOptions = {}): Promise<string> {
    const doc = await this.client.decode('GET', specPath(flavor, key), {}, opts);
    return doc.key(key, 'string') as string;
  }

  /** Set one extra spec. */
  async updateFlavorExtraSpec(
    flavor: IdRef,
    key: string,
    value: string,
    opts: RequestOptions = {},
  ): Promise<string> {
    const doc = await this.client.decode('PUT', specPath(flavor, key), { json: { [key]: value } }, opts);
    return doc.keyOr(key, 'string', value) as string;
  }

  /** Delete one extra spec. */
  async deleteFlavorExtraSpec(flavor: IdRef, key: string, opts: RequestOptions = {}): Promise<void> {
    await (await this.client.request('DELETE', specPath(flavor, key), {}, opts)).body.dump();
  }

  /**
   * Projects allowed to use a private flavor (nova answers NotFoundError for public flavors).
   *
   * @example
   * ```ts
   * // admin: let one project use a private flavor
   * const flavor = await conn.compute.findFlavor('gpu.large');
   * const project = await conn.identity.findProject('ml-team');
   * await conn.compute.addFlavorAccess(flavor, project.id);
   * for await (const a of conn.compute.listFlavorAccess(flavor)) console.log(a.projectId);
   * ```
   */
  listFlavorAccess(flavor: IdRef, opts: VerbOptions = {}): ResourceList<R<typeof FlavorAccess>> {
    return listResources(
      this.client,
      FlavorAccess,
      {},
      { ...opts, parent: { flavorId: requireId('flavor', flavor, 'flavor.id') } },
    );
  }

  /** Allow a project to use a private flavor; resolves with the flavor's access list. */
  async addFlavorAccess(
    flavor: IdRef,
    projectId: string,
    opts: RequestOptions = {},
  ): Promise<R<typeof FlavorAccess>[]> {
    return flavorAction(this.client, flavor, AddTenantAccessAction, projectId, opts);
  }

  /** Revoke a project's access to a private flavor; resolves with the flavor's access list. */
  async removeFlavorAccess(
    flavor: IdRef,
    projectId: string,
    opts: RequestOptions = {},
  ): Promise<R<typeof FlavorAccess>[]> {
    return flavorAction(this.client, flavor, RemoveTenantAccessAction, projectId, opts);
  }
}
