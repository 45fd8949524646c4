import { defineResource, f } from '../../resource/index.js';

/**
 * Block storage volume type (`/types`). Admin creates, changes and deletes types.
 *
 * @example
 * ```ts
 * for await (const t of conn.blockStorage.listVolumeTypes()) console.log(t.name, t.extraSpecs);
 * const ssd = await conn.blockStorage.findVolumeType('ssd');
 * await conn.blockStorage.createVolume({ name: 'fast', size: 20, volumeType: ssd.name });
 * ```
 */
export const VolumeType = defineResource({
  name: 'volume type',
  basePath: '/types',
  resourceKey: 'volume_type',
  resourcesKey: 'volume_types',
  fields: {
    id: f.string({ readOnly: true }).always(),
    name: f.string({ required: true }).always(),
    description: f.string({ nullable: true }).always().returnsNull(),
    /**
     * Public or private. On create cinder reads `os-volume-type-access:is_public`:
     * `createVolumeType` sends `isPublic` under that name.
     */
    isPublic: f.boolean({ api: 'is_public' }).always(),
    /** The create-time name of `isPublic` (also returned in responses). */
    accessIsPublic: f.boolean({ api: 'os-volume-type-access:is_public', createOnly: true }),
    /** Extra specs set at create; change them later with the extra-spec methods. */
    extraSpecs: f.object<Record<string, string>>({ api: 'extra_specs' }).createOnly().always(),
    qosSpecsId: f.string({ api: 'qos_specs_id', readOnly: true }).returnsNull(),
  },
  query: {
    isPublic: 'is_public',
    /** A JSON object as a string (3.52). */
    extraSpecs: 'extra_specs',
    sort: 'sort',
    sortKey: 'sort_key',
    sortDir: 'sort_dir',
    offset: 'offset',
  },
  pagination: 'links',
});
