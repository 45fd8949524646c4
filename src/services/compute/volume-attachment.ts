import { defineResource, f } from '../../resource/index.js';

/**
 * A volume attached to a server (`/servers/{server_id}/os-volume_attachments`). Its id in the
 * path is the volume id; the attachment `id` nova reported up to 2.88 was the same value.
 *
 * @example
 * ```ts
 * const server = await conn.compute.findServer('web1');
 * const volume = await conn.blockStorage.findVolume('data');
 * await conn.compute.createVolumeAttachment({ serverId: server.id, volumeId: volume.id });
 * await conn.blockStorage.waitForVolume(volume, 'in-use');
 * const attached = await conn.compute.listVolumeAttachments({}, { parent: { serverId: server.id } }).toArray();
 * console.log(attached.map((a) => a.device));
 * await conn.compute.deleteVolumeAttachment(volume.id, { parent: { serverId: server.id } });
 * ```
 */
export const VolumeAttachment = defineResource({
  name: 'volume attachment',
  basePath: '/servers/{serverId}/os-volume_attachments',
  resourceKey: 'volumeAttachment',
  resourcesKey: 'volumeAttachments',
  idField: 'volumeId',
  fields: {
    /** The server (path parameter; nova also reports it in the body). */
    serverId: f.string({ api: 'serverId', location: 'uri', createOnly: true }),
    volumeId: f.string({ required: true, createOnly: true }).always(),
    /** Requested device name; most hypervisors ignore it. Reported after attach. */
    device: f.string({ createOnly: true, nullable: true }),
    /** Device role tag (2.49+; reported from 2.70). */
    tag: f.string({ minVersion: '2.49', createOnly: true }).returnsNull(),
    /** 2.79+ */
    deleteOnTermination: f.boolean({ api: 'delete_on_termination', minVersion: '2.79', createOnly: true }),
    /** The cinder attachment (2.89+). */
    attachmentId: f.string({ api: 'attachment_id', readOnly: true }),
    /** The block device mapping (2.89+). */
    bdmUuid: f.string({ api: 'bdm_uuid', readOnly: true }),
  },
  query: { offset: 'offset' },
  // limit/offset only
  pagination: 'none',
  allow: { commit: false },
});
