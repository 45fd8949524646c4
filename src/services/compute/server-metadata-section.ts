/** The compute proxy's section for server metadata (`/servers/{id}/metadata`). */
import { idSegment, MetadataMixin, type RequestOptions } from '../../resource/index.js';
import { ServiceProxy } from '../service-proxy.js';
import { type ServerRef, serverIdOf } from './server-actions.js';

function metaItemPath(server: ServerRef, key: string): string {
  return `/servers/${idSegment('server', server, 'server')}/metadata/${encodeURIComponent(key)}`;
}

/** Server metadata (a section of `ComputeV2`, `conn.compute`). */
export abstract class ServerMetadataSection extends ServiceProxy {
  /** Server metadata (`/servers/{id}/metadata`). */
  protected get serverMetadata(): MetadataMixin {
    return new MetadataMixin(this.client, '/servers');
  }

  /** All metadata of a server. */
  async getServerMetadata(server: ServerRef, opts: RequestOptions = {}): Promise<Record<string, string>> {
    return this.serverMetadata.get(serverIdOf(server), opts);
  }

  /** Replace all metadata of a server; keys not given are removed. Resolves with the new metadata. */
  async replaceServerMetadata(
    server: ServerRef,
    metadata: Record<string, string>,
    opts: RequestOptions = {},
  ): Promise<Record<string, string>> {
    return this.serverMetadata.replace(serverIdOf(server), metadata, opts);
  }

  /**
   * Add or change the given keys, keeping the others. Resolves with the whole metadata.
   *
   * @example
   * ```ts
   * const server = await conn.compute.findServer('web1');
   * await conn.compute.updateServerMetadata(server, { role: 'frontend' });
   * console.log(await conn.compute.getServerMetadata(server)); // { role: 'frontend', ... }
   * await conn.compute.deleteServerMetadataItem(server, 'role');
   * ```
   */
  async updateServerMetadata(
    server: ServerRef,
    metadata: Record<string, string>,
    opts: RequestOptions = {},
  ): Promise<Record<string, string>> {
    return this.serverMetadata.update(serverIdOf(server), metadata, opts);
  }

  /**
   * One metadata value (`NotFoundError` when the key is absent).
   *
   * @example
   * ```ts
   * const server = await conn.compute.findServer('web1');
   * await conn.compute.setServerMetadataItem(server, 'role', 'frontend');
   * console.log(await conn.compute.getServerMetadataItem(server, 'role')); // 'frontend'
   * await conn.compute.deleteServerMetadataItem(server, 'role');
   * ```
   */
  async getServerMetadataItem(server: ServerRef, key: string, opts: RequestOptions = {}): Promise<string> {
    const doc = await this.client.decode('GET', metaItemPath(server, key), {}, opts);
    return (doc.key('meta', 'object') as Record<string, unknown>)[key] as string;
  }

  /** Set one metadata value. */
  async setServerMetadataItem(
    server: ServerRef,
    key: string,
    value: string,
    opts: RequestOptions = {},
  ): Promise<void> {
    const res = await this.client.request(
      'PUT',
      metaItemPath(server, key),
      { json: { meta: { [key]: value } } },
      opts,
    );
    await res.body.dump();
  }

  /** Delete one metadata key. */
  async deleteServerMetadataItem(server: ServerRef, key: string, opts: RequestOptions = {}): Promise<void> {
    return this.serverMetadata.deleteItem(serverIdOf(server), key, opts);
  }
}
