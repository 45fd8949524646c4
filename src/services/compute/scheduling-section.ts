/** The compute proxy's scheduling section: server groups and availability zones. */
import { ValidationError } from '../../errors/errors.js';
import {
  type CreateAttributes,
  createResource,
  listResources,
  type ResourceList,
  type VerbOptions,
} from '../../resource/index.js';
import { ServiceProxy } from '../service-proxy.js';
import { AvailabilityZone } from './availability-zone.js';
import type { FieldsOf, R } from './section-types.js';
import { ServerGroup } from './server-group.js';

/** Server groups and availability zones (a section of `ComputeV2`, `conn.compute`). */
export abstract class SchedulingSection extends ServiceProxy {
  /**
   * Create a server group. From 2.64 pass `policy` (and optionally `rules`), before that
   * `policies: [policy]`; the other form is rejected before sending.
   */
  async createServerGroup(
    attrs: CreateAttributes<FieldsOf<typeof ServerGroup>>,
    opts: VerbOptions = {},
  ): Promise<R<typeof ServerGroup>> {
    await this.client.resolve(opts.signal);
    const modern = this.client.supports('2.64');
    const a = attrs as unknown as Record<string, unknown>;
    if (modern && a.policy === undefined && a.policies === undefined) {
      throw new ValidationError('is required from compute microversion 2.64', {
        field: 'server group.policy',
        fix: "pass policy: 'anti-affinity' (or affinity, soft-affinity, soft-anti-affinity)",
      });
    }
    if (!modern && a.policies === undefined && a.policy === undefined) {
      throw new ValidationError('is required before compute microversion 2.64', {
        field: 'server group.policies',
        fix: "pass policies: ['anti-affinity']",
      });
    }
    return createResource(this.client, ServerGroup, attrs, opts);
  }

  /**
   * Availability zones; `detailed` (admin) adds each zone's hosts and services.
   *
   * @example
   * ```ts
   * for await (const az of conn.compute.listAvailabilityZones()) console.log(az.name, az.state?.available);
   * // admin: which hosts are in each zone
   * for await (const az of conn.compute.listAvailabilityZones({ detailed: true })) console.log(az.name, Object.keys(az.hosts ?? {}));
   * ```
   */
  listAvailabilityZones(
    opts: VerbOptions & { detailed?: boolean } = {},
  ): ResourceList<R<typeof AvailabilityZone>> {
    const { detailed, ...o } = opts;
    return listResources(
      this.client,
      AvailabilityZone,
      {},
      { ...o, path: detailed ? '/os-availability-zone/detail' : undefined },
    );
  }
}
