/**
 * Neutron's tag API (`standard-attr-tag`): `GET|PUT|DELETE /{collection}/{id}/tags[/{tag}]`.
 * Supported on networks, subnets, ports, routers, floating IPs, security groups, subnet pools,
 * QoS policies, trunks and network segment ranges.
 */

import { ValidationError } from '../../errors/errors.js';
import type { ResourceBase } from '../../resource/index.js';

/**
 * Tag paths of the collections whose members carry tags. Neutron routes tags by its internal
 * collection name: QoS policies (`/qos/policies`) are tagged under `/policies`, network
 * segment ranges (`/network-segment-ranges`) under `/network_segment_ranges`.
 */
export const TAG_COLLECTIONS = [
  '/networks',
  '/subnets',
  '/ports',
  '/routers',
  '/floatingips',
  '/security-groups',
  '/subnetpools',
  '/policies',
  '/trunks',
  '/network_segment_ranges',
] as const;

/** A neutron resource collection that supports tags. */
export type TagCollection = (typeof TAG_COLLECTIONS)[number];

/** Resource paths whose tag path differs. */
const TAG_PATH_OF: Record<string, TagCollection> = {
  '/qos/policies': '/policies',
  '/network-segment-ranges': '/network_segment_ranges',
};

/** What tag methods take: a resource instance from this proxy, or its collection and id. */
export type Taggable =
  | ResourceBase<any>
  | { collection: TagCollection | '/qos/policies' | '/network-segment-ranges'; id: string };

/** The collection path and id of a taggable resource; throws a ValidationError for other resources. */
export function tagTarget(r: Taggable): { collection: TagCollection; id: string } {
  const path = '_def' in r ? r._def.basePath : r.collection;
  const collection = TAG_PATH_OF[path] ?? (path as TagCollection);
  if (!TAG_COLLECTIONS.includes(collection)) {
    throw new ValidationError(`neutron does not tag resources of ${collection}`, {
      field: 'resource',
      fix: `tag one of ${TAG_COLLECTIONS.join(', ')}`,
    });
  }
  if (!r.id)
    throw new ValidationError('the resource has no id', {
      field: 'resource.id',
      fix: 'pass a fetched resource',
    });
  return { collection, id: r.id };
}
