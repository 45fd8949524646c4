/** The image proxy's section for sharing an image with other projects (members). */
import {
  type CreateAttributes,
  createResource,
  type DeleteOptions,
  deleteResource,
  fetchResource,
  listResources,
  type Resource,
  type ResourceList,
  requireId,
  updateResource,
  type VerbOptions,
} from '../../resource/index.js';
import { ServiceProxy } from '../service-proxy.js';
import type { ImageRef } from './image.js';
import { Member, type MemberStatus } from './member.js';

type MemberResource = Resource<(typeof Member)['fields']>;

/** A member verb's options: the caller's, with the image as the parent. */
function ofImage<O extends object>(image: ImageRef, opts: O): O & { parent: { imageId: string } } {
  return { ...opts, parent: { imageId: requireId('image', image) } };
}

/** Image members (a section of `ImageV2`, `conn.image`). */
export abstract class ImageMemberSection extends ServiceProxy {
  /**
   * Share an image with a project (the image's visibility must be `shared`).
   *
   * @example
   * ```ts
   * // share a private image with another project; that project accepts it
   * const image = await conn.image.findImage('golden');
   * await conn.image.updateImage(image, { visibility: 'shared' });
   * await conn.image.addImageMember(image, 'OTHER_PROJECT_ID');
   * // in the other project: await other.image.updateImageMember(image.id, 'OTHER_PROJECT_ID', 'accepted');
   * ```
   */
  addImageMember(image: ImageRef, projectId: string, opts: VerbOptions = {}): Promise<MemberResource> {
    return createResource(
      this.client,
      Member,
      { member: projectId, imageId: requireId('image', image) } as CreateAttributes<
        (typeof Member)['fields']
      >,
      opts,
    );
  }

  /** Projects an image is shared with (as the owner), or the caller's own membership (as a member). */
  listImageMembers(image: ImageRef, opts: VerbOptions = {}): ResourceList<MemberResource> {
    return listResources(this.client, Member, {}, ofImage(image, opts));
  }

  /** One membership of an image. */
  getImageMember(image: ImageRef, projectId: string, opts: VerbOptions = {}): Promise<MemberResource> {
    return fetchResource(this.client, Member, projectId, ofImage(image, opts));
  }

  /** Accept or reject a shared image (as the member project), or reset it to pending. */
  updateImageMember(
    image: ImageRef,
    projectId: string,
    status: MemberStatus,
    opts: VerbOptions = {},
  ): Promise<MemberResource> {
    return updateResource(this.client, Member, projectId, { status }, ofImage(image, opts));
  }

  /** Stop sharing an image with a project. */
  removeImageMember(image: ImageRef, projectId: string, opts: DeleteOptions = {}): Promise<void> {
    return deleteResource(this.client, Member, projectId, ofImage(image, opts));
  }
}
