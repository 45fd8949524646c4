/**
 * `conn.objectStore`, containers: listing, creating, settings and metadata, deleting and
 * emptying them.
 */
import { ConflictError, NotFoundError } from '../../errors/errors.js';
import { instantiate } from '../../resource/instance.js';
import type { ResourceList } from '../../resource/pagination.js';
import { ServiceProxy } from '../service-proxy.js';
import type { BulkDeleteItem, BulkDeleteResult } from './bulk-delete.js';
import { Container, type ContainerResource } from './container.js';
import { BulkDeleteError } from './errors.js';
import { containerFromHeaders } from './from-headers.js';
import { markerListing } from './listing.js';
import { removeMetadataHeaders } from './metadata.js';
import type {
  CallOptions,
  CreateContainerOptions,
  DeleteContainerOptions,
  ListContainersQuery,
  UpdateContainerOptions,
} from './options.js';
import { containerPath, objectPath } from './paths.js';
import { containerHeaders, reflected } from './request-headers.js';
import { headersOf } from './send.js';
import { whole } from './whole.js';

/** The container calls of `conn.objectStore` (a section of ObjectStoreV1: mixed in, never constructed). */

export class ObjectStoreContainers extends ServiceProxy {
  /** Containers of the account, lazily paged by marker. */
  listContainers(q: ListContainersQuery = {}, o: CallOptions = {}): ResourceList<ContainerResource> {
    return markerListing(
      this.client,
      {
        path: '',
        query: {
          prefix: q.prefix,
          delimiter: q.delimiter,
          marker: q.marker,
          end_marker: q.endMarker,
          reverse: q.reverse,
        },
        limit: q.limit,
        call: o,
      },
      (row) => instantiate(Container, this.client, row) as ContainerResource,
    );
  }

  /**
   * Create a container (`PUT`; an existing one is kept and updated with the given settings).
   * `createContainer('my_container')` or `createContainer({ name, metadata, readAcl, ... })`.
   *
   * @example
   * ```ts
   * await conn.objectStore.createContainer({ name: 'backups', metadata: { owner: 'ops' } });
   * for await (const c of conn.objectStore.listContainers({ prefix: 'back' })) console.log(c.name, c.count, c.bytes);
   * await conn.objectStore.deleteContainer('backups'); // must be empty: see emptyContainer
   * ```
   */
  async createContainer(c: string | CreateContainerOptions): Promise<ContainerResource> {
    const o = typeof c === 'string' ? { name: c } : c;
    const sent = containerHeaders(o);
    const headers = await headersOf(this.client, 'PUT', containerPath(o.name), { headers: sent }, o);
    return containerFromHeaders(this.client, o.name, { ...headers, ...reflected({ ...sent, ...o.headers }) });
  }

  /** A container's counts, ACLs, versioning, quotas and metadata (`HEAD`). */
  async getContainerMetadata(name: string, o: CallOptions = {}): Promise<ContainerResource> {
    return containerFromHeaders(
      this.client,
      name,
      await headersOf(this.client, 'HEAD', containerPath(name), {}, o),
    );
  }

  /**
   * Change container metadata and settings (`POST`; keys not given are kept, `null` removes).
   *
   * @example
   * ```ts
   * // make a container publicly readable and listable, then private again
   * await conn.objectStore.setContainerMetadata('www', { readAcl: '.r:*,.rlistings' });
   * await conn.objectStore.setContainerMetadata('www', { readAcl: null });
   * ```
   */
  async setContainerMetadata(name: string, u: UpdateContainerOptions): Promise<void> {
    await headersOf(this.client, 'POST', containerPath(name), { headers: containerHeaders(u) }, u);
  }

  /** Remove container metadata keys. */
  async deleteContainerMetadata(name: string, keys: readonly string[], o: CallOptions = {}): Promise<void> {
    await headersOf(
      this.client,
      'POST',
      containerPath(name),
      { headers: removeMetadataHeaders('container', keys) },
      o,
    );
  }

  /**
   * Delete a container. With `empty: true` every object (and every version) is bulk-deleted
   * first; segments in other containers (`<name>_segments`) are not touched.
   */
  async deleteContainer(name: string, o: DeleteContainerOptions = {}): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        if (o.empty) await this.emptyContainer(name, o);
        await headersOf(this.client, 'DELETE', containerPath(name), {}, o);
        return;
      } catch (e) {
        if (e instanceof NotFoundError && o.ignoreMissing) return;
        // listings catch up with deletes asynchronously: retry a conflict a few times
        if (e instanceof ConflictError && o.empty && attempt < 5) {
          await new Promise((r) => setTimeout(r, 300 * attempt));
          continue;
        }
        throw e;
      }
    }
  }

  /**
   * Delete every object of a container (every version too when it is versioned).
   *
   * @example
   * ```ts
   * const r = await conn.objectStore.emptyContainer('scratch');
   * console.log(`${r.deleted} deleted, ${r.errors.length} failed`);
   * // or both in one call
   * await conn.objectStore.deleteContainer('scratch', { empty: true });
   * ```
   */
  async emptyContainer(name: string, o: CallOptions = {}): Promise<BulkDeleteResult> {
    const total: BulkDeleteResult = { deleted: 0, notFound: 0, errors: [] };
    const add = (r: BulkDeleteResult) => {
      total.deleted += r.deleted;
      total.notFound += r.notFound;
      total.errors.push(...r.errors);
    };
    const versioned = (await this.getContainerMetadata(name, o)).versionsEnabled === true;
    let batch: BulkDeleteItem[] = [];
    const versions: { name: string; versionId: string }[] = [];
    for await (const page of whole(this)
      .listObjects(name, versioned ? { versions: true } : {}, o)
      .pages()) {
      for (const r of page) {
        if (r.name === undefined) continue;
        // in a versioned container a plain delete only adds a delete marker: name every version
        if (versioned && r.versionId) versions.push({ name: r.name, versionId: r.versionId });
        else batch.push({ container: name, name: r.name });
      }
      if (batch.length >= 10_000) {
        add(await whole(this).bulkDelete(batch, o));
        batch = [];
      }
    }
    if (batch.length) add(await whole(this).bulkDelete(batch, o));
    // bulk delete cannot name versions: delete them one by one
    for (const v of versions) {
      try {
        await headersOf(
          this.client,
          'DELETE',
          objectPath(name, v.name),
          { query: { 'version-id': v.versionId } },
          o,
        );
        total.deleted++;
      } catch (e) {
        if (e instanceof NotFoundError) total.notFound++;
        else
          total.errors.push({
            path: `/${name}/${v.name}?version-id=${v.versionId}`,
            status: (e as Error).message,
          });
      }
    }
    if (total.errors.length) {
      throw new BulkDeleteError(
        `emptying ${name}: ${total.errors.length} object(s) not deleted (first: ${total.errors[0]!.path} ${total.errors[0]!.status})`,
        total.errors,
      );
    }
    return total;
  }
}
