/** The compute proxy's section for nova-compute services (admin, `/os-services`). */
import {
  type CreateAttributes,
  idSegment,
  instantiate,
  type RequestOptions,
  toRequest,
} from '../../resource/index.js';
import { ServiceProxy } from '../service-proxy.js';
import { ComputeService, ComputeServiceUpdate } from './compute-service.js';
import type { FieldsOf, IdRef, R } from './section-types.js';

/** Enabling, disabling and fencing compute services (a section of `ComputeV2`, `conn.compute`). */
export abstract class ComputeServiceSection extends ServiceProxy {
  /**
   * Admin: change a nova-compute service by id (2.53+): `status`, `disabledReason` (with
   * `status: 'disabled'`), `forcedDown`. Resolves with the service.
   */
  async updateComputeService(
    service: IdRef,
    attrs: CreateAttributes<FieldsOf<typeof ComputeServiceUpdate>>,
    opts: RequestOptions = {},
  ): Promise<R<typeof ComputeService>> {
    await this.client.resolve(opts.signal);
    const body = toRequest(
      ComputeServiceUpdate,
      attrs as Record<string, unknown>,
      'create',
      this.client,
    ).body;
    const doc = await this.client.decode(
      'PUT',
      `/os-services/${idSegment('compute service', service)}`,
      { json: body },
      opts,
    );
    return instantiate(ComputeService, this.client, doc.keyOr('service', 'object', {}));
  }

  /** Admin: enable a nova-compute service for scheduling (2.53+). */
  async enableComputeService(service: IdRef, opts: RequestOptions = {}): Promise<R<typeof ComputeService>> {
    return this.updateComputeService(service, { status: 'enabled' }, opts);
  }

  /** Admin: stop scheduling to a nova-compute service (2.53+), optionally saying why. */
  async disableComputeService(
    service: IdRef,
    opts: RequestOptions & { reason?: string } = {},
  ): Promise<R<typeof ComputeService>> {
    const { reason } = opts;
    return this.updateComputeService(service, { status: 'disabled', disabledReason: reason }, opts);
  }

  /**
   * Admin: mark a nova-compute service as down (fencing before evacuation), or clear it (2.53+).
   *
   * @example
   * ```ts
   * // admin: fence a dead host so its servers can be evacuated (2.53+)
   * const [svc] = await conn.compute.listComputeServices({ binary: 'nova-compute', host: 'compute-3' }).toArray();
   * if (svc) await conn.compute.forceDownComputeService(svc);
   * // ...and once the host is back
   * if (svc) await conn.compute.forceDownComputeService(svc, false);
   * ```
   */
  async forceDownComputeService(
    service: IdRef,
    forcedDown = true,
    opts: RequestOptions = {},
  ): Promise<R<typeof ComputeService>> {
    return this.updateComputeService(service, { forcedDown }, opts);
  }
}
