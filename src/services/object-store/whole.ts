/**
 * Sections of `conn.objectStore` call each other's methods (emptying a container lists and
 * bulk-deletes its objects): `this` in a section method is always the whole proxy, because
 * sections are mixed into {@link ObjectStoreV1} and never constructed.
 */
import type { ServiceProxy } from '../service-proxy.js';
import type { ObjectStoreV1 } from './proxy.js';

/** The whole proxy a section method runs on, typed with every section's methods. */
export function whole(section: ServiceProxy): ObjectStoreV1 {
  return section as ObjectStoreV1;
}
