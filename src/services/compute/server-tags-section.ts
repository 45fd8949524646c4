/** The compute proxy's section for server tags (`/servers/{id}/tags`, 2.26+). */
import { type RequestOptions, TagsMixin } from '../../resource/index.js';
import { ServiceProxy } from '../service-proxy.js';
import { type ServerRef, serverIdOf } from './server-actions.js';

/** Server tags (a section of `ComputeV2`, `conn.compute`). */
export abstract class ServerTagsSection extends ServiceProxy {
  /** Server tags (`/servers/{id}/tags`, 2.26+). */
  protected get serverTags(): TagsMixin {
    return new TagsMixin(this.client, '/servers');
  }

  /** The tags of a server. */
  async listServerTags(server: ServerRef, opts: RequestOptions = {}): Promise<string[]> {
    return this.serverTags.list(serverIdOf(server), opts);
  }

  /** Replace all tags of a server; resolves with the new list. */
  async replaceServerTags(server: ServerRef, tags: string[], opts: RequestOptions = {}): Promise<string[]> {
    return this.serverTags.set(serverIdOf(server), tags, opts);
  }

  /**
   * Add one tag (no error when present).
   *
   * @example
   * ```ts
   * const server = await conn.compute.findServer('web1');
   * await conn.compute.addServerTag(server, 'frontend');
   * console.log(await conn.compute.serverHasTag(server, 'frontend')); // true
   * ```
   */
  async addServerTag(server: ServerRef, tag: string, opts: RequestOptions = {}): Promise<void> {
    return this.serverTags.add(serverIdOf(server), tag, opts);
  }

  /** Remove one tag (`NotFoundError` when absent). */
  async removeServerTag(server: ServerRef, tag: string, opts: RequestOptions = {}): Promise<void> {
    return this.serverTags.remove(serverIdOf(server), tag, opts);
  }

  /**
   * Whether the server has a tag.
   *
   * @example
   * ```ts
   * const server = await conn.compute.findServer('web1');
   * if (!(await conn.compute.serverHasTag(server, 'monitored'))) await conn.compute.addServerTag(server, 'monitored');
   * ```
   */
  async serverHasTag(server: ServerRef, tag: string, opts: RequestOptions = {}): Promise<boolean> {
    return this.serverTags.has(serverIdOf(server), tag, opts);
  }

  /** Remove every tag. */
  async clearServerTags(server: ServerRef, opts: RequestOptions = {}): Promise<void> {
    return this.serverTags.clear(serverIdOf(server), opts);
  }
}
