/**
 * Quality-of-service specifications (`/qos-specs`, admin): limits such as `total_iops_sec`
 * applied by the backend, the hypervisor or both (`consumer`), associated with volume types.
 */
import { defineResource, f } from '../../resource/index.js';

/**
 * A QoS specification: a named set of limits (`total_iops_sec`, ...) with where they are enforced (`consumer`).
 */
export const QosSpec = defineResource({
  name: 'qos specs',
  basePath: '/qos-specs',
  resourceKey: 'qos_specs',
  resourcesKey: 'qos_specs',
  fields: {
    id: f.string({ readOnly: true }).always(),
    name: f.string({ required: true, createOnly: true }).always(),
    /** Where the limits apply: `back-end` (default), `front-end` or `both`. */
    consumer: f.enum(['back-end', 'front-end', 'both']).createOnly().always(),
    /** The limits, e.g. `{ total_iops_sec: '1000' }` (values are strings). */
    specs: f.object<Record<string, string>>().readOnly().always(),
  },
  query: { sort: 'sort', sortKey: 'sort_key', sortDir: 'sort_dir' },
  pagination: 'links',
  allow: { commit: false },
});

/** What a QoS specification is associated with (`/qos-specs/{id}/associations`). */
export const QosAssociation = defineResource({
  name: 'qos association',
  basePath: '/qos-specs/{qos_id}/associations',
  resourceKey: null,
  resourcesKey: 'qos_associations',
  fields: {
    /** `volume_type`. */
    associationType: f.string({ api: 'association_type', readOnly: true }),
    /** The volume type's id and name. */
    id: f.string({ readOnly: true }),
    name: f.string({ readOnly: true }),
    qosId: f.string({ api: 'qos_id', location: 'uri' }),
  },
  pagination: 'none',
  allow: { create: false, fetch: false, commit: false, delete: false, list: true },
});
