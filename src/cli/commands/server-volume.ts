/**
 * `ostack server add volume` / `server remove volume`: the cloud layer's attachVolume and
 * detachVolume, printed like openstackclient (add shows the attachment, remove prints nothing).
 */
import type { CliContext } from '../context.js';
import type { Row } from '../output.js';

/** The fields of a nova volume attachment that `server add volume` prints. */
export interface AttachmentFields {
  /** The attachment's id: the volume id (nova's `id`, dropped from its answer at 2.89). */
  id: string;
  serverId: string;
  volumeId: string;
  device?: string | null;
  tag?: string | null;
  deleteOnTermination?: boolean | null;
}

/**
 * openstackclient's columns for an attachment. Tag and Delete On Termination are always
 * present (empty when the microversion does not report them) so that `-c` and scripts see one
 * shape whatever the cloud's compute version.
 */
export function attachmentRow(a: AttachmentFields): Row {
  return {
    ID: a.id,
    'Server ID': a.serverId,
    'Volume ID': a.volumeId,
    Device: a.device ?? null,
    Tag: a.tag ?? null,
    'Delete On Termination': a.deleteOnTermination ?? null,
  };
}

/**
 * `server add volume`: attach, by default without waiting, and print the attachment. A volume
 * attached to that server already is printed as it is, with a note on stderr, and exits 0.
 */
export async function addVolume(
  ctx: CliContext,
  server: string,
  volume: string,
  o: { device?: string; wait?: boolean },
): Promise<void> {
  // compute and block storage only: the cloud layer's attach needs no other service
  const conn = await ctx.connection('compute', 'blockStorage');
  const { attachVolume } = await import('../../cloud/volume-attach.js');
  // openstackclient returns as soon as nova accepted: wait only when asked
  const r = await attachVolume(conn, server, volume, { device: o.device, wait: !!o.wait });
  const label = r.volume.name || r.volume.id;
  if (r.alreadyAttached) {
    // the state asked for holds already: exit 0 (a re-run script goes on), say so on stderr so
    // that -f json / -f value output keeps the shape of a fresh attachment
    ctx.note(
      `Volume ${label} is already attached to server ${server}${r.device ? ` as ${r.device}` : ''}: nothing changed.`,
    );
  }
  // the cloud layer reports the volume; tag and delete_on_termination live on nova's record
  const att = await conn.compute.getVolumeAttachment(r.volume.id, { parent: { serverId: r.serverId } });
  await ctx.printOne(
    attachmentRow({
      id: att.id,
      serverId: r.serverId,
      volumeId: att.volumeId,
      device: att.device ?? r.device,
      tag: att.tag,
      deleteOnTermination: att.deleteOnTermination,
    }),
  );
}

/**
 * `server remove volume`: detach (waiting until the volume is available only with --wait);
 * prints nothing. A volume not attached to that server is a note on stderr and exits 0.
 */
export async function removeVolume(
  ctx: CliContext,
  server: string,
  volume: string,
  o: { wait?: boolean },
): Promise<void> {
  const conn = await ctx.connection('compute', 'blockStorage');
  const { detachVolume } = await import('../../cloud/volume-attach.js');
  const r = await detachVolume(conn, server, volume, { wait: !!o.wait });
  if (!r.detached) {
    ctx.note(`Volume ${r.volume.name || r.volume.id} is not attached to server ${server}: nothing changed.`);
  }
}
