/**
 * The block storage v3 (cinder) proxy: `conn.blockStorage`. Requests carry
 * `OpenStack-API-Version: volume 3.x` (the pinned microversion, else the SDK default).
 */
import {
  BadRequestError,
  NotFoundError,
  ResourceFailureError,
  ValidationError,
} from '../../errors/errors.js';
import {
  type CreateAttributes,
  createResource,
  type DeleteOptions,
  deletePath,
  deleteResource,
  describeValue,
  fetchResource,
  instantiate,
  type ListQuery,
  listResources,
  namedVerbs,
  type RequestOptions,
  type Resource,
  type ResourceBase,
  type ResourceList,
  resourceAction,
  toRequest,
  type UpdateAttributes,
  updateResource,
  type VerbOptions,
  type VerbsOf,
  type WaitForStatusOptions,
  type WaitOptions,
  waitForDelete,
  waitForStatus,
} from '../../resource/index.js';
import type { Session } from '../../session/session.js';
import {
  checkedList,
  checkQueryVersions,
  readDocument,
  requestDocument,
  requireMicroversion,
} from '../service-documents.js';
import { type ProxyOptions, ServiceProxy } from '../service-proxy.js';
import { blockStorageV3Spec } from '../specs.js';
import { Attachment } from './attachment.js';
import { AvailabilityZone } from './availability-zone.js';
import { BACKUP_FAILURE_STATUSES, Backup, type BackupRestore } from './backup.js';
import { DefaultType } from './default-type.js';
import { action, findAnyway } from './internal.js';
import { Limits } from './limits.js';
import { Message } from './message.js';
import { QosAssociation, QosSpec } from './qos-spec.js';
import { QuotaClassSet } from './quota-class-set.js';
import { QuotaSet } from './quota-set.js';
import { QuotaSetUsage } from './quota-set-usage.js';
import { Service } from './service.js';
import { SNAPSHOT_FAILURE_STATUSES, SNAPSHOT_QUERY_VERSIONS, Snapshot } from './snapshot.js';
import { VOLUME_FAILURE_STATUSES, VOLUME_QUERY_VERSIONS, Volume } from './volume.js';
import { VolumeSummary } from './volume-summary.js';
import { VolumeTransfer } from './volume-transfer.js';
import { VolumeType } from './volume-type.js';
import { VolumeTypeAccess } from './volume-type-access.js';

type IdArg = string | ResourceBase<any>;
type VolumeFields = (typeof Volume)['fields'];
type SnapshotFields = (typeof Snapshot)['fields'];
type BackupFields = (typeof Backup)['fields'];
type VolumeTypeFields = (typeof VolumeType)['fields'];

/** A volume. */
export type VolumeResource = Resource<VolumeFields>;
/** A snapshot. */
export type SnapshotResource = Resource<SnapshotFields>;
/** A backup. */
export type BackupResource = Resource<BackupFields>;
/** A volume attachment (3.27). */
export type AttachmentResource = Resource<(typeof Attachment)['fields']>;
/** A volume transfer (3.55). */
export type VolumeTransferResource = Resource<(typeof VolumeTransfer)['fields']>;
/** A QoS specification. */
export type QosSpecResource = Resource<(typeof QosSpec)['fields']>;
/** A volume type associated with a QoS specification. */
export type QosAssociationResource = Resource<(typeof QosAssociation)['fields']>;
/** A project's default volume type (3.62). */
export type DefaultTypeResource = Resource<(typeof DefaultType)['fields']>;
/** A user message. */
export type MessageResource = Resource<(typeof Message)['fields']>;
/** A volume type. */
export type VolumeTypeResource = Resource<VolumeTypeFields>;
/** A project's quotas. */
export type QuotaSetResource = Resource<(typeof QuotaSet)['fields']>;
/** A project's quotas with usage. */
export type QuotaSetUsageResource = Resource<(typeof QuotaSetUsage)['fields']>;
/** Default quotas of a quota class. */
export type QuotaClassSetResource = Resource<(typeof QuotaClassSet)['fields']>;
/** Limits and usage of a project. */
export type LimitsResource = Resource<(typeof Limits)['fields']>;
/** A cinder service. */
export type ServiceResource = Resource<(typeof Service)['fields']>;
/** Volume totals. */
export type VolumeSummaryResource = Resource<(typeof VolumeSummary)['fields']>;
/** One project's access to a private volume type. */
export type VolumeTypeAccessResource = Resource<(typeof VolumeTypeAccess)['fields']>;

/** Options of {@link BlockStorageV3.createVolume}. */
export interface CreateVolumeOptions extends VerbOptions {
  /** Scheduler hints (`OS-SCH-HNT:scheduler_hints`), e.g. `{ same_host: [volumeId] }`. */
  schedulerHints?: Record<string, unknown>;
}

/** Options of {@link BlockStorageV3.deleteVolume}. */
export interface DeleteVolumeOptions extends DeleteOptions {
  /** Delete the volume's snapshots too. */
  cascade?: boolean;
  /** Delete even in error/deleting states (admin, 3.23). */
  force?: boolean;
}

/** Volume actions whose repetition changes nothing. */
const IDEMPOTENT_ACTIONS = new Set([
  'os-set_bootable',
  'os-update_readonly_flag',
  'os-reset_status',
  'os-set_image_metadata',
  'os-show_image_metadata',
]);

function idOf(x: IdArg): string {
  const id = typeof x === 'object' && x !== null ? x.id : x;
  if (typeof id !== 'string' || !id)
    throw new ValidationError(`an id is required (got ${describeValue(x)})`, {
      fix: 'pass the id or the resource',
    });
  return id;
}

function enc(x: IdArg): string {
  return encodeURIComponent(idOf(x));
}

export interface BlockStorageV3
  extends VerbsOf<'Volume', 'Volumes', typeof Volume, 'get' | 'find' | 'update'>,
    VerbsOf<'Snapshot', 'Snapshots', typeof Snapshot, 'get' | 'find' | 'create' | 'update' | 'delete'>,
    VerbsOf<'Backup', 'Backups', typeof Backup, 'list' | 'get' | 'find' | 'create'>,
    VerbsOf<'VolumeType', 'VolumeTypes', typeof VolumeType, 'list' | 'get' | 'find' | 'update' | 'delete'>,
    VerbsOf<'AvailabilityZone', 'AvailabilityZones', typeof AvailabilityZone, 'list'>,
    VerbsOf<'Service', 'Services', typeof Service, 'list'> {}

export class BlockStorageV3 extends ServiceProxy {
  constructor(session: Session, opts: ProxyOptions = {}) {
    super(session, blockStorageV3Spec, opts);
    Object.assign(
      this,
      namedVerbs(this.client, Volume, 'Volume', 'Volumes', ['get', 'find', 'update']),
      namedVerbs(this.client, Snapshot, 'Snapshot', 'Snapshots', [
        'get',
        'find',
        'create',
        'update',
        'delete',
      ]),
      namedVerbs(this.client, Backup, 'Backup', 'Backups', ['list', 'get', 'find', 'create']),
      namedVerbs(this.client, VolumeType, 'VolumeType', 'VolumeTypes', [
        'list',
        'get',
        'find',
        'update',
        'delete',
      ]),
      namedVerbs(this.client, AvailabilityZone, 'AvailabilityZone', 'AvailabilityZones', ['list']),
      namedVerbs(this.client, Service, 'Service', 'Services', ['list']),
    );
    this.findVolume = findAnyway(this.client, Volume);
    this.findSnapshot = findAnyway(this.client, Snapshot);
    this.findBackup = findAnyway(this.client, Backup);
  }

  // ---------------------------------------------------------------- volumes

  /**
   * Create a volume: blank (`size`), from an image (`imageRef` + `size`), from a snapshot
   * (`snapshotId`), from another volume (`sourceVolid`) or from a backup (`backupId`, 3.47).
   * Returns at once (status `creating`); use {@link waitForVolume} for `available`.
   */
  async createVolume(
    attrs: CreateAttributes<VolumeFields>,
    opts: CreateVolumeOptions = {},
  ): Promise<VolumeResource> {
    await this.client.resolve(opts.signal);
    const parts = toRequest(Volume, attrs as Record<string, unknown>, 'create', this.client);
    const b = parts.body;
    if (b.size == null && b.snapshot_id == null && b.source_volid == null && b.backup_id == null) {
      throw new ValidationError('needs a size, or a snapshot, source volume or backup to copy it from', {
        field: 'volume.size',
        fix: 'pass size (GiB), snapshotId, sourceVolid or backupId',
      });
    }
    if (b.imageRef != null && b.size == null) {
      throw new ValidationError('a volume created from an image needs a size', {
        field: 'volume.size',
        fix: 'pass size (GiB), at least the image size',
      });
    }
    const json: Record<string, unknown> = { volume: b };
    if (opts.schedulerHints) json['OS-SCH-HNT:scheduler_hints'] = opts.schedulerHints;
    const res = await this.client.request('POST', '/volumes', {
      json,
      headers: { ...parts.headers, ...opts.headers },
      signal: opts.signal,
      timeoutMs: opts.timeoutMs,
      microversion: opts.microversion,
    });
    const doc = await readDocument(res);
    return instantiate(Volume, this.client, { ...b, ...doc.keyOr('volume', 'object', {}) }, res.headers);
  }

  /** Lazily list volumes with details (`/volumes/detail`); filters gated by microversion are checked first. */
  listVolumes(
    query: ListQuery<(typeof Volume)['query']> = {},
    opts: VerbOptions = {},
  ): ResourceList<VolumeResource> {
    return checkedList(
      () => checkQueryVersions(this.client, 'volume list', query, VOLUME_QUERY_VERSIONS, opts),
      listResources(this.client, Volume, query, opts),
    );
  }

  /**
   * Delete a volume. `cascade` deletes its snapshots too; `force` (admin, 3.23) deletes it in
   * any state. With `ignoreMissing`, an already deleted volume is not an error.
   */
  async deleteVolume(volume: IdArg, opts: DeleteVolumeOptions = {}): Promise<void> {
    if (opts.force) await requireMicroversion(this.client, '3.23', 'deleteVolume.force', opts);
    await deletePath(this.client, `/volumes/${enc(volume)}`, opts, {
      cascade: opts.cascade || undefined,
      force: opts.force || undefined,
    });
  }

  /**
   * Wait until a volume reaches `status` (e.g. `available`, `in-use`); fails fast on
   * `error`, `error_extending`, `error_deleting`, `error_restoring`, ... (override with `failures`).
   */
  waitForVolume(
    volume: IdArg,
    status: string | string[],
    opts: WaitForStatusOptions & VerbOptions = {},
  ): Promise<VolumeResource> {
    return this.explained(
      waitForStatus(() => fetchResource(this.client, Volume, volume, opts), status, {
        failures: [...VOLUME_FAILURE_STATUSES],
        ...opts,
      }),
      volume,
      opts,
    );
  }

  /** Wait until a volume is gone; fails fast on `error_deleting`. */
  waitForVolumeDelete(volume: IdArg, opts: WaitOptions & VerbOptions = {}): Promise<void> {
    return this.explained(
      waitForDelete(() => fetchResource(this.client, Volume, volume, opts), `volume ${idOf(volume)}`, opts),
      volume,
      opts,
    );
  }

  /**
   * Volumes and snapshots carry no failure reason: when a waiter fails, add cinder's newest
   * user message about the resource (3.3 `/messages`, e.g. "Volume Driver failed to extend
   * volume.") to the error and its `fault`. Without messages the original error is thrown.
   */
  private async explained<T>(p: Promise<T>, resource: IdArg, opts: RequestOptions): Promise<T> {
    try {
      return await p;
    } catch (e) {
      if (!(e instanceof ResourceFailureError) || e.fault) throw e;
      const msg = await this.latestUserMessage(idOf(resource), opts).catch(() => undefined);
      if (!msg) throw e;
      throw new ResourceFailureError(`${e.message}: ${msg}`, e.status, msg);
    }
  }

  private async latestUserMessage(resourceUuid: string, opts: RequestOptions): Promise<string | undefined> {
    const o = { signal: opts.signal, microversion: this.client.supports('3.3') ? undefined : '3.3' };
    let messages: MessageResource[];
    try {
      messages = await listResources(this.client, Message, { resourceUuid }, o).toArray();
    } catch (e) {
      // clouds may refuse list filters to members: filter here instead
      if (!(e instanceof BadRequestError)) throw e;
      messages = (await listResources(this.client, Message, {}, o).toArray()).filter(
        (m) => m.resourceUuid === resourceUuid,
      );
    }
    const newest = messages.sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)))[0];
    return newest?.userMessage;
  }

  private async volumeAction<T = unknown>(
    volume: IdArg,
    name: string,
    body: unknown,
    opts: RequestOptions = {},
  ): Promise<{ body: T | undefined }> {
    // setting a flag, a status or metadata again changes nothing: safe to retry like a PUT
    const idempotent = IDEMPOTENT_ACTIONS.has(name);
    return {
      body: await action<T>(this.client, '/volumes', idOf(volume), name, body, { ...opts, idempotent }),
    };
  }

  /**
   * Grow a volume to `newSize` GiB (`os-extend`); status goes `extending` → `available`.
   *
   * @example
   * ```ts
   * const vol = await conn.blockStorage.findVolume('data');
   * await conn.blockStorage.extendVolume(vol, 20);
   * await conn.blockStorage.waitForVolume(vol, ['available']);
   * await conn.blockStorage.retypeVolume(vol, 'ssd', { migrationPolicy: 'on-demand' });
   * ```
   */
  async extendVolume(volume: IdArg, newSize: number, opts: RequestOptions = {}): Promise<void> {
    if (!Number.isInteger(newSize) || newSize < 1) {
      throw new ValidationError(`must be a positive integer, got ${newSize}`, {
        field: 'extendVolume.newSize',
        fix: 'pass the new size in GiB',
      });
    }
    await this.volumeAction(volume, 'os-extend', { new_size: newSize }, opts);
  }

  /** Change a volume's type (`os-retype`); `migrationPolicy` `on-demand` allows moving it to another backend. */
  async retypeVolume(
    volume: IdArg,
    newType: string,
    opts: RequestOptions & { migrationPolicy?: 'never' | 'on-demand' } = {},
  ): Promise<void> {
    const body: Record<string, unknown> = { new_type: newType };
    if (opts.migrationPolicy) body.migration_policy = opts.migrationPolicy;
    await this.volumeAction(volume, 'os-retype', body, opts);
  }

  /**
   * Mark a volume bootable or not (`os-set_bootable`).
   *
   * @example
   * ```ts
   * const vol = await conn.blockStorage.findVolume('boot-disk');
   * await conn.blockStorage.setVolumeBootable(vol, true);
   * await conn.blockStorage.setVolumeReadonly(vol, false);
   * // roll the volume back to its latest snapshot (3.40; the volume must be available)
   * const [snap] = await conn.blockStorage.listSnapshots({ volumeId: vol.id, sort: 'created_at:desc', limit: 1 }).toArray();
   * if (snap) await conn.blockStorage.revertVolumeToSnapshot(vol, snap);
   * ```
   */
  async setVolumeBootable(volume: IdArg, bootable: boolean, opts: RequestOptions = {}): Promise<void> {
    await this.volumeAction(volume, 'os-set_bootable', { bootable }, opts);
  }

  /** Make a volume read-only or read-write for future attachments (`os-update_readonly_flag`). */
  async setVolumeReadonly(volume: IdArg, readonly: boolean, opts: RequestOptions = {}): Promise<void> {
    await this.volumeAction(volume, 'os-update_readonly_flag', { readonly }, opts);
  }

  /**
   * Admin: overwrite a volume's status fields in the database (`os-reset_status`). Nothing is checked on the backend.
   *
   * @example
   * ```ts
   * // admin: a volume stuck in 'detaching' after its server was deleted
   * const vol = await conn.blockStorage.findVolume('data');
   * await conn.blockStorage.resetVolumeStatus(vol, { status: 'available', attachStatus: 'detached' });
   * ```
   */
  async resetVolumeStatus(
    volume: IdArg,
    s: { status?: string; attachStatus?: 'attached' | 'detached'; migrationStatus?: string | null },
    opts: RequestOptions = {},
  ): Promise<void> {
    const body: Record<string, unknown> = {};
    if (s.status !== undefined) body.status = s.status;
    if (s.attachStatus !== undefined) body.attach_status = s.attachStatus;
    if (s.migrationStatus !== undefined) body.migration_status = s.migrationStatus;
    if (!Object.keys(body).length) {
      throw new ValidationError('nothing to reset', {
        field: 'resetVolumeStatus',
        fix: 'pass status, attachStatus or migrationStatus',
      });
    }
    await this.volumeAction(volume, 'os-reset_status', body, opts);
  }

  /** Admin: delete a volume whatever its state (`os-force_delete`). */
  async forceDeleteVolume(volume: IdArg, opts: RequestOptions = {}): Promise<void> {
    await this.volumeAction(volume, 'os-force_delete', {}, opts);
  }

  /** Revert a volume to its latest snapshot (`revert`, 3.40). */
  async revertVolumeToSnapshot(volume: IdArg, snapshot: IdArg, opts: RequestOptions = {}): Promise<void> {
    await requireMicroversion(this.client, '3.40', 'revertVolumeToSnapshot', opts);
    await this.volumeAction(volume, 'revert', { snapshot_id: idOf(snapshot) }, opts);
  }

  /**
   * Reserve a volume for an attachment (`os-reserve`: `available` → `attaching`).
   *
   * @example
   * ```ts
   * // the old (pre-3.27) attach flow a compute service follows; prefer createAttachment
   * const vol = await conn.blockStorage.findVolume('data');
   * const server = await conn.compute.findServer('web1');
   * await conn.blockStorage.reserveVolume(vol); // attaching: nobody else can take it
   * await conn.blockStorage.attachVolume(vol, { mountpoint: '/dev/vdb', instanceUuid: server.id });
   * await conn.blockStorage.detachVolume(vol);
   * ```
   */
  async reserveVolume(volume: IdArg, opts: RequestOptions = {}): Promise<void> {
    await this.volumeAction(volume, 'os-reserve', {}, opts);
  }

  /** Undo {@link reserveVolume} (`os-unreserve`: `attaching` → `available`). */
  async unreserveVolume(volume: IdArg, opts: RequestOptions = {}): Promise<void> {
    await this.volumeAction(volume, 'os-unreserve', {}, opts);
  }

  /**
   * Record an attachment (`os-attach`), as a compute service does after connecting the volume:
   * to a server (`instanceUuid`) or a host (`hostName`), at `mountpoint`.
   */
  async attachVolume(
    volume: IdArg,
    a: { mountpoint: string; instanceUuid?: string; hostName?: string; mode?: 'rw' | 'ro' },
    opts: RequestOptions = {},
  ): Promise<void> {
    if (!a.instanceUuid === !a.hostName) {
      throw new ValidationError('needs exactly one of instanceUuid and hostName', {
        field: 'attachVolume',
        fix: 'pass the server id or the host name',
      });
    }
    const body: Record<string, unknown> = { mountpoint: a.mountpoint };
    if (a.instanceUuid) body.instance_uuid = a.instanceUuid;
    if (a.hostName) body.host_name = a.hostName;
    if (a.mode) body.mode = a.mode;
    await this.volumeAction(volume, 'os-attach', body, opts);
  }

  /** Remove an attachment record (`os-detach`); `attachmentId` is required when the volume has several. */
  async detachVolume(volume: IdArg, opts: RequestOptions & { attachmentId?: string } = {}): Promise<void> {
    await this.volumeAction(
      volume,
      'os-detach',
      opts.attachmentId ? { attachment_id: opts.attachmentId } : {},
      opts,
    );
  }

  /**
   * Set image metadata keys on a volume (`os-set_image_metadata`); returns the volume's image metadata.
   *
   * @example
   * ```ts
   * // a bootable volume tells nova how to boot from it through its image metadata
   * const vol = await conn.blockStorage.findVolume('boot-disk');
   * await conn.blockStorage.setVolumeImageMetadata(vol, { hw_disk_bus: 'scsi', hw_scsi_model: 'virtio-scsi' });
   * console.log(await conn.blockStorage.getVolumeImageMetadata(vol));
   * await conn.blockStorage.unsetVolumeImageMetadata(vol, 'hw_scsi_model');
   * ```
   */
  async setVolumeImageMetadata(
    volume: IdArg,
    metadata: Record<string, string>,
    opts: RequestOptions = {},
  ): Promise<Record<string, string>> {
    const r = await this.volumeAction<{ metadata?: Record<string, string> }>(
      volume,
      'os-set_image_metadata',
      { metadata },
      opts,
    );
    return r.body?.metadata ?? metadata;
  }

  /** Remove one image metadata key from a volume (`os-unset_image_metadata`). */
  async unsetVolumeImageMetadata(volume: IdArg, key: string, opts: RequestOptions = {}): Promise<void> {
    await this.volumeAction(volume, 'os-unset_image_metadata', { key }, opts);
  }

  /** A volume's image metadata (`os-show_image_metadata`). */
  async getVolumeImageMetadata(volume: IdArg, opts: RequestOptions = {}): Promise<Record<string, string>> {
    const r = await this.volumeAction<{ metadata?: Record<string, string> }>(
      volume,
      'os-show_image_metadata',
      {},
      opts,
    );
    return r.body?.metadata ?? {};
  }

  /**
   * Upload a volume to the image service (`os-volume_upload_image`); `visibility` and
   * `protected` need 3.1. Returns cinder's description of the upload (with `image_id`).
   *
   * @example
   * ```ts
   * const vol = await conn.blockStorage.findVolume('golden');
   * const upload = await conn.blockStorage.uploadVolumeToImage(vol, { imageName: 'golden-2026', diskFormat: 'qcow2' });
   * await conn.image.waitForImage(upload.image_id as string, ['active']);
   * ```
   */
  async uploadVolumeToImage(
    volume: IdArg,
    image: {
      imageName: string;
      force?: boolean;
      diskFormat?: string;
      containerFormat?: string;
      visibility?: 'public' | 'private' | 'shared' | 'community';
      protected?: boolean;
    },
    opts: RequestOptions = {},
  ): Promise<Record<string, unknown>> {
    if (image.visibility !== undefined || image.protected !== undefined)
      await requireMicroversion(this.client, '3.1', 'uploadVolumeToImage.visibility', opts);
    const body: Record<string, unknown> = { image_name: image.imageName };
    if (image.force !== undefined) body.force = image.force;
    if (image.diskFormat) body.disk_format = image.diskFormat;
    if (image.containerFormat) body.container_format = image.containerFormat;
    if (image.visibility) body.visibility = image.visibility;
    if (image.protected !== undefined) body.protected = image.protected;
    const r = await this.volumeAction<Record<string, Record<string, unknown>>>(
      volume,
      'os-volume_upload_image',
      body,
      opts,
    );
    return r.body?.['os-volume_upload_image'] ?? {};
  }

  /**
   * Totals over the visible volumes (3.12); `allTenants` for admins.
   *
   * @example
   * ```ts
   * const { totalCount, totalSize } = await conn.blockStorage.getVolumeSummary();
   * console.log(`${totalCount} volumes, ${totalSize} GiB`);
   * ```
   */
  async getVolumeSummary(
    opts: RequestOptions & { allTenants?: boolean } = {},
  ): Promise<VolumeSummaryResource> {
    await requireMicroversion(this.client, '3.12', 'getVolumeSummary', opts);
    return requestDocument(this.client, VolumeSummary, 'GET', '/volumes/summary', {
      ...opts,
      query: { all_tenants: opts.allTenants || undefined },
    });
  }

  // ------------------------------------------------------- volume metadata

  /** A volume's metadata. */
  async getVolumeMetadata(volume: IdArg, opts: RequestOptions = {}): Promise<Record<string, string>> {
    return this.metadata('volumes', 'GET', volume, undefined, opts);
  }

  /**
   * Add or change metadata keys of a volume (other keys are kept); returns all metadata.
   *
   * @example
   * ```ts
   * const vol = await conn.blockStorage.findVolume('data');
   * await conn.blockStorage.setVolumeMetadata(vol, { backup: 'nightly' });
   * console.log(await conn.blockStorage.getVolumeMetadata(vol));
   * ```
   */
  async setVolumeMetadata(
    volume: IdArg,
    metadata: Record<string, string>,
    opts: RequestOptions = {},
  ): Promise<Record<string, string>> {
    return this.metadata('volumes', 'POST', volume, metadata, opts);
  }

  /** Replace all metadata of a volume. */
  async replaceVolumeMetadata(
    volume: IdArg,
    metadata: Record<string, string>,
    opts: RequestOptions = {},
  ): Promise<Record<string, string>> {
    return this.metadata('volumes', 'PUT', volume, metadata, opts);
  }

  /**
   * One metadata value of a volume (NotFoundError when the key is absent).
   *
   * @example
   * ```ts
   * const vol = await conn.blockStorage.findVolume('data');
   * await conn.blockStorage.setVolumeMetadataItem(vol, 'owner', 'team-a');
   * console.log(await conn.blockStorage.getVolumeMetadataItem(vol, 'owner')); // 'team-a'
   * await conn.blockStorage.deleteVolumeMetadataItem(vol, 'owner');
   * ```
   */
  async getVolumeMetadataItem(volume: IdArg, key: string, opts: RequestOptions = {}): Promise<string> {
    return this.metadataItem('volumes', 'GET', volume, key, undefined, opts);
  }

  /** Set one metadata value of a volume. */
  async setVolumeMetadataItem(
    volume: IdArg,
    key: string,
    value: string,
    opts: RequestOptions = {},
  ): Promise<string> {
    return this.metadataItem('volumes', 'PUT', volume, key, value, opts);
  }

  /** Remove one metadata key of a volume. */
  async deleteVolumeMetadataItem(volume: IdArg, key: string, opts: RequestOptions = {}): Promise<void> {
    await this.metadataItem('volumes', 'DELETE', volume, key, undefined, opts);
  }

  private async metadata(
    collection: 'volumes' | 'snapshots',
    method: 'GET' | 'POST' | 'PUT',
    id: IdArg,
    md: Record<string, string> | undefined,
    opts: RequestOptions,
  ): Promise<Record<string, string>> {
    const res = await this.client.request(method, `/${collection}/${enc(id)}/metadata`, {
      json: md === undefined ? undefined : { metadata: md },
      // merging the same keys again changes nothing
      idempotent: true,
      signal: opts.signal,
      timeoutMs: opts.timeoutMs,
      microversion: opts.microversion,
      headers: opts.headers,
    });
    const doc = await readDocument(res);
    return doc.keyOr('metadata', 'object', md ?? {}) as Record<string, string>;
  }

  private async metadataItem(
    collection: 'volumes' | 'snapshots',
    method: 'GET' | 'PUT' | 'DELETE',
    id: IdArg,
    key: string,
    value: string | undefined,
    opts: RequestOptions,
  ): Promise<string> {
    const res = await this.client.request(
      method,
      `/${collection}/${enc(id)}/metadata/${encodeURIComponent(key)}`,
      {
        json: value === undefined ? undefined : { meta: { [key]: value } },
        signal: opts.signal,
        timeoutMs: opts.timeoutMs,
        microversion: opts.microversion,
        headers: opts.headers,
      },
    );
    const doc = await readDocument(res);
    if (method === 'DELETE' || doc.value === undefined) return value ?? '';
    const v = (doc.key('meta', 'object') as Record<string, unknown>)[key];
    if (typeof v !== 'string') throw doc.fail('missing-key', `no string "meta.${key}"`);
    return v;
  }

  // -------------------------------------------------------------- snapshots

  /** Lazily list snapshots with details (`/snapshots/detail`). */
  listSnapshots(
    query: ListQuery<(typeof Snapshot)['query']> = {},
    opts: VerbOptions = {},
  ): ResourceList<SnapshotResource> {
    return checkedList(
      () => checkQueryVersions(this.client, 'snapshot list', query, SNAPSHOT_QUERY_VERSIONS, opts),
      listResources(this.client, Snapshot, query, opts),
    );
  }

  /** Wait until a snapshot reaches `status` (e.g. `available`); fails fast on `error`. */
  waitForSnapshot(
    snapshot: IdArg,
    status: string | string[],
    opts: WaitForStatusOptions & VerbOptions = {},
  ): Promise<SnapshotResource> {
    return this.explained(
      waitForStatus(() => fetchResource(this.client, Snapshot, snapshot, opts), status, {
        failures: [...SNAPSHOT_FAILURE_STATUSES],
        ...opts,
      }),
      snapshot,
      opts,
    );
  }

  /** Wait until a snapshot is gone; fails fast on `error_deleting`. */
  waitForSnapshotDelete(snapshot: IdArg, opts: WaitOptions & VerbOptions = {}): Promise<void> {
    return this.explained(
      waitForDelete(
        () => fetchResource(this.client, Snapshot, snapshot, opts),
        `snapshot ${idOf(snapshot)}`,
        opts,
      ),
      snapshot,
      opts,
    );
  }

  /**
   * Admin: delete a snapshot whatever its state (`os-force_delete`).
   *
   * @example
   * ```ts
   * // admin: a snapshot stuck in error_deleting
   * const snap = await conn.blockStorage.findSnapshot('nightly-0412');
   * await conn.blockStorage.resetSnapshotStatus(snap, 'error');
   * await conn.blockStorage.forceDeleteSnapshot(snap);
   * await conn.blockStorage.waitForSnapshotDelete(snap);
   * ```
   */
  async forceDeleteSnapshot(snapshot: IdArg, opts: RequestOptions = {}): Promise<void> {
    await resourceAction(this.client, '/snapshots', idOf(snapshot), 'os-force_delete', {}, opts);
  }

  /** Admin: overwrite a snapshot's status in the database (`os-reset_status`). */
  async resetSnapshotStatus(snapshot: IdArg, status: string, opts: RequestOptions = {}): Promise<void> {
    await action(
      this.client,
      '/snapshots',
      idOf(snapshot),
      'os-reset_status',
      { status },
      { ...opts, idempotent: true },
    );
  }

  /**
   * A snapshot's metadata.
   *
   * @example
   * ```ts
   * const snap = await conn.blockStorage.findSnapshot('nightly-0412');
   * await conn.blockStorage.setSnapshotMetadata(snap, { retention: '30d' });
   * await conn.blockStorage.setSnapshotMetadataItem(snap, 'verified', 'yes');
   * console.log(await conn.blockStorage.getSnapshotMetadata(snap)); // { retention: '30d', verified: 'yes' }
   * ```
   */
  async getSnapshotMetadata(snapshot: IdArg, opts: RequestOptions = {}): Promise<Record<string, string>> {
    return this.metadata('snapshots', 'GET', snapshot, undefined, opts);
  }

  /** Add or change metadata keys of a snapshot; returns all metadata. */
  async setSnapshotMetadata(
    snapshot: IdArg,
    metadata: Record<string, string>,
    opts: RequestOptions = {},
  ): Promise<Record<string, string>> {
    return this.metadata('snapshots', 'POST', snapshot, metadata, opts);
  }

  /** Replace all metadata of a snapshot. */
  async replaceSnapshotMetadata(
    snapshot: IdArg,
    metadata: Record<string, string>,
    opts: RequestOptions = {},
  ): Promise<Record<string, string>> {
    return this.metadata('snapshots', 'PUT', snapshot, metadata, opts);
  }

  /** One metadata value of a snapshot. */
  async getSnapshotMetadataItem(snapshot: IdArg, key: string, opts: RequestOptions = {}): Promise<string> {
    return this.metadataItem('snapshots', 'GET', snapshot, key, undefined, opts);
  }

  /** Set one metadata value of a snapshot. */
  async setSnapshotMetadataItem(
    snapshot: IdArg,
    key: string,
    value: string,
    opts: RequestOptions = {},
  ): Promise<string> {
    return this.metadataItem('snapshots', 'PUT', snapshot, key, value, opts);
  }

  /** Remove one metadata key of a snapshot. */
  async deleteSnapshotMetadataItem(snapshot: IdArg, key: string, opts: RequestOptions = {}): Promise<void> {
    await this.metadataItem('snapshots', 'DELETE', snapshot, key, undefined, opts);
  }

  // ---------------------------------------------------------------- backups

  /**
   * Delete a backup. Cinder also answers 404 when no cinder-backup service can do the delete
   * ("Service cinder-backup could not be found"): with `ignoreMissing`, a 404 is only ignored
   * when the backup is really gone.
   */
  async deleteBackup(backup: IdArg, opts: DeleteOptions = {}): Promise<void> {
    try {
      await deleteResource(this.client, Backup, backup, { ...opts, ignoreMissing: false });
    } catch (e) {
      if (!opts.ignoreMissing || !(e instanceof NotFoundError)) throw e;
      try {
        await fetchResource(this.client, Backup, backup, opts);
      } catch (gone) {
        if (gone instanceof NotFoundError) return;
        throw gone;
      }
      throw e;
    }
  }

  /** Rename or describe a backup (3.9; `metadata` from 3.43). */
  async updateBackup(
    backup: IdArg,
    attrs: UpdateAttributes<BackupFields>,
    opts: VerbOptions = {},
  ): Promise<BackupResource> {
    await requireMicroversion(this.client, '3.9', 'updateBackup', opts);
    return updateResource(this.client, Backup, backup, attrs, opts);
  }

  /** Wait until a backup reaches `status` (e.g. `available`); fails fast on `error`. */
  waitForBackup(
    backup: IdArg,
    status: string | string[],
    opts: WaitForStatusOptions & VerbOptions = {},
  ): Promise<BackupResource> {
    return waitForStatus(() => fetchResource(this.client, Backup, backup, opts), status, {
      failures: [...BACKUP_FAILURE_STATUSES],
      ...opts,
    });
  }

  /** Wait until a backup is gone. */
  waitForBackupDelete(backup: IdArg, opts: WaitOptions & VerbOptions = {}): Promise<void> {
    return waitForDelete(
      () => fetchResource(this.client, Backup, backup, opts),
      `backup ${idOf(backup)}`,
      opts,
    );
  }

  /**
   * Restore a backup into an existing volume (`volumeId`) or a new one (`name`).
   *
   * @example
   * ```ts
   * const backup = await conn.blockStorage.findBackup('db-weekly');
   * const restore = await conn.blockStorage.restoreBackup(backup, { name: 'db-restored' });
   * await conn.blockStorage.waitForVolume(restore.volume_id, ['available'], { timeoutMs: 30 * 60_000 });
   * ```
   */
  async restoreBackup(
    backup: IdArg,
    target: { volumeId?: string; name?: string } = {},
    opts: RequestOptions = {},
  ): Promise<BackupRestore> {
    const body: Record<string, unknown> = {};
    if (target.volumeId) body.volume_id = target.volumeId;
    if (target.name) body.name = target.name;
    const res = await this.client.request('POST', `/backups/${enc(backup)}/restore`, {
      json: { restore: body },
      signal: opts.signal,
      timeoutMs: opts.timeoutMs,
      microversion: opts.microversion,
      headers: opts.headers,
    });
    return (await readDocument(res)).key('restore', 'object') as BackupRestore;
  }

  /**
   * Admin: delete a backup whatever its state (`os-force_delete`).
   *
   * @example
   * ```ts
   * // admin: a backup stuck in 'creating' after the backup service restarted
   * const backup = await conn.blockStorage.findBackup('db-weekly');
   * await conn.blockStorage.resetBackupStatus(backup, 'error');
   * await conn.blockStorage.forceDeleteBackup(backup);
   * await conn.blockStorage.waitForBackupDelete(backup);
   * ```
   */
  async forceDeleteBackup(backup: IdArg, opts: RequestOptions = {}): Promise<void> {
    await resourceAction(this.client, '/backups', idOf(backup), 'os-force_delete', {}, opts);
  }

  /** Admin: overwrite a backup's status in the database (`os-reset_status`). */
  async resetBackupStatus(backup: IdArg, status: string, opts: RequestOptions = {}): Promise<void> {
    await action(
      this.client,
      '/backups',
      idOf(backup),
      'os-reset_status',
      { status },
      { ...opts, idempotent: true },
    );
  }

  // ----------------------------------------------------------- volume types

  /**
   * Admin: create a volume type. `isPublic: false` makes it private (grant projects with
   * {@link addVolumeTypeAccess}); it is sent as `os-volume-type-access:is_public`.
   */
  async createVolumeType(
    attrs: CreateAttributes<VolumeTypeFields>,
    opts: VerbOptions = {},
  ): Promise<VolumeTypeResource> {
    const { isPublic, ...rest } = attrs;
    const input = { ...rest } as CreateAttributes<VolumeTypeFields>;
    if (isPublic !== undefined && isPublic !== null && input.accessIsPublic === undefined)
      input.accessIsPublic = isPublic;
    return createResource(this.client, VolumeType, input, opts);
  }

  /**
   * The type new volumes get when none is given (`/types/default`).
   *
   * @example
   * ```ts
   * console.log('volumes without a type get', (await conn.blockStorage.getDefaultVolumeType()).name);
   * ```
   */
  async getDefaultVolumeType(opts: RequestOptions = {}): Promise<VolumeTypeResource> {
    return requestDocument(this.client, VolumeType, 'GET', '/types/default', opts);
  }

  /**
   * All extra specs of a volume type.
   *
   * @example
   * ```ts
   * // admin: pin a volume type to one backend
   * const type = await conn.blockStorage.findVolumeType('ssd');
   * await conn.blockStorage.setVolumeTypeExtraSpecs(type, { volume_backend_name: 'ceph-ssd' });
   * console.log(await conn.blockStorage.getVolumeTypeExtraSpecs(type));
   * ```
   */
  async getVolumeTypeExtraSpecs(type: IdArg, opts: RequestOptions = {}): Promise<Record<string, string>> {
    const doc = await this.client.decode('GET', `/types/${enc(type)}/extra_specs`, {
      signal: opts.signal,
      timeoutMs: opts.timeoutMs,
      microversion: opts.microversion,
      headers: opts.headers,
    });
    return doc.key('extra_specs', 'object') as Record<string, string>;
  }

  /** Admin: add or change extra specs of a volume type (others are kept); returns the keys sent. */
  async setVolumeTypeExtraSpecs(
    type: IdArg,
    specs: Record<string, string>,
    opts: RequestOptions = {},
  ): Promise<Record<string, string>> {
    for (const [k, v] of Object.entries(specs)) {
      if (typeof v !== 'string') {
        throw new ValidationError(`extra spec values are strings, got ${typeof v}`, {
          field: `extraSpecs.${k}`,
          fix: `pass String(value)`,
        });
      }
    }
    const doc = await this.client.decode('POST', `/types/${enc(type)}/extra_specs`, {
      json: { extra_specs: specs },
      signal: opts.signal,
      timeoutMs: opts.timeoutMs,
      microversion: opts.microversion,
      headers: opts.headers,
    });
    return doc.keyOr('extra_specs', 'object', specs) as Record<string, string>;
  }

  /** One extra spec of a volume type (NotFoundError when absent). */
  async getVolumeTypeExtraSpec(type: IdArg, key: string, opts: RequestOptions = {}): Promise<string> {
    const doc = await this.client.decode(
      'GET',
      `/types/${enc(type)}/extra_specs/${encodeURIComponent(key)}`,
      {
        signal: opts.signal,
        timeoutMs: opts.timeoutMs,
        microversion: opts.microversion,
        headers: opts.headers,
      },
    );
    return String(doc.key(key));
  }

  /** Admin: set one extra spec of a volume type. */
  async setVolumeTypeExtraSpec(
    type: IdArg,
    key: string,
    value: string,
    opts: RequestOptions = {},
  ): Promise<string> {
    const doc = await this.client.decode(
      'PUT',
      `/types/${enc(type)}/extra_specs/${encodeURIComponent(key)}`,
      {
        json: { [key]: value },
        signal: opts.signal,
        timeoutMs: opts.timeoutMs,
        microversion: opts.microversion,
        headers: opts.headers,
      },
    );
    return String(doc.keyOr(key, 'any', value));
  }

  /** Admin: remove one extra spec of a volume type. */
  async deleteVolumeTypeExtraSpec(type: IdArg, key: string, opts: RequestOptions = {}): Promise<void> {
    const res = await this.client.request(
      'DELETE',
      `/types/${enc(type)}/extra_specs/${encodeURIComponent(key)}`,
      {
        signal: opts.signal,
        timeoutMs: opts.timeoutMs,
        microversion: opts.microversion,
        headers: opts.headers,
      },
    );
    await res.body.dump();
  }

  /**
   * Projects that may use a private volume type.
   *
   * @example
   * ```ts
   * // admin: share a private volume type with one project
   * const type = await conn.blockStorage.findVolumeType('gold');
   * const project = await conn.identity.findProject('finance');
   * await conn.blockStorage.addVolumeTypeAccess(type, project.id);
   * for await (const a of conn.blockStorage.listVolumeTypeAccess(type)) console.log(a.projectId);
   * ```
   */
  listVolumeTypeAccess(type: IdArg, opts: VerbOptions = {}): ResourceList<VolumeTypeAccessResource> {
    return listResources(this.client, VolumeTypeAccess, {}, { ...opts, parent: { typeId: idOf(type) } });
  }

  /** Admin: let a project use a private volume type (`addProjectAccess`). */
  async addVolumeTypeAccess(type: IdArg, projectId: string, opts: RequestOptions = {}): Promise<void> {
    await resourceAction(this.client, '/types', idOf(type), 'addProjectAccess', { project: projectId }, opts);
  }

  /** Admin: withdraw a project's access to a private volume type (`removeProjectAccess`). */
  async removeVolumeTypeAccess(type: IdArg, projectId: string, opts: RequestOptions = {}): Promise<void> {
    await resourceAction(
      this.client,
      '/types',
      idOf(type),
      'removeProjectAccess',
      { project: projectId },
      opts,
    );
  }

  // --------------------------------------------------------------- QoS specs

  /**
   * Admin: create a QoS specification; `specs` are its limits (sent beside `name`, as cinder
   * expects), e.g. `{ name: 'gold', consumer: 'front-end', specs: { total_iops_sec: '1000' } }`.
   *
   * @example
   * ```ts
   * const spec = await conn.blockStorage.createQosSpec({ name: 'capped', consumer: 'front-end', specs: { total_iops_sec: '500' } });
   * const type = await conn.blockStorage.findVolumeType('standard');
   * await conn.blockStorage.associateQosSpec(spec, type.id);
   * ```
   */
  async createQosSpec(
    attrs: CreateAttributes<(typeof QosSpec)['fields']> & { specs?: Record<string, string> },
    opts: VerbOptions = {},
  ): Promise<QosSpecResource> {
    const { specs, ...rest } = attrs;
    const input = { ...rest, $extra: { ...rest.$extra, ...specs } } as CreateAttributes<
      (typeof QosSpec)['fields']
    >;
    return createResource(this.client, QosSpec, input, opts);
  }

  /** Admin: one QoS specification. */
  async getQosSpec(qos: IdArg, opts: VerbOptions = {}): Promise<QosSpecResource> {
    return fetchResource(this.client, QosSpec, qos, opts);
  }

  /** Admin: lazily list QoS specifications. */
  listQosSpecs(
    query: ListQuery<(typeof QosSpec)['query']> = {},
    opts: VerbOptions = {},
  ): ResourceList<QosSpecResource> {
    return listResources(this.client, QosSpec, query, opts);
  }

  /**
   * Admin: add or change limits of a QoS specification; returns the keys sent.
   *
   * @example
   * ```ts
   * const qos = await conn.blockStorage.getQosSpec('9c8e1a52-5b5a-4c1b-8d2e-2f7c8a1e4b10');
   * console.log(qos.specs); // { total_iops_sec: '500' }
   * await conn.blockStorage.setQosSpecKeys(qos, { total_iops_sec: '1000' });
   * await conn.blockStorage.associateQosSpec(qos, await conn.blockStorage.findVolumeType('standard'));
   * for await (const a of conn.blockStorage.listQosAssociations(qos)) console.log(a.name, a.associationType);
   * ```
   */
  async setQosSpecKeys(
    qos: IdArg,
    specs: Record<string, string>,
    opts: RequestOptions = {},
  ): Promise<Record<string, string>> {
    const doc = await this.client.decode('PUT', `/qos-specs/${enc(qos)}`, {
      json: { qos_specs: specs },
      signal: opts.signal,
      timeoutMs: opts.timeoutMs,
      microversion: opts.microversion,
      headers: opts.headers,
    });
    return doc.keyOr('qos_specs', 'object', specs) as Record<string, string>;
  }

  /** Admin: remove limits from a QoS specification. */
  async unsetQosSpecKeys(qos: IdArg, keys: string[], opts: RequestOptions = {}): Promise<void> {
    const res = await this.client.request('PUT', `/qos-specs/${enc(qos)}/delete_keys`, {
      json: { keys },
      signal: opts.signal,
      timeoutMs: opts.timeoutMs,
      microversion: opts.microversion,
      headers: opts.headers,
    });
    await res.body.dump();
  }

  /** Admin: delete a QoS specification; `force` also when volume types use it. */
  async deleteQosSpec(qos: IdArg, opts: DeleteOptions & { force?: boolean } = {}): Promise<void> {
    await deletePath(this.client, `/qos-specs/${enc(qos)}`, opts, { force: opts.force || undefined });
  }

  /** Admin: the volume types a QoS specification is associated with. */
  listQosAssociations(qos: IdArg, opts: VerbOptions = {}): ResourceList<QosAssociationResource> {
    return listResources(this.client, QosAssociation, {}, { ...opts, parent: { qosId: idOf(qos) } });
  }

  /** Admin: apply a QoS specification to a volume type. */
  async associateQosSpec(qos: IdArg, type: IdArg, opts: RequestOptions = {}): Promise<void> {
    await this.qosGet(`/qos-specs/${enc(qos)}/associate`, { vol_type_id: idOf(type) }, opts);
  }

  /** Admin: remove a QoS specification from a volume type (or, without a type, from all). */
  async disassociateQosSpec(qos: IdArg, type?: IdArg, opts: RequestOptions = {}): Promise<void> {
    if (type === undefined) await this.qosGet(`/qos-specs/${enc(qos)}/disassociate_all`, {}, opts);
    else await this.qosGet(`/qos-specs/${enc(qos)}/disassociate`, { vol_type_id: idOf(type) }, opts);
  }

  /** Cinder changes QoS associations with GETs. */
  private async qosGet(path: string, query: Record<string, string>, opts: RequestOptions): Promise<void> {
    const res = await this.client.request('GET', path, {
      query,
      signal: opts.signal,
      timeoutMs: opts.timeoutMs,
      microversion: opts.microversion,
      headers: opts.headers,
    });
    await res.body.dump();
  }

  // ----------------------------------------------------------- default types

  /** The versioned root (`.../v3`): default types live beside the project-scoped API. */
  private async v3Root(signal?: AbortSignal): Promise<string> {
    const base = await this.client.baseUrl(signal);
    const m = /^(.*\/v3)(?:\/|$)/.exec(base);
    return m ? m[1]! : base;
  }

  /**
   * Admin: set a project's default volume type (3.62), by type name or id.
   *
   * @example
   * ```ts
   * // admin: new volumes of this project get the 'ssd' type unless they name another (3.62)
   * const project = await conn.identity.findProject('finance');
   * await conn.blockStorage.setDefaultVolumeType(project.id, 'ssd');
   * console.log((await conn.blockStorage.getDefaultVolumeTypeOf(project.id)).volumeTypeId);
   * await conn.blockStorage.unsetDefaultVolumeType(project.id);
   * ```
   */
  async setDefaultVolumeType(
    projectId: string,
    type: IdArg,
    opts: RequestOptions = {},
  ): Promise<DefaultTypeResource> {
    await requireMicroversion(this.client, '3.62', 'setDefaultVolumeType', opts);
    const volumeType = typeof type === 'string' ? type : idOf(type);
    return requestDocument(
      this.client,
      DefaultType,
      'PUT',
      `${await this.v3Root(opts.signal)}/default-types/${encodeURIComponent(projectId)}`,
      { ...opts, json: { default_type: { volume_type: volumeType } } },
    );
  }

  /** Admin: a project's default volume type (3.62); NotFoundError when it has none of its own. */
  async getDefaultVolumeTypeOf(projectId: string, opts: RequestOptions = {}): Promise<DefaultTypeResource> {
    await requireMicroversion(this.client, '3.62', 'getDefaultVolumeTypeOf', opts);
    return requestDocument(
      this.client,
      DefaultType,
      'GET',
      `${await this.v3Root(opts.signal)}/default-types/${encodeURIComponent(projectId)}`,
      opts,
    );
  }

  /** Admin: every project's own default volume type (3.62). */
  async listDefaultVolumeTypes(opts: RequestOptions = {}): Promise<DefaultTypeResource[]> {
    await requireMicroversion(this.client, '3.62', 'listDefaultVolumeTypes', opts);
    const doc = await this.client.decode('GET', `${await this.v3Root(opts.signal)}/default-types`, {
      signal: opts.signal,
      timeoutMs: opts.timeoutMs,
      microversion: opts.microversion,
      headers: opts.headers,
    });
    return doc.rows('default_types').map((b) => instantiate(DefaultType, this.client, b));
  }

  /** Admin: drop a project's default volume type (3.62): the cloud's default applies again. */
  async unsetDefaultVolumeType(projectId: string, opts: DeleteOptions = {}): Promise<void> {
    await requireMicroversion(this.client, '3.62', 'unsetDefaultVolumeType', opts);
    const root = await this.v3Root(opts.signal);
    await deletePath(this.client, `${root}/default-types/${encodeURIComponent(projectId)}`, opts);
  }

  // ------------------------------------------------------- quotas and limits

  /**
   * A project's quotas (any project for admins, else the caller's own).
   *
   * @example
   * ```ts
   * // admin: give a project 50 volumes and 2 TiB, then go back to the defaults
   * const project = await conn.identity.findProject('finance');
   * await conn.blockStorage.updateQuotaSet(project.id, { volumes: 50, gigabytes: 2048 });
   * const usage = await conn.blockStorage.getQuotaSetUsage(project.id);
   * console.log(usage.gigabytes);
   * await conn.blockStorage.resetQuotaSet(project.id);
   * console.log((await conn.blockStorage.getQuotaSetDefaults(project.id)).volumes);
   * ```
   */
  async getQuotaSet(projectId: string, opts: RequestOptions = {}): Promise<QuotaSetResource> {
    return fetchResource(this.client, QuotaSet, projectId, opts);
  }

  /** A project's quotas with `in_use` / `reserved` usage of each. */
  async getQuotaSetUsage(projectId: string, opts: RequestOptions = {}): Promise<QuotaSetUsageResource> {
    return requestDocument(
      this.client,
      QuotaSetUsage,
      'GET',
      `/os-quota-sets/${encodeURIComponent(projectId)}`,
      {
        ...opts,
        query: { usage: 'True' },
      },
    );
  }

  /** The default quotas a project gets (`/os-quota-sets/{project_id}/defaults`). */
  async getQuotaSetDefaults(projectId: string, opts: RequestOptions = {}): Promise<QuotaSetResource> {
    return requestDocument(
      this.client,
      QuotaSet,
      'GET',
      `/os-quota-sets/${encodeURIComponent(projectId)}/defaults`,
      opts,
    );
  }

  /** Admin: change a project's quotas (per-type quotas through `$extra`, e.g. `{ volumes_lvm: 5 }`). */
  async updateQuotaSet(
    projectId: string,
    attrs: UpdateAttributes<(typeof QuotaSet)['fields']>,
    opts: VerbOptions = {},
  ): Promise<QuotaSetResource> {
    return updateResource(this.client, QuotaSet, projectId, attrs, opts);
  }

  /** Admin: drop a project's own quotas so the defaults apply again. */
  async resetQuotaSet(projectId: string, opts: RequestOptions = {}): Promise<void> {
    await deleteResource(this.client, QuotaSet, projectId, opts);
  }

  /**
   * Default quotas of a quota class (`default`).
   *
   * @example
   * ```ts
   * // admin: the defaults every project without its own quotas gets
   * const defaults = await conn.blockStorage.getQuotaClassSet();
   * await conn.blockStorage.updateQuotaClassSet('default', { snapshots: (defaults.snapshots ?? 10) * 2 });
   * ```
   */
  async getQuotaClassSet(className = 'default', opts: RequestOptions = {}): Promise<QuotaClassSetResource> {
    return fetchResource(this.client, QuotaClassSet, className, opts);
  }

  /** Admin: change the default quotas of a quota class (affects every project without its own quotas). */
  async updateQuotaClassSet(
    className: string,
    attrs: UpdateAttributes<(typeof QuotaClassSet)['fields']>,
    opts: VerbOptions = {},
  ): Promise<QuotaClassSetResource> {
    return updateResource(this.client, QuotaClassSet, className, attrs, opts);
  }

  /**
   * Limits and usage of the caller's project, or of `projectId` (admin, 3.39).
   *
   * @example
   * ```ts
   * const { absolute } = await conn.blockStorage.getLimits();
   * console.log(`${absolute?.totalGigabytesUsed} of ${absolute?.maxTotalVolumeGigabytes} GiB used`);
   * ```
   */
  async getLimits(opts: RequestOptions & { projectId?: string } = {}): Promise<LimitsResource> {
    if (opts.projectId) await requireMicroversion(this.client, '3.39', 'getLimits.projectId', opts);
    return requestDocument(this.client, Limits, 'GET', '/limits', {
      ...opts,
      query: { project_id: opts.projectId },
    });
  }

  // ------------------------------------------------------------ attachments

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
    return checkedList(
      () => requireMicroversion(this.client, '3.27', 'listAttachments', opts),
      listResources(this.client, Attachment, query, opts),
    );
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
    await resourceAction(this.client, '/attachments', idOf(attachment), 'os-complete', {}, opts);
  }

  /** Detach: delete the attachment (3.27); the volume goes back to `available` when it was the last. */
  async deleteAttachment(attachment: IdArg, opts: DeleteOptions = {}): Promise<void> {
    await requireMicroversion(this.client, '3.27', 'deleteAttachment', opts);
    await deleteResource(this.client, Attachment, attachment, opts);
  }

  // -------------------------------------------------------------- transfers

  /**
   * Offer a volume to another project (3.55): the result carries the `authKey` the receiver
   * needs, shown only now. The volume waits in `awaiting-transfer`.
   *
   * @example
   * ```ts
   * const vol = await conn.blockStorage.findVolume('data');
   * const transfer = await conn.blockStorage.createVolumeTransfer({ volumeId: vol.id, name: 'handover' });
   * // give transfer.id and transfer.authKey to the receiving project, which calls:
   * // await other.blockStorage.acceptVolumeTransfer(transfer.id, authKey);
   * console.log(transfer.id);
   * ```
   */
  async createVolumeTransfer(
    attrs: CreateAttributes<(typeof VolumeTransfer)['fields']>,
    opts: VerbOptions = {},
  ): Promise<VolumeTransferResource> {
    await requireMicroversion(this.client, '3.55', 'createVolumeTransfer', opts);
    return createResource(this.client, VolumeTransfer, attrs, opts);
  }

  /** One transfer (3.55). */
  async getVolumeTransfer(transfer: IdArg, opts: VerbOptions = {}): Promise<VolumeTransferResource> {
    await requireMicroversion(this.client, '3.55', 'getVolumeTransfer', opts);
    return fetchResource(this.client, VolumeTransfer, transfer, opts);
  }

  /** Lazily list the project's transfers with details (3.55). */
  listVolumeTransfers(
    query: ListQuery<(typeof VolumeTransfer)['query']> = {},
    opts: VerbOptions = {},
  ): ResourceList<VolumeTransferResource> {
    return checkedList(
      () => requireMicroversion(this.client, '3.55', 'listVolumeTransfers', opts),
      listResources(this.client, VolumeTransfer, query, opts),
    );
  }

  /** Take over a volume offered by another project (3.55); the volume moves to the caller's project. */
  async acceptVolumeTransfer(
    transfer: IdArg,
    authKey: string,
    opts: RequestOptions = {},
  ): Promise<VolumeTransferResource> {
    await requireMicroversion(this.client, '3.55', 'acceptVolumeTransfer', opts);
    return requestDocument(this.client, VolumeTransfer, 'POST', `/volume-transfers/${enc(transfer)}/accept`, {
      ...opts,
      json: { accept: { auth_key: authKey } },
    });
  }

  /** Cancel a transfer (3.55): the volume is `available` to its owner again. */
  async deleteVolumeTransfer(transfer: IdArg, opts: DeleteOptions = {}): Promise<void> {
    await requireMicroversion(this.client, '3.55', 'deleteVolumeTransfer', opts);
    await deleteResource(this.client, VolumeTransfer, transfer, opts);
  }

  // --------------------------------------------------------------- messages

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
    return checkedList(
      () => requireMicroversion(this.client, '3.3', 'listMessages', opts),
      listResources(this.client, Message, query, opts),
    );
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

  // --------------------------------------------------------------- services

  /** Admin: enable a service (`host` and `binary` name it, e.g. `devstack@lvm`, `cinder-volume`). */
  async enableService(host: string, binary: string, opts: RequestOptions = {}): Promise<ServiceResource> {
    return requestDocument(this.client, Service, 'PUT', '/os-services/enable', {
      ...opts,
      json: { host, binary },
    });
  }

  /** Admin: disable a service so nothing new is scheduled to it, optionally saying why. */
  async disableService(
    host: string,
    binary: string,
    opts: RequestOptions & { reason?: string } = {},
  ): Promise<ServiceResource> {
    const json: Record<string, unknown> = { host, binary };
    if (opts.reason) json.disabled_reason = opts.reason;
    return requestDocument(
      this.client,
      Service,
      'PUT',
      opts.reason ? '/os-services/disable-log-reason' : '/os-services/disable',
      { ...opts, json },
    );
  }
}
