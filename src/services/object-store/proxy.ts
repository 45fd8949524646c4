/**
 * The object storage v1 (swift) proxy: `conn.objectStore`. The catalog URL
 * (`/v1/AUTH_<project>`) is the base of every path; there is no version discovery.
 *
 * Names are plain strings (`createContainer('my_container')`); object names may hold `/` and
 * any character, and are encoded per path segment. Uploads stream (files, Readables,
 * AsyncIterables are never buffered whole) and are checked against Swift's ETag; downloads
 * are verified the same way, segment by segment for large objects.
 *
 * The methods live in one section per family (account, containers, objects, large objects,
 * bulk deletes, temp URLs), mixed into {@link ObjectStoreV1} below.
 */
import type { Session } from '../../session/session.js';
import { mixSections } from '../proxy-sections.js';
import { type ProxyOptions, ServiceProxy } from '../service-proxy.js';
import { objectStoreV1Spec } from '../specs.js';
import { ObjectStoreAccount } from './account-section.js';
import { ObjectStoreBulk } from './bulk-section.js';
import { ObjectStoreContainers } from './container-section.js';
import { ObjectStoreLargeObjects } from './large-object-section.js';
import { ObjectStoreObjects } from './object-section.js';
import { ObjectStoreTempUrls } from './temp-url-section.js';
import type { SectionPeers } from './whole.js';

export type {
  CallOptions,
  CleanupOrphansOptions,
  CopyObjectOptions,
  CreateContainerOptions,
  CreateObjectOptions,
  DeleteContainerOptions,
  DeleteObjectOptions,
  ListContainersQuery,
  ListObjectsQuery,
  SetObjectMetadataOptions,
  TempUrlKeys,
  TempUrlOptions,
  UpdateContainerOptions,
} from './options.js';

/** The methods of every section of `conn.objectStore`. */
export interface ObjectStoreV1
  extends ObjectStoreAccount,
    ObjectStoreContainers,
    ObjectStoreObjects,
    ObjectStoreLargeObjects,
    ObjectStoreBulk,
    ObjectStoreTempUrls {}

/** Swift: the account, containers, objects (plain and large), bulk deletes and temp URLs. */
export class ObjectStoreV1 extends ServiceProxy {
  constructor(session: Session, opts: ProxyOptions = {}) {
    super(session, objectStoreV1Spec, opts);
  }
}

mixSections(ObjectStoreV1, [
  ObjectStoreAccount,
  ObjectStoreContainers,
  ObjectStoreObjects,
  ObjectStoreLargeObjects,
  ObjectStoreBulk,
  ObjectStoreTempUrls,
]);

// whole() promises sections these methods: a signature that drifts from the real one fails here
const peersOfProxy: (p: ObjectStoreV1) => SectionPeers = (p) => p;
void peersOfProxy;
