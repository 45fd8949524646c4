/** The volume actions of `conn.blockStorage` (`POST /volumes/{id}/action`). */
import { ValidationError } from '../../errors/errors.js';
import { type RequestOptions, requireId } from '../../resource/index.js';
import type { ServiceClient } from '../../session/service-client.js';
import { requireMicroversion } from '../service-documents.js';
import { ServiceProxy } from '../service-proxy.js';
import { cinderAction, type IdArg } from './internal.js';

/** One volume action; resolves with the answer's body, if any. */
function volumeAction<T = unknown>(
  client: ServiceClient,
  volume: IdArg,
  name: string,
  body: unknown,
  opts: RequestOptions,
): Promise<T | undefined> {
  return cinderAction<T>(client, '/volumes', 'volume', volume, name, body, opts);
}

/** A value of a closed set the API refuses otherwise: checked here so that nothing is sent. */
function checkOneOf(field: string, value: string, allowed: readonly string[]): void {
  if (!allowed.includes(value)) {
    throw new ValidationError(`must be one of ${allowed.join(', ')}, got "${value}"`, {
      field,
      fix: `use one of ${allowed.join(', ')}`,
    });
  }
}

/** Volume actions: size, type, flags, status, attach records, image metadata, upload (a section of `conn.blockStorage`, never constructed). */
export abstract class VolumeActionSection extends ServiceProxy {
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
    await volumeAction(this.client, volume, 'os-extend', { new_size: newSize }, opts);
  }

  /** Change a volume's type (`os-retype`); `migrationPolicy` `on-demand` allows moving it to another backend. */
  async retypeVolume(
    volume: IdArg,
    newType: string,
    opts: RequestOptions & { migrationPolicy?: 'never' | 'on-demand' } = {},
  ): Promise<void> {
    const body: Record<string, unknown> = { new_type: newType };
    if (opts.migrationPolicy !== undefined) {
      checkOneOf('retypeVolume.migrationPolicy', opts.migrationPolicy, ['never', 'on-demand']);
      body.migration_policy = opts.migrationPolicy;
    }
    await volumeAction(this.client, volume, 'os-retype', body, opts);
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
    await volumeAction(this.client, volume, 'os-set_bootable', { bootable }, opts);
  }

  /** Make a volume read-only or read-write for future attachments (`os-update_readonly_flag`). */
  async setVolumeReadonly(volume: IdArg, readonly: boolean, opts: RequestOptions = {}): Promise<void> {
    await volumeAction(this.client, volume, 'os-update_readonly_flag', { readonly }, opts);
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
    if (s.attachStatus !== undefined) {
      checkOneOf('resetVolumeStatus.attachStatus', s.attachStatus, ['attached', 'detached']);
      body.attach_status = s.attachStatus;
    }
    if (s.migrationStatus !== undefined) body.migration_status = s.migrationStatus;
    if (!Object.keys(body).length) {
      throw new ValidationError('nothing to reset', {
        field: 'resetVolumeStatus',
        fix: 'pass status, attachStatus or migrationStatus',
      });
    }
    await volumeAction(this.client, volume, 'os-reset_status', body, opts);
  }

  /** Admin: delete a volume whatever its state (`os-force_delete`). */
  async forceDeleteVolume(volume: IdArg, opts: RequestOptions = {}): Promise<void> {
    await volumeAction(this.client, volume, 'os-force_delete', {}, opts);
  }

  /** Revert a volume to its latest snapshot (`revert`, 3.40). */
  async revertVolumeToSnapshot(volume: IdArg, snapshot: IdArg, opts: RequestOptions = {}): Promise<void> {
    await requireMicroversion(this.client, '3.40', 'revertVolumeToSnapshot', opts);
    const body = { snapshot_id: requireId('snapshot', snapshot) };
    await volumeAction(this.client, volume, 'revert', body, opts);
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
    await volumeAction(this.client, volume, 'os-reserve', {}, opts);
  }

  /** Undo {@link reserveVolume} (`os-unreserve`: `attaching` → `available`). */
  async unreserveVolume(volume: IdArg, opts: RequestOptions = {}): Promise<void> {
    await volumeAction(this.client, volume, 'os-unreserve', {}, opts);
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
    if (a.mode !== undefined) {
      checkOneOf('attachVolume.mode', a.mode, ['rw', 'ro']);
      body.mode = a.mode;
    }
    await volumeAction(this.client, volume, 'os-attach', body, opts);
  }

  /** Remove an attachment record (`os-detach`); `attachmentId` is required when the volume has several. */
  async detachVolume(volume: IdArg, opts: RequestOptions & { attachmentId?: string } = {}): Promise<void> {
    const body = opts.attachmentId ? { attachment_id: opts.attachmentId } : {};
    await volumeAction(this.client, volume, 'os-detach', body, opts);
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
    type Answer = { metadata?: Record<string, string> };
    const r = await volumeAction<Answer>(this.client, volume, 'os-set_image_metadata', { metadata }, opts);
    return r?.metadata ?? metadata;
  }

  /** Remove one image metadata key from a volume (`os-unset_image_metadata`). */
  async unsetVolumeImageMetadata(volume: IdArg, key: string, opts: RequestOptions = {}): Promise<void> {
    await volumeAction(this.client, volume, 'os-unset_image_metadata', { key }, opts);
  }

  /** A volume's image metadata (`os-show_image_metadata`). */
  async getVolumeImageMetadata(volume: IdArg, opts: RequestOptions = {}): Promise<Record<string, string>> {
    type Answer = { metadata?: Record<string, string> };
    const r = await volumeAction<Answer>(this.client, volume, 'os-show_image_metadata', {}, opts);
    return r?.metadata ?? {};
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
    type Answer = Record<string, Record<string, unknown>>;
    const r = await volumeAction<Answer>(this.client, volume, 'os-volume_upload_image', body, opts);
    return r?.['os-volume_upload_image'] ?? {};
  }
}
