/** The attachment methods of `conn.blockStorage` (3.27+). */
import {
  type CreateAttributes,
  createResource,
  type DeleteOptions,
  deleteResource,
  fetchResource,
  type ListQuery,
  type RequestOptions,
  type ResourceList,
  type UpdateAttributes,
  updateResource,
  type VerbOptions,
} from '../../resource/index.js';
import { requireMicroversion } from '../service-documents.js';
import { ServiceProxy } from '../service-proxy.js';
import { Attachment } from './attachment.js';
import { cinderAction, type IdArg, listSince } from './internal.js';
import type { AttachmentResource } from './resource-types.js';

/** Volume attachments (a section of `conn.blockStorage`, never constructed). */
export abstract class AttachmentSection extends ServiceProxy {
  /**
   * Attach a volume (3.27): with only `instanceUuid` the volume is reserved; with a `connector`
   * cinder also exports it and returns `connectionInfo`. `mode` needs 3.54.
   *
   * @example
   * ```ts
   * // what a compute service does to attach a volume to a server it runs (3.44 to complete)
   * const vol = await conn.blockStorage.findVolume('data');
   * const server = await conn.compute.findServer('web1');
   * const att = await conn.blockStorage.createAttachment({ volumeUuid: vol.id, instanceUuid: server.id });
   * await conn.blockStorage.updateAttachment(att, { connector: { host: 'compute-1', initiator: 'iqn.1994-05.com.redhat:abc', platform: 'x86_64', os_type: 'linux' } });
   * await conn.blockStorage.completeAttachment(att); // the volume goes in-use
   * await conn.blockStorage.deleteAttachment(att); // detach
   * ```
   */
  async createAttachment(
    attrs: CreateAttributes<(typeof Attachment)['fields']>,
    opts: VerbOptions = {},
  ): Promise<AttachmentResource> {
    await requireMicroversion(this.client, '3.27', 'createAttachment', opts);
    return createResource(this.client, Attachment, attrs, opts);
  }

  /** One attachment (3.27). */
  async getAttachment(attachment: IdArg, opts: VerbOptions = {}): Promise<AttachmentResource> {
    await requireMicroversion(this.client, '3.27', 'getAttachment', opts);
    return fetchResource(this.client, Attachment, attachment, opts);
  }

  /** Lazily list attachments with details (3.27), e.g. `{ volumeId }`. */
  listAttachments(
    query: ListQuery<(typeof Attachment)['query']> = {},
    opts: VerbOptions = {},
  ): ResourceList<AttachmentResource> {
    return listSince(this.client, '3.27', 'listAttachments', Attachment, query, opts);
  }

  /** Give a reserved attachment the host's connector (3.27): cinder exports the volume. */
  async updateAttachment(
    attachment: IdArg,
    attrs: UpdateAttributes<(typeof Attachment)['fields']>,
    opts: VerbOptions = {},
  ): Promise<AttachmentResource> {
    await requireMicroversion(this.client, '3.27', 'updateAttachment', opts);
    return updateResource(this.client, Attachment, attachment, attrs, opts);
  }

  /** Mark an attachment complete once the host is connected (3.44): the volume goes `in-use`. */
  async completeAttachment(attachment: IdArg, opts: RequestOptions = {}): Promise<void> {
    await requireMicroversion(this.client, '3.44', 'completeAttachment', opts);
    await cinderAction(this.client, '/attachments', 'attachment', attachment, 'os-complete', {}, opts);
  }

  /** Detach: delete the attachment (3.27); the volume goes back to `available` when it was the last. */
  async deleteAttachment(attachment: IdArg, opts: DeleteOptions = {}): Promise<void> {
    await requireMicroversion(this.client, '3.27', 'deleteAttachment', opts);
    await deleteResource(this.client, Attachment, attachment, opts);
  }
}
