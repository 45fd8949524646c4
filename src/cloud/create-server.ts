/**
 * "Give me a server": image and flavor by name, the network chosen for you, a key pair from
 * a public key, a floating IP attached, waiting until it is reachable — and on any failure,
 * everything this call created is removed again before the error is rethrown.
 */

import { ConnectionError, TimeoutError, ValidationError } from '../errors/errors.js';
import type { PartialServerResource } from '../services/compute/index.js';
import type { BlockDeviceMapping } from '../services/compute/server.js';
import type { ServerCreateInput } from '../services/compute/server-create.js';
import { callerAbortError } from '../transport/abort.js';
import { sleep } from '../transport/retry.js';
import type { CloudConnection } from './cloud-connection.js';
import { type CreatedResource, Rollback } from './created.js';
import { attachFloatingIp, findFloatingIp, findOrCreateFloatingIp, serverPort } from './floating-ip.js';
import {
  currentProjectId,
  type FlavorSpec,
  resolveExternalNetwork,
  resolveFlavor,
  resolveImage,
  resolveServerNetwork,
} from './resolve.js';
import type { FloatingIpResource, ImageResource, NetworkResource, ServerResource } from './resources.js';
import { serverIps } from './server-addresses.js';
import {
  type ReachableOptions,
  type ReachedAddress,
  reachPlan,
  waitUntilReachable,
} from './server-reachable.js';
import { deleteVolumeWhenFree } from './volume-cleanup.js';

/** Stages reported to {@link CreateServerOptions.onProgress}. */
export type CreateServerStage =
  | 'resolving'
  | 'keypair'
  | 'volume'
  | 'creating'
  | 'building'
  | 'floating-ip'
  | 'addresses'
  | 'reachable'
  | 'done'
  | 'cleanup';

/** A progress report of {@link createServer}. */
export interface CreateServerProgress {
  /** What is happening now. */
  stage: CreateServerStage;
  /** The server's status (and task, as `BUILD/spawning`) while building. */
  status?: string;
  /** Time since the call started, in ms. */
  elapsedMs: number;
  /** With stage `reachable`: the `address:port` being probed. */
  address?: string;
  /** With stage `reachable`: the number of the connection attempt about to start, from 1. */
  attempt?: number;
}

/** Options of {@link createServer}. */
export interface CreateServerOptions {
  /** The server's name. */
  name: string;
  /** Image name or id. */
  image: string;
  /** Flavor name or id, or minimums: the smallest flavor with at least that much. */
  flavor: FlavorSpec;
  /** Network name or id; default: the project's only usable non-external network. */
  network?: string;
  /** Key pair to inject; created from `publicKey` when it does not exist. */
  keyName?: string;
  /** OpenSSH public key: creates key pair `keyName` (default: the server's name) when missing. */
  publicKey?: string;
  /** Attach a floating IP (a free one of the project, else a new one). Needs `wait`. */
  autoIp?: boolean;
  /** External network floating IPs come from (default: the only external network). */
  floatingIpPool?: string;
  /** Attach this existing floating IP (address or id) instead of finding one. Needs `wait`. */
  floatingIp?: string;
  /** Reuse a free floating IP of the project before creating one (default true). */
  reuseIps?: boolean;
  /**
   * Boot from a new volume made from the image (created by this call, removed on failure); with
   * `availabilityZone`, in the block storage zone of that name when there is one.
   */
  bootFromVolume?: boolean;
  /** Size of that volume in GiB (default: the largest of the flavor disk, image min_disk and size, 1). */
  volumeSize?: number;
  /** Delete the boot volume with the server (default true). */
  deleteVolumeOnTermination?: boolean;
  /** Cloud-init user data: text or bytes (base64-encoded for you). */
  userData?: string | Uint8Array;
  /** Security group names (default: the project's `default`). */
  securityGroups?: string[];
  /** Server metadata. */
  metadata?: Record<string, string>;
  /** The availability zone to boot in (default: the cloud's). */
  availabilityZone?: string;
  /** Wait until ACTIVE with its addresses known (default true). */
  wait?: boolean;
  /**
   * Then also wait until the server accepts a TCP connection (`true`: port 22 on the floating
   * IP, else on the fixed address; or {@link ReachableOptions}). Needs `wait` and Node's `net`
   * (Node.js, Deno, Bun). When the deadline passes first, the error is a
   * `ServerUnreachableError` whose `reasons` say why as far as the SDK can tell, thrown after
   * the rollback like any other failure.
   */
  reachable?: boolean | ReachableOptions;
  /** Overall deadline in ms for everything, waits included (default 600 000). */
  timeoutMs?: number;
  /** Poll interval in ms (default 2000). */
  intervalMs?: number;
  /** Aborts the creation; what was created so far is deleted. */
  signal?: AbortSignal;
  /** Called as the work advances (for progress displays). */
  onProgress?: (p: CreateServerProgress) => void;
}

/** The server {@link createServer} made, with its addresses and what was created for it. */
export interface CreatedServer {
  /**
   * The server as last fetched (ACTIVE with addresses); with `wait: false`, nova's partial
   * create answer (fetch it with `getServer` for the rest).
   */
  server: ServerResource | PartialServerResource;
  /** Its floating IPv4 address, when one was attached. */
  publicV4?: string;
  /** Its first fixed IPv4 address. */
  privateV4?: string;
  /** Everything this call created, oldest first (server, key pair, floating IP, volume). */
  createdResources: CreatedResource[];
  /** With `reachable`: the address and port that accepted a connection. */
  reached?: ReachedAddress;
}

const GiB = 1024 ** 3;

/**
 * The block storage zone for a boot volume of a server in compute zone `zone`: the same name when
 * cinder has such a zone, else none (cinder's default). Clouds that keep volumes in their
 * server's zone (nova's `cross_az_attach = false`) refuse a boot volume from another zone; clouds
 * whose storage zones are named differently accept any.
 */
async function volumeZoneFor(
  conn: CloudConnection,
  zone: string,
  signal?: AbortSignal,
): Promise<string | undefined> {
  const zones = await conn.blockStorage.listAvailabilityZones({}, { signal }).toArray();
  return zones.some((z) => z.zoneName === zone) ? zone : undefined;
}

/** The boot volume size: the largest of what the flavor, the image and the caller ask (pure). */
export function bootVolumeSize(flavorDisk: number | undefined, image: ImageResource, asked?: number): number {
  if (asked !== undefined) return asked;
  return Math.max(1, flavorDisk ?? 0, image.minDisk ?? 0, Math.ceil((image.size ?? 0) / GiB));
}

/** Create a server and wait for it (see {@link CreateServerOptions}); removes what it created when it fails. */
export async function createServer(conn: CloudConnection, o: CreateServerOptions): Promise<CreatedServer> {
  if (!o.name) throw new ValidationError('is required', { field: 'name', fix: 'pass name' });
  if (!o.image) throw new ValidationError('is required', { field: 'image', fix: 'pass an image name or id' });
  if (!o.flavor)
    throw new ValidationError('is required', { field: 'flavor', fix: 'pass a flavor name, id or minimums' });
  const wait = o.wait ?? true;
  if (!wait && (o.autoIp || o.floatingIp)) {
    throw new ValidationError('a floating IP can only be attached once the server is ACTIVE', {
      field: 'wait',
      fix: 'leave wait on, or attach the IP later',
    });
  }
  const reach = reachPlan(o.reachable, { wait, floating: !!(o.autoIp || o.floatingIp) });
  const start = Date.now();
  const deadline = start + (o.timeoutMs ?? 600_000);
  const interval = o.intervalMs ?? 2000;
  // only the signal goes on to each request: o.timeoutMs bounds the wait for ACTIVE, not one request
  const { signal } = o;
  const report = (stage: CreateServerStage, extra: Partial<CreateServerProgress> = {}) =>
    o.onProgress?.({ stage, elapsedMs: Date.now() - start, ...extra });
  const remaining = () => {
    const left = deadline - Date.now();
    if (left <= 0)
      throw new TimeoutError(`creating server ${o.name} took longer than ${o.timeoutMs ?? 600_000} ms`);
    return left;
  };

  // --- look everything up before creating anything
  report('resolving');
  const projectId = await currentProjectId(conn, signal);
  const image = await resolveImage(conn, o.image, signal);
  const flavor = await resolveFlavor(conn, o.flavor, signal);
  const network = await resolveServerNetwork(conn, o.network, projectId, signal);
  let existingIp: FloatingIpResource | undefined;
  let pool: NetworkResource | undefined;
  if (o.floatingIp) {
    existingIp = await findFloatingIp(conn, o.floatingIp, signal);
    if (existingIp.portId) {
      throw new ValidationError(
        `floating IP ${existingIp.floatingIpAddress} is attached to port ${existingIp.portId}`,
        {
          field: 'floatingIp',
          fix: 'pass a free floating IP, or autoIp to get one',
        },
      );
    }
  } else if (o.autoIp) pool = await resolveExternalNetwork(conn, o.floatingIpPool, signal);
  const keyName = o.keyName ?? (o.publicKey ? o.name : undefined);
  const existingKey = keyName
    ? await conn.compute.findKeypair(keyName, { ignoreMissing: true, signal })
    : undefined;
  if (keyName && !existingKey && !o.publicKey) {
    throw new ValidationError(`key pair "${keyName}" does not exist`, {
      field: 'keyName',
      fix: 'pass publicKey to create it, or the name of an existing key pair',
    });
  }

  const undo = new Rollback();
  const work = async (): Promise<CreatedServer> => {
    // --- key pair
    if (keyName && !existingKey) {
      report('keypair');
      await conn.compute.createKeypair({ name: keyName, publicKey: o.publicKey!.trim() }, { signal });
      undo.add({ type: 'keypair', id: keyName, name: keyName }, () =>
        conn.compute.deleteKeypair(keyName, { ignoreMissing: true }),
      );
    }
    // --- boot volume
    let bdm: BlockDeviceMapping[] | undefined;
    if (o.bootFromVolume) {
      report('volume');
      const size = bootVolumeSize(flavor.disk ?? undefined, image, o.volumeSize);
      const zone = o.availabilityZone ? await volumeZoneFor(conn, o.availabilityZone, signal) : undefined;
      const vol = await conn.blockStorage.createVolume(
        { name: `${o.name}-boot`, size, imageRef: image.id, ...(zone ? { availabilityZone: zone } : {}) },
        { signal },
      );
      const volId = vol.id;
      undo.add({ type: 'volume', id: volId, name: `${o.name}-boot` }, () =>
        deleteVolumeWhenFree(conn, volId, { intervalMs: interval }),
      );
      await conn.blockStorage.waitForVolume(volId, 'available', {
        timeoutMs: remaining(),
        intervalMs: interval,
        signal,
      });
      bdm = [
        {
          boot_index: 0,
          uuid: volId,
          source_type: 'volume',
          destination_type: 'volume',
          delete_on_termination: o.deleteVolumeOnTermination ?? true,
        },
      ];
    }
    // --- the server
    report('creating');
    const input: ServerCreateInput = {
      name: o.name,
      flavorRef: flavor.id,
      networks: [{ uuid: network.id }],
      ...(bdm ? { blockDeviceMappingV2: bdm } : { imageRef: image.id }),
      ...(keyName ? { keyName } : {}),
      ...(o.userData !== undefined
        ? { userData: typeof o.userData === 'string' ? new TextEncoder().encode(o.userData) : o.userData }
        : {}),
      ...(o.securityGroups?.length ? { securityGroups: o.securityGroups.map((name) => ({ name })) } : {}),
      ...(o.metadata ? { metadata: o.metadata } : {}),
      ...(o.availabilityZone ? { availabilityZone: o.availabilityZone } : {}),
    };
    const removeServer = (serverId: string) =>
      undo.add({ type: 'server', id: serverId, name: o.name }, async () => {
        await conn.compute.deleteServer(serverId, { ignoreMissing: true });
        await conn.compute.waitForServerDelete(serverId, { intervalMs: interval, timeoutMs: 300_000 });
      });
    const postedAt = Date.now();
    let created: PartialServerResource;
    try {
      created = await conn.compute.createServer(input, { signal });
    } catch (e) {
      // a POST is never retried blindly; but its answer may be lost after nova created the
      // server: find it, so that the rollback removes it instead of leaving it behind
      if (e instanceof ConnectionError || e instanceof TimeoutError) {
        const lost = await findLostServer(conn, o.name, postedAt).catch(() => undefined);
        if (lost) removeServer(lost);
      }
      throw e;
    }
    const serverId = created.id;
    removeServer(serverId);
    if (!wait) {
      report('done');
      return { server: created, createdResources: undo.created };
    }
    report('building', { status: created.status ?? 'BUILD' });
    let server = await conn.compute.waitForServerIdle(serverId, 'ACTIVE', {
      timeoutMs: remaining(),
      intervalMs: interval,
      signal,
      onPoll: (status) => report('building', { status }),
    });
    // --- floating IP
    let floatingAddress: string | undefined;
    if (existingIp || pool) {
      report('floating-ip');
      const port = await serverPort(conn, serverId, network.id, signal);
      let fip = existingIp;
      if (!fip) {
        const r = await findOrCreateFloatingIp(conn, pool!, projectId, { reuse: o.reuseIps, signal });
        fip = r.floatingIp;
        if (r.created) {
          const id = fip.id;
          undo.add({ type: 'floating-ip', id, name: fip.floatingIpAddress ?? undefined }, () =>
            conn.network.deleteFloatingIp(id, { ignoreMissing: true }),
          );
        }
      }
      const attached = await attachFloatingIp(conn, fip, port, signal);
      floatingAddress = attached.floatingIpAddress ?? fip.floatingIpAddress ?? undefined;
      const id = fip.id;
      // reused or given IPs are only detached on failure, never deleted
      undo.add(undefined, () => conn.network.disassociateFloatingIp(id).catch(() => undefined));
    }
    // --- addresses known to nova
    report('addresses');
    for (;;) {
      const ips = serverIps(server.addresses ?? undefined, network.name ?? undefined);
      if (ips.privateV4 && (!floatingAddress || ips.all.some((a) => a.addr === floatingAddress))) {
        const publicV4 = floatingAddress ?? ips.publicV4;
        // --- answers, not only ACTIVE
        const reached = reach
          ? await waitUntilReachable(conn, reach, {
              serverId,
              serverName: o.name,
              networkId: network.id,
              privateV4: ips.privateV4,
              floatingV4: publicV4,
              deadline,
              intervalMs: interval,
              signal,
              onAttempt: (address, attempt) => report('reachable', { address, attempt }),
            })
          : undefined;
        report('done', { status: server.status ?? undefined });
        return {
          server,
          privateV4: ips.privateV4,
          publicV4,
          createdResources: undo.created,
          ...(reached ? { reached } : {}),
        };
      }
      if (signal?.aborted) throw callerAbortError('createServer', signal);
      if (Date.now() + interval > deadline) {
        throw new TimeoutError(
          `server ${o.name} (${serverId}) is ACTIVE but nova does not report ${floatingAddress ? `floating IP ${floatingAddress}` : 'a fixed IPv4 address'} yet`,
        );
      }
      await sleep(interval, signal).catch(() => undefined);
      server = await conn.compute.getServer(serverId, { signal });
    }
  };
  return undo.guard(work, () => report('cleanup'));
}

/**
 * The server a create whose answer was lost made, if it can be told apart: the only server named
 * exactly `name` created since shortly before the POST (a minute of slack for clock skew).
 * Undefined when there is none, or more than one (then none is touched).
 */
async function findLostServer(
  conn: CloudConnection,
  name: string,
  postedAt: number,
): Promise<string | undefined> {
  const since = postedAt - 60_000;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const ids: string[] = [];
  const list = conn.compute.listServers({
    name: `^${escaped}$`,
    changesSince: new Date(since).toISOString(),
  });
  for await (const s of list) {
    const created = s.created ? Date.parse(String(s.created)) : Number.NaN;
    if (s.name === name && !(created < since)) ids.push(s.id);
    if (ids.length > 1) return undefined;
  }
  return ids[0];
}
