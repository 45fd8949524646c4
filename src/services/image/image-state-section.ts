/** The image proxy's section for an image's tags and its deactivation. */
import { idSegment, type RequestOptions, requireId, TagsMixin } from '../../resource/index.js';
import type { ServiceClient } from '../../session/service-client.js';
import { ServiceProxy } from '../service-proxy.js';
import type { ImageRef } from './image.js';

/** Image tags (`/images/{id}/tags/{tag}`) on a client. */
function imageTags(client: ServiceClient): TagsMixin {
  return new TagsMixin(client, '/images');
}

/** `POST /images/{id}/actions/<action>` (no body, no answer). */
async function postImageAction(
  client: ServiceClient,
  image: ImageRef,
  action: string,
  opts: RequestOptions,
): Promise<void> {
  const res = await client.request(
    'POST',
    `/images/${idSegment('image', image)}/actions/${action}`,
    {},
    opts,
  );
  await res.body.dump();
}

/** Image tags and (de)activation (a section of `ImageV2`, `conn.image`). */
export abstract class ImageStateSection extends ServiceProxy {
  /**
   * Add a tag to an image (idempotent).
   *
   * @example
   * ```ts
   * const image = await conn.image.findImage('ubuntu-24.04');
   * await conn.image.addImageTag(image, 'golden');
   * // admin: withdraw an image's data while investigating it, then bring it back
   * await conn.image.deactivateImage(image);
   * await conn.image.reactivateImage(image);
   * ```
   */
  addImageTag(image: ImageRef, tag: string, opts: RequestOptions = {}): Promise<void> {
    return imageTags(this.client).add(requireId('image', image), tag, opts);
  }

  /** Remove a tag from an image (NotFoundError when it is not there). */
  removeImageTag(image: ImageRef, tag: string, opts: RequestOptions = {}): Promise<void> {
    return imageTags(this.client).remove(requireId('image', image), tag, opts);
  }

  /** Deactivate an image: its data can no longer be downloaded, except by admins (admin only). */
  async deactivateImage(image: ImageRef, opts: RequestOptions = {}): Promise<void> {
    await postImageAction(this.client, image, 'deactivate', opts);
  }

  /** Reactivate a deactivated image (admin only). */
  async reactivateImage(image: ImageRef, opts: RequestOptions = {}): Promise<void> {
    await postImageAction(this.client, image, 'reactivate', opts);
  }
}
