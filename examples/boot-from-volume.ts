/**
 * Boot from volume: a server whose root disk is a cinder volume rather than a local copy of
 * the image, so the disk outlives the server. First the usual way — `cloud.createServer` with
 * `bootFromVolume`, which asks cinder for a volume made from the image. A cloud that cannot
 * do that (the dev cloud: its fake cinder driver cannot copy an image into a volume, the volume
 * goes to `error`) gets a second way that needs no image copy: a blank volume made bootable
 * and handed to nova as the boot device (source_type volume, boot_index 0). The program says
 * which way ran. Then the server and the volume are deleted.
 *
 * Run: node --import tsx examples/boot-from-volume.ts [cloud] [admin-cloud]
 *
 * admin-cloud (default devcloud) is only used when a volume is still attached after its
 * server is gone: the dev cloud's nova runs without service tokens, and cinder refuses its
 * detach, so the example forces the volume back to available as admin before deleting it.
 */
import { ConfigError, Connection, ResourceFailureError } from '../src/index.js';

const fast = { intervalMs: 1000, timeoutMs: 120_000 };

/** Options of {@link bootFromVolume}. */
export interface BootFromVolumeOptions {
  /** An admin connection, to free a volume a broken detach left `in-use` (see the file comment). */
  admin?: Connection;
}

async function deleteVolume(
  conn: Connection,
  id: string,
  log: (s: string) => void,
  admin?: Connection,
): Promise<void> {
  const bs = conn.blockStorage;
  let vol = await bs.getVolume(id);
  // After the server is gone nova has normally detached the volume; give it a few seconds.
  for (let i = 0; i < 5 && vol.status !== 'available' && !vol.status?.startsWith('error'); i++) {
    await new Promise((r) => setTimeout(r, 1000));
    vol = await bs.getVolume(id);
  }
  if (vol.status === 'in-use') {
    if (!admin) {
      throw new Error(
        `volume ${id} is still in-use after its server was deleted; free it as admin (os-reset_status)`,
      );
    }
    await admin.blockStorage.resetVolumeStatus(id, { status: 'available', attachStatus: 'detached' });
    log(
      `volume ${vol.name} stayed in-use after its server was deleted (this cloud's cinder refused nova's detach); forced back to available as admin`,
    );
  }
  await bs.deleteVolume(id, { ignoreMissing: true });
  await bs.waitForVolumeDelete(id, fast);
}

export async function bootFromVolume(
  conn: Connection,
  log: (s: string) => void,
  opts: BootFromVolumeOptions = {},
): Promise<void> {
  const prefix = `example-bfv-${Date.now().toString(36)}`;
  // 1. The usual way: a volume made from the image, deleted with the server.
  try {
    const made = await conn.cloud.createServer({
      name: `${prefix}-image`,
      image: 'cirros',
      flavor: 'm1.nano',
      network: 'private',
      bootFromVolume: true,
      volumeSize: 1,
      intervalMs: 1000,
      timeoutMs: 180_000,
    });
    const vol = made.createdResources.find((r) => r.type === 'volume');
    log(
      `server ${made.server.name} is ${made.server.status}, booted from volume ${vol?.id} made from image cirros`,
    );
    await conn.cloud.deleteServer(made.server.id, { intervalMs: 1000 });
    if (vol) await deleteVolume(conn, vol.id, log, opts.admin).catch(() => {}); // normally gone with the server
    log(`deleted server ${made.server.name} and its volume`);
    return;
  } catch (e) {
    if (!(e instanceof ResourceFailureError)) throw e;
    log(`this cloud cannot make a volume from an image (${e.message}); createServer removed what it made`);
  }

  // 2. Instead: a blank bootable volume as the boot device. Nothing is copied into it, so on a
  // real cloud this server would have an empty disk; here it shows the volume-boot plumbing.
  log('instead: booting from a blank volume (source_type volume, boot_index 0); its disk holds no OS');
  const bs = conn.blockStorage;
  const vol = await bs.createVolume({ name: `${prefix}-root`, size: 1 });
  try {
    await bs.waitForVolume(vol.id, 'available', fast);
    await bs.setVolumeBootable(vol.id, true);
    const [flavor, network] = await Promise.all([
      conn.compute.findFlavor('m1.nano'),
      conn.network.findNetwork('private'),
    ]);
    const server = await conn.compute.createServer({
      name: `${prefix}-blank`,
      flavorRef: flavor.id,
      networks: [{ uuid: network.id }],
      // no imageRef: the boot device is the volume
      blockDeviceMappingV2: [
        {
          boot_index: 0,
          uuid: vol.id,
          source_type: 'volume',
          destination_type: 'volume',
          delete_on_termination: false,
        },
      ],
    });
    try {
      const active = await conn.compute.waitForServer(server, 'ACTIVE', fast);
      const attached = await bs.getVolume(vol.id);
      log(
        `server ${active.name} is ${active.status} with image "${active.image ?? ''}" (none: booted from a volume); ` +
          `volume ${attached.name} is ${attached.status}, bootable ${attached.bootable}, at ${attached.attachments?.[0]?.device}`,
      );
    } finally {
      await conn.compute.deleteServer(server, { ignoreMissing: true });
      await conn.compute.waitForServerDelete(server, fast);
      log(`deleted server ${server.name}`);
    }
  } finally {
    await deleteVolume(conn, vol.id, log, opts.admin);
    log(`deleted volume ${vol.name}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const conn = Connection.fromCloud(args[0] ?? process.env.OS_CLOUD ?? 'devcloud-demo');
  // the admin cloud is optional: without it a volume stuck in-use is reported, not forced
  let admin: Connection | undefined;
  try {
    admin = Connection.fromCloud(args[1] ?? 'devcloud');
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
  }
  try {
    await bootFromVolume(conn, console.log, { admin });
  } finally {
    await conn.close();
    await admin?.close();
  }
}
