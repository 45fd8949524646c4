/**
 * Compute service (`/os-services`, admin): the nova-compute, nova-scheduler and
 * nova-conductor processes of the cloud. From 2.53 they are changed by id with
 * `PUT /os-services/{id}` and a bare (unwrapped) body, declared by `ComputeServiceUpdate`.
 */
import { defineResource, f } from '../../resource/index.js';

/**
 * A compute service process (nova-compute on a host, the scheduler, the conductor) and its state.
 *
 * @example
 * ```ts
 * // admin: drain a hypervisor host before maintenance
 * for await (const s of conn.compute.listComputeServices({ binary: 'nova-compute', host: 'compute-3' })) {
 *   await conn.compute.disableComputeService(s, { reason: 'disk replacement' });
 *   console.log(s.host, s.zone, s.state);
 * }
 * ```
 */
export const ComputeService = defineResource({
  name: 'compute service',
  basePath: '/os-services',
  resourceKey: 'service',
  resourcesKey: 'services',
  fields: {
    /** Integer up to 2.52, UUID from 2.53. */
    id: f.any<string | number>().readOnly().always(),
    binary: f.string({ readOnly: true }).always(),
    host: f.string({ readOnly: true }).always(),
    /** Availability zone. */
    zone: f.string({ readOnly: true }).always(),
    /** `up` or `down`. */
    state: f.string({ readOnly: true }).always(),
    /** `enabled` or `disabled`. */
    status: f.string({ readOnly: true }).always(),
    disabledReason: f.string({ api: 'disabled_reason', readOnly: true }).returnsNull(),
    /** 2.11+ */
    forcedDown: f.boolean({ api: 'forced_down', readOnly: true }),
    updatedAt: f.date({ api: 'updated_at', readOnly: true }).returnsNull(),
  },
  query: { binary: 'binary', host: 'host' },
  pagination: 'none',
  allow: { create: false, fetch: false, commit: false, delete: true, list: true },
});

/** Body of `PUT /os-services/{service_id}` (2.53+). Only nova-compute services can be updated. */
export const ComputeServiceUpdate = defineResource({
  name: 'compute service update',
  basePath: '/os-services',
  resourceKey: null,
  resourcesKey: null,
  fields: {
    /** From microversion 2.53. */
    status: f.enum(['enabled', 'disabled'], { minVersion: '2.53' }),
    /** Only with status `disabled`. From microversion 2.53. */
    disabledReason: f.string({ api: 'disabled_reason', minVersion: '2.53' }),
    /** From microversion 2.53. */
    forcedDown: f.boolean({ api: 'forced_down', minVersion: '2.53' }),
  },
  pagination: 'none',
  allow: { create: false, fetch: false, commit: false, delete: false, list: false },
});
