import { defineResource, f } from '../../resource/index.js';
import { baseQuery } from './common.js';

/**
 * Network segment (`/segments`, admin; needs the `segment` extension / segments service plugin).
 *
 * @example
 * ```ts
 * // admin: a routed provider network gets one segment per rack
 * const net = await conn.network.createNetwork({ name: 'provider-net' });
 * await conn.network.createSegment({ networkId: net.id, networkType: 'vlan', physicalNetwork: 'rack1', segmentationId: 101 });
 * for await (const s of conn.network.listSegments({ networkId: net.id })) console.log(s.physicalNetwork, s.segmentationId);
 * ```
 */
export const Segment = defineResource({
  name: 'segment',
  basePath: '/segments',
  fields: {
    id: f.string({ readOnly: true }).always(),
    name: f.string({ nullable: true }).returnsNull(),
    description: f.string({ nullable: true }).returnsNull(),
    networkId: f.string({ api: 'network_id', createOnly: true, required: true }).always(),
    /** flat, vlan, vxlan, geneve, gre, local. */
    networkType: f.string({ api: 'network_type', createOnly: true, required: true }).always(),
    physicalNetwork: f
      .string({ api: 'physical_network', createOnly: true, nullable: true })
      .always()
      .returnsNull(),
    segmentationId: f
      .integer({ api: 'segmentation_id', createOnly: true, nullable: true })
      .always()
      .returnsNull(),
    createdAt: f.date({ api: 'created_at', readOnly: true }).always(),
    updatedAt: f.date({ api: 'updated_at', readOnly: true }).always(),
    revisionNumber: f.integer({ api: 'revision_number', readOnly: true }).always(),
  },
  query: {
    ...baseQuery,
    name: 'name',
    description: 'description',
    networkId: 'network_id',
    networkType: 'network_type',
    physicalNetwork: 'physical_network',
    segmentationId: 'segmentation_id',
    revisionNumber: 'revision_number',
  },
});
