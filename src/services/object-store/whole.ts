/**
 * Sections of `conn.objectStore` call each other's methods (emptying a container lists and
 * bulk-deletes its objects; a large upload checks the object first, a big `createObject` is a
 * large upload): `this` in a section method is always the whole proxy, because sections are
 * mixed into ObjectStoreV1 and never constructed. The methods one section calls on another are
 * declared here rather than imported from those sections (which import this module), so no
 * section depends on another; `proxy.ts` checks at compile time that ObjectStoreV1 has them.
 */
import type { ResourceList } from '../../resource/pagination.js';
import type { ServiceProxy } from '../service-proxy.js';
import type { ObjectStoreBulk } from './bulk-section.js';
import type { SegmentedUploadResult } from './large-object-upload.js';
import type { ObjectResource } from './object.js';
import type { CallOptions, CreateObjectOptions, ListObjectsQuery } from './options.js';
import type { ObjectData, UploadSource } from './source.js';

/** The arguments of `uploadLargeObject`. */
export type LargeObjectUploadArgs = Omit<CreateObjectOptions, 'data' | 'file'> & {
  source?: UploadSource;
  data?: ObjectData;
  file?: string;
  segmentSize: number;
};

/** The methods sections call on one another through the whole proxy. */
export interface SectionPeers extends Pick<ObjectStoreBulk, 'bulkDelete'> {
  listObjects(container: string, q?: ListObjectsQuery, o?: CallOptions): ResourceList<ObjectResource>;
  getObjectMetadata(
    container: string,
    name: string,
    o?: CallOptions & { versionId?: string },
  ): Promise<ObjectResource>;
  uploadLargeObject(o: LargeObjectUploadArgs): Promise<SegmentedUploadResult>;
}

/** The whole proxy a section method runs on, typed with the methods sections share. */
export function whole(section: ServiceProxy): SectionPeers {
  return section as unknown as SectionPeers;
}
