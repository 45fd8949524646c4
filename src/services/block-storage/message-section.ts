/** The user message methods of `conn.blockStorage` (3.3+). */
import {
  type DeleteOptions,
  deleteResource,
  fetchResource,
  type ListQuery,
  type ResourceList,
  type VerbOptions,
} from '../../resource/index.js';
import { requireMicroversion } from '../service-documents.js';
import { ServiceProxy } from '../service-proxy.js';
import { type IdArg, listSince } from './internal.js';
import { Message } from './message.js';
import type { MessageResource } from './resource-types.js';

/** Cinder's user messages (a section of `conn.blockStorage`, never constructed). */
export abstract class MessageSection extends ServiceProxy {
  /**
   * Lazily list user messages (3.3), e.g. `{ resourceUuid: volume.id }` for why a volume failed.
   *
   * @example
   * ```ts
   * // why did a volume go to error? cinder's user messages say
   * const vol = await conn.blockStorage.findVolume('data');
   * for await (const m of conn.blockStorage.listMessages({ resourceUuid: vol.id })) console.log(m.createdAt, m.userMessage);
   * ```
   */
  listMessages(
    query: ListQuery<(typeof Message)['query']> = {},
    opts: VerbOptions = {},
  ): ResourceList<MessageResource> {
    return listSince(this.client, '3.3', 'listMessages', Message, query, opts);
  }

  /** One user message (3.3). */
  async getMessage(message: IdArg, opts: VerbOptions = {}): Promise<MessageResource> {
    await requireMicroversion(this.client, '3.3', 'getMessage', opts);
    return fetchResource(this.client, Message, message, opts);
  }

  /** Delete a user message (3.3). */
  async deleteMessage(message: IdArg, opts: DeleteOptions = {}): Promise<void> {
    await requireMicroversion(this.client, '3.3', 'deleteMessage', opts);
    await deleteResource(this.client, Message, message, opts);
  }
}
