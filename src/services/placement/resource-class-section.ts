/** The resource class methods of `conn.placement` that are not generated verbs. */
import { createResource, type RequestOptions, type VerbOptions } from '../../resource/index.js';
import { requireMicroversion } from '../service-documents.js';
import { ServiceProxy } from '../service-proxy.js';
import { requireCustom } from './internal.js';
import { ResourceClass } from './resource-class.js';
import type { ResourceClassResource } from './resource-types.js';

/** Custom resource classes (a section of `conn.placement`, never constructed). */
export abstract class ResourceClassSection extends ServiceProxy {
  /** Create a custom resource class (`CUSTOM_*`, 1.2); 409 when it exists. */
  async createResourceClass(name: string, opts: VerbOptions = {}): Promise<ResourceClassResource> {
    requireCustom('resource class', name);
    await requireMicroversion(this.client, '1.2', 'createResourceClass', opts);
    return createResource(this.client, ResourceClass, { name }, opts);
  }

  /**
   * Make sure a custom resource class exists (PUT, 1.7); resolves true when it was created.
   *
   * @example
   * ```ts
   * const created = await conn.placement.ensureResourceClass('CUSTOM_FPGA');
   * console.log(created ? 'created' : 'already there');
   * ```
   */
  async ensureResourceClass(name: string, opts: RequestOptions = {}): Promise<boolean> {
    requireCustom('resource class', name);
    await requireMicroversion(this.client, '1.7', 'ensureResourceClass', opts);
    const res = await this.client.request('PUT', `/resource_classes/${encodeURIComponent(name)}`, {}, opts);
    await res.body.dump();
    return res.status === 201;
  }
}
