/**
 * The share methods of `conn.sharedFileSystem` that are not generated verbs: update (manila
 * stores `name` as `display_name`), waiting, resizing, metadata, export locations and the
 * admin's status reset.
 */
import { ValidationError } from '../../errors/errors.js';
import {
  fetchResource,
  type ListQuery,
  listResources,
  MetadataMixin,
  type RequestOptions,
  ResourceList,
  requireId,
  updateResource,
  type VerbOptions,
  type WaitForStatusOptions,
} from '../../resource/index.js';
import { checkedList, checkQueryVersions, requireMicroversion } from '../service-documents.js';
import { ServiceProxy } from '../service-proxy.js';
import { ExportLocation } from './export-location.js';
import { type IdArg, shareAction, waitExplained } from './internal.js';
import type { ExportLocationResource, ShareResource } from './resource-types.js';
import { SHARE_FAILURE_STATUSES, SHARE_QUERY_VERSIONS, Share } from './share.js';

/** The most items manila returns in one listing (its `osapi_max_limit` default). */
const MANILA_MAX_LIMIT = 1000;

/** What `updateShare` can change. */
export interface ShareUpdate {
  /** The new name (null clears it). */
  name?: string | null;
  /** The new description (null clears it). */
  description?: string | null;
  /** Visible to every project (policy decides who may publish). */
  isPublic?: boolean;
}

/** Options of `extendShare`. */
export interface ExtendShareOptions extends RequestOptions {
  /** Admin: extend without checking the quota (2.64 or later). */
  force?: boolean;
}

/** A positive whole number of GiB, or a ValidationError naming `field`. */
function requireSize(field: string, size: unknown): number {
  if (typeof size === 'number' && Number.isInteger(size) && size > 0) return size;
  throw new ValidationError(`must be a whole number of GiB above 0 (got ${String(size)})`, {
    field,
    fix: 'pass the new total size in GiB, e.g. 2',
  });
}

/** Shares: update, wait, resize, metadata, export locations (a section of `conn.sharedFileSystem`). */
export abstract class ShareSection extends ServiceProxy {
  /**
   * Lazily list shares with details (`/shares/detail`), `limit` shares a page (default: manila's
   * cap, 1000), page after page by `offset`.
   */
  listShares(
    query: ListQuery<(typeof Share)['query']> = {},
    opts: VerbOptions = {},
  ): ResourceList<ShareResource> {
    const client = this.client;
    const size = typeof query.limit === 'number' && query.limit > 0 ? query.limit : MANILA_MAX_LIMIT;
    const first = typeof query.offset === 'number' ? query.offset : 0;
    return new ResourceList(async function* () {
      await checkQueryVersions(client, 'share list', query, SHARE_QUERY_VERSIONS, opts);
      // manila's next links repeat the first page (it ignores their marker): count offsets instead
      for (let offset = first; ; offset += size) {
        const page = await listResources(client, Share, { ...query, limit: size, offset }, opts).toArray();
        yield page;
        if (page.length < size) return;
      }
    });
  }

  /**
   * Rename, describe or publish a share.
   *
   * @example
   * ```ts
   * const share = await conn.sharedFileSystem.findShare('data');
   * await conn.sharedFileSystem.updateShare(share, { name: 'data-2024', description: 'archive' });
   * ```
   */
  async updateShare(share: IdArg, changes: ShareUpdate, opts: VerbOptions = {}): Promise<ShareResource> {
    const id = requireId('share', share);
    const extra: Record<string, unknown> = {};
    // manila's update reads only display_name / display_description (it ignores `name`)
    if (changes.name !== undefined) extra.display_name = changes.name;
    if (changes.description !== undefined) extra.display_description = changes.description;
    const unknown = Object.keys(changes).filter((k) => !['name', 'description', 'isPublic'].includes(k));
    if (unknown.length) {
      throw new ValidationError(`cannot be changed by an update`, {
        field: `share.${unknown[0]}`,
        fix: 'change name, description or isPublic; resize with resizeShare, metadata with setShareMetadata',
      });
    }
    const attrs = changes.isPublic === undefined ? {} : { isPublic: changes.isPublic };
    return updateResource(this.client, Share, id, { ...attrs, $extra: extra } as never, opts);
  }

  /**
   * Wait until a share reaches `status` (e.g. `available`); fails fast on `error` and the other
   * error statuses, with manila's user message about the share as the reason.
   */
  waitForShare(
    share: IdArg,
    status: string | string[],
    opts: WaitForStatusOptions & VerbOptions = {},
  ): Promise<ShareResource> {
    return waitExplained(this.client, Share, SHARE_FAILURE_STATUSES, share, status, opts);
  }

  /** Grow a share to `newSize` GiB (`extend`); it goes through `extending` to `available`. */
  async extendShare(share: IdArg, newSize: number, opts: ExtendShareOptions = {}): Promise<void> {
    const body: Record<string, unknown> = { new_size: requireSize('newSize', newSize) };
    if (opts.force) {
      await requireMicroversion(this.client, '2.64', 'extendShare.force', opts);
      body.force = true;
    }
    await shareAction(this.client, share, 'extend', body, opts);
  }

  /** Shrink a share to `newSize` GiB (`shrink`); it goes through `shrinking` to `available`. */
  async shrinkShare(share: IdArg, newSize: number, opts: RequestOptions = {}): Promise<void> {
    await shareAction(this.client, share, 'shrink', { new_size: requireSize('newSize', newSize) }, opts);
  }

  /**
   * Extend or shrink a share to `newSize` GiB, whichever it needs, and wait until it is
   * `available` again (a share already of that size is left alone).
   *
   * @example
   * ```ts
   * const share = await conn.sharedFileSystem.findShare('data');
   * const resized = await conn.sharedFileSystem.resizeShare(share, 4);
   * console.log(resized.size); // 4
   * ```
   */
  async resizeShare(
    share: IdArg,
    newSize: number,
    opts: WaitForStatusOptions & VerbOptions = {},
  ): Promise<ShareResource> {
    const size = requireSize('newSize', newSize);
    const current = await fetchResource(this.client, Share, requireId('share', share), opts);
    if (current.size === size) return current;
    if (size > current.size) await this.extendShare(current, size, opts);
    else await this.shrinkShare(current, size, opts);
    return this.waitForShare(current, 'available', opts);
  }

  /** Admin: overwrite a share's status in the database (`reset_status`), e.g. to delete one stuck. */
  async resetShareStatus(share: IdArg, status: string, opts: RequestOptions = {}): Promise<void> {
    await shareAction(this.client, share, 'reset_status', { status }, { ...opts, idempotent: true });
  }

  /** A share's metadata. */
  async getShareMetadata(share: IdArg, opts: RequestOptions = {}): Promise<Record<string, string>> {
    return new MetadataMixin(this.client, '/shares').get(requireId('share', share), opts);
  }

  /**
   * Add or change metadata keys of a share (other keys are kept); returns all metadata.
   *
   * @example
   * ```ts
   * const share = await conn.sharedFileSystem.findShare('data');
   * await conn.sharedFileSystem.setShareMetadata(share, { owner: 'team-a' });
   * console.log(await conn.sharedFileSystem.getShareMetadata(share));
   * await conn.sharedFileSystem.deleteShareMetadataItem(share, 'owner');
   * ```
   */
  async setShareMetadata(
    share: IdArg,
    metadata: Record<string, string>,
    opts: RequestOptions = {},
  ): Promise<Record<string, string>> {
    return new MetadataMixin(this.client, '/shares').update(requireId('share', share), metadata, opts);
  }

  /** Replace all metadata of a share. */
  async replaceShareMetadata(
    share: IdArg,
    metadata: Record<string, string>,
    opts: RequestOptions = {},
  ): Promise<Record<string, string>> {
    return new MetadataMixin(this.client, '/shares').replace(requireId('share', share), metadata, opts);
  }

  /** One metadata value of a share (NotFoundError when the key is absent). */
  async getShareMetadataItem(share: IdArg, key: string, opts: RequestOptions = {}): Promise<string> {
    return new MetadataMixin(this.client, '/shares').getItem(requireId('share', share), key, opts);
  }

  /** Remove one metadata key of a share. */
  async deleteShareMetadataItem(share: IdArg, key: string, opts: RequestOptions = {}): Promise<void> {
    await new MetadataMixin(this.client, '/shares').deleteItem(requireId('share', share), key, opts);
  }

  /** The paths a share is mounted from (2.9 or later). */
  listShareExportLocations(share: IdArg, opts: VerbOptions = {}): ResourceList<ExportLocationResource> {
    const parent = { shareId: requireId('share', share) };
    return checkedList(
      () => requireMicroversion(this.client, '2.9', 'listShareExportLocations', opts),
      listResources(this.client, ExportLocation, {}, { ...opts, parent }),
    );
  }

  /** One export location of a share (2.9 or later). */
  async getShareExportLocation(
    share: IdArg,
    location: IdArg,
    opts: VerbOptions = {},
  ): Promise<ExportLocationResource> {
    await requireMicroversion(this.client, '2.9', 'getShareExportLocation', opts);
    const parent = { shareId: requireId('share', share) };
    return fetchResource(this.client, ExportLocation, requireId('export location', location), {
      ...opts,
      parent,
    });
  }
}
