/**
 * Attaching a volume to a server and detaching it again, through nova (which tells cinder),
 * waiting until cinder reports the result: the two steps every "give this server a disk" script
 * repeats, with the failure nova reports only by putting the volume back to `available`.
 */
import { ResourceFailureError, TimeoutError, ValidationError } from '../errors/errors.js';
import { sleep } from '../transport/retry.js';
import type { CloudConnection } from './cloud-connection.js';

/** What attaching and detaching use of a connection: compute asks, block storage reports. */
export type VolumeAttachConnection = Pick<CloudConnection, 'compute' | 'blockStorage'>;

import type { ServerResource, VolumeResource } from './resources.js';

/** Options of {@link attachVolume}. */
export interface AttachVolumeOptions {
  /** The device name to ask for (e.g. `/dev/vdb`); most hypervisors choose their own. */
  device?: string;
  /** Wait until cinder reports the volume `in-use` by the server (default true). */
  wait?: boolean;
  /** Wait at most this long in ms (default 300 000). */
  timeoutMs?: number;
  /** Poll interval while waiting, in ms (default 2000). */
  intervalMs?: number;
  /** Aborts the attachment's wait (the attachment itself may still complete). */
  signal?: AbortSignal;
}

/** Options of {@link detachVolume}. */
export type DetachVolumeOptions = Omit<AttachVolumeOptions, 'device'>;

/** What {@link attachVolume} did. */
export interface AttachedVolume {
  /** The server's id. */
  serverId: string;
  /** The volume as last fetched: `in-use` when the call waited. */
  volume: VolumeResource;
  /**
   * The device nova reports (e.g. `/dev/vdb`). The guest's kernel names its disks itself, so
   * inside the server the disk may have another name: find it by size or serial.
   */
  device?: string;
  /** True when the volume was attached to this server already (nothing was changed). */
  alreadyAttached: boolean;
}

/** What {@link detachVolume} did. */
export interface DetachedVolume {
  /** The server's id. */
  serverId: string;
  /** The volume as last fetched: `available` when the call waited. */
  volume: VolumeResource;
  /** False when the volume was not attached to this server (nothing was changed). */
  detached: boolean;
}

function attachmentTo(volume: VolumeResource, serverId: string) {
  return (volume.attachments ?? []).find((a) => a.server_id === serverId);
}

async function resolve(conn: VolumeAttachConnection, server: string, volume: string, signal?: AbortSignal) {
  const [s, v] = await Promise.all([
    conn.compute.findServer(server, { signal }),
    conn.blockStorage.findVolume(volume, { signal }),
  ]);
  return { server: s as ServerResource, volume: v as VolumeResource };
}

/**
 * Attach a volume (name or id) to a server (name or id) and, by default, wait until cinder
 * reports it `in-use` by that server. A volume attached to this server already is returned as
 * is; one attached elsewhere (and not multi-attach) is refused before any change. When nova
 * gives up (the volume goes back to `available`), the error is a `ResourceFailureError`.
 */
export async function attachVolume(
  conn: VolumeAttachConnection,
  server: string,
  volume: string,
  opts: AttachVolumeOptions = {},
): Promise<AttachedVolume> {
  const { signal } = opts;
  const found = await resolve(conn, server, volume, signal);
  const serverId = found.server.id;
  const current = attachmentTo(found.volume, serverId);
  if (current) return { serverId, volume: found.volume, device: current.device, alreadyAttached: true };
  const others = (found.volume.attachments ?? []).filter((a) => a.server_id);
  if (others.length > 0 && !found.volume.multiattach) {
    throw new ValidationError(
      `volume ${found.volume.name || found.volume.id} is attached to server ${others[0]!.server_id} already`,
      { field: 'volume', fix: 'detach it from that server first, or use a multi-attach volume type' },
    );
  }
  const answer = await conn.compute.createVolumeAttachment(
    { serverId, volumeId: found.volume.id, ...(opts.device ? { device: opts.device } : {}) },
    { signal },
  );
  if (!(opts.wait ?? true)) {
    return { serverId, volume: found.volume, device: answer.device ?? undefined, alreadyAttached: false };
  }
  const done = await waitForVolumeState(conn, found.volume.id, serverId, 'attach', opts);
  return {
    serverId,
    volume: done,
    device: attachmentTo(done, serverId)?.device ?? answer.device ?? undefined,
    alreadyAttached: false,
  };
}

/**
 * Detach a volume (name or id) from a server (name or id) and, by default, wait until cinder
 * reports it `available`. A volume not attached to that server is returned as is
 * (`detached: false`). Nova asks the guest to release the disk: a guest that ignores the
 * request keeps it, and the wait ends in a `TimeoutError`.
 */
export async function detachVolume(
  conn: VolumeAttachConnection,
  server: string,
  volume: string,
  opts: DetachVolumeOptions = {},
): Promise<DetachedVolume> {
  const { signal } = opts;
  const found = await resolve(conn, server, volume, signal);
  const serverId = found.server.id;
  if (!attachmentTo(found.volume, serverId)) return { serverId, volume: found.volume, detached: false };
  await conn.compute.deleteVolumeAttachment(found.volume.id, { parent: { serverId }, signal });
  if (!(opts.wait ?? true)) return { serverId, volume: found.volume, detached: true };
  const done = await waitForVolumeState(conn, found.volume.id, serverId, 'detach', opts);
  return { serverId, volume: done, detached: true };
}

/**
 * Poll until the volume is attached to (`in-use` with an attachment to the server) or detached
 * from the server. Attaching fails fast when the volume is back to `available` with no
 * attachment to the server (nova rolled back) or in an error status.
 */
async function waitForVolumeState(
  conn: VolumeAttachConnection,
  volumeId: string,
  serverId: string,
  want: 'attach' | 'detach',
  opts: DetachVolumeOptions,
): Promise<VolumeResource> {
  const { signal } = opts;
  const timeoutMs = opts.timeoutMs ?? 300_000;
  const interval = opts.intervalMs ?? 2000;
  const deadline = Date.now() + timeoutMs;
  const seen: string[] = [];
  for (;;) {
    const v = (await conn.blockStorage.getVolume(volumeId, { signal })) as VolumeResource;
    const status = v.status ?? 'unknown';
    if (seen.at(-1) !== status) seen.push(status);
    const attached = attachmentTo(v, serverId) !== undefined;
    if (want === 'attach' && status === 'in-use' && attached) return v;
    // a multi-attach volume stays in-use while other servers hold it
    if (want === 'detach' && !attached && (status === 'available' || (status === 'in-use' && v.multiattach)))
      return v;
    if (status.startsWith('error')) {
      throw new ResourceFailureError(
        `volume ${volumeId} went to ${status} while ${want}ing it (server ${serverId}); statuses seen: ${seen.join(' → ')}`,
        status,
      );
    }
    if (want === 'attach' && status === 'available' && !attached) {
      throw new ResourceFailureError(
        `nova did not attach volume ${volumeId} to server ${serverId}: the volume is available again ` +
          `(statuses seen: ${seen.join(' → ')}); the server's event list (openstack server event list) ` +
          'and the compute host log say why',
        status,
      );
    }
    if (Date.now() + interval > deadline) {
      throw new TimeoutError(
        `volume ${volumeId} was not ${want}ed ${want === 'attach' ? 'to' : 'from'} server ${serverId} within ` +
          `${Math.round(timeoutMs / 1000)} s (statuses seen: ${seen.join(' → ')})` +
          (want === 'detach' ? ': a guest that does not release the disk keeps it' : ''),
      );
    }
    await sleep(interval, signal);
  }
}
