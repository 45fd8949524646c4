import { defineResource, f, type Resource, type ResourceBase } from '../../resource/index.js';

/** Image statuses glance reports. */
export const IMAGE_STATUSES = [
  'queued',
  'saving',
  'uploading',
  'importing',
  'active',
  'deactivated',
  'killed',
  'deleted',
  'pending_delete',
] as const;
/** An image's lifecycle status (`queued` until data is uploaded, `active` when usable, ...). */
export type ImageStatus = (typeof IMAGE_STATUSES)[number];

/** Container formats glance's API reference lists; `bare` when the data is a plain disk image. */
const CONTAINER_FORMATS = ['ami', 'ari', 'aki', 'bare', 'ovf', 'ova', 'docker', 'compressed'] as const;
/** Disk formats glance's API reference lists. */
const DISK_FORMATS = [
  'ami',
  'ari',
  'aki',
  'vhd',
  'vhdx',
  'vmdk',
  'raw',
  'qcow2',
  'vdi',
  'ploop',
  'iso',
] as const;

/** A location of the image data (only shown when glance's `show_multiple_locations` is on). */
export interface ImageLocation {
  /** Where the data is (a store URL). */
  url: string;
  /** Store-specific metadata of the location. */
  metadata: Record<string, unknown>;
  /** Checksums glance verifies the data against. */
  validation_data?: { checksum?: string; os_hash_algo?: string; os_hash_value?: string };
}

/**
 * Image (`/v2/images`). Glance bodies are bare (no envelope) and every custom property is a
 * top-level key: undeclared ones are kept in `extra` and set with `$extra` / `setRaw`.
 * Updates are JSON Patch (`application/openstack-images-v2.1-json-patch`): a value adds or
 * replaces, `null` removes a custom property (and clears `name`, which glance allows to be null).
 *
 * @example
 * ```ts
 * import { createReadStream } from 'node:fs';
 *
 * const image = await conn.image.createImage({ name: 'my-image', diskFormat: 'qcow2', containerFormat: 'bare' });
 * const { verified } = await conn.image.uploadImage(image, createReadStream('disk.qcow2'));
 * console.log(verified); // { size: true, checksum: true, hash: true }
 * await conn.image.waitForImage(image, 'active');
 * for await (const i of conn.image.listImages({ visibility: 'public' })) console.log(i.name, i.status);
 * await conn.image.deleteImage(image);
 * ```
 */
export const Image = defineResource({
  name: 'image',
  basePath: '/images',
  resourceKey: null,
  resourcesKey: 'images',
  fields: {
    /** May be chosen on create (a UUID). */
    id: f.string({ createOnly: true }).always(),
    name: f.string({ nullable: true }).always(),
    status: f.enum(IMAGE_STATUSES).readOnly().always(),
    visibility: f.enum(['public', 'private', 'shared', 'community'] as const).always(),
    isProtected: f.boolean({ api: 'protected' }).always(),
    isHidden: f.boolean({ api: 'os_hidden' }).always(),
    /**
     * `ami`, `ari`, `aki`, `bare`, `ovf`, `ova`, `docker` or `compressed` (a cloud may enable fewer,
     * `container_formats`); another value is refused before sending, and read back as any string.
     */
    containerFormat: f.enum(CONTAINER_FORMATS, { api: 'container_format', nullable: true }).always(),
    /**
     * `ami`, `ari`, `aki`, `vhd`, `vhdx`, `vmdk`, `raw`, `qcow2`, `vdi`, `ploop` or `iso` (a cloud may
     * enable fewer, `disk_formats`); another value is refused before sending, and read back as any string.
     */
    diskFormat: f.enum(DISK_FORMATS, { api: 'disk_format', nullable: true }).always(),
    minDisk: f.integer({ api: 'min_disk' }).always(),
    minRam: f.integer({ api: 'min_ram' }).always(),
    owner: f.string({ nullable: true }).always(),
    tags: f.array<string>().always(),
    /** MD5 of the data, set when the data is stored. */
    checksum: f.string({ readOnly: true }).always().returnsNull(),
    /** Algorithm of `hashValue` (glance's `hashing_algorithm`, sha512 by default). */
    hashAlgo: f.string({ api: 'os_hash_algo', readOnly: true }).always().returnsNull(),
    hashValue: f.string({ api: 'os_hash_value', readOnly: true }).always().returnsNull(),
    size: f.integer({ readOnly: true }).always().returnsNull(),
    virtualSize: f.integer({ api: 'virtual_size', readOnly: true }).always().returnsNull(),
    /** Comma-separated ids of the stores holding the data (multi-store clouds). */
    stores: f.string({ readOnly: true }),
    locations: f.array<ImageLocation>().readOnly(),
    directUrl: f.string({ api: 'direct_url', readOnly: true }),
    createdAt: f.date({ api: 'created_at', readOnly: true }).always(),
    updatedAt: f.date({ api: 'updated_at', readOnly: true }).always(),
    self: f.string({ readOnly: true }).always(),
    file: f.string({ readOnly: true }).always(),
    schema: f.string({ readOnly: true }).always(),
    // common properties of glance's default schema-image.json (ordinary top-level keys)
    architecture: f.string(),
    osDistro: f.string({ api: 'os_distro' }),
    osVersion: f.string({ api: 'os_version' }),
    kernelId: f.string({ api: 'kernel_id' }),
    ramdiskId: f.string({ api: 'ramdisk_id' }),
    instanceUuid: f.string({ api: 'instance_uuid' }),
  },
  query: {
    name: 'name',
    visibility: 'visibility',
    owner: 'owner',
    status: 'status',
    /** Repeatable: images carrying every tag given (`['a', 'b']`). */
    tag: 'tag',
    /** With `visibility: 'shared'`: `pending`, `accepted`, `rejected` or `all`. */
    memberStatus: 'member_status',
    isProtected: 'protected',
    isHidden: 'os_hidden',
    containerFormat: 'container_format',
    diskFormat: 'disk_format',
    sizeMin: 'size_min',
    sizeMax: 'size_max',
    /** `{op}:{timestamp}`, e.g. `gte:2026-01-01T00:00:00Z`. */
    createdAt: 'created_at',
    updatedAt: 'updated_at',
    /** `in:{id},{id}` */
    id: 'id',
    /** `name:asc,created_at:desc` (newer form; do not mix with sortKey/sortDir). */
    sort: 'sort',
    sortKey: 'sort_key',
    sortDir: 'sort_dir',
  },
  commitMethod: 'JSON_PATCH',
  jsonPatchContentType: 'application/openstack-images-v2.1-json-patch',
  pagination: 'links',
});

/** An image id, or an image resource. */
export type ImageRef = string | ResourceBase<any>;
/** An image as the SDK returns it. */
export type ImageResource = Resource<(typeof Image)['fields']>;
